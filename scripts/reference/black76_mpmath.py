#!/usr/bin/env python3
"""High-precision Black-76 reference fixtures for risk-core tests (mpmath).

Writes two CSV files into --out:

  mpmath_black76_grid.csv  prices and greeks (USD and coin terms) on a hard grid
  mpmath_black76_iv.csv    implied-volatility round trips, including ill-posed prices

Conventions (Levex): everything per 1 coin of underlying, values in USD.
  df = exp(-r T), s = sigma sqrt(T), d1 = [ln(F/K) + s^2/2]/s, d2 = d1 - s
  call V = df [F N(d1) - K N(d2)],  put V = df [K N(-d2) - F N(-d1)]
N is mpmath's ncdf (erfc in the lower tail); put-call parity is never used.

Numbers: every input is an exactly representable double, and the value computed
is for that exact double (mpf(float) is exact). Every output is the double
nearest the exact value (correct rounding through fractions.Fraction, including
subnormals), printed with repr() = shortest string that round-trips.

Checks that abort the run (exit status 1):
  * every grid row and every IV row is recomputed at a higher precision
    (CHECK_DPS) and the printed doubles must be identical;
  * on a sample of grid rows the closed-form greeks are compared with
    mpmath.diff derivatives of the price; relative disagreement > 1e-30 aborts;
  * every iv_exact is verified by repricing (relative time-value residual).

Run from the repository root:
  python3 scripts/reference/black76_mpmath.py --out risk-core/src/test/resources/reference
"""

import argparse
import math
import os
import sys
import time
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

BASE_DPS = 60       # precision the reference values are computed at
CHECK_DPS = 100     # independent recomputation; printed doubles must agree
DIFF_DPS = 100      # precision used for the mpmath.diff cross-check
DIFF_REL_TOL = mpf('1e-30')

COMMAND = "python3 scripts/reference/black76_mpmath.py --out risk-core/src/test/resources/reference"
GENERATOR = "scripts/reference/black76_mpmath.py"

# ----------------------------------------------------------------------------- grids

F0 = 100000.0
# 17 strikes, K/F from 0.03 to 33, log-spaced separately on each side of 1.0
# (8 steps 0.03 -> 1, 8 steps 1 -> 33), K rounded to a whole USD (exact double).
STRIKES = ([float(round(F0 * 0.03 ** (1.0 - i / 8.0))) for i in range(8)]
           + [F0]
           + [float(round(F0 * 33.0 ** (j / 8.0))) for j in range(1, 9)])
VOLS = [0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3.0]
TENORS = [1.0 / 8760.0, 1.0 / 365.0, 7.0 / 365.0, 30.0 / 365.0, 0.25, 1.0, 3.0]
TYPES = ["call", "put"]

# r != 0 subset: 5 strikes x 2 vols x 5 tenors x 2 types = 100 rows per rate
RATE_STRIKES = [STRIKES[i] for i in (0, 4, 8, 12, 16)]
RATE_VOLS = [0.2, 1.5]
RATE_TENORS = [1.0 / 8760.0, 7.0 / 365.0, 0.25, 1.0, 3.0]
RATES = [0.05, -0.01]

# expiry rows (T = 0): call and put at 5 strikes = 10 rows
EXPIRY_STRIKES = [50000.0, 90000.0, 100000.0, 110000.0, 200000.0]
EXPIRY_VOL = 0.8

# IV hard corner: out-of-the-money and (same strikes) in-the-money options,
# short-dated, sigma chosen so that the time value is tv_target * F.
HARD_OTM = [("call", k) for k in (101000.0, 105000.0, 120000.0, 150000.0, 300000.0)] + \
           [("put", k) for k in (99000.0, 95000.0, 80000.0, 60000.0, 30000.0)]
HARD_TENORS = [1.0 / 8760.0, 1.0 / 365.0, 7.0 / 365.0]
HARD_TV = [mpf('1e-12'), mpf('1e-10'), mpf('1e-8'), mpf('1e-6'), mpf('1e-4')]
HARD_RATE_EXTRA = (0.05, 1.0 / 365.0)   # extra copy of the corner at this (rate, tenor)

# ----------------------------------------------------------------------------- numbers


