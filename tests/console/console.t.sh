#!/bin/sh
# The console through its key-script replay mode (gongkai --test-script FILE --test-size
# RxC): no terminal, no pty, no timing; the search runs synchronously, so every dump is
# deterministic. Dumps are compared with tests/console/NAME.N.expected (the search time
# in the status line masked as "（X ms）"). Also checks that docs/keys.md is what
# `gongkai --keys-md` prints.
#
#   tests/run.sh build console
#   GONGKAI_UPDATE_SCREENS=1 tests/run.sh build console   rewrite the .expected files
#
# Prints "ok NAME" / "not ok NAME - reason" lines.

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
T=${GONGKAI_TMP:?}/console
EXP=$ROOT/tests/console
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR LINES COLUMNS
unset DISPLAY WAYLAND_DISPLAY # c (copy a citation) must not reach a desktop clipboard
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state"
export GONGKAI_TODAY=2026-11-01 # statuses such as 尚未生效 depend on the day
DB=$T/console.db
DEMO=$T/demo.db

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }

for spec in "$DB:tests/fixtures/regs" "$DEMO:data/demo"; do
    if ! "$BIN" load --quiet --db "${spec%%:*}" "$ROOT/${spec#*:}" >"$T/load.out" 2>&1; then
        not_ok load "gongkai load ${spec#*:} failed: $(tail -n 3 "$T/load.out")"
        exit 0
    fi
done

# The time; in a status line cut at the screen's edge, where the time's width moves the cut,
# also what follows it.
mask() { sed -e 's/（[0-9.]* ms）.*>$/（X ms）  …>/' -e 's/（[0-9.]* ms）/（X ms）/g' "$1"; }

# replay NAME [GONGKAI ARGS]: runs the script on stdin (@T@ is the dump directory; dump
# to @T@/NAME.N) with --db DB --test-size 24x80 unless ARGS say otherwise, then compares
# every dump with EXP/NAME.N.expected.
replay() {
    name=$1
    shift
    sed "s|@T@|$T|g" >"$T/$name.keys"
    rm -rf "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"
    case " $* " in *" --db "*) ;; *) set -- --db "$DB" "$@" ;; esac
    case " $* " in *" --test-size "*) ;; *) set -- "$@" --test-size 24x80 ;; esac
    "$BIN" "$@" --test-script "$T/$name.keys" >"$T/$name.out" 2>"$T/$name.err"
    rc=$?
    if [ "$rc" -ne 0 ] || [ -s "$T/$name.err" ]; then
        not_ok "$name" "exit $rc: $(head -n 3 "$T/$name.err")"
        return
    fi
    why=""
    for dump in "$T/$name".[0-9]*; do
        [ -f "$dump" ] || continue
        case "$dump" in *.keys | *.out | *.err) continue ;; esac
        exp="$EXP/$(basename "$dump").expected"
        if [ -n "${GONGKAI_UPDATE_SCREENS:-}" ]; then
            mask "$dump" >"$exp"
        elif ! mask "$dump" | diff -u "$exp" - >"$dump.diff" 2>&1; then
            why="$why $(basename "$dump")"
        fi
    done
    for exp in "$EXP/$name".[0-9]*.expected; do
        [ -f "$exp" ] || continue
        [ -f "$T/$(basename "$exp" .expected)" ] || why="$why $(basename "$exp" .expected)(no dump)"
    done
    if [ -z "$why" ]; then
        ok "$name"
    else
        not_ok "$name" "screens differ:$why"
        cat "$T/$name".*.diff 2>/dev/null | head -n 40 | sed 's/^/#   /'
    fi
}

# ---- keys.md -------------------------------------------------------------------------------
"$BIN" --keys-md >"$T/keys.md" 2>&1
if [ ! -f "$ROOT/docs/keys.md" ]; then
    not_ok keys_md "docs/keys.md is missing (create it with: gongkai --keys-md > docs/keys.md)"
