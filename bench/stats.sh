#!/bin/sh
# bench/stats.sh BUILD — the relief-statistics benchmark (`make bench-stats`, also run by
# `make bench`; docs/benchmarks.md "Relief statistics").
#
#   1. genstats writes BUILD/bench-stats/corpus: every county-level region (the real codes
#      of ../shared/corpus/places/nbs-2023 when present, read in place; else a synthetic
#      set) x 10 relief indicators x 36 months, plus the city and province aggregates,
#      about 1.2 million values (regenerated every run: it takes under a second),
#   2. times `gongkai load` of it into BUILD/bench-stats/stats.db (wall time, CPU time and
#      peak RSS with /usr/bin/time -v): values/s, MB/s of the CSV, database size, and the
#      warnings the load reports (consistent values: none expected),
#   3. times the floor in the same run: `statbench load-floor`, plain SQLite inserts of the
#      same rows into stat_value with the same indexes in one transaction, and the ratio,
#   4. runs `statbench query` (the engine's tables, ranking, series and 同比 against p99 <=
#      20 ms for a province x 12-month table, each with its floor) and writes
#      BUILD/bench-stats/report.txt (and stdout).
#
# Environment: BENCH_STATS_REPS (1000 timed runs per query class), BENCH_SEED (42),
# BENCH_STATS_PROVINCES (31; fewer for a quick run), BENCH_STATS_NBS (the NBS directory,
# default ../shared/corpus/places/nbs-2023; '-' for the synthetic regions), GONGKAI
# (BUILD/gongkai). Targets are reported as PASS/FAIL, never turned into a failing exit
# status.
set -eu
cd "$(dirname "$0")/.."   # paths below are relative to the repository root

BUILD=${1:-build}
B=$BUILD/bench-stats
GK=${GONGKAI:-$BUILD/gongkai}
REPS=${BENCH_STATS_REPS:-1000}
SEED=${BENCH_SEED:-42}
PROVINCES=${BENCH_STATS_PROVINCES:-31}
NBS=${BENCH_STATS_NBS:-../shared/corpus/places/nbs-2023}
DIR=$B/corpus
DB=$B/stats.db
FLOOR_DB=$B/floor.db
REPORT=$B/report.txt

