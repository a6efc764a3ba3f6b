#!/bin/sh
# Crash safety, read-only media and damaged databases (docs/testing.md, Faults).
#
# 1. Killed loads: data/demo plus a generated corpus (300 regulations, about 10 MB, so a
#    load takes measurable time) is loaded into one --db; then 20 loads into the same
#    --db are killed with SIGKILL after a random delay within a load's duration (seeded:
#    the seed is printed, GONGKAI_CRASH_SEED=N repeats a run, GONGKAI_CRASH_KILLS=N
#    changes the count). After each: the database is byte-identical, passes
#    PRAGMA integrity_check, and gongkai search/place/stats/org answer as before. The
#    phase a kill landed in is read from what it left: no temp file (before the temp file
#    was created, or after the rename), a temp file smaller than the database (building:
#    the rows are still in SQLite's cache) or as large (committed: verifying, fsync,
#    rename). The next load removes the stale temp files. Then the test hook
#    GONGKAI_TEST_FAULT=kill:N, int:N and full:N (a full disk) at a few N.
# 2. Read-only media: a copy of the database in a 0555 directory as a 0444 file (root
#    ignores the modes, so what is checked is that nothing is written: sha256, mtime, the
#    directory's listing, no -wal/-shm/-journal) under the CLI, the line mode and the
#    console's key-script replay; and, where `unshare -m` may mount, on a real read-only
#    bind mount.
# 3. Damaged databases: truncated to half, first 100 bytes zeroed, bytes flipped in the
#    middle, a text file, an empty file, another schema version: a one-line message (two
#    for another version: the second is the rebuild command), never SQLite's own text,
#    exit 2 from every command, and the console leaves before curses (replay, and in a
#    pty with build/tests/vtrun: check-plain). Everything runs under timeout.
#
# Run by tests/run.sh (GONGKAI_BIN, GONGKAI_ROOT, GONGKAI_TMP). Prints "ok NAME" /
# "not ok NAME - reason" lines; "# ..." lines are notes (seed, phases).

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
BUILD=${GONGKAI_BUILD:-$ROOT/build}
T=${GONGKAI_TMP:?}/crash
chmod -R u+w "$T" 2>/dev/null
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR LINES COLUMNS GONGKAI_TEST_FAULT
unset DISPLAY WAYLAND_DISPLAY
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state"
export GONGKAI_TODAY=2026-11-01
TO="timeout -k 2 30"

