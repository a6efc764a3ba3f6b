#!/bin/sh
# bench/console.sh BUILD — console latency on the 100 MB benchmark database
# (BUILD/bench/bench.db, built by `make bench`), measured end to end through a
# pseudo-terminal read with libvterm (BUILD/tests/vtrun, tests/tools/vtrun.c):
#
#   startup    from fork() until the title bar ("数据截至 …") is on the screen,
#              BENCH_CONSOLE_STARTS runs (20): p50, p95, max. Target ≤ 100 ms.
#   keystroke  queries typed one character at a time, as an input method commits them;
#              for each keystroke, from writing its bytes to the pty until
#                echo:    the input line shows the new text, and
#                results: the status line changes (the new "找到 N 条（X ms）"),
#              BENCH_CONSOLE_ROUNDS sessions (4) of the query list below: p50, p99, max.
#              Target: p99 ≤ 16 ms (the issue's "keystroke to screen update"); the results
#              figures are also given without the first character of each query (a
#              one-character query is a prefix query over the whole index).
#
# The figures include vtrun's own work (reading the pty, libvterm, comparing rows), well
# under 1 ms a keystroke. Writes BUILD/bench/console.txt and prints it. Targets are
# reported as PASS/MISS, never as a failing exit status. Exit 0 when the database is
# absent (says so).
set -eu
cd "$(dirname "$0")/.."

BUILD=${1:-build}
B=$BUILD/bench
DB=${BENCH_DB:-$B/bench.db}
GK=${GONGKAI:-$BUILD/gongkai}
VTRUN=$BUILD/tests/vtrun
OUT=$B/console.txt
STARTS=${BENCH_CONSOLE_STARTS:-20}
ROUNDS=${BENCH_CONSOLE_ROUNDS:-4}
QUERIES=${BENCH_CONSOLE_QUERIES:-"社会救助标准 最低生活保障 民政部门 志愿服务 养老服务机构 社会组织登记 县级以上人民政府 残疾人 慈善组织 临时救助 儿童福利 乡镇街道"}

say() { printf 'bench/console: %s\n' "$*" >&2; }

if [ ! -f "$DB" ]; then
    say "$DB is absent (make bench builds it): skipped"
    exit 0
fi
[ -x "$GK" ] || { say "missing $GK (make)"; exit 2; }
if [ ! -x "$VTRUN" ]; then
    make --no-print-directory BUILD="$BUILD" "$VTRUN" >&2 || { say "cannot build $VTRUN (libvterm-dev)"; exit 2; }
fi

W=$B/console.tmp
rm -rf "$W"
mkdir -p "$W/home"
# The console must not touch the user's config or history.
export HOME="$W/home" XDG_CONFIG_HOME="$W/home/.config" XDG_STATE_HOME="$W/home/.local/state"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR GONGKAI_CONFIG

# ---- startup ------------------------------------------------------------------------------
cat >"$W/start.vt" <<EOF
time-wait 数据截至 $W/start.ms
key F10
expect-exit 0
EOF
say "startup: $STARTS runs on $DB"
i=0
while [ "$i" -lt "$STARTS" ]; do
    "$VTRUN" -s "$W/start.vt" -- "$GK" --db "$DB" >"$W/vtrun.log" 2>&1 ||
        { say "startup run failed:"; cat "$W/vtrun.log" >&2; exit 1; }
    i=$((i + 1))
done

# ---- keystrokes ---------------------------------------------------------------------------
{
    echo "wait 数据截至"
    echo "timeout 2000" # a status line that did not change counts as "-", not as 10 s
    for q in $QUERIES; do
        echo "time-type -2 -3 $W/keys.ms $q"
        echo "key C-u"
        echo "waitline -2 查询>"
        echo "waitline -3 "
    done
    echo "key F10"
    echo "expect-exit 0"
} >"$W/keys.vt"
say "keystrokes: $ROUNDS sessions of: $QUERIES"
i=0
while [ "$i" -lt "$ROUNDS" ]; do
    "$VTRUN" -t 20000 -s "$W/keys.vt" -- "$GK" --db "$DB" >"$W/vtrun.log" 2>&1 ||
        { say "keystroke run failed:"; cat "$W/vtrun.log" >&2; exit 1; }
    i=$((i + 1))
