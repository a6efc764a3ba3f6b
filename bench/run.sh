#!/bin/sh
# bench/run.sh BUILD — the body of `make bench` (docs/benchmarks.md).
#
#   1. generates the synthetic corpus into BUILD/bench/corpus (reused while the generator's
#      sources bench/gencorpus.c, gen.h and gen_*.c, the seed, the size and OpenCC are
#      unchanged),
#   2. times `gongkai load` of it (wall time, peak RSS) into BUILD/bench/bench.db,
#   3. builds the baselines (plain table, built-in trigram FTS5, folded copy) into
#      BUILD/bench/baseline.db and replays the loader's SQL steps on it,
#   4. optionally profiles a second load with perf (BENCH_PERF=1),
#   5. runs benchq and writes the report to BUILD/bench/report.txt (and stdout).
#
# Environment: BENCH_MB (100), BENCH_SEED (42), BENCH_REPS (15), BENCH_BASE_REPS (3),
# BENCH_PHASES (1: replay the loader's steps), BENCH_PERF (0), GONGKAI (BUILD/gongkai).
# Targets are reported as PASS/MISS, never turned into a failing exit status.
set -eu
cd "$(dirname "$0")/.."   # paths below are relative to the repository root

BUILD=${1:-build}
B=$BUILD/bench
GK=${GONGKAI:-$BUILD/gongkai}
MB=${BENCH_MB:-100}
SEED=${BENCH_SEED:-42}
REPS=${BENCH_REPS:-15}
BASE_REPS=${BENCH_BASE_REPS:-3}
CORPUS=$B/corpus
DB=$B/bench.db
BASE=$B/baseline.db
FACTS=$B/facts.txt
REPORT=$B/report.txt

say() { printf 'bench: %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

for tool in "$GK" "$B/gencorpus" "$B/benchq"; do
    [ -x "$tool" ] || { say "missing $tool (run: make bench)"; exit 2; }
done
mkdir -p "$B"
t_start=$(now)

# ---- 1. corpus ---------------------------------------------------------------------------
stamp="gencorpus $(cat bench/gencorpus.c bench/gen.h bench/gen_*.c bench/rng.[ch] | sha256sum | cut -c1-16) seed=$SEED mb=$MB opencc=$(pkg-config --modversion opencc 2>/dev/null || echo ?)"
if [ -f "$CORPUS.stamp" ] && [ "$(cat "$CORPUS.stamp")" = "$stamp" ] && [ -f "$CORPUS/corpus.ini" ] &&
   [ -f "$CORPUS.stats" ] && [ -f "$CORPUS.candidates" ]; then
    say "reusing $CORPUS ($stamp)"
else
    say "generating $CORPUS ($MB MB, seed $SEED)"
    rm -rf "$CORPUS" "$CORPUS.stats" "$CORPUS.candidates" "$CORPUS.stamp"
    "$B/gencorpus" -o "$CORPUS" -m "$MB" -s "$SEED" >&2
    printf '%s\n' "$stamp" > "$CORPUS.stamp"
fi

# ---- 2. gongkai load ---------------------------------------------------------------------
rm -f "$DB" "$FACTS" "$B/perf.txt"
say "timing: $GK load --db $DB --quiet $CORPUS"
t0=$(now)
status=0
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$B/load.time" "$GK" load --db "$DB" --quiet "$CORPUS" 2> "$B/load.log" || status=$?
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$B/load.time")
    rss_from="/usr/bin/time -v"
else
    "$B/benchq" exec "$GK" load --db "$DB" --quiet "$CORPUS" 2> "$B/load.log" || status=$?
    rss=$(awk -F= '/^maxrss_kb=/ { print $2 }' "$B/load.log")
    rss_from="wait4 rusage"
fi
t1=$(now)
cat "$B/load.log" >&2
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    say "gongkai load failed (exit $status); see $B/load.log"
    exit 1
fi
{
    echo "load_s=$(elapsed "$t0" "$t1")"
    echo "load_rss_kb=${rss:-}"
    echo "rss_from=$rss_from"
    echo "load_exit=$status"
} >> "$FACTS"

# ---- 3. baselines and the loader's steps replayed ------------------------------------------
say "building the baselines (plain table, trigram FTS5, folded copy) in $BASE"
"$B/benchq" baseline --db "$DB" --base "$BASE" >> "$FACTS"
if [ "${BENCH_PHASES:-1}" = 1 ]; then
    say "replaying the loader's SQL steps on a copy of the texts"
    "$B/benchq" phases --db "$DB" --base "$BASE" >> "$FACTS"
fi

# ---- 4. optional profile of a second load --------------------------------------------------
if [ "${BENCH_PERF:-0}" = 1 ] && command -v perf > /dev/null 2>&1; then
    say "profiling a second load with perf (call graphs)"
    rm -f "$B/perf.db"
    if perf record -F 49 --call-graph dwarf -o "$B/perf.data" \
         "$GK" load --db "$B/perf.db" --quiet "$CORPUS" > /dev/null 2>&1; then
        # inclusive share of the loader's own functions (SQLite's are unnamed in Debian's build)
        perf report -i "$B/perf.data" --children --sort symbol 2> /dev/null |
            awk '/^ +[0-9.]+%/ && / (load_one|finish_docs|verify|load_reg_file|insert_node|insert_source|crypto_hash_sha256|textenc_decode|reg_parse|load_stage_doc|finish_regs|zh_tokenize|fold_cp) / {
                sym = ""; for (i = 4; i <= NF && $i != "-"; i++) sym = sym " " $i; print $1 sym }' \
            > "$B/perf.txt" || true
    fi
    rm -f "$B/perf.db" "$B/perf.data"
fi

# ---- 5. queries and the report -------------------------------------------------------------
say "running benchq ($REPS repetitions, baselines $BASE_REPS)"
"$B/benchq" run --db "$DB" --base "$BASE" --corpus "$CORPUS" --facts "$FACTS" \
    --reps "$REPS" --base-reps "$BASE_REPS" > "$REPORT.tmp"
t_end=$(now)
{
    cat "$REPORT.tmp"
    if [ -s "$B/perf.txt" ]; then
        echo
        echo "PROFILE of a second load (perf, inclusive % of samples; BENCH_PERF=1)"
        sed 's/^/  /' "$B/perf.txt"
    fi
    echo
    echo "run.sh: nproc $(nproc); corpus $CORPUS; whole run $(elapsed "$t_start" "$t_end") s; report $REPORT"
} > "$REPORT"
rm -f "$REPORT.tmp"
cat "$REPORT"