say() { printf 'bench/stats: %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
fact() { sed -n "s/^$1=//p" "$2" | head -n 1; }

GEN=$BUILD/bench/genstats
SB=$BUILD/bench/statbench
for tool in "$GK" "$GEN" "$SB"; do
    [ -x "$tool" ] || { say "missing $tool (run: make bench-stats)"; exit 2; }
done
mkdir -p "$B"
t_start=$(now)

# ---- 1. the corpus -------------------------------------------------------------------------
rm -rf "$DIR"
say "generating $DIR (seed $SEED, $PROVINCES provinces; regions: $NBS when present, else synthetic)"
"$GEN" -o "$DIR" -p "$NBS" -s "$SEED" -P "$PROVINCES" > "$B/gen.txt"
cat "$B/gen.txt" >&2
values=$(fact values "$DIR/corpus.stats")
in_bytes=$(fact bytes "$DIR/corpus.stats")

# ---- 2. gongkai load -----------------------------------------------------------------------
rm -f "$DB"
say "timing: $GK load --db $DB --quiet $DIR"
t0=$(now)
status=0
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$B/load.time" "$GK" load --db "$DB" --quiet "$DIR" \
        2> "$B/load.log" || status=$?
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$B/load.time")
    cpu_s=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
                        END { printf "%.1f", u + s }' "$B/load.time")
else
    "$GK" load --db "$DB" --quiet "$DIR" 2> "$B/load.log" || status=$?
    rss_kb=""
    cpu_s=""
fi
t1=$(now)
cat "$B/load.log" >&2
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    say "gongkai load failed (exit $status); see $B/load.log"
    exit 1
fi
load_s=$(elapsed "$t0" "$t1")
summary=$(grep 'gongkai load:' "$B/load.log" | head -n 1 || true)
# "gongkai load: N records, ... ; S rows skipped, E errors, W warnings -> ..."
records=$(printf '%s\n' "$summary" | sed -n 's/^gongkai load: \([0-9][0-9]*\) records.*/\1/p')
skipped=$(printf '%s\n' "$summary" | sed -n 's/.* \([0-9][0-9]*\) rows skipped.*/\1/p')
errors=$(printf '%s\n' "$summary" | sed -n 's/.* \([0-9][0-9]*\) errors.*/\1/p')
warnings=$(printf '%s\n' "$summary" | sed -n 's/.* \([0-9][0-9]*\) warnings.*/\1/p')
db_bytes=$(wc -c < "$DB")
# --quiet counts warnings without printing them: when there are some, an untimed second
# load prints them, counted by file (BUILD/bench-stats/warnings.txt).
: > "$B/warnings.txt"
if [ "${warnings:-0}" != "0" ]; then
    say "listing the $warnings warnings (an untimed second load)"
    "$GK" load --db "$B/warnings.db" "$DIR" 2>&1 | grep ': warning: ' > "$B/warnings.txt" || true
    rm -f "$B/warnings.db"
fi
# The statistics' own warnings (the rest are the division tables').
stat_warnings=$(grep -c "^[^:]*/stats/[^:/]*\.csv:" "$B/warnings.txt" || true)
stored="?"
if command -v sqlite3 > /dev/null; then
    stored=$(sqlite3 "$DB" 'SELECT count(*) FROM stat_value' 2>/dev/null || echo "?")
fi

# ---- 3. the floor --------------------------------------------------------------------------
say "timing the floor: $SB load-floor $DIR $FLOOR_DB"
t0=$(now)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$B/floor.time" "$SB" load-floor "$DIR" "$FLOOR_DB" > "$B/floor.txt"
    floor_rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$B/floor.time")
else
    "$SB" load-floor "$DIR" "$FLOOR_DB" > "$B/floor.txt"
    floor_rss_kb=$(fact floor_rss_kb "$B/floor.txt")
fi
t1=$(now)
floor_s=$(elapsed "$t0" "$t1")

# ---- 4. queries and the report -------------------------------------------------------------
say "running statbench ($REPS timed runs per query class, each with its floor)"
"$SB" query "$DB" "$REPS" "$SEED" > "$REPORT.tmp"
t_end=$(now)
{
    echo "Relief statistics benchmark: seed $SEED, $PROVINCES provinces requested"
    echo
    echo "BUILD"
    sed 's/^/  /' "$B/gen.txt"
    awk -v s="$load_s" -v v="$values" -v b="$in_bytes" -v d="$db_bytes" -v rss="${rss_kb:-}" \
        -v cpu="${cpu_s:-}" -v st="$status" -v rec="${records:-?}" -v sk="${skipped:-?}" \
        -v er="${errors:-?}" -v wa="${warnings:-?}" -v sw="$stat_warnings" -v stored="$stored" \
        -v fs="$floor_s" -v fi="$(fact floor_insert_s "$B/floor.txt")" \
        -v fx="$(fact floor_index_s "$B/floor.txt")" -v fr="$(fact floor_rows "$B/floor.txt")" \
        -v fd="$(fact floor_db_bytes "$B/floor.txt")" -v frss="${floor_rss_kb:-}" 'BEGIN {
        printf "  input              %d values, %.1f MB of CSV\n", v, b / 1e6
        printf "  gongkai load       %.2f s wall%s (exit %d); %s records, %s in stat_value\n",
            s, cpu != "" ? ", " cpu " s CPU" : "", st, rec, stored
        printf "  throughput         %.0f values/s, %.2f MB/s of CSV\n", v / s, b / 1e6 / s
        printf "  database           %.1f MB (%.0f bytes a value, %.2f x the CSV)\n",
            d / 1e6, d / v, d / b
        if (rss != "") printf "  peak RSS           %.0f MB\n", rss / 1024
        printf "  load findings      %s warnings (%d on the values, the rest on the division " \
            "tables), %s errors, %s rows skipped%s\n", wa, sw, er, sk,
            (sw == 0 && er == "0" && sk == "0") ? "" : \
            "  <- a finding: the values are generated consistent"
        printf "  floor              %.2f s wall (%s rows; inserts %.2f s, indexes %.2f s): " \
            "%.0f values/s; %.1f MB", fs, fr, fi, fx, fr / fs, fd / 1e6
        if (frss != "") printf "; peak RSS %.0f MB", frss / 1024
        printf "\n"
        printf "  load / floor       %.1f x the time, %.2f x the size\n", s / fs, d / fd
    }'
    echo "  $summary"
    if [ -s "$B/warnings.txt" ]; then
        echo "  warnings by file (all of them: $B/warnings.txt):"
        sed 's/:[0-9][0-9]*: warning: .*//' "$B/warnings.txt" | sort | uniq -c |
            awk '{ printf "    %7d  %s\n", $1, $2 }'
        echo "  the first 3 of each file:"
        awk '{ f = $0; sub(/:[0-9]+: warning: .*/, "", f); if (++n[f] <= 3) print "    " $0 }' \
            "$B/warnings.txt" | head -n 15
    fi
    echo
    cat "$REPORT.tmp"
    echo
    echo "stats.sh: nproc $(nproc); corpus $DIR; whole run $(elapsed "$t_start" "$t_end") s;" \
        "report $REPORT"
} > "$REPORT"
rm -f "$REPORT.tmp"
cat "$REPORT"
