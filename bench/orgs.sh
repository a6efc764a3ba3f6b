#!/bin/sh
# bench/orgs.sh BUILD — the organisation-check benchmark (`make bench-orgs`, also run by
# `make bench`; docs/benchmarks.md "Organisation check").
#
#   1. generates a registry of BENCH_ORGS organisations and BENCH_LISTINGS list entries
#      into BUILD/bench/orgs (bench/genorgs: registry.csv, lists.csv, corpus.ini,
#      queries.tsv), reused while the generator's sources (bench/genorgs.c, go.h, go_*.c,
#      core/uscc.c), the seed, the sizes and OpenCC are unchanged (BUILD/bench/orgs.stamp),
#   2. times `gongkai load` of it into BUILD/bench/orgs.db (wall time, peak RSS with
#      /usr/bin/time -v): rows/s, MB/s of input CSV, database size,
#   3. runs orgbench (latency of each query class against p99 <= 10 ms, what each class
#      found, the baselines) and writes BUILD/bench/orgs-report.txt (and stdout).
#
# Environment: BENCH_ORGS (1000000), BENCH_LISTINGS (50000), BENCH_SEED (42),
# BENCH_ORG_QUERIES (1000 sample queries per class), BENCH_ORG_REPS (1000 timed checks per
# class), BENCH_ORG_BASE_REPS (20 runs of the LIKE scan), GONGKAI (BUILD/gongkai).
# Targets are reported as PASS/MISS, never turned into a failing exit status.
set -eu
cd "$(dirname "$0")/.."   # paths below are relative to the repository root

BUILD=${1:-build}
B=$BUILD/bench
GK=${GONGKAI:-$BUILD/gongkai}
ORGS=${BENCH_ORGS:-1000000}
LISTINGS=${BENCH_LISTINGS:-50000}
SEED=${BENCH_SEED:-42}
QUERIES=${BENCH_ORG_QUERIES:-1000}
REPS=${BENCH_ORG_REPS:-1000}
BASE_REPS=${BENCH_ORG_BASE_REPS:-20}
DIR=$B/orgs
DB=$B/orgs.db
REPORT=$B/orgs-report.txt

say() { printf 'bench/orgs: %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

for tool in "$GK" "$B/genorgs" "$B/orgbench"; do
    [ -x "$tool" ] || { say "missing $tool (run: make bench-orgs)"; exit 2; }
done
mkdir -p "$B"
t_start=$(now)

# ---- 1. registry and lists -----------------------------------------------------------------
stamp="genorgs $(cat bench/genorgs.c bench/go.h bench/go_*.c bench/rng.[ch] core/uscc.c | sha256sum | cut -c1-16) seed=$SEED orgs=$ORGS listings=$LISTINGS queries=$QUERIES opencc=$(pkg-config --modversion opencc 2>/dev/null || echo ?)"
if [ -f "$DIR.stamp" ] && [ "$(cat "$DIR.stamp")" = "$stamp" ] && [ -f "$DIR/corpus.ini" ] &&
   [ -f "$DIR/registry.csv" ] && [ -f "$DIR/lists.csv" ] && [ -f "$DIR/queries.tsv" ]; then
    say "reusing $DIR ($stamp)"
else
    say "generating $DIR ($ORGS organisations, $LISTINGS listings, seed $SEED)"
    rm -rf "$DIR" "$DIR.stamp" "$DIR.gen"
    g0=$(now)
    "$B/genorgs" -o "$DIR" -n "$ORGS" -l "$LISTINGS" -s "$SEED" -q "$QUERIES" > "$DIR.gen"
    g1=$(now)
    echo "generated in $(elapsed "$g0" "$g1") s" >> "$DIR.gen"
    cat "$DIR.gen" >&2
    printf '%s\n' "$stamp" > "$DIR.stamp"
fi

# ---- 2. gongkai load -----------------------------------------------------------------------
rm -f "$DB"
say "timing: $GK load --db $DB --quiet $DIR"
t0=$(now)
status=0
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$B/orgs-load.time" "$GK" load --db "$DB" --quiet "$DIR" 2> "$B/orgs-load.log" || status=$?
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$B/orgs-load.time")
    cpu_s=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$B/orgs-load.time")
else
    "$GK" load --db "$DB" --quiet "$DIR" 2> "$B/orgs-load.log" || status=$?
    rss_kb=""
    cpu_s=""
fi
t1=$(now)
cat "$B/orgs-load.log" >&2
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    say "gongkai load failed (exit $status); see $B/orgs-load.log"
    exit 1
fi
load_s=$(elapsed "$t0" "$t1")
# Data rows of the two CSV files (the generator writes no line breaks inside fields).
reg_rows=$(($(wc -l < "$DIR/registry.csv") - 1))
list_rows=$(($(wc -l < "$DIR/lists.csv") - 1))
in_bytes=$(($(wc -c < "$DIR/registry.csv") + $(wc -c < "$DIR/lists.csv")))
db_bytes=$(wc -c < "$DB")
summary=$(grep 'gongkai load:' "$B/orgs-load.log" | tail -n 1 || true)

# ---- 3. checks and the report --------------------------------------------------------------
say "running orgbench ($REPS timed checks per class, LIKE scan $BASE_REPS times)"
"$B/orgbench" "$DB" "$DIR/queries.tsv" "$REPS" "$BASE_REPS" > "$REPORT.tmp"
t_end=$(now)
{
    echo "Organisation check benchmark: $ORGS organisations requested, $LISTINGS listings, seed $SEED"
    echo
    echo "BUILD"
    awk -v s="$load_s" -v r="$reg_rows" -v l="$list_rows" -v b="$in_bytes" -v d="$db_bytes" \
        -v rss="${rss_kb:-}" -v cpu="${cpu_s:-}" -v st="$status" 'BEGIN {
        printf "  input              registry.csv %d rows + lists.csv %d rows = %d rows, %.1f MB\n", r, l, r + l, b / 1e6
        printf "  gongkai load       %.1f s wall%s (exit %d)\n", s, cpu != "" ? ", " cpu " s CPU" : "", st
        printf "  throughput         %.0f rows/s, %.2f MB/s of input CSV\n", (r + l) / s, b / 1e6 / s
        printf "  database           %.1f MB (%.2f x the input)\n", d / 1e6, d / b
        if (rss != "") printf "  peak RSS           %.0f MB\n", rss / 1024
    }'
    [ -z "$summary" ] || echo "  $summary"
    [ ! -f "$DIR.gen" ] || sed 's/^/  /' "$DIR.gen"
    echo
    cat "$REPORT.tmp"
    echo
    echo "orgs.sh: nproc $(nproc); data $DIR; whole run $(elapsed "$t_start" "$t_end") s; report $REPORT"
} > "$REPORT"
rm -f "$REPORT.tmp"
cat "$REPORT"
