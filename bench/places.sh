#!/bin/sh
# bench/places.sh BUILD — the place look-up benchmark on the real division tables (`make
# bench-places`, also run by `make bench`; docs/benchmarks.md "Place look-up").
#
#   1. when ../shared/corpus/places is absent, says so and stops (exit 0): nothing measured,
#   2. times `gongkai load` of tests/real/places.ini (NBS 2023 5-level table, county code
#      history, read in place) into BUILD/bench/places.db (wall time, CPU time and peak
#      RSS with /usr/bin/time -v): rows/s (against >= 100,000 rows/s including indexes),
#      MB/s of the input files, database size,
#   3. runs placebench (latency of each query class against p99 <= 10 ms, what each class
#      found, the baselines) and writes BUILD/bench/places-report.txt (and stdout).
#
# Environment: BENCH_PLACE_REPS (1000 timed look-ups per class), BENCH_PLACE_BASE_REPS (20
# runs of the LIKE scan), BENCH_PLACE_QUERIES (500 queries drawn per class), BENCH_SEED
# (42), GONGKAI (BUILD/gongkai). Targets are reported as PASS/MISS, never turned into a
# failing exit status.
set -eu
cd "$(dirname "$0")/.."   # paths below are relative to the repository root

BUILD=${1:-build}
B=$BUILD/bench
GK=${GONGKAI:-$BUILD/gongkai}
REPS=${BENCH_PLACE_REPS:-1000}
BASE_REPS=${BENCH_PLACE_BASE_REPS:-20}
QUERIES=${BENCH_PLACE_QUERIES:-500}
SEED=${BENCH_SEED:-42}
PLACES=../shared/corpus/places
MANIFEST=tests/real/places.ini
DB=$B/places.db
REPORT=$B/places-report.txt
LOAD_TARGET=100000   # rows/s, issue 5

say() { printf 'bench/places: %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if [ ! -d "$PLACES" ]; then
    echo "bench-places: $PLACES is absent; nothing measured"
    exit 0
fi
for tool in "$GK" "$B/placebench"; do
    [ -x "$tool" ] || { say "missing $tool (run: make bench-places)"; exit 2; }
done
mkdir -p "$B"
t_start=$(now)

# The input files: every `path =` of the manifest, under the places directory.
in_files=$(awk -F' *= *' '/^path *=/ { print $2 }' "$MANIFEST")
in_bytes=0
n_files=0
for f in $in_files; do
    [ -f "$PLACES/$f" ] || { say "missing $PLACES/$f (named by $MANIFEST)"; exit 1; }
    in_bytes=$((in_bytes + $(wc -c < "$PLACES/$f")))
    n_files=$((n_files + 1))
done

# ---- 1. gongkai load -----------------------------------------------------------------------
rm -f "$DB"
say "timing: $GK load --db $DB --quiet $MANIFEST"
t0=$(now)
status=0
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$B/places-load.time" "$GK" load --db "$DB" --quiet "$MANIFEST" \
        2> "$B/places-load.log" || status=$?
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$B/places-load.time")
    cpu_s=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$B/places-load.time")
else
    "$GK" load --db "$DB" --quiet "$MANIFEST" 2> "$B/places-load.log" || status=$?
    rss_kb=""
    cpu_s=""
fi
t1=$(now)
# Exit 3: some rows were rejected (the tables' 66/83 codes for 兵团 and 台湾), the rest loaded.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    cat "$B/places-load.log" >&2
    say "gongkai load failed (exit $status); see $B/places-load.log"
    exit 1
fi
load_s=$(elapsed "$t0" "$t1")
summary=$(grep 'gongkai load:' "$B/places-load.log" | head -n 1 || true)
printf '%s\n' "$summary" >&2
rejected=$(grep -c ': error: ' "$B/places-load.log" || true)
# Rows: the load's own count ("gongkai load: N records, ...").
rows=$(printf '%s\n' "$summary" | sed -n 's/^gongkai load: \([0-9][0-9]*\) records.*/\1/p')
[ -n "$rows" ] || { say "no row count in $B/places-load.log"; exit 1; }
db_bytes=$(wc -c < "$DB")

# ---- 2. look-ups and the report ------------------------------------------------------------
say "running placebench ($REPS timed look-ups per class, LIKE scan $BASE_REPS times)"
"$B/placebench" "$DB" "$REPS" "$BASE_REPS" "$QUERIES" "$SEED" > "$REPORT.tmp"
t_end=$(now)
{
    echo "Place look-up benchmark: $MANIFEST ($PLACES)"
    echo
    echo "BUILD"
    awk -v s="$load_s" -v r="$rows" -v b="$in_bytes" -v d="$db_bytes" -v t="$LOAD_TARGET" \
        -v rss="${rss_kb:-}" -v cpu="${cpu_s:-}" -v st="$status" -v rej="$rejected" -v nf="$n_files" 'BEGIN {
        printf "  input              %d files, %.1f MB; %d rows loaded, %d rejected\n", nf, b / 1e6, r, rej
        printf "  gongkai load       %.1f s wall%s (exit %d)\n", s, cpu != "" ? ", " cpu " s CPU" : "", st
        printf "  throughput         %.0f rows/s, %.2f MB/s of input\n", r / s, b / 1e6 / s
        printf "  target             >= %d rows/s including indexes: %s\n", t, (r / s >= t ? "PASS" : "MISS")
        printf "  database           %.1f MB (%.2f x the input)\n", d / 1e6, d / b
        if (rss != "") printf "  peak RSS           %.0f MB\n", rss / 1024
    }'
    echo "  $summary"
    echo
    cat "$REPORT.tmp"
    echo
    echo "places.sh: nproc $(nproc); whole run $(elapsed "$t_start" "$t_end") s; report $REPORT"
} > "$REPORT"
rm -f "$REPORT.tmp"
cat "$REPORT"
