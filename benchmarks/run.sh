#!/usr/bin/env bash
# Runs the Levex JMH benchmarks (B1 PriceGreeks, B2 ImpliedVol, B3 SurfaceBuild) side by side with Strata and finmath,
# then checks the targets (docs/benchmarks.md). Not part of ./mvnw verify.
#
#   benchmarks/run.sh                  # full recorded run: B1 + B2 + B3, all sets and sizes (~14 minutes on 2 cores)
#   benchmarks/run.sh --quick          # smoke run: 4,096 options, 1 warm-up + 2 measurement iterations (~5 minutes)
#   benchmarks/run.sh --bench B2 --sets hardIv --sizes 4096 --subjects levexBatch,strata
#   benchmarks/run.sh --bench B3 --stages surface --subjects levex,strata
#   benchmarks/run.sh --bench B4       # B4a PMGrid + B4b PMAccount (per-account latency, full book after a tick)
#   benchmarks/run.sh --check-only     # re-check benchmarks/target/results.json
#   benchmarks/run.sh -- -prof stack   # extra JMH arguments after --
#
# Options:
#   --bench B1|B2|B3|B4|all  which benchmark (default all = B1-B3; B4 runs only when asked)
#   --sets a,b               input sets (B1: core,wings,short; B2: core,hardIv; default all of the benchmark's)
#   --sizes a,b              4096 and/or 1048576 (default both; B1 and B2)
#   --stages a,b             B3 stages: surface,iv,fit,grid (default all)
#   --subjects a,b           subjects (default all; see PriceGreeksSubject / ImpliedVolSubject / SurfaceBuildSubject)
#   --quick                  4,096 only, -wi 1 -i 2 (B3: -wi 10, short of steady state)
#   --wi N --i N --time S    warm-up iterations, measurement iterations, seconds per iteration (default 3, 5, 1)
#   --b3-wi N                warm-up iterations of B3, which runs in its own JMH invocation (default 30)
#   --cpu LIST               taskset CPU list for the JMH JVMs (default: the last CPU; "none" to not pin)
#   --rebuild                rebuild benchmarks/target/benchmarks.jar even if it exists
#   --check-only             skip the run, only check the existing results
#   --peer-gate strict       hold Strata and finmath to the strict accuracy gates too (they then fail and are not timed)
#   --time-failing           time subjects that fail their accuracy gate anyway, for information (still reported FAIL)
#   --results FILE           JSON results file (default benchmarks/target/results.json)
#   checker options are passed through: --min-b1-ratio X --max-alloc B --alloc-epsilon B --max-iv-ns N --max-silent N
#                                       --b1-subject S --b2-subject S --max-b3-ms X --min-b3-ratio X
#                                       --b3-subject S --max-b4a-ns N --min-b4a-ratio X --max-b4b-p99-us N
#                                       --max-b4b-book-ms N --max-b4b-zipf-ms N --max-b4b-liq-us N --markdown
#   B4: B4a, the account latency and the 1-thread books run pinned like the others; the 2-thread book run
#   (PmBookBenchmark threads=2) is pinned to --cpu-all (default all CPUs, e.g. 0-1) in its own JMH invocation
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=../scripts/select-jdk.sh
. scripts/select-jdk.sh
levex_select_jdk

bench=all
sets=""
sizes="4096,1048576"
subjects=""
stages=""
wi=3
b3_wi=30
iters=5
time_s=1
cpu=""
cpu_all=""
rebuild=0
check_only=0
peer_gate=""
time_failing=0
results=benchmarks/target/results.json
checker_args=()
jmh_extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bench) bench=$2; shift 2 ;;
    --sets) sets=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --subjects) subjects=$2; shift 2 ;;
    --stages) stages=$2; shift 2 ;;
    --quick) sizes=4096; wi=1; b3_wi=10; iters=2; shift ;;
    --wi) wi=$2; shift 2 ;;
    --b3-wi) b3_wi=$2; shift 2 ;;
    --i) iters=$2; shift 2 ;;
    --time) time_s=$2; shift 2 ;;
    --cpu) cpu=$2; shift 2 ;;
    --cpu-all) cpu_all=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --check-only) check_only=1; shift ;;
    --peer-gate) peer_gate=$2; shift 2 ;;
    --time-failing) time_failing=1; shift ;;
    --results) results=$2; shift 2 ;;
    --min-b1-ratio|--max-alloc|--alloc-epsilon|--max-iv-ns|--max-silent|--b1-subject|--b2-subject|--max-b3-ms|\
    --min-b3-ratio|--b3-subject|--max-b4a-ns|--min-b4a-ratio|--max-b4b-p99-us|--max-b4b-book-ms|--max-b4b-zipf-ms|--max-b4b-liq-us)
      checker_args+=("$1" "$2"); shift 2 ;;
    --markdown) checker_args+=("$1"); shift ;;
    --) shift; jmh_extra=("$@"); break ;;
    -h|--help) sed -n '2,39p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

jar=benchmarks/target/benchmarks.jar
if [ "$rebuild" = 1 ] || [ ! -f "$jar" ]; then
  echo "run.sh: building $jar"
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

