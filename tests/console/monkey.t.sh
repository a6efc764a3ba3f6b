#!/bin/sh
# The console monkey test (issue 8): vtrun's monkey command (tests/tools/vt_monkey.c) sends
# gongkai, running in a pseudo-terminal, MONKEY_EVENTS seeded random keys, mouse events and
# resizes for each seed of MONKEY_SEEDS: no crash, no hang, no sanitizer report, the
# terminal restored after every quit and at the end. On the demo database always (CI has
# no ../shared), and on the real data (tests/real/*.ini over ../shared, loaded once into
# $GONGKAI_TMP) when ../shared is there. Under `make asan` the program is the ASan/UBSan
# build: a report aborts it, the monkey fails, and the report is printed (ASan's from its
# log_path file, as the program's stderr is the pty; a fatal UBSan report from the
# program's raw output, where the console copies its stderr when it crashes).
#
#   tests/run.sh build monkey
#   MONKEY_SEEDS=7 MONKEY_DBS=real tests/run.sh build-asan monkey     reproduce seed 7
#   make monkey MONKEY_EVENTS=50000 MONKEY_SEEDS="3 4 5"              longer, under ASan
#
# Environment: MONKEY_EVENTS (10000), MONKEY_SEEDS ("1 2"), MONKEY_DBS ("demo real"),
# MONKEY_PACE (ms of quiet output after each event, 3), MONKEY_JOBS (seeds run at once, 2).
# Prints "ok NAME - counts" / "not ok NAME - reason" lines; a failure shows the seed, the
# event, the last 20 events as vtrun script lines, the screen and any sanitizer report, and
# keeps every event in $GONGKAI_TMP/monkey/NAME/events.vt.

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
BUILD=${GONGKAI_BUILD:-$ROOT/build}
T=${GONGKAI_TMP:?}/monkey
VTRUN=$BUILD/tests/vtrun
EVENTS=${MONKEY_EVENTS:-10000}
SEEDS=${MONKEY_SEEDS:-1 2}
DBS=${MONKEY_DBS:-demo real}
PACE=${MONKEY_PACE:-3}
JOBS=${MONKEY_JOBS:-2}
SHARED=$ROOT/../shared
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR LINES COLUMNS
unset DISPLAY WAYLAND_DISPLAY # c (copy a citation) must not reach a desktop clipboard
export GONGKAI_TODAY=2026-11-01

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }

if [ ! -x "$VTRUN" ]; then
    not_ok vtrun "$VTRUN is missing (make $BUILD/tests/vtrun; needs libvterm-dev)"
    exit 0
fi

# ---- the databases -------------------------------------------------------------------------

DEMO=$T/demo.db
if ! "$BIN" load --quiet --db "$DEMO" "$ROOT/data/demo" >"$T/load-demo.out" 2>&1; then
    not_ok load_demo "gongkai load data/demo failed: $(tail -n 3 "$T/load-demo.out")"
    exit 0
fi

# The real data: every manifest of tests/real whose files are there. Kept between runs
# (outside $T) while it is newer than the binary and the manifests.
REAL=$GONGKAI_TMP/monkey-real.db
real_manifests=""
newer() { [ -n "$(find "$1" -prune -newer "$2" 2>/dev/null)" ]; }
real_db() {
    real_manifests=""
    for m in regulations:corpus/regulations seed:seed orgs:corpus/orgs places:corpus/places \
        stats:corpus/stats,corpus/places hotlines:corpus/hotlines,corpus/places; do
        name=${m%%:*}
        missing=""
        for d in $(echo "${m#*:}" | tr , ' '); do
            [ -d "$SHARED/$d" ] || missing="$missing ../shared/$d"
        done
        if [ -n "$missing" ]; then
            echo "# real data: tests/real/$name.ini skipped, absent:$missing"
        else
            real_manifests="$real_manifests $ROOT/tests/real/$name.ini"
        fi
    done
    [ -n "$real_manifests" ] || return 1
    fresh=1
    [ -f "$REAL" ] && newer "$REAL" "$BIN" || fresh=0
    for f in $real_manifests; do
        [ "$fresh" = 1 ] && newer "$REAL" "$f" || fresh=0
    done
    [ "$fresh" = 1 ] && return 0
    rm -f "$REAL"
    t0=$(date +%s)
    # shellcheck disable=SC2086 # manifests are words
    "$BIN" load --quiet --db "$REAL" $real_manifests >"$T/load-real.out" 2>&1
    rc=$?
    echo "# real data loaded into $REAL in $(($(date +%s) - t0)) s (kept for the next runs)"
    # 3: loaded, some rows rejected (the real corpus has known bad rows, see test_real*)
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
        rm -f "$REAL"
        return 2
    fi
    return 0
}

