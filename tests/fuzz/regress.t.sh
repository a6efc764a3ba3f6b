#!/bin/sh
# Replays the fuzzing inputs kept in the tree (docs/testing.md "Fuzzing") without
# libFuzzer: each harness tests/fuzz/fuzz_NAME.c is compiled with tests/fuzz/replay_main.c
# against $GONGKAI_BUILD/libgongkai.a (with ASan+UBSan when the library has them, as under
# `make asan`) and run once on every file of tests/fuzz/regress/NAME/ (crashes libFuzzer
# found, now fixed) and tests/fuzz/seeds/NAME/. Prints ok / not ok per harness.
ROOT=${GONGKAI_ROOT:?}
BUILD=${GONGKAI_BUILD:?}
CC=${CC:-cc}
[ "$CC" = "clang" ] || command -v "$CC" >/dev/null 2>&1 || CC=cc
LIB="$BUILD/libgongkai.a"
OUT="$BUILD/tests/fuzz"
mkdir -p "$OUT"
PKGS="ncursesw sqlite3 libedit inih opencc libsodium jansson"
SAN=""
if nm "$LIB" 2>/dev/null | grep -q '__asan_report'; then
    SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TMPDIR="${GONGKAI_TMP:-${TMPDIR:-/tmp}}"
mkdir -p "$TMPDIR"
for src in "$ROOT"/tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    short=${name#fuzz_}
    bin="$OUT/replay_$short"
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ "$LIB" -nt "$bin" ] ||
        [ "$ROOT/tests/fuzz/fuzz.h" -nt "$bin" ] || [ "$ROOT/tests/fuzz/replay_main.c" -nt "$bin" ]; then
        # shellcheck disable=SC2046,SC2086
        if ! err=$($CC -std=c11 -D_GNU_SOURCE -g -O1 $SAN -Wall -Wextra -Werror \
            -I"$ROOT/core" -I"$ROOT/loader" -I"$BUILD/gen" -I"$ROOT/tests/fuzz" \
            $(pkg-config --cflags $PKGS) -o "$bin" "$src" "$ROOT/tests/fuzz/replay_main.c" \
            "$LIB" -pthread $(pkg-config --libs $PKGS) -lm 2>&1); then
            echo "not ok fuzz_regress_$short - does not compile"
            printf '%s\n' "$err" | head -n 20
            continue
        fi
    fi
    set --
    for dir in "$ROOT/tests/fuzz/regress/$short" "$ROOT/tests/fuzz/seeds/$short"; do
        [ -d "$dir" ] || continue
        for f in "$dir"/*; do
            [ -f "$f" ] && set -- "$@" "$f"
        done
    done
    if [ $# -eq 0 ]; then
        echo "ok fuzz_regress_$short # no inputs"
        continue
    fi
    if out=$("$bin" "$@" 2>&1); then
        echo "ok fuzz_regress_$short ($# inputs)"
    else
        echo "not ok fuzz_regress_$short - an input crashes or breaks an invariant"
        printf '%s\n' "$out" | head -n 30
    fi
done