def to_double(x):
    """The double nearest the mpf x (round half even, subnormals and -0.0 handled)."""
    x = mpf(x)
    if not mpmath.isfinite(x):
        raise ValueError("non-finite value %r" % (x,))
    sign, man, exp, _bc = x._mpf_
    if man == 0:
        return -0.0 if sign else 0.0
    q = Fraction(man << exp) if exp >= 0 else Fraction(man, 1 << (-exp))
    v = float(q)  # int/int true division: correctly rounded in CPython
    return -v if sign else v


def fmt(x):
    return repr(to_double(x))


def fmt_in(v):
    """An input (already a double)."""
    assert isinstance(v, float)
    return repr(v)


def is_subnormal_or_zero(d):
    return abs(d) < sys.float_info.min


# ----------------------------------------------------------------------------- Black-76


def black_parts(cp, F, K, T, sig, r):
    df = mp.exp(-r * T)
    s = sig * mp.sqrt(T)
    d1 = (mp.log(F / K) + s * s / 2) / s
    d2 = d1 - s
    return df, s, d1, d2


def black_price(cp, F, K, T, sig, r):
    df, s, d1, d2 = black_parts(cp, F, K, T, sig, r)
    if cp == "call":
        return df * (F * mp.ncdf(d1) - K * mp.ncdf(d2))
    return df * (K * mp.ncdf(-d2) - F * mp.ncdf(-d1))


def black_vega(cp, F, K, T, sig, r):
    df, s, d1, d2 = black_parts(cp, F, K, T, sig, r)
    return df * F * mp.npdf(d1) * mp.sqrt(T)


def greeks_closed(cp, F, K, T, sig, r):
    """All grid quantities from closed forms (mpf inputs, current precision)."""
    df, s, d1, d2 = black_parts(cp, F, K, T, sig, r)
    n1 = mp.npdf(d1)
    n2 = mp.npdf(d2)
    sqT = mp.sqrt(T)
    if cp == "call":
        V = df * (F * mp.ncdf(d1) - K * mp.ncdf(d2))
        delta = df * mp.ncdf(d1)
        # delta - V/F = df K N(d2) / F ; d2(V/F)/dF2 = df K/F^3 [n(d2)/s - 2 N(d2)]
        delta_pa = df * K * mp.ncdf(d2) / F
        gamma_coin = df * K / F ** 3 * (n2 / s - 2 * mp.ncdf(d2))
    else:
        V = df * (K * mp.ncdf(-d2) - F * mp.ncdf(-d1))
        delta = -df * mp.ncdf(-d1)
        delta_pa = -df * K * mp.ncdf(-d2) / F
        gamma_coin = df * K / F ** 3 * (n2 / s + 2 * mp.ncdf(-d2))
    gamma = df * n1 / (F * s)
    vega = df * F * n1 * sqT                     # dV/dsigma
    theta_year = -df * F * n1 * sig / (2 * sqT) + r * V   # dV/dt = -dV/dT, F fixed
    rho = -T * V                                 # dV/dr, F fixed
    vanna = -df * n1 * d2 / sig                  # d2V/dF dsigma
    volga = vega * d1 * d2 / sig                 # d2V/dsigma2
    return {
        "price_usd": V,
        "delta": delta,
        "gamma": gamma,
        "vega_per_vol_pt": vega / 100,
        "theta_per_day": theta_year / 365,
        "rho_per_unit_rate": rho,
        "vanna": vanna,
        "volga": volga,
        "price_coin": V / F,
        "delta_coin_pa": delta_pa,
        "gamma_coin": gamma_coin,
        "vega_coin_per_vol_pt": vega / 100 / F,
        "theta_coin_per_day": theta_year / 365 / F,
    }


