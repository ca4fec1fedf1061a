#!/usr/bin/env python3
"""High-precision (mpmath) references for the benchmark input sets (benchmarks module, docs/benchmarks.md).

Reads the inputs written by the Java generator (io.levex.bench.DumpInputs: the first 4,096 options of each
input set, exact doubles) and writes, with the functions of scripts/reference/black76_mpmath.py (same
conventions, precision checks and number format as risk-core's mpmath fixtures):

  bench_{core,wings,short}_greeks.csv  price, delta, gamma, vega per vol point, theta per day (B1 gate)
  bench_core_iv.csv                    implied-vol round trips of the core set at its vols (B2 gate)
  bench_hardIv_iv.csv                  prices = discounted intrinsic + time value (1e-12..1e-6 F); iv (B2 gate)

Usage (from the repository root, after building benchmarks/target/benchmarks.jar):
  java -cp benchmarks/target/benchmarks.jar io.levex.bench.DumpInputs /tmp/bench-inputs
  python3 benchmarks/scripts/bench_reference.py --inputs /tmp/bench-inputs \
      --out benchmarks/src/main/resources/reference [--jobs 2]
"""

import argparse
import csv
import os
import sys
import time
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "reference"))

import black76_mpmath as ref  # noqa: E402
import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

GREEK_OUT = ["price_usd", "delta", "gamma", "vega_per_vol_pt", "theta_per_day"]
GREEK_COLS = ["option_type", "forward", "strike", "t_years", "vol", "rate"] + GREEK_OUT + \
             ["price_is_subnormal_or_zero"]
IV_COLS = ["option_type", "forward", "strike", "t_years", "rate", "price_usd", "iv_exact",
           "time_value_over_forward", "well_posed", "iv_per_price_ulp"]
COMMAND = ("python3 benchmarks/scripts/bench_reference.py --inputs DIR "
           "--out benchmarks/src/main/resources/reference")


def read_inputs(path):
    rows = []
    with open(path) as f:
        lines = [l for l in f if not l.startswith("#")]
    for r in csv.DictReader(lines):
        rows.append(r)
    return rows


def greek_row(r):
    cp, F, K, T, sig, rate = (r["option_type"], float(r["forward"]), float(r["strike"]),
                              float(r["t_years"]), float(r["vol"]), float(r["rate"]))
    dbl, _ = ref.greek_doubles(cp, F, K, T, sig, rate, ref.BASE_DPS)
    chk, _ = ref.greek_doubles(cp, F, K, T, sig, rate, ref.CHECK_DPS)
    for c in GREEK_OUT:
        if repr(dbl[c]) != repr(chk[c]):
            raise RuntimeError("precision check %s %r: %r vs %r" % (c, r, dbl[c], chk[c]))
    out = {"option_type": cp, "forward": repr(F), "strike": repr(K), "t_years": repr(T), "vol": repr(sig),
           "rate": repr(rate)}
    for c in GREEK_OUT:
        out[c] = repr(dbl[c])
    out["price_is_subnormal_or_zero"] = "1" if ref.is_subnormal_or_zero(dbl["price_usd"]) else "0"
    return out


def core_iv_row(r):
    cp, F, K, T, sig, rate = (r["option_type"], float(r["forward"]), float(r["strike"]),
                              float(r["t_years"]), float(r["vol"]), float(r["rate"]))
    p = ref.price_double(cp, F, K, T, sig, rate)
    return iv_out(ref.iv_record(cp, F, K, T, rate, sig, p, "core"))


def hard_iv_row(r):
    cp, F, K, T, rate, tv = (r["option_type"], float(r["forward"]), float(r["strike"]),
                             float(r["t_years"]), float(r["rate"]), float(r["tv_over_forward"]))
    prices = []
    for dps in (ref.BASE_DPS, ref.CHECK_DPS):
        with mp.workdps(dps):
            lower, _ = ref.bounds(cp, mpf(F), mpf(K), mpf(T), mpf(rate))
            prices.append(ref.to_double(lower + mpf(tv) * mpf(F)))
    if repr(prices[0]) != repr(prices[1]):
        raise RuntimeError("price precision check %r" % (r,))
    # vol guess for the bracket search: the ATM-like scale of the moneyness
    return iv_out(ref.iv_record(cp, F, K, T, rate, None, prices[0], "hardIv"))


