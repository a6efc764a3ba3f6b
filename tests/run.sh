#!/bin/sh
# Runs every test and ends with "N passed, N failed" (CI reads that line).
#   tests/run.sh BUILD_DIR [PATTERN]
# Unit tests are cmocka programs (BUILD/tests/test_*); script tests (tests/*/*.t.sh)
# print TAP-style "ok NAME" / "not ok NAME - reason" lines.
# Environment: LANG/LC_ALL=C.UTF-8, TERM and TZ are set by the Makefile.
BUILD=${1:-build}
PATTERN=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export GONGKAI_BIN="$ROOT/$BUILD/gongkai"
export GONGKAI_ROOT="$ROOT"
export GONGKAI_BUILD="$ROOT/$BUILD"
export GONGKAI_TMP="$ROOT/$BUILD/tests/tmp"
export CMOCKA_MESSAGE_OUTPUT=STDOUT
mkdir -p "$GONGKAI_TMP"
# Tests must not read or write the user's own files.
export HOME="$GONGKAI_TMP/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_STATE_HOME="$HOME/.local/state"
mkdir -p "$HOME"

passed=0
failed=0
skipped=0
failures=""
log="$GONGKAI_TMP/last-run.log"
: > "$log"

run_cmocka() {
    bin=$1
    name=$(basename "$bin")
    out=$("$bin" 2>&1)
    rc=$?
    printf '%s\n' "$out" >> "$log"
    p=$(printf '%s\n' "$out" | sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    f=$(printf '%s\n' "$out" | sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    k=$(printf '%s\n' "$out" | sed -n 's/.*\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    k=${k:-0}
    skipped=$((skipped + k))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1 # crashed or exited early: count it
        printf '%s\n' "$out" | tail -n 20
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        failures="$failures $name"
        printf '%s\n' "$out" | grep -E '^\[  (FAILED|  ERROR)|^\[  ERROR|Failure|error:|\.c:[0-9]+' | head -n 30
    fi
    if [ "$k" -ne 0 ]; then
        printf '%-28s %4d passed %4d failed %4d skipped (%s)\n' "$name" "$p" "$f" "$k" \
            "$(printf '%s\n' "$out" | grep -m1 '^SKIP' || echo 'see the log')"
    else
        printf '%-28s %4d passed %4d failed\n' "$name" "$p" "$f"
    fi
}

run_script() {
    script=$1
    name=$(basename "$script" .t.sh)
    out=$(sh "$script" 2>&1)
    rc=$?
    printf '%s\n' "$out" >> "$log"
    p=$(printf '%s\n' "$out" | grep -c '^ok ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok ')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        printf '%s\n' "$out" | tail -n 20
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        failures="$failures $name"
        printf '%s\n' "$out" | grep -A8 '^not ok ' | head -n 60
    fi
    printf '%-28s %4d passed %4d failed\n' "$name" "$p" "$f"
}

for bin in "$ROOT/$BUILD"/tests/test_*; do
    [ -x "$bin" ] || continue
    case "$bin" in *"$PATTERN"*) ;; *) continue ;; esac
    run_cmocka "$bin"
done
for script in "$ROOT"/tests/*/*.t.sh; do
    [ -f "$script" ] || continue
    case "$script" in *"$PATTERN"*) ;; *) continue ;; esac
    run_script "$script"
done

[ -n "$failures" ] && echo "failing:$failures (full output in $log)"
[ "$skipped" -ne 0 ] && echo "$skipped skipped (their reasons are above)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
