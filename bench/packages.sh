#!/bin/sh
# bench/packages.sh BUILD — signed package verification and installation (`make
# bench-packages`; docs/benchmarks.md "Packages"). Makes a database of BENCH_PKG_MB
# (default 100) MB — the demo corpus plus a padding table of random bytes — packs it,
# then times, BENCH_PKG_REPS times each (median): `gongkai load --package --check`
# (signature, length and SHA-256 of every byte) against `sha256sum` of the same file
# and `cat > /dev/null` (the read floor), and a full install (verify, write, quick_check,
# rename) against `cp` of the database. Pages are in the cache for every run (each
# command reads the file once before timing), so the ratios compare work, not the disk.
# Environment: BENCH_PKG_MB (100), BENCH_PKG_REPS (5), GONGKAI (BUILD/gongkai).
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
B=$(pwd)/$BUILD/bench/packages
GK=${GONGKAI:-$(pwd)/$BUILD/gongkai}
MB=${BENCH_PKG_MB:-100}
REPS=${BENCH_PKG_REPS:-5}
rm -rf "$B"
mkdir -p "$B/config/gongkai/trusted-keys"
export XDG_CONFIG_HOME="$B/config"
unset GONGKAI_CONFIG

"$GK" load --quiet --db "$B/base.db" data/demo >/dev/null 2>&1
pad=$((MB - 1))
sqlite3 "$B/base.db" "CREATE TABLE bench_pad(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<$pad) INSERT INTO bench_pad SELECT randomblob(1000000) FROM n;"
"$GK" pack --keygen "$B/bench" >/dev/null
cp "$B/bench.pub" "$B/config/gongkai/trusted-keys/"

ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
# median of the numbers on stdin
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# time_cmd REPS CMD...: median ms of REPS runs (after one untimed run)
time_cmd() {
    reps=$1
    shift
    "$@" >/dev/null 2>&1
    i=0
    while [ "$i" -lt "$reps" ]; do
        t=$(date +%s%N)
        "$@" >/dev/null 2>&1
        ms "$t"
        i=$((i + 1))
    done | median
}

t=$(date +%s%N)
"$GK" --db "$B/base.db" pack --key "$B/bench.key" --version 1 -o "$B/bench.gkpkg" >/dev/null
pack_ms=$(ms "$t")
size=$(stat -c %s "$B/bench.gkpkg")

verify=$(time_cmd "$REPS" "$GK" load --db "$B/target.db" --package "$B/bench.gkpkg" --check)
sha=$(time_cmd "$REPS" sha256sum "$B/bench.gkpkg")
readf=$(time_cmd "$REPS" sh -c "cat '$B/bench.gkpkg' >/dev/null")
install_one() { rm -f "$B/target.db"; "$GK" load --db "$B/target.db" --package "$B/bench.gkpkg"; }
install=$(time_cmd "$REPS" install_one)
copy=$(time_cmd "$REPS" cp "$B/base.db" "$B/copy.db")
"$GK" load --db "$B/target.db" --package "$B/bench.gkpkg" --check >/dev/null 2>&1 || {
    echo "bench-packages: the package does not verify" >&2
    exit 1
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b < 1) b = 1; printf "%.2f", a / b }'; }
echo "packages: a $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }') MB database package, median of $REPS runs, nproc $(nproc)"
echo "  pack (hash twice, sign, write)        ${pack_ms} ms (once)"
echo "  verify: load --package --check        ${verify} ms  ($(awk -v s="$size" -v t="$verify" 'BEGIN { if (t < 1) t = 1; printf "%.0f", s / 1e6 / (t / 1000) }') MB/s)"
echo "    baseline sha256sum                  ${sha} ms  ratio $(ratio "$verify" "$sha")"
echo "    baseline cat > /dev/null            ${readf} ms  ratio $(ratio "$verify" "$readf")"
echo "  install: load --package               ${install} ms"
echo "    baseline cp of the database         ${copy} ms  ratio $(ratio "$install" "$copy")"