if [ "$check_only" = 0 ]; then
  case "$bench" in
    B1) regex='PriceGreeksBenchmark' ;;
    B2) regex='ImpliedVolBenchmark' ;;
    B3) regex='' ;;
    B4) regex='' ;;
    all) regex='PriceGreeksBenchmark|ImpliedVolBenchmark' ;;
    *) echo "run.sh: --bench must be B1, B2, B3, B4 or all" >&2; exit 2 ;;
  esac
  b3=0
  case "$bench" in B3|all) b3=1 ;; esac
  common=(-f 1 -i "$iters" -w "${time_s}s" -r "${time_s}s" -prof gc -rf json)
  [ -n "$sets" ] && common+=(-p "set=$sets")
  [ -n "$sizes" ] && common+=(-p "size=$sizes")
  [ -n "$stages" ] && common+=(-p "stage=$stages")
  [ -n "$subjects" ] && common+=(-p "subject=$subjects")
  props=""
  [ -n "$peer_gate" ] && props="$props -Dlevex.bench.peerGate=$peer_gate"
  [ "$time_failing" = 1 ] && props="$props -Dlevex.bench.gate=report"
  if [ -n "$props" ]; then
    # replaces the benchmarks' @Fork(jvmArgsAppend): repeat their heap settings
    common+=(-jvmArgsAppend "-Xms2g -Xmx2g -Dslf4j.internal.verbosity=ERROR$props")
  fi
  pin=()
  if [ "$cpu" != none ] && command -v taskset >/dev/null 2>&1; then
    [ -z "$cpu" ] && cpu=$(( $(nproc) - 1 ))
    pin=(taskset -c "$cpu")
  fi
  mkdir -p "$(dirname "$results")"
  echo "run.sh: $("$JAVA" -version 2>&1 | head -n 1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "pinned: ${pin[*]:-no}"
  echo "run.sh: accuracy gates (all subjects, before timing)"
  gate_args=()
  [ "$bench" != all ] && gate_args=("$bench")
  if [ "$bench" != B4 ]; then
    "$JAVA" --add-modules jdk.incubator.vector -Dslf4j.internal.verbosity=ERROR -cp "$jar" io.levex.bench.AccuracyGates "${gate_args[@]}" || echo "run.sh: a gate failed: that subject will not be timed"
  fi
  if [ "$bench" = B4 ]; then
    # the B4 gates run in each trial's set-up (PmGridGate, PmBookGate); sizes/sets do not apply
    b4common=(-f 1 -i "$iters" -w "${time_s}s" -r "${time_s}s" -wi "$wi" -prof gc -rf json)
    [ -n "$subjects" ] && b4common+=(-p "subject=$subjects")
    args=('PmGridBenchmark|PmAccountBenchmark|PmLiquidationBenchmark' "${b4common[@]}" -rff "$results.b4a.part" "${jmh_extra[@]}")
    echo "run.sh: ${pin[*]} $JAVA -jar $jar ${args[*]}"
    "${pin[@]}" "$JAVA" -jar "$jar" "${args[@]}"
    args=(PmBookBenchmark "${b4common[@]}" -p threads=1 -rff "$results.b4b1.part" "${jmh_extra[@]}")
    echo "run.sh: ${pin[*]} $JAVA -jar $jar ${args[*]}"
    "${pin[@]}" "$JAVA" -jar "$jar" "${args[@]}"
    pin2=()
    if [ "$cpu" != none ] && command -v taskset >/dev/null 2>&1; then
      pin2=(taskset -c "${cpu_all:-0-$(( $(nproc) - 1 ))}")
    fi
    args=(PmBookBenchmark "${b4common[@]}" -p threads=2 -rff "$results.b4b2.part" "${jmh_extra[@]}")
    echo "run.sh: ${pin2[*]} $JAVA -jar $jar ${args[*]}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    "${pin2[@]}" "$JAVA" -jar "$jar" "${args[@]}"
    parts=("$results.b4a.part" "$results.b4b1.part" "$results.b4b2.part")
    "$JAVA" -Dslf4j.internal.verbosity=ERROR -cp "$jar" io.levex.bench.ResultsChecker --merge "$results" "${parts[@]}"
    rm -f "${parts[@]}"
    regex=''
  fi
  parts=()
  if [ -n "$regex" ]; then
    out="$results"
    [ "$b3" = 1 ] && out="$results.b1b2.part"
    args=("$regex" "${common[@]}" -wi "$wi" -rff "$out" "${jmh_extra[@]}")
    echo "run.sh: ${pin[*]} $JAVA -jar $jar ${args[*]}"
    "${pin[@]}" "$JAVA" -jar "$jar" "${args[@]}"
    parts+=("$out")
  fi
  if [ "$b3" = 1 ]; then
    # B3 runs in its own JMH invocation: its pipelines (commons-math, Strata's optimiser) need ~15-30 s of warm-up on
    # one pinned vCPU before C2 has compiled them (docs/benchmarks.md), far more than B1/B2
    out="$results"
    [ -n "$regex" ] && out="$results.b3.part"
    args=(SurfaceBuildBenchmark "${common[@]}" -wi "$b3_wi" -rff "$out" "${jmh_extra[@]}")
    echo "run.sh: ${pin[*]} $JAVA -jar $jar ${args[*]}"
    "${pin[@]}" "$JAVA" -jar "$jar" "${args[@]}"
    parts+=("$out")
  fi
  if [ "${#parts[@]}" -gt 1 ]; then
    "$JAVA" -Dslf4j.internal.verbosity=ERROR -cp "$jar" io.levex.bench.ResultsChecker --merge "$results" "${parts[@]}"
    rm -f "${parts[@]}"
  fi
fi

echo
checker_props=(-Dslf4j.internal.verbosity=ERROR)
[ -n "$peer_gate" ] && checker_props+=("-Dlevex.bench.peerGate=$peer_gate")
"$JAVA" --add-modules jdk.incubator.vector "${checker_props[@]}" -cp "$jar" io.levex.bench.ResultsChecker "$results" "${checker_args[@]}"