def greek_diff(name, cp, F, K, T, sig, r):
    """One grid quantity by numerical differentiation (mpmath.diff) of the price V(F, T, vol, r)."""
    P = lambda f, t, v, rr: black_price(cp, f, K, t, v, rr)
    coin = lambda f: P(f, T, sig, r) / f
    d = mp.diff
    if name == "price_usd":
        return P(F, T, sig, r)
    if name == "price_coin":
        return coin(F)
    if name == "delta":
        return d(lambda f: P(f, T, sig, r), F)
    if name == "gamma":
        return d(lambda f: P(f, T, sig, r), F, 2)
    if name == "vega_per_vol_pt":
        return d(lambda v: P(F, T, v, r), sig) / 100
    if name == "vega_coin_per_vol_pt":
        return d(lambda v: P(F, T, v, r), sig) / 100 / F
    if name == "theta_per_day":
        return -d(lambda t: P(F, t, sig, r), T) / 365
    if name == "theta_coin_per_day":
        return -d(lambda t: P(F, t, sig, r), T) / 365 / F
    if name == "rho_per_unit_rate":
        return d(lambda rr: P(F, T, sig, rr), r)
    if name == "vanna":
        return d(lambda f, v: P(f, T, v, r), (F, sig), (1, 1))
    if name == "volga":
        return d(lambda v: P(F, T, v, r), sig, 2)
    if name == "delta_coin_pa":
        return F * d(coin, F)
    if name == "gamma_coin":
        return d(coin, F, 2)
    raise KeyError(name)


GREEK_COLS = ["price_usd", "delta", "gamma", "vega_per_vol_pt", "theta_per_day",
              "rho_per_unit_rate", "vanna", "volga", "price_coin", "delta_coin_pa",
              "gamma_coin", "vega_coin_per_vol_pt", "theta_coin_per_day"]
GRID_COLS = ["option_type", "forward", "strike", "t_years", "vol", "rate"] + GREEK_COLS + \
            ["price_is_subnormal_or_zero", "row_kind"]


def fail(msg):
    sys.stderr.write("ABORT: " + msg + "\n")
    sys.exit(1)


def greek_doubles(cp, F, K, T, sig, r, dps):
    with mp.workdps(dps):
        g = greeks_closed(cp, mpf(F), mpf(K), mpf(T), mpf(sig), mpf(r))
        return {k: to_double(v) for k, v in g.items()}, g


def grid_rows():
    rows = []
    for cp in TYPES:
        for T in TENORS:
            for sig in VOLS:
                for K in STRIKES:
                    rows.append((cp, F0, K, T, sig, 0.0, "grid_r0"))
    for r in RATES:
        for cp in TYPES:
            for T in RATE_TENORS:
                for sig in RATE_VOLS:
                    for K in RATE_STRIKES:
                        rows.append((cp, F0, K, T, sig, r, "grid_rate"))
    return rows


def build_grid():
    out = []
    specs = grid_rows()
    for idx, (cp, F, K, T, sig, r, kind) in enumerate(specs):
        dbl, exact = greek_doubles(cp, F, K, T, sig, r, BASE_DPS)
        dbl_chk, exact_chk = greek_doubles(cp, F, K, T, sig, r, CHECK_DPS)
        for c in GREEK_COLS:
            if repr(dbl[c]) != repr(dbl_chk[c]):
                fail("precision check: %s %r row %d: %r vs %r" % (c, (cp, F, K, T, sig, r), idx,
                                                                  dbl[c], dbl_chk[c]))
        row = {"option_type": cp, "forward": fmt_in(F), "strike": fmt_in(K), "t_years": fmt_in(T),
               "vol": fmt_in(sig), "rate": fmt_in(r)}
        for c in GREEK_COLS:
            row[c] = repr(dbl[c])
        row["price_is_subnormal_or_zero"] = "1" if is_subnormal_or_zero(dbl["price_usd"]) else "0"
        row["row_kind"] = kind
        out.append(row)
    # expiry rows (T = 0): intrinsic value, step delta (0.5 / -0.5 exactly at the money)
    for cp in TYPES:
        for K in EXPIRY_STRIKES:
            F = F0
            Fm, Km = mpf(F), mpf(K)
            if cp == "call":
                V = max(Fm - Km, mpf(0))
                delta = mpf(1) if F > K else (mpf('0.5') if F == K else mpf(0))
                gamma_coin = -2 * Km / Fm ** 3 if F > K else mpf(0)
            else:
                V = max(Km - Fm, mpf(0))
                delta = mpf(-1) if F < K else (mpf('-0.5') if F == K else mpf(0))
                gamma_coin = 2 * Km / Fm ** 3 if F < K else mpf(0)
            g = {c: mpf(0) for c in GREEK_COLS}
            g["price_usd"] = V
            g["delta"] = delta
            g["price_coin"] = V / Fm
            g["delta_coin_pa"] = delta - V / Fm
            g["gamma_coin"] = gamma_coin
            row = {"option_type": cp, "forward": fmt_in(F), "strike": fmt_in(K), "t_years": fmt_in(0.0),
                   "vol": fmt_in(EXPIRY_VOL), "rate": fmt_in(0.0)}
            for c in GREEK_COLS:
                row[c] = fmt(g[c])
            row["price_is_subnormal_or_zero"] = "1" if is_subnormal_or_zero(to_double(V)) else "0"
            row["row_kind"] = "expiry"
            out.append(row)
    return specs, out