elif diff -u "$ROOT/docs/keys.md" "$T/keys.md" >"$T/keys.diff"; then
    ok keys_md
else
    not_ok keys_md "docs/keys.md differs from gongkai --keys-md (regenerate it): $(sed -n 4p "$T/keys.diff")"
fi

# ---- scenarios -----------------------------------------------------------------------------

# Start-up, a Simplified query finding the Traditional file, Enter, the search as you
# type keystroke by keystroke.
replay search <<'EOF'
dump @T@/search.1
type 政务公开
dump @T@/search.2
key C-u
type 社
dump @T@/search.3
type 会救助
dump @T@/search.4
key Enter Down
dump @T@/search.5
EOF

# Resizing to 60×20 and back keeps the query, the results and the selection.
replay resize <<'EOF'
type 救助
key Esc Down Down
dump @T@/resize.1
resize 20 60
dump @T@/resize.2
resize 24 80
dump @T@/resize.3
resize 30 100
dump @T@/resize.4
EOF

# Help from the action table, then 简/繁 display.
replay help_and_script <<'EOF'
type 托底线
key F1
dump @T@/help_and_script.1
key PgDn
dump @T@/help_and_script.2
key Esc F5
dump @T@/help_and_script.3
key F5
dump @T@/help_and_script.4
EOF

# M-h stops recording the history for this run: 【不记录】 in the title bar, a message;
# M-h again records again.
replay history_toggle <<'EOF'
key M-h
dump @T@/history_toggle.1
key M-h
dump @T@/history_toggle.2
EOF