done
# stats FILE COLUMN [first|more]: "n p50 p95 p99 max" of a column ("-" left out); first:
# only the first character of each query, more: the others.
stats() {
    awk -v c="$2" -v f="${3:-}" '(f == "" || (f == "first") == ($3 == 1)) && $c != "-" { print $c }' "$1" | sort -n |
        awk '{ v[NR] = $1 } END {
            if (!NR) { print "0 - - - -"; exit }
            split("50 95 99", p, " ")
            printf "%d", NR
            for (i = 1; i <= 3; i++) { k = int((p[i] * NR + 99) / 100); if (k < 1) k = 1; printf " %.1f", v[k] }
            printf " %.1f\n", v[NR] }'
}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "-" && v + 0 <= t) ? "PASS" : "MISS" }'; }

set -- $(stats "$W/start.ms" 1)
s_n=$1 s_p50=$2 s_p95=$3 s_p99=$4 s_max=$5
set -- $(stats "$W/keys.ms" 1)
e_n=$1 e_p50=$2 e_p95=$3 e_p99=$4 e_max=$5
set -- $(stats "$W/keys.ms" 2)
r_n=$1 r_p50=$2 r_p95=$3 r_p99=$4 r_max=$5
set -- $(stats "$W/keys.ms" 2 more)
m_n=$1 m_p50=$2 m_p95=$3 m_p99=$4 m_max=$5
set -- $(stats "$W/keys.ms" 2 first)
f_n=$1 f_p50=$2 f_p95=$3 f_p99=$4 f_max=$5
missing=$(awk '$2 == "-"' "$W/keys.ms" | wc -l)
# Beyond the search: results time minus the search's own time shown in the status line.
awk '$2 != "-" && match($0, /（[0-9.]+ ms）/) { s = substr($0, RSTART, RLENGTH); gsub(/[^0-9.]/, "", s)
     print $2 - s }' "$W/keys.ms" >"$W/overhead.ms"
set -- $(stats "$W/overhead.ms" 1)
o_n=$1 o_p50=$2 o_p95=$3 o_p99=$4 o_max=$5

{
    echo "Console latency ($(date -u +%Y-%m-%d), $(nproc) CPU, database $DB, $(du -m "$DB" | cut -f1) MB)"
    echo "measured through a pty read with libvterm (bench/console.sh); milliseconds"
    echo
    row() { printf '%-44s %5s %7s %7s %7s %7s  %-15s %s\n' "$@"; }
    row "what" n p50 p95 p99 max target verdict
    row "startup to first screen" "$s_n" "$s_p50" "$s_p95" "$s_p99" "$s_max" "p95 <= 100 ms" "$(verdict "$s_p95" 100)"
    row "keystroke to input echo" "$e_n" "$e_p50" "$e_p95" "$e_p99" "$e_max" "p99 <= 16 ms" "$(verdict "$e_p99" 16)"
    row "keystroke to results, every keystroke" "$r_n" "$r_p50" "$r_p95" "$r_p99" "$r_max" "p99 <= 16 ms" "$(verdict "$r_p99" 16)"
    row "  2nd and later characters" "$m_n" "$m_p50" "$m_p95" "$m_p99" "$m_max" "p99 <= 16 ms" "$(verdict "$m_p99" 16)"
    row "  1st character (a prefix query)" "$f_n" "$f_p50" "$f_p95" "$f_p99" "$f_max" "" ""
    row "  beyond the search's own time" "$o_n" "$o_p50" "$o_p95" "$o_p99" "$o_max" "" ""
    echo
    echo "queries: $QUERIES ($ROUNDS sessions)"
    [ "$missing" -eq 0 ] || echo "status line unchanged after $missing keystrokes (left out of the results figures)"
    echo "per query and character: results p50/max over the sessions (ms)"
    awk '$3 == 1 && NR > 1 { print line; line = "" }
         { line = line (line == "" ? "  " : "  ") $4 " " $2 }
         END { print line }' "$W/keys.ms" | sort -s -k1,1 |
        awk '{ q = ""; for (i = 1; i < NF; i += 2) q = q $i; key[q] = 1; for (i = 1; i < NF; i += 2) { c[q, (i + 1) / 2] = $i; v[q, (i + 1) / 2] = v[q, (i + 1) / 2] " " $(i + 1) } n[q] = (NF) / 2 }
             END { for (q in key) { printf "  %s:", q
                     for (j = 1; j <= n[q]; j++) { m = split(v[q, j], a, " "); mx = 0
                         for (x = 1; x <= m; x++) if (a[x] != "-" && a[x] + 0 > mx) mx = a[x] + 0
                         for (x = 1; x <= m; x++) for (y = x + 1; y <= m; y++) if (a[y] + 0 < a[x] + 0) { t = a[x]; a[x] = a[y]; a[y] = t }
                         printf " %s %.0f/%.0f", c[q, j], a[int((m + 1) / 2)], mx }
                     printf "\n" } }' | sort
} >"$OUT"
cat "$OUT"