# ---- one run -------------------------------------------------------------------------------

# monkey NAME KIND DB SEED: runs the monkey in $T/NAME; the result in $T/NAME/result.
monkey() {
    name=$1 kind=$2 db=$3 seed=$4
    d=$T/$name
    mkdir -p "$d"
    {
        echo 'timeout 20000'
        echo 'wait F1帮助'
        echo "monkey $seed $EVENTS $PACE $d/events.vt"
        echo 'expect-exit 0'
        echo 'check-restored'
    } >"$d/script.vt"
    # Each run has its own config (F5 writes it), history and sanitizer logs. A fatal
    # UBSan report ignores log_path (GCC 12) and goes to stderr, which the console copies
    # to the terminal when it crashes: the raw output is kept to find it there.
    VTRUN_RAW_LOG="$d/output.raw" \
        XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_DATA_HOME="$d/data" \
        ASAN_OPTIONS="abort_on_error=1:halt_on_error=1:detect_leaks=1:log_path=$d/asan" \
        UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$d/ubsan" \
        "$VTRUN" -s "$d/script.vt" -- "$BIN" --db "$db" >"$d/log" 2>&1
    rc=$?
    reports=$(ls "$d"/asan.* "$d"/ubsan.* 2>/dev/null)
    if [ "$rc" -eq 0 ] && [ -z "$reports" ]; then
        echo "ok $name - $(sed -n 's/^monkey: //p' "$d/log")" >"$d/result"
        rm -f "$d/output.raw"
        return
    fi
    {
        why=$(grep -m1 '^vtrun:' "$d/log")
        [ -n "$why" ] || why="vtrun exit $rc"
        [ -n "$reports" ] && why="$why; a sanitizer report"
        echo "not ok $name - $why"
        echo "#   reproduce: MONKEY_SEEDS=$seed MONKEY_DBS=$kind MONKEY_EVENTS=$EVENTS tests/run.sh $(basename "$BUILD") monkey"
        echo "#   every event sent: $d/events.vt"
        for r in $reports; do
            echo "#   ---- $r"
            head -n 40 "$r" | sed 's/^/#   /'
        done
        # The report follows curses's output on the same line: keep only its parts.
        esc=$(printf '\033')
        stderr_re="((tui|core|loader)/)?[A-Za-z0-9_]+\.[ch]:[0-9]+:[0-9]+: runtime error: [^$esc]*"
        stderr_re="$stderr_re|==[0-9]+==ERROR: [^$esc]*"
        stderr_re="$stderr_re|SUMMARY: [^$esc]*|^ +#[0-9]+ 0x.*|[^$esc]*(Assertion|out of memory)[^$esc]*"
        if [ -f "$d/output.raw" ] && grep -aqE "$stderr_re" "$d/output.raw"; then
            echo "#   ---- what the program wrote to stderr (from $d/output.raw)"
            grep -aoE "$stderr_re" "$d/output.raw" | head -n 40 | sed 's/^/#   /'
        fi
        sed -e 's/^/#   /' "$d/log" | head -n 80
    } >"$d/result"
}

# runs KIND DB: every seed, JOBS at a time; prints the results in seed order.
runs() {
    kind=$1 db=$2
    n=0
    for s in $SEEDS; do
        monkey "monkey_${kind}_seed$s" "$kind" "$db" "$s" &
        n=$((n + 1))
        if [ "$n" -ge "$JOBS" ]; then
            wait
            n=0
        fi
    done
    wait
    for s in $SEEDS; do
        cat "$T/monkey_${kind}_seed$s/result"
    done
}

for db in $DBS; do
    case "$db" in
    demo)
        runs demo "$DEMO"
        ;;
    real)
        real_db
        case $? in
        0) runs real "$REAL" ;;
        1) ok "monkey_real # SKIP ../shared/corpus is absent (real-data tests need ../shared next to the repository)" ;;
        *) not_ok load_real "gongkai load$real_manifests failed: $(tail -n 3 "$T/load-real.out")" ;;
        esac
        ;;
    *)
        not_ok "$db" "MONKEY_DBS: demo or real"
        ;;
    esac
done