ok() { echo "ok $1${2:+ # $2}"; }
not_ok() { echo "not ok $1 - $2"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
sha() { sha256sum "$1" | cut -d' ' -f1; }

SEED=${GONGKAI_CRASH_SEED:-$(($(date +%s) % 100000))}
KILLS=${GONGKAI_CRASH_KILLS:-20}
echo "# seed $SEED (repeat: GONGKAI_CRASH_SEED=$SEED tests/run.sh BUILD crash)"
rng=$SEED
# rand N: a number in [0, N) in $r (an LCG, so a seed gives the same run anywhere).
rand() {
    rng=$(((rng * 1103515245 + 12345) % 2147483648))
    r=$(((rng / 65536) % $1))
}

# ---- the corpora ---------------------------------------------------------------------------
GEN=$T/gen
mkdir -p "$GEN"
cat >"$GEN/corpus.ini" <<'EOF'
[corpus]
name = 崩溃测试语料（生成）
as_of = 2024-01-01

[regs]
kind = regulations
path = *.md
level = 示例规章
publisher = gongkai 测试
retrieved = 2024-01-01
EOF
(cd "$GEN" && LC_ALL=C awk -v nfiles=300 -v narts=60 'BEGIN {
    split("零 一 二 三 四 五 六 七 八 九", d, " ")
    split("社会救助 最低生活保障 特困人员 临时救助 民政部门 申请人 家庭经济状况 审核确认 公示 乡镇人民政府", w, " ")
    for (f = 1; f <= nfiles; f++) {
        fn = sprintf("示例生成办法%04d(2020-01-01).md", f)
        printf "# 示例生成办法%04d\n\n2020年1月1日 示例令第%d号公布\n\n<!-- INFO END -->\n\n", f, f > fn
        for (a = 1; a <= narts; a++) {
            n = a; s = ""
            if (n >= 10) { t = int(n / 10); s = (t > 1 ? d[t + 1] : "") "十"; n = n % 10 }
            if (n > 0 || s == "") s = s d[n + 1]
            printf "第%s条 ", s > fn
            for (k = 0; k < 40; k++)
                printf "%s%s", w[(f * 7 + a * 13 + k * k) % 10 + 1], (k % 5 == 4 ? "，" : "") > fn
            printf "。\n\n" > fn
        }
        close(fn)
    }
}')

KD=$T/kill
mkdir -p "$KD"
DB=$KD/crash.db
load() { # load DB [ENV...]: the demo and generated corpora into DB
    db=$1
    shift
    env "$@" "$BIN" load --quiet --db "$db" "$ROOT/data/demo" "$GEN"
}

# answers DB OUT: the four queries' output and status, times masked.
answers() {
    {
        for q in "search 低保" "search 乡镇人民政府 --limit 5" "place 南川" "stats 城乡低保人数" \
            "org 示例书法" "show reg 社会救助暂行办法 11"; do
            echo "== $q"
            # shellcheck disable=SC2086 # q is words
            $TO "$BIN" --db "$1" $q 2>&1
            echo "rc=$?"
        done
    } | sed -E 's/[0-9]+(\.[0-9]+)? ms/X ms/g' >"$2"
}
integrity() { [ "$(sqlite3 -readonly "$1" 'PRAGMA integrity_check' 2>&1)" = ok ]; }
HAVE_SQLITE3=1
command -v sqlite3 >/dev/null 2>&1 || HAVE_SQLITE3=0
[ "$HAVE_SQLITE3" = 1 ] || echo "# sqlite3 is not installed: integrity_check is skipped"

t0=$(now_ms)
load "$DB" >"$T/load.log" 2>&1
rc=$?
t1=$(now_ms)
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    not_ok load "exit $rc: $(tail -n 3 "$T/load.log")"
    exit 0
fi
t2=$(now_ms)
load "$DB" >"$T/load2.log" 2>&1
t3=$(now_ms)
DUR=$(((t1 - t0 + t3 - t2) / 2))
[ "$DUR" -lt 50 ] && DUR=50
GOOD=$(sha "$DB")
SIZE=$(stat -c %s "$DB")
answers "$DB" "$T/good.answers"
if grep -q '^rc=[^0]' "$T/good.answers"; then
    not_ok load "a query failed on the good database: $(grep -B3 '^rc=[^0]' "$T/good.answers" | head -n 4)"
    exit 0
fi
ok load "a load takes about $DUR ms; the database is $((SIZE / 1024)) KB"
check_db() { # check_db NAME: the database is the good one and answers as before
    why=""
    [ "$(sha "$DB")" = "$GOOD" ] || why="sha256 changed"
    if [ -z "$why" ] && [ "$HAVE_SQLITE3" = 1 ] && ! integrity "$DB"; then why="integrity_check failed"; fi
    if [ -z "$why" ]; then
        answers "$DB" "$T/now.answers"
        cmp -s "$T/good.answers" "$T/now.answers" ||
            why="answers differ: $(diff "$T/good.answers" "$T/now.answers" | head -n 4 | tr '\n' ' ')"
    fi
}

# ---- 1. SIGKILL at random moments ------------------------------------------------------------
n_before=0 n_build=0 n_commit=0 n_after=0 n_done=0
i=1
while [ "$i" -le "$KILLS" ]; do
    rand "$DUR"
    delay=$r
    ino=$(stat -c %i "$DB")
    # A simple command, so that $! is gongkai itself and not a subshell around it.
    "$BIN" load --quiet --db "$DB" "$ROOT/data/demo" "$GEN" >"$T/kill.$i.log" 2>&1 &
    pid=$!
    sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rc=$?
    tmp=$KD/.crash.db.load-$pid.tmp
    if [ "$rc" -ne 137 ]; then
        phase="finished (exit $rc before the kill)"
        n_done=$((n_done + 1))
    elif [ -f "$tmp" ]; then
        tsz=$(stat -c %s "$tmp")
        if [ "$tsz" -lt "$SIZE" ]; then
            phase="building (temp file $((tsz / 1024)) KB)"
            n_build=$((n_build + 1))
        else
            phase="committed, verifying (temp file $((tsz / 1024)) KB)"
            n_commit=$((n_commit + 1))
        fi
    elif [ "$(stat -c %i "$DB")" != "$ino" ]; then
        phase="after the rename"
        n_after=$((n_after + 1))
    else
        phase="before the temp file"
        n_before=$((n_before + 1))
    fi
    check_db
    if [ -z "$why" ]; then
        ok "kill_random_$i" "after $delay ms: $phase"
    else
        not_ok "kill_random_$i" "killed after $delay ms ($phase, seed $SEED): $why"
    fi
    i=$((i + 1))
done
echo "# $KILLS kills: $n_before before the temp file, $n_build building, $n_commit committed (verifying), $n_after after the rename, $n_done finished first"
stale=$(ls -A "$KD" | grep -c '\.load-.*\.tmp$')
load "$DB" >"$T/final.log" 2>&1
left=$(ls -A "$KD" | grep '\.load-.*\.tmp$')
if [ -n "$left" ]; then
    not_ok stale_temps_removed "left after the next load: $left"
else
    ok stale_temps_removed "$stale stale temp files before the next load, none after"
fi
check_db
if [ -z "$why" ]; then ok after_next_load; else not_ok after_next_load "$why"; fi

# ---- the test hook: kill:N, int:N, full:N ------------------------------------------------------
for n in 1 100 300 500; do
    load "$DB" GONGKAI_TEST_FAULT=kill:$n >"$T/hook.log" 2>&1
    rc=$?
    check_db
    [ "$rc" -eq 137 ] || why="exit $rc, not killed ${why:+; $why}"
    if [ -z "$why" ]; then ok "hook_kill_$n"; else not_ok "hook_kill_$n" "$why"; fi
done
for n in 1 300; do
    load "$DB" GONGKAI_TEST_FAULT=int:$n >"$T/hook.log" 2>&1
    rc=$?
    check_db
    [ "$rc" -eq 130 ] || why="exit $rc, not 130 ${why:+; $why}"
    # SIGINT: the loader removes its own temp file (kill:N left theirs; this load removed them)
    left=$(ls -A "$KD" | grep '\.load-.*\.tmp$')
    [ -z "$left" ] || why="temp file left: $left ${why:+; $why}"
    if [ -z "$why" ]; then ok "hook_int_$n"; else not_ok "hook_int_$n" "$why"; fi
done
for n in 1 300 500; do
    load "$DB" GONGKAI_TEST_FAULT=full:$n >"$T/hook.log" 2>&1
    rc=$?
    check_db
    [ "$rc" -eq 2 ] || why="exit $rc, not 2 ${why:+; $why}"
    grep -qE '磁盘已满|disk is full' "$T/hook.log" || why="no 磁盘已满 in: $(head -n 2 "$T/hook.log" | tr '\n' ' ') ${why:+; $why}"
    grep -q 'was not changed' "$T/hook.log" || why="no 'was not changed' ${why:+; $why}"
    # The full disk stops the load at once: no follow-on errors from the tables SQLite's
    # rollback took away.
    grep -q 'no such table' "$T/hook.log" && why="follow-on errors after the full disk ${why:+; $why}"
    left=$(ls -A "$KD" | grep '\.load-.*\.tmp$')
    [ -z "$left" ] || why="temp file left: $left ${why:+; $why}"
    if [ -z "$why" ]; then ok "hook_full_$n"; else not_ok "hook_full_$n" "$why"; fi
done

# ---- 2. read-only media ------------------------------------------------------------------------
DEMO=$T/demo.db
if ! "$BIN" load --quiet --db "$DEMO" "$ROOT/data/demo" >"$T/demo.log" 2>&1; then
    not_ok demo_load "$(tail -n 3 "$T/demo.log")"
    exit 0
fi
answers "$DEMO" "$T/demo.answers"
RO=$T/ro
mkdir -p "$RO"
cp "$DEMO" "$RO/demo.db"
chmod 0444 "$RO/demo.db"
chmod 0555 "$RO"
cat >"$T/ro.keys" <<EOF
type 低保
dump $T/ro.1
key Down Down Enter
dump $T/ro.2
key F3
key F7
dump $T/ro.3
key M-4
type 南川
dump $T/ro.4
key M-5
dump $T/ro.5
key F10
EOF
# ro_run DB TAG: the CLI, the line mode and the console replay on DB; outputs in $T/TAG.*
cat >"$T/ro_run.sh" <<'EOF'
BIN=$1 DB=$2 OUT=$3 KEYS=$4
{
    for q in "search 低保" "place 南川" "stats 城乡低保人数" "org 示例书法" "show reg 社会救助暂行办法 11"; do
        echo "== $q"
        # shellcheck disable=SC2086
        timeout -k 2 30 "$BIN" --db "$DB" $q 2>&1
        echo "rc=$?"
    done
    printf '低保\nplace 南川\nopen 1\nquit\n' | timeout -k 2 30 "$BIN" --db "$DB" --cli 2>&1
    echo "rc=$?"
} | sed -E 's/[0-9]+(\.[0-9]+)? ms/X ms/g' >"$OUT.cli"
timeout -k 2 30 "$BIN" --db "$DB" --test-script "$KEYS" --test-size 24x80 >"$OUT.console" 2>&1
echo "rc=$?" >>"$OUT.console"
EOF
# same_dump A B: two console dumps are the same screen but for the search time.
mask() { sed -e 's/（[0-9.]* ms）.*>$/（X ms）  …>/' -e 's/（[0-9.]* ms）/（X ms）/g' "$1"; }
same_dump() { [ -s "$1" ] && [ -s "$2" ] && [ "$(mask "$1")" = "$(mask "$2")" ]; }
ro_state() { # the database's sha256 and mtime, and the directory's listing
    { sha "$1/demo.db"; stat -c '%y %s' "$1/demo.db"; ls -A "$1"; }
}
# Reference: the same on the writable copy.
sh "$T/ro_run.sh" "$BIN" "$DEMO" "$T/rw" "$T/ro.keys"
for d in 1 2 3 4 5; do mv "$T/ro.$d" "$T/rw.dump.$d" 2>/dev/null; done
before=$(ro_state "$RO")
sh "$T/ro_run.sh" "$BIN" "$RO/demo.db" "$T/ro" "$T/ro.keys"
after=$(ro_state "$RO")
why=""
[ "$before" = "$after" ] || why="the file or directory changed: $(echo "$after" | tr '\n' ' ')"
ls -A "$RO" | grep -qE -- '-(wal|shm|journal)$' && why="$why; $(ls -A "$RO" | tr '\n' ' ')"
cmp -s "$T/rw.cli" "$T/ro.cli" || why="$why; CLI answers differ from a writable copy"
grep -q '^rc=0$' "$T/ro.console" || why="$why; console replay: $(head -n 3 "$T/ro.console" | tr '\n' ' ')"
for d in 1 2 3 4 5; do
    same_dump "$T/rw.dump.$d" "$T/ro.$d" || why="$why; console dump $d differs"
done
grep -q '^rc=[^0]' "$T/ro.cli" && why="$why; a query failed: $(grep -B2 '^rc=[^0]' "$T/ro.cli" | head -n 3 | tr '\n' ' ')"
if [ -z "$why" ]; then ok readonly_chmod_nothing_written; else not_ok readonly_chmod_nothing_written "${why#; }"; fi

# A real read-only bind mount where a private mount namespace is allowed (root in a
# container usually is; otherwise noted and skipped).
MNT=$T/mnt
mkdir -p "$MNT"
cp "$DEMO" "$MNT/demo.db"
if unshare -m sh -c "mount --bind '$MNT' '$MNT' && mount -o remount,ro,bind '$MNT' && ! touch '$MNT/probe' 2>/dev/null" >/dev/null 2>&1; then
    before=$(ro_state "$MNT")
    rm -f "$T"/ro.[0-9]
    unshare -m sh -c "mount --bind '$MNT' '$MNT' && mount -o remount,ro,bind '$MNT' && sh '$T/ro_run.sh' '$BIN' '$MNT/demo.db' '$T/mnt' '$T/ro.keys'" 2>"$T/mnt.err"
    after=$(ro_state "$MNT")
    why=""
    [ "$before" = "$after" ] || why="the file or directory changed"
    cmp -s "$T/rw.cli" "$T/mnt.cli" || why="$why; CLI answers differ: $(diff "$T/rw.cli" "$T/mnt.cli" | head -n 4 | tr '\n' ' ')"
    grep -q '^rc=0$' "$T/mnt.console" || why="$why; console replay: $(head -n 3 "$T/mnt.console" | tr '\n' ' ')"
    for d in 1 2 3 4 5; do
        same_dump "$T/rw.dump.$d" "$T/ro.$d" || why="$why; console dump $d differs"
    done
    if [ -z "$why" ]; then ok readonly_mount; else not_ok readonly_mount "${why#; }"; fi
else
    echo "# readonly_mount skipped: unshare -m / mount -o remount,ro,bind is not permitted here"
fi

# ---- 3. damaged databases ----------------------------------------------------------------------
C=$T/corrupt
mkdir -p "$C"
DSIZE=$(stat -c %s "$DEMO")
head -c $((DSIZE / 2)) "$DEMO" >"$C/half.db"
cp "$DEMO" "$C/zero100.db"
dd if=/dev/zero of="$C/zero100.db" bs=1 count=100 conv=notrunc 2>/dev/null
cp "$DEMO" "$C/flipped.db"
k=0
while [ "$k" -lt 64 ]; do # 64 bytes inverted at seeded places in the middle half
    rand $((DSIZE / 2))
    p=$((DSIZE / 4 + r))
    v=$(od -An -tu1 -j "$p" -N1 "$C/flipped.db" | tr -d ' ')
    # shellcheck disable=SC2059 # the format is the byte
    printf "\\$(printf %03o $((v ^ 255)))" | dd of="$C/flipped.db" bs=1 seek="$p" conv=notrunc 2>/dev/null
    k=$((k + 1))
done
printf '这是一个文本文件，不是数据库。\nplain text\n' >"$C/text.db"
: >"$C/empty.db"
cp "$DEMO" "$C/oldschema.db"
if [ "$HAVE_SQLITE3" = 1 ]; then
    sqlite3 "$C/oldschema.db" 'PRAGMA user_version = 8'
else
    printf '\000\000\000\010' | dd of="$C/oldschema.db" bs=1 seek=60 conv=notrunc 2>/dev/null
fi
VTRUN=$BUILD/tests/vtrun
[ -x "$VTRUN" ] || echo "# $VTRUN is missing: the pty checks of damaged databases are skipped"
printf 'type 低保\ndump %s/corrupt.dump\n' "$T" >"$T/corrupt.keys"

# case NAME EXPECTED_TEXT MAX_LINES
corrupt_case() {
    name=$1 expect=$2 maxl=$3
    f=$C/$name.db
    why=""
    for q in "search 低保" "place 南川" "stats 城乡低保人数" "org 示例书法" "qa 低保" "show reg 社会救助暂行办法 11" \
        "--cli" "--test-script $T/corrupt.keys --test-size 24x80"; do
        # shellcheck disable=SC2086
        printf '低保\nquit\n' | $TO "$BIN" --db "$f" $q >"$T/c.out" 2>"$T/c.err"
        rc=$?
        lines=$(wc -l <"$T/c.err")
        if [ "$rc" -ne 2 ]; then
            why="$why; [$q] exit $rc: $(head -c 200 "$T/c.err")"
        elif [ -s "$T/c.out" ] || [ "$lines" -gt "$maxl" ] || [ "$lines" -lt 1 ]; then
            why="$why; [$q] stdout $(wc -c <"$T/c.out") bytes, $lines lines on stderr: $(head -c 200 "$T/c.err")"
        elif ! grep -qF -- "$expect" "$T/c.err" || ! head -n 1 "$T/c.err" | grep -qF -- "$f"; then
            why="$why; [$q] not the message for $name: $(head -c 200 "$T/c.err")"
        elif grep -qiE 'sqlite|malformed|disk image|file is not a database' "$T/c.err"; then
            why="$why; [$q] SQLite's own text: $(head -c 200 "$T/c.err")"
        fi
    done
    [ -e "$T/corrupt.dump" ] && why="$why; the console drew a screen"
    rm -f "$T/corrupt.dump"
    if [ -x "$VTRUN" ]; then
        printf 'wait %s\nexpect-exit 2\ncheck-plain\n' "$expect" >"$T/c.vt"
        $TO "$VTRUN" -c 240 -t 5000 -s "$T/c.vt" -- "$BIN" --db "$f" >"$T/c.vtlog" 2>&1 ||
            why="$why; pty: $(grep -m1 '^vtrun:' "$T/c.vtlog")"
    fi
    msg=$(head -n 1 "$T/c.err" | sed "s|$C/||")
    if [ -z "$why" ]; then ok "corrupt_$name" "$msg"; else not_ok "corrupt_$name" "${why#; }"; fi
}
corrupt_case half '已损坏' 1
corrupt_case zero100 '不是 gongkai 数据库' 1
corrupt_case flipped '已损坏' 1
corrupt_case text '不是 gongkai 数据库' 1
corrupt_case empty '不是 gongkai 数据库' 1
corrupt_case oldschema '另一版本' 2