def iv_out(row):
    return {c: row[c] for c in IV_COLS}


def header(title, lines):
    out = ["# %s" % title,
           "# Generator: benchmarks/scripts/bench_reference.py on the functions of %s (mpmath %s, Python %d.%d.%d),"
           " mp.dps = %d; every value recomputed at dps = %d and required to give the identical double."
           % (ref.GENERATOR, mpmath.__version__, sys.version_info[0], sys.version_info[1], sys.version_info[2],
              ref.BASE_DPS, ref.CHECK_DPS),
           "# Inputs: io.levex.bench.InputSet (benchmarks module; deterministic SplitMix64 seeds), first 4,096"
           " options; Regenerate: see benchmarks/src/main/resources/reference/PROVENANCE.md (%s)." % COMMAND,
           "# Numbers: inputs are exact doubles and the reference is for those exact inputs; outputs are the doubles"
           " nearest the exact values, printed with Python repr()."]
    out += ["# " + l for l in lines]
    return "\n".join(out) + "\n"


def write(path, head, cols, rows):
    with open(path, "w", newline="") as f:
        f.write(head)
        f.write(",".join(cols) + "\n")
        for r in rows:
            f.write(",".join(r[c] for c in cols) + "\n")
    print("wrote %s (%d rows)" % (path, len(rows)), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N rows (smoke test)")
    ap.add_argument("--only", default="", help="comma list of outputs: core,wings,short,core_iv,hardIv_iv")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    mp.dps = ref.BASE_DPS
    only = set(filter(None, args.only.split(",")))

    def rows_of(set_id):
        rows = read_inputs(os.path.join(args.inputs, "bench_inputs_%s.csv" % set_id))
        return rows[:args.limit] if args.limit else rows

    greek_head = ("Black-76 prices and greeks of a benchmark input set, high-precision reference (mpmath). Levex"
                  " conventions, per 1 coin, USD.")
    greek_lines = ["price_usd V (discounted); delta dV/dF; gamma d2V/dF2; vega_per_vol_pt (dV/dvol)/100;"
                   " theta_per_day (dV/dt with F fixed, t calendar time = -dV/dT)/365;"
                   " price_is_subnormal_or_zero = 1 when price_usd is subnormal or 0."]
    iv_head = "Black-76 implied-vol round trips of a benchmark input set, high-precision reference (mpmath)."
    iv_lines = ["price_usd: the double nearest the exact discounted price (core: at the set's vol; hardIv: the exact"
                " discounted intrinsic value df max(+-(F-K), 0) plus tv_over_forward * F); iv_exact: the double"
                " nearest the vol reproducing price_usd exactly; well_posed = 1 iff lower < price < upper and T > 0;"
                " iv_per_price_ulp = ulp(price_usd) / vega: the vol change from one ulp of the price (the floor"
                " any solver can reach). Columns as risk-core's mpmath_black76_iv.csv."]
    t0 = time.time()
    with Pool(args.jobs) as pool:
        for set_id in ("core", "wings", "short"):
            if only and set_id not in only:
                continue
            rows = pool.map(greek_row, rows_of(set_id), chunksize=16)
            write(os.path.join(args.out, "bench_%s_greeks.csv" % set_id),
                  header(greek_head, greek_lines + ["Input set: %s." % set_id]), GREEK_COLS, rows)
        if not only or "core_iv" in only:
            rows = pool.map(core_iv_row, rows_of("core"), chunksize=8)
            write(os.path.join(args.out, "bench_core_iv.csv"),
                  header(iv_head, iv_lines + ["Input set: core (prices at the set's vols)."]), IV_COLS, rows)
        if not only or "hardIv_iv" in only:
            rows = pool.map(hard_iv_row, rows_of("hardIv"), chunksize=8)
            write(os.path.join(args.out, "bench_hardIv_iv.csv"),
                  header(iv_head, iv_lines + ["Input set: hardIv (time value 1e-12..1e-6 F)."]), IV_COLS, rows)
    print("time %.1fs" % (time.time() - t0))


if __name__ == "__main__":
    main()