DIFF_MAX_DPS = 700


def cross_check_diff(specs):
    """Closed forms (BASE_DPS) vs mpmath.diff (>= DIFF_DPS) on a deterministic sample.

    mpmath.diff resolves a derivative only to about 10^-dps of the function it
    differentiates, so the working precision is raised by log10(|V| / |quantity|)
    digits per quantity; quantities that would need more than DIFF_MAX_DPS digits
    (e.g. the gamma of a deep in-the-money one-hour option, ~1e-9355793) are skipped
    and counted.
    """
    sample = [s for i, s in enumerate(specs) if i % 9 == 0]
    for s in specs:   # always include the extreme corners
        cp, F, K, T, sig, r, kind = s
        if (K in (STRIKES[0], STRIKES[-1]) and T == TENORS[0]) or (K == F0 and sig == VOLS[0]):
            if s not in sample:
                sample.append(s)
    worst = mpf(0)
    n = skipped = 0
    for (cp, F, K, T, sig, r, kind) in sample:
        with mp.workdps(BASE_DPS):
            a = greeks_closed(cp, mpf(F), mpf(K), mpf(T), mpf(sig), mpf(r))
        for c in GREEK_COLS:
            x = a[c]
            base = a["price_coin"] if "coin" in c else a["price_usd"]
            if x == 0:
                skipped += 1
                continue
            extra = max(0, int(mp.ceil(mp.log10(abs(base) / abs(x)))))
            dps = DIFF_DPS + extra
            if dps > DIFF_MAX_DPS:
                skipped += 1
                continue
            with mp.workdps(dps):
                y = greek_diff(c, cp, mpf(F), mpf(K), mpf(T), mpf(sig), mpf(r))
                rel = abs(x - y) / max(abs(x), abs(y))
            if rel > DIFF_REL_TOL:
                fail("closed form vs mpmath.diff: %s %r: %s vs %s (rel %s)"
                     % (c, (cp, F, K, T, sig, r), mpmath.nstr(x, 25), mpmath.nstr(y, 25),
                        mpmath.nstr(rel, 3)))
            worst = max(worst, rel)
            n += 1
    return len(sample), n, skipped, worst


# ----------------------------------------------------------------------------- implied vol

IV_COLS = ["option_type", "forward", "strike", "t_years", "rate", "sigma_input", "price_usd",
           "iv_exact", "time_value_over_forward", "well_posed", "iv_per_price_ulp", "row_kind"]


def bounds(cp, F, K, T, r):
    """(lower, upper) no-arbitrage bounds of the discounted price, exact mpf."""
    df = mp.exp(-r * T)
    if cp == "call":
        return df * max(F - K, mpf(0)), df * F
    return df * max(K - F, mpf(0)), df * K


def time_value(cp, F, K, T, sig, r):
    lo, _ = bounds(cp, F, K, T, r)
    return black_price(cp, F, K, T, sig, r) - lo