# No results; hostile input; the input line's editing keys.
replay input <<'EOF'
type 这个词语不存在于语料
dump @T@/input.1
key C-u
type "托底线" OR NEAR( 'x' -- ; DROP TABLE regs; \"
dump @T@/input.2
key C-u
type 示例 保障 标准
key C-w
dump @T@/input.3
key C-a C-k
type 托底线
key Enter
type 救助
key Up
dump @T@/input.4
EOF

# Mouse: a tab, a function key, the wheel, and two clicks on a row open it.
replay mouse <<'EOF'
type 救助
key Esc
click 1 12
dump @T@/mouse.1
click 1 3
click 23 2
dump @T@/mouse.2
key Esc
wheel down 5 20
click 11 20
click 11 20
dump @T@/mouse.3
EOF

# Too small at start, then large enough.
replay too_small --test-size 20x60 <<'EOF'
dump @T@/too_small.1
resize 24 80
dump @T@/too_small.2
EOF

# 法规 on the demo corpus: the list, F7, F4 by level; the document: g 11, ], [, g 第十条,
# c, v and the 2014 version, Esc.
replay regs --db "$DEMO" <<'EOF2'
key F3
dump @T@/regs.1
key F7
dump @T@/regs.2
key F7 F4 Enter Down Down Enter
dump @T@/regs.3
type 社会救助暂行办法
key Enter
dump @T@/regs.4
key g
type 11
key Enter
dump @T@/regs.5
key ] [ [
dump @T@/regs.6
key g
type 第十一条
key Enter c
dump @T@/regs.7
key v
dump @T@/regs.8
key Down Enter
dump @T@/regs.9
key Esc
dump @T@/regs.10
EOF2

# 社会组织 on the demo corpus: M-3, a name as you type; Esc to the results, Enter on an
# organisation shows it brief, Enter on a look-alike checks it, Esc goes back to the
# query; F4 on a list that none of the matches is on says so (not 未列入), on a list one
# is on hides the other.
replay orgs --db "$DEMO" <<'EOF2'
key M-3
dump @T@/orgs.1
type 示例书法
dump @T@/orgs.2
key Esc Enter
dump @T@/orgs.3
key Down Enter
dump @T@/orgs.4
key Esc
dump @T@/orgs.5
key F4 Down Down Enter
dump @T@/orgs.6
key F4 Down Enter
dump @T@/orgs.7
EOF2

# 地名 on the demo corpus: M-4; Backspace with nothing asked lists the provinces, Enter
# drills into 北京市; a name as you type (the 南川 chain: one code in force, four ended,
# each saying what it is now); d shows 南川区 in detail, Enter on its parent opens
# 重庆市, Backspace goes back twice; F7 1990: each place then (南川区 尚未设立, 当时有效
# 512323 南川县); pinyin initials, Enter drills into 东城区, Backspace climbs to 北京市's
# children with the cursor on 东城区, then to the provinces and back to the results; 东城
# is a district of 北京 and a street of 南川, F4 keeps the county level; a Traditional
# name; a village's 12-digit code in detail with its whole path.
replay places --db "$DEMO" <<'EOF2'
key M-4
dump @T@/places.1
key Backspace
dump @T@/places.2
key Enter
dump @T@/places.3
type 南川
dump @T@/places.4
key Esc d
dump @T@/places.5
key Down Enter
dump @T@/places.6
key Backspace Backspace
dump @T@/places.7
key F7
type 1990
key Enter
dump @T@/places.8
key F7 Enter C-f C-u
type dc
dump @T@/places.9
key Esc Enter
dump @T@/places.10
key Backspace
dump @T@/places.11
key Backspace Backspace
dump @T@/places.12
key C-f C-u
type 东城
dump @T@/places.13
key F4 Down Down Down Enter
dump @T@/places.14
key F4 Up Up Up Enter C-f C-u
type 東城區
dump @T@/places.15
key C-u
type 339921100201
key Esc d
dump @T@/places.16
EOF2

# 统计 on the demo corpus (national figures as published, the invented 示例市 and 示例县):
# M-5 opens the indicator list the first time; Enter on 城市低保人数 shows 全国 (pinned on
# top) and 示例市 by month, the cursor on the newest month, the first column frozen; Left
# scrolls back (< and > say that columns are hidden); Enter on 示例市 shows it with 示例县,
# Backspace comes back with the cursor on 示例市; a series typed by name (in 人, as
# published) sorted by value, again the other way, as bars and a sparkline; y 同比
# (computed, marked *, the months without a year before in the note); the
# 农村低保平均保障标准 of 全国 and 示例市: 元/人·年 against 元/人·月 refused in the note, m
# converts (marked *); 低保 示例市 side by side, c copies a cell with its source; F4's 时期
# list, one year, t swaps rows and columns, C keeps the table as TSV; 100×30; 繁体.
replay stats --db "$DEMO" <<'EOF2'
key M-5
dump @T@/stats.1
key Down Enter
dump @T@/stats.2
key Left Left Left Left Left Left Left Left
dump @T@/stats.3
key Down Enter
dump @T@/stats.4
key Backspace
dump @T@/stats.5
key C-f
type 城市低保人数 示例市
key Enter s
dump @T@/stats.6
key s v
dump @T@/stats.7
key v y
dump @T@/stats.8
key y y C-f C-u
type 农村低保平均保障标准
key Enter
dump @T@/stats.9
key m
dump @T@/stats.10
key m C-f C-u
type 低保 示例市
key Enter Right Right Right c
dump @T@/stats.11
key F4 Right Right
dump @T@/stats.12
key Down Down Enter t C
dump @T@/stats.13
resize 30 100
dump @T@/stats.14
resize 24 80
key F5
dump @T@/stats.15
EOF2
if [ -s "$T/state/gongkai/last-table.tsv" ] &&
    head -n 1 "$T/state/gongkai/last-table.tsv" | grep -q "^指标	2025年1月	"; then
    ok stats_tsv
else
    not_ok stats_tsv "C did not keep the table in last-table.tsv"
fi

# 统计 with no statistics loaded says so, and how to load them; typing changes nothing.
replay stats_empty <<'EOF2'
key M-5
dump @T@/stats_empty.1
type 低保
dump @T@/stats_empty.2
EOF2

# 搜索 looks the text up as a place too: a 地名 group heads the list (the first 3 of 5,
# then the documents); Enter on a place opens it in detail in 地名, Backspace shows it
# among its siblings.
replay search_places --db "$DEMO" <<'EOF2'
type 南川
dump @T@/search_places.1
key Esc Down Enter
dump @T@/search_places.2
key Backspace
dump @T@/search_places.3
EOF2

# It also names the statistics indicators whose name or alias holds the text: a 统计 group
# (the first 3 of 11, each with its latest national value and its source) above the
# documents; Enter on one opens its table in 统计 (全国 and the regions under it), and
# the input line there names it. Traditional input finds them too.
replay search_stats --db "$DEMO" <<'EOF2'
type 低保
dump @T@/search_stats.1
key Esc Down Enter
dump @T@/search_stats.2
key F2
type 臨時救助
dump @T@/search_stats.3
key Esc Enter
dump @T@/search_stats.4
EOF2

# 热线 on the demo corpus (12349 and 12345 are real; the 示例 lines behind them invented), the
# clock pinned (GONGKAI_NOW): M-6; 示例县 as typed, its own 社会救助 line and the city's lines
# that serve it, each open or closed with why and when that changes; F7 to a working
# morning; F4 one service line (儿童救助保护); 南川区 has national lines only; F7 国庆
# (2026-10-03 10:00): lines closed on holidays 已下班, 24-hour ones open; a adds the merged
# 12349 line (改拨 12345) and the retired one; q shows the local relief standard and the
# area's newest Q&A; 80×24 after a resize to 60×20 (too small) and back.
export GONGKAI_NOW=09:30
replay hotlines --db "$DEMO" <<'EOF2'
key M-6
dump @T@/hotlines.1
type 示例县
key Enter
dump @T@/hotlines.2
key F7
type 2026-10-08 09:30
key Enter
dump @T@/hotlines.3
key F4 Down Down Enter
dump @T@/hotlines.4
key F4 Up Up Enter C-f C-u
type 南川区
key Enter
dump @T@/hotlines.5
key C-f C-u
type 339921
key Enter F7
type 2026-10-03 10:00
key Enter
dump @T@/hotlines.6
key a End
dump @T@/hotlines.7
key a q
dump @T@/hotlines.8
resize 20 60
dump @T@/hotlines.9
resize 24 80
key Down c
dump @T@/hotlines.10
EOF2
unset GONGKAI_NOW

# 热线 with no hotlines loaded says so, and how to load them.
replay hotlines_empty <<'EOF2'
key M-6
type 示例县
dump @T@/hotlines_empty.1
EOF2

# Q&A: a colloquial query finds the items by their variants; Enter on one opens it in the
# 问答 view of 搜索 (question, status, answer, bases as links, the cursor on the first);
# Enter on a basis opens its article in 法规; F2 shows the item again, Backspace the results.
replay qa --db "$DEMO" <<'EOF2'
type 吃低保
key Esc Down Enter
dump @T@/qa.1
key Enter
dump @T@/qa.2
key F2
key Backspace
dump @T@/qa.3
EOF2

# Q&A by category: F4 in 搜索 picks a category (全部 first, each with its items and the
# possibly outdated ones); 社会救助 lists its 7 items as 问答 hits, current newest first
# then the outdated one; Enter opens the second in the 问答 view, Backspace returns to the
# list; F4 again has the cursor on 社会救助, Up Enter lists every category; typing a query
# goes back to searching.
replay qa_browse --db "$DEMO" <<'EOF2'
key F4
dump @T@/qa_browse.1
key Down Enter
dump @T@/qa_browse.2
key Down Enter
dump @T@/qa_browse.3
key Backspace F4
dump @T@/qa_browse.4
key Up Enter End
dump @T@/qa_browse.5
type 吃低保
dump @T@/qa_browse.6
EOF2

# F4 on a database without Q&A says so.
replay qa_browse_empty <<'EOF2'
key F4
dump @T@/qa_browse_empty.1
EOF2
