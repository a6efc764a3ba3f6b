#!/bin/sh
# `make fuzz`: runs each libFuzzer harness (BUILD/fuzz/fuzz_NAME) on a corpus seeded from
# tests/fuzz/seeds/NAME, tests/fuzz/regress/NAME and tests/fixtures, for FUZZ_RUNS
# executions (default 1000000) or FUZZ_TIME seconds, and prints per harness: executions,
# exec/s, new coverage (units added to the corpus, and edges covered), crashes.
#   tests/fuzz/run.sh BUILD NAME...
# Crashing inputs land in BUILD/fuzz/crashes/NAME/; copy one to tests/fuzz/regress/NAME/
# once it is fixed, so that `make test` replays it (tests/fuzz/regress.t.sh).
BUILD=${1:?}
shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${FUZZ_RUNS:-1000000}
TIME=${FUZZ_TIME:-}
export TMPDIR="$ROOT/$BUILD/fuzz/tmp"
mkdir -p "$TMPDIR"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Fixtures seed a harness, each file behind the harness's selector byte (the first byte
# of an input picks the mode: CSV with quotes, Markdown, auto-detection, a catalogue).
seed_fixtures() {
    name=$1 corpus=$2
    case $name in
    csv) prefix='\000'; files=$(find "$ROOT/tests/fixtures" "$ROOT/data" -name '*.csv' -size -64k) ;;
    manifest) prefix=''; files=$(find "$ROOT/tests/fixtures" "$ROOT/data" -name '*.ini') ;;
    reg_parse) prefix='\000'; files=$(find "$ROOT/tests/fixtures" -name '*.md' -size -64k) ;;
    textenc) prefix='\000'; files=$(find "$ROOT/tests/fixtures" -type f -size -16k) ;;
    statcat) prefix='\001'; files="$ROOT/data/indicators.csv" ;;
    *) return ;;
    esac
    i=0
    for f in $files; do
        i=$((i + 1))
        { printf "$prefix"; cat "$f"; } > "$corpus/fixture-$i"
    done
}

status=0
printf '%-10s %12s %9s %9s %8s %8s\n' harness executions exec/s new-units edges crashes
for name in "$@"; do
    bin="$ROOT/$BUILD/fuzz/fuzz_$name"
    corpus="$ROOT/$BUILD/fuzz/corpus/$name"
    crashes="$ROOT/$BUILD/fuzz/crashes/$name"
    log="$ROOT/$BUILD/fuzz/$name.log"
    mkdir -p "$corpus" "$crashes"
    for d in "$ROOT/tests/fuzz/seeds/$name" "$ROOT/tests/fuzz/regress/$name"; do
        [ -d "$d" ] && cp -f "$d"/* "$corpus"/ 2>/dev/null
    done
    seed_fixtures "$name" "$corpus"
    set -- -print_final_stats=1 -timeout=10 -artifact_prefix="$crashes/"
    if [ -n "$TIME" ]; then
        set -- "$@" -max_total_time="$TIME"
    else
        set -- "$@" -runs="$RUNS"
    fi
    before=$(ls "$crashes" | wc -l)
    (cd "$ROOT" && "$bin" "$@" "$corpus") > "$log" 2>&1
    rc=$?
    after=$(ls "$crashes" | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n 1)
    edges=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
    found=$((after - before))
    [ "$rc" -ne 0 ] && [ "$found" -eq 0 ] && found=1
    printf '%-10s %12s %9s %9s %8s %8s\n' "$name" "${execs:-?}" "${rate:-?}" "${added:-?}" \
        "${edges:-?}" "$found"
    if [ "$rc" -ne 0 ]; then
        status=1
        grep -m1 -E 'ERROR|invariant failed|runtime error|SUMMARY' "$log"
        ls "$crashes" | sed "s|^|  $BUILD/fuzz/crashes/$name/|"
        echo "  log: $log"
    fi
done
exit $status