def solve_sigma_for_tv(cp, F, K, T, r, target, guess, dps):
    """sigma > 0 with time_value(sigma) == target (target > 0, below the bound gap).

    Bracket by doubling/halving, narrow by bisection in log(sigma), finish with
    mpmath.findroot (Illinois, bracketing) on the relative residual.
    """
    with mp.workdps(dps):
        F, K, T, r, target = mpf(F), mpf(K), mpf(T), mpf(r), mpf(target)
        g = lambda v: (time_value(cp, F, K, T, v, r) - target) / target
        lo = hi = mpf(guess)
        if g(lo) < 0:
            for _ in range(400):
                lo = hi
                hi = lo * 2
                if g(hi) > 0:
                    break
            else:
                raise RuntimeError("no upper bracket")
        else:
            for _ in range(400):
                hi = lo
                lo = hi / 2
                if g(lo) < 0:
                    break
            else:
                raise RuntimeError("no lower bracket")
        for _ in range(40):   # bisection in log-space until hi/lo < 1 + 1e-9
            if hi / lo < 1 + mpf('1e-9'):
                break
            mid = mp.sqrt(lo * hi)
            if g(mid) < 0:
                lo = mid
            else:
                hi = mid
        root = mp.findroot(g, (lo, hi), solver="illinois", maxsteps=200)
        if not (lo <= root <= hi):
            raise RuntimeError("findroot left the bracket")
        return root


def iv_record(cp, F, K, T, r, sig_in, price, kind, expect_well_posed=None):
    """One IV row. price is a double (the quoted price); sig_in a double or None."""
    row = {"option_type": cp, "forward": fmt_in(F), "strike": fmt_in(K), "t_years": fmt_in(T),
           "rate": fmt_in(r), "sigma_input": "" if sig_in is None else fmt_in(sig_in),
           "price_usd": repr(price), "row_kind": kind}
    with mp.workdps(BASE_DPS):
        Fm, Km, Tm, rm, p = mpf(F), mpf(K), mpf(T), mpf(r), mpf(price)
        lo, up = bounds(cp, Fm, Km, Tm, rm)
        tv = p - lo
        row["time_value_over_forward"] = fmt(tv / Fm)
        well = (T > 0) and (tv > 0) and (p < up)
    row["well_posed"] = "1" if well else "0"
    if expect_well_posed is not None and well != expect_well_posed:
        fail("ill-posed row %r is classified well_posed=%s" % ((cp, F, K, T, r, price), well))
    if not well:
        row["iv_exact"] = ""
        row["iv_per_price_ulp"] = ""
        return row
    # guard digits against the cancellation price - intrinsic
    with mp.workdps(BASE_DPS):
        cancel = max(0, int(mp.ceil(mp.log10(mpf(price) / tv))))
    dps = BASE_DPS + 10 + cancel
    guess = sig_in if sig_in is not None else 0.5
    ivs = []
    for wd in (dps, dps + (CHECK_DPS - BASE_DPS)):
        with mp.workdps(wd):
            target = mpf(price) - bounds(cp, Fm, Km, Tm, rm)[0]
            iv = solve_sigma_for_tv(cp, F, K, T, r, target, guess, wd)
            # verify by repricing: the exact Black price at iv equals the double price
            resid = abs(black_price(cp, Fm, Km, Tm, iv, rm) - mpf(price)) / target
            if resid > mpf(10) ** (-(BASE_DPS - 10)):
                fail("iv verification failed %r: residual %s" % ((cp, F, K, T, r, price),
                                                                  mpmath.nstr(resid, 3)))
            ivs.append(iv)
    a, b = to_double(ivs[0]), to_double(ivs[1])
    if repr(a) != repr(b):
        fail("iv precision check %r: %r vs %r" % ((cp, F, K, T, r, price), a, b))
    row["iv_exact"] = repr(a)
    with mp.workdps(BASE_DPS + 10 + cancel):
        vega = black_vega(cp, Fm, Km, Tm, ivs[0], rm)
        row["iv_per_price_ulp"] = fmt(mpf(math.ulp(price)) / vega)
    return row


def price_double(cp, F, K, T, sig, r):
    with mp.workdps(BASE_DPS):
        a = to_double(black_price(cp, mpf(F), mpf(K), mpf(T), mpf(sig), mpf(r)))
    with mp.workdps(CHECK_DPS):
        b = to_double(black_price(cp, mpf(F), mpf(K), mpf(T), mpf(sig), mpf(r)))
    if repr(a) != repr(b):
        fail("price precision check %r: %r vs %r" % ((cp, F, K, T, sig, r), a, b))
    return a


