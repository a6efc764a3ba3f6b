#!/bin/sh
# bench/hotlines.sh BUILD — hotline routing latency on the real data (`make
# bench-hotlines`; docs/benchmarks.md "Hotline routing"): loads tests/real/hotlines.ini
# (NBS 2023 divisions and the 1,377 relief stations, read in place from ../shared/corpus)
# into BUILD/bench/hotlines.db and runs hotbench (p50/p99 over BENCH_HOT_N random counties,
# by name and by code, against p99 <= 10 ms, with the hotline_area floor). Without the
# corpus it says so and measures nothing (exit 0). Environment: BENCH_HOT_N (1000),
# BENCH_SEED (42), GONGKAI (BUILD/gongkai).
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
B=$BUILD/bench
GK=${GONGKAI:-$BUILD/gongkai}
N=${BENCH_HOT_N:-1000}
SEED=${BENCH_SEED:-42}
DB=$B/hotlines.db
REPORT=$B/hotlines-report.txt
if [ ! -f ../shared/corpus/hotlines/relief_stations.csv ] || [ ! -d ../shared/corpus/places/nbs-2023 ]; then
    echo "bench-hotlines: ../shared/corpus/hotlines or places/nbs-2023 is absent; nothing measured"
    exit 0
fi
mkdir -p "$B"
rm -f "$DB"
status=0
"$GK" load --db "$DB" --quiet tests/real/hotlines.ini > "$B/hotlines-load.log" 2>&1 || status=$?
# Exit 3: one station's number is rejected (a 6-digit local number); the rest loaded.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    cat "$B/hotlines-load.log" >&2
    echo "bench-hotlines: gongkai load failed (exit $status)" >&2
    exit 1
fi
"$B/hotbench" "$DB" "$N" "$SEED" > "$REPORT"
echo "nproc $(nproc); $(grep 'gongkai load:' "$B/hotlines-load.log" | head -n 1)" >> "$REPORT"
cat "$REPORT"