def build_iv():
    rows = []
    # 1. the grid (r = 0) and its r != 0 subset, same as the greek grid
    for (cp, F, K, T, sig, r, kind) in grid_rows():
        p = price_double(cp, F, K, T, sig, r)
        rows.append(iv_record(cp, F, K, T, r, sig, p, kind))
    # 2. hard corner: short-dated, OTM and ITM, time value = tv_target * F
    corner = []
    for T in HARD_TENORS:
        corner.append((0.0, T))
    corner.append(HARD_RATE_EXTRA)
    for (r, T) in corner:
        for (cp_otm, K) in HARD_OTM:
            for cp in (cp_otm, "put" if cp_otm == "call" else "call"):
                kind = "hard_otm" if cp == cp_otm else "hard_itm"
                for tvt in HARD_TV:
                    with mp.workdps(BASE_DPS):
                        target = tvt * mpf(F0)
                    lin = abs(math.log(K / F0))
                    guess = max(0.05, lin / math.sqrt(T) / 4.0)
                    sig = solve_sigma_for_tv(cp, F0, K, T, r, target, guess, BASE_DPS + 40)
                    sig_in = to_double(sig)
                    p = price_double(cp, F0, K, T, sig_in, r)
                    rows.append(iv_record(cp, F0, K, T, r, sig_in, p, kind))
    # 3. ill-posed on purpose (no sigma_input; iv_exact empty)
    T1, T30 = 1.0 / 8760.0, 30.0 / 365.0
    ill = [
        # (type, K, T, r, price, kind)
        ("call", 90000.0, T30, 0.0, 10000.0, "ill_price_eq_intrinsic"),
        ("call", 90000.0, T30, 0.0, 9999.0, "ill_price_below_intrinsic"),
        ("call", 90000.0, T30, 0.0, math.nextafter(10000.0, 0.0), "ill_price_below_intrinsic"),
        ("call", 90000.0, T30, 0.0, 0.0, "ill_price_zero"),
        ("call", 90000.0, T30, 0.0, -1.0, "ill_price_negative"),
        ("call", 90000.0, T30, 0.0, 100000.0, "ill_price_eq_upper_bound"),
        ("call", 90000.0, T30, 0.0, 100001.0, "ill_price_above_upper_bound"),
        ("call", 110000.0, T30, 0.0, 0.0, "ill_price_zero"),
        ("call", 110000.0, T30, 0.0, -5e-324, "ill_price_negative"),
        ("call", 110000.0, T30, 0.0, 100000.0, "ill_price_eq_upper_bound"),
        ("call", 110000.0, T30, 0.0, 1.0e6, "ill_price_above_upper_bound"),
        ("call", 100000.0, T30, 0.0, 0.0, "ill_price_zero"),
        ("call", 100000.0, T30, 0.0, 100000.0, "ill_price_eq_upper_bound"),
        ("call", 100000.0, T30, 0.0, math.nextafter(100000.0, math.inf), "ill_price_above_upper_bound"),
        ("put", 110000.0, T30, 0.0, 10000.0, "ill_price_eq_intrinsic"),
        ("put", 110000.0, T30, 0.0, 9999.5, "ill_price_below_intrinsic"),
        ("put", 110000.0, T30, 0.0, 0.0, "ill_price_zero"),
        ("put", 110000.0, T30, 0.0, 110000.0, "ill_price_eq_upper_bound"),
        ("put", 110000.0, T30, 0.0, 120000.0, "ill_price_above_upper_bound"),
        ("put", 90000.0, T30, 0.0, 0.0, "ill_price_zero"),
        ("put", 90000.0, T30, 0.0, 90000.0, "ill_price_eq_upper_bound"),
        ("put", 90000.0, T30, 0.0, -0.01, "ill_price_negative"),
        ("put", 100000.0, T30, 0.0, 0.0, "ill_price_zero"),
        ("put", 100000.0, T30, 0.0, 100000.5, "ill_price_above_upper_bound"),
        # one hour to expiry, deep OTM quoted at 0 and deep ITM quoted at intrinsic
        ("call", 150000.0, T1, 0.0, 0.0, "ill_price_zero"),
        ("put", 60000.0, T1, 0.0, 0.0, "ill_price_zero"),
        ("call", 60000.0, T1, 0.0, 40000.0, "ill_price_eq_intrinsic"),
        ("put", 150000.0, T1, 0.0, 50000.0, "ill_price_eq_intrinsic"),
        ("call", 3000.0, T1, 0.0, 97000.0, "ill_price_eq_intrinsic"),
        ("put", 3300000.0, T1, 0.0, 3200000.0, "ill_price_eq_intrinsic"),
        # at expiry (T = 0) no volatility can be implied
        ("call", 90000.0, 0.0, 0.0, 10000.0, "ill_expiry"),
        ("call", 110000.0, 0.0, 0.0, 5.0, "ill_expiry"),
        ("put", 100000.0, 0.0, 0.0, 1.0, "ill_expiry"),
    ]
    # discounted cases (r = 0.05, T = 1 and r = -0.01, T = 0.25): bounds are not doubles
    for (r, T) in ((0.05, 1.0), (-0.01, 0.25)):
        with mp.workdps(BASE_DPS):
            for (cp, K) in (("call", 90000.0), ("put", 110000.0), ("call", 110000.0), ("put", 90000.0)):
                lo, up = bounds(cp, mpf(F0), mpf(K), mpf(T), mpf(r))
                lo_d, up_d = to_double(lo), to_double(up)
                below = lo_d if mpf(lo_d) < lo else math.nextafter(lo_d, -math.inf)
                above = up_d if mpf(up_d) > up else math.nextafter(up_d, math.inf)
                if lo > 0:
                    ill.append((cp, K, T, r, below, "ill_price_below_intrinsic"))
                    ill.append((cp, K, T, r, lo_d - 1.0, "ill_price_below_intrinsic"))
                else:
                    ill.append((cp, K, T, r, 0.0, "ill_price_zero"))
                ill.append((cp, K, T, r, above, "ill_price_above_upper_bound"))
                ill.append((cp, K, T, r, up_d + 100.0, "ill_price_above_upper_bound"))
    for (cp, K, T, r, p, kind) in ill:
        rows.append(iv_record(cp, F0, K, T, r, None, p, kind, expect_well_posed=False))
    return rows


# ----------------------------------------------------------------------------- output


def header(title, lines):
    out = ["# %s" % title,
           "# Generator: %s (mpmath %s, Python %d.%d.%d), mp.dps = %d; every row recomputed at dps = %d"
           " and required to give identical doubles." % (GENERATOR, mpmath.__version__,
                                                       sys.version_info[0], sys.version_info[1],
                                                       sys.version_info[2], BASE_DPS, CHECK_DPS),
           "# Regenerate (from the repository root): %s" % COMMAND,
           "# Numbers: inputs are exact doubles and the reference is for those exact inputs; every output is the"
           " double nearest the exact value, printed with Python repr() (shortest round-trip string, <= 17"
           " significant digits; subnormals and -0.0 kept as such)."]
    out += ["# " + l for l in lines]
    return "\n".join(out) + "\n"


def write_csv(path, head, cols, rows):
    with open(path, "w", newline="") as f:
        f.write(head)
        f.write(",".join(cols) + "\n")
        for r in rows:
            f.write(",".join(r[c] for c in cols) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="output directory for the CSV files")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    mp.dps = BASE_DPS
    t0 = time.time()

    specs, grid = build_grid()
    n_sample, n_cmp, n_skip, worst = cross_check_diff(specs)
    t1 = time.time()
    iv = build_iv()
    t2 = time.time()

    grid_head = header(
        "Black-76 prices and greeks, high-precision reference (mpmath). Levex conventions, per 1 coin, USD.",
        ["df = exp(-r T), s = vol sqrt(T), d1 = [ln(F/K) + s^2/2]/s, d2 = d1 - s; call V = df [F N(d1) - K N(d2)],"
         " put V = df [K N(-d2) - F N(-d1)] (mpmath ncdf/erfc; parity never used).",
         "delta = dV/dF; gamma = d2V/dF2; vega_per_vol_pt = (dV/dvol)/100; theta_per_day = (dV/dt, F fixed,"
         " t calendar time = -dV/dT)/365; rho_per_unit_rate = dV/dr with F fixed = -T V; vanna = d2V/dF dvol;"
         " volga = d2V/dvol2.",
         "price_coin = V/F; delta_coin_pa = delta - V/F; gamma_coin = d2(V/F)/dF2; vega_coin_per_vol_pt ="
         " vega_per_vol_pt/F; theta_coin_per_day = theta_per_day/F.",
         "Greeks from closed forms; cross-checked against mpmath.diff (dps >= %d) on %d rows / %d values, worst"
         " relative difference %s (abort threshold 1e-30); %d values needing > %d digits skipped."
         % (DIFF_DPS, n_sample, n_cmp, mpmath.nstr(worst, 3), n_skip, DIFF_MAX_DPS),
         "price_is_subnormal_or_zero = 1 when price_usd as a double is subnormal or 0 (use absolute error there;"
         " other columns of any row may also be subnormal or 0).",
         "row_kind: grid_r0 (r = 0 grid), grid_rate (r = 0.05 / -0.01 subset), expiry (T = 0: V = intrinsic;"
         " delta = +1/0 call, -1/0 put, +-0.5 exactly at the money; gamma, vega, theta, rho, vanna, volga = 0;"
         " gamma_coin = d2(payoff/F)/dF2 = -2K/F^3 ITM call, +2K/F^3 ITM put, 0 otherwise incl. ATM by convention)."])
    iv_head = header(
        "Black-76 implied-volatility round trips, high-precision reference (mpmath). Levex conventions, USD.",
        ["price_usd = the double nearest the exact Black-76 price at sigma_input (a double); iv_exact = the double"
         " nearest the vol that reproduces price_usd EXACTLY (mpmath findroot, Illinois, >= %d digits), not"
         " sigma_input." % BASE_DPS,
         "time_value_over_forward = (price_usd - lower)/F with lower = df max(F-K,0) call, df max(K-F,0) put"
         " (exact, then rounded); upper bound = df F call, df K put; df = exp(-rate t_years).",
         "well_posed = 1 iff t_years > 0, price_usd > lower and price_usd < upper (then the iv exists and is"
         " unique, price strictly increasing in vol); otherwise 0 and iv_exact / iv_per_price_ulp are empty.",
         "iv_per_price_ulp = ulp(price_usd) / (dV/dvol at iv_exact): the vol change caused by one ulp of the"
         " quoted price, i.e. the best accuracy any solver working from this double price can be asked for.",
         "row_kind: grid_r0 / grid_rate (the greek grid's inputs), hard_otm / hard_itm (short-dated, sigma_input"
         " solved so that time value = 1e-12..1e-4 of F), ill_* (ill-posed on purpose; sigma_input empty)."])

    grid_path = os.path.join(args.out, "mpmath_black76_grid.csv")
    iv_path = os.path.join(args.out, "mpmath_black76_iv.csv")
    write_csv(grid_path, grid_head, GRID_COLS, grid)
    write_csv(iv_path, iv_head, IV_COLS, iv)

    kinds = lambda rows: ", ".join("%s=%d" % (k, sum(1 for r in rows if r["row_kind"] == k))
                                   for k in sorted(set(r["row_kind"] for r in rows)))
    print("mpmath %s, dps %d (check dps %d)" % (mpmath.__version__, BASE_DPS, CHECK_DPS))
    print("%s: %d rows (%s); price_is_subnormal_or_zero=1: %d"
          % (grid_path, len(grid), kinds(grid), sum(1 for r in grid if r["price_is_subnormal_or_zero"] == "1")))
    print("  closed form vs mpmath.diff: %d rows, %d values compared, %d skipped, worst rel diff %s"
          % (n_sample, n_cmp, n_skip, mpmath.nstr(worst, 3)))
    print("%s: %d rows (%s); well_posed=1: %d"
          % (iv_path, len(iv), kinds(iv), sum(1 for r in iv if r["well_posed"] == "1")))
    print("time: grid %.1fs, iv %.1fs" % (t1 - t0, t2 - t1))


if __name__ == "__main__":
    main()
