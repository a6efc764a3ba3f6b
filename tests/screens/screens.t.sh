#!/bin/sh
# Screen tests end to end: the console runs in a pseudo-terminal read with libvterm
# (build/tests/vtrun, tests/tools/vtrun.c) on a database loaded from tests/fixtures/regs.
# Each scenario is a vtrun script; whole screens are compared with tests/screens/*.expected
# (the search time in the status line is masked as "（X ms）"). vtrun polls the screen
# until it matches or 5 s pass: no sleeps.
#
#   tests/run.sh build screens                       run them
#   GONGKAI_UPDATE_SCREENS=1 tests/run.sh build screens   rewrite the .expected files
#                                                    (then read the diff: git diff tests/screens)
#
# A failing scenario prints vtrun's reason, the rows that differ and the whole screen; the
# screen is also written to $GONGKAI_TMP/screens/NAME.expected.actual.
# Prints "ok NAME" / "not ok NAME - reason" lines.

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
BUILD=${GONGKAI_BUILD:-$ROOT/build}
T=${GONGKAI_TMP:?}/screens
EXP=$ROOT/tests/screens
VTRUN=$BUILD/tests/vtrun
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR LINES COLUMNS
unset DISPLAY WAYLAND_DISPLAY # c (copy a citation) must not reach a desktop clipboard
export VTRUN_ACTUAL_DIR="$T"
if [ -n "${GONGKAI_UPDATE_SCREENS:-}" ]; then export VTRUN_UPDATE=1; else unset VTRUN_UPDATE; fi
DB=$T/screens.db
DEMO=$T/demo.db # the regulations scenarios use the demo corpus (社会救助暂行办法, versions)
export GONGKAI_TODAY=2026-11-01 # statuses such as 尚未生效 depend on the day
# Each scenario starts from the defaults: no config file (F5 writes one), no history.
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state"
CONF=$XDG_CONFIG_HOME/gongkai/config.ini

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }

if [ ! -x "$VTRUN" ]; then
    not_ok vtrun "$VTRUN is missing (make $BUILD/tests/vtrun; needs libvterm-dev)"
    exit 0
fi
for spec in "$DB:tests/fixtures/regs" "$DEMO:data/demo"; do
    if ! "$BIN" load --quiet --db "${spec%%:*}" "$ROOT/${spec#*:}" >"$T/load.out" 2>&1; then
        not_ok load "gongkai load ${spec#*:} failed: $(tail -n 3 "$T/load.out")"
        exit 0
    fi
done

# scenario NAME [VTRUN OPTIONS] [-- GONGKAI ARGS]: the script comes on stdin, with @E@ for
# the directory of the expected screens, @T@ for the scratch directory and @DB@ for the
# database. GONGKAI ARGS default to --db DB. Every script masks the time (and what follows
# it in a status line cut at the screen's edge). The config file
# and the history are removed first unless KEEP=1.
scenario() {
    name=$1
    shift
    opts=""
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        opts="$opts $1"
        shift
    done
    [ "${1:-}" = "--" ] && shift
    [ $# -eq 0 ] && set -- --db "$DB"
    {
        # A long status line is cut at the screen's edge, where the time's width moves
        # the cut: hide what follows the time in a cut line.
        echo 'mask （[0-9.]+[[:space:]]ms）.*>$ （X ms）  …>'
        echo 'mask （[0-9.]+[[:space:]]ms） （X ms）'
        sed -e "s|@E@|$EXP|g" -e "s|@T@|$T|g" -e "s|@DB@|$DB|g"
    } >"$T/$name.vt"
    [ "${KEEP:-0}" = 1 ] || rm -rf "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"
    # shellcheck disable=SC2086 # opts are words
    if "$VTRUN" $opts -s "$T/$name.vt" -- "$BIN" "$@" >"$T/$name.log" 2>&1; then
        ok "$name"
    else
        not_ok "$name" "$(grep -m1 '^vtrun:' "$T/$name.log")"
        sed -e '1d' -e 's/^/#   /' "$T/$name.log" | head -n 60
    fi
}

# ---- start-up ------------------------------------------------------------------------------

# Title bar (corpus name, date, 简/繁), tabs, welcome text, status, input line, F-key bar.
scenario startup <<'EOF'
wait 数据截至 2024-01-01
waitat 0 1 政务公开查询台 gongkai | 示例语料 | 数据截至 2024-01-01
waitat -1 0 F1帮助 F2搜索 F3法规 F4问答 F5简繁 F10退出
expect @E@/startup.expected
key F10
expect-exit 0
EOF

# Too small at start: says so, F10 still quits and the terminal is restored.
scenario too_small_at_start -r 20 -c 60 <<'EOF'
wait 终端太小
expect @E@/too_small_at_start.expected
resize 24 80
wait 数据截至
expect @E@/startup.expected
key F10
check-restored
expect-exit 0
EOF

# Found by the monkey test: scrolling the help on a tall screen makes curses save the
# cursor (ESC 7) while it is hidden; a libvterm terminal (vim's :terminal, vtrun) gives
# that saved state back when the alternate screen is left, so F10 left the shell's cursor
# hidden. The console shows it again after leaving (tui/term.c term_done).
scenario cursor_after_scrolled_help -r 50 -c 100 <<'EOF'
wait 数据截至
key F1
wait 上下键 PgUp PgDn 滚动
key Down Down Down Down Down Down
waitrow 3 社会组织窗格
key Esc
waitnot 上下键 PgUp PgDn 滚动
key F10
expect-exit 0
check-restored
EOF

# No database: a message naming `gongkai load`, exit 2, and no curses at all.
scenario missing_db -- --db "$T/none.db" <<'EOF'
wait gongkai load --db
expect-exit 2
check-plain
absent 终端太小
EOF

# ---- searching -----------------------------------------------------------------------------

# A Simplified query finds the Traditional file (shown as stored with [ui] script =
# traditional); the double-width characters sit at exact columns.
scenario simplified_finds_traditional <<'EOF'
wait 数据截至
key F5
wait [繁]
type 政务公开
wait 找到 4 条
waitat 3 12 示例政務公開規範性檔案辦法 第三條
waitat 3 69 2022-01-10
waitat 6 4 2022年1月10日
expect @E@/simplified_finds_traditional.expected
key F10
expect-exit 0
EOF

# Search as you type: every keystroke (an input method commits one or more characters)
# updates the results.
scenario search_as_you_type <<'EOF'
wait 数据截至
type 社
waitrow -3 单字查询范围很广，按日期列出
expect @E@/search_as_you_type.1.expected
type 会
expect @E@/search_as_you_type.2.expected
type 救助
expect @E@/search_as_you_type.3.expected
key Backspace Backspace Backspace
expect @E@/search_as_you_type.1.expected
key F10
expect-exit 0
EOF

# No result: says so, with a hint.
scenario no_results <<'EOF'
wait 数据截至
type 这个词语不存在于语料
wait 未找到「这个词语不存在于语料」
expect @E@/no_results.expected
key F10
expect-exit 0
EOF

# Hostile input: quotes, FTS5 syntax, control characters typed raw, 300 characters.
# Results or a message, never an SQL error.
scenario hostile_input <<'EOF'
wait 数据截至
type "托底线" OR NEAR( 'x' -- ; DROP TABLE regs; \"
wait 未找到
expect @E@/hostile_input.1.expected
key C-u
type NEAR(托底线
wait 找到
absent SQL
absent fts5
absent syntax
key C-u
type 救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助救助
expect @E@/hostile_input.2.expected
absent SQL
absent error
key F10
expect-exit 0
EOF

# Enter submits; Up in the input line brings back the previous query.
scenario history <<'EOF'
wait 数据截至
type 托底线
wait 找到 2 条
key Enter
type 救助
waitrow -2 救助
key Up
waitline -2 查询> 托底线
expect @E@/history.expected
key F10
expect-exit 0
EOF

# The input line's editing keys.
scenario line_editing <<'EOF'
wait 数据截至
type 社会救助
waitline -2 查询> 社会救助
key C-a
type 示例
waitline -2 查询> 示例社会救助
key C-e
type 办法
waitline -2 查询> 示例社会救助办法
key Left Left
key C-k
waitline -2 查询> 示例社会救助
expect @E@/line_editing.1.expected
key C-a C-k
waitline -2 查询>
type 示例 保障 标准
waitline -2 查询> 示例 保障 标准
key C-w
waitline -2 查询> 示例 保障
key End C-u
waitline -2 查询>
key F10
expect-exit 0
EOF

# Type to search: a character typed while the list has the focus starts a new query.
scenario type_to_search <<'EOF'
wait 数据截至
type 托底线
wait 找到 2 条
key Enter
key Down
type 政
waitline -2 查询> 政
type 务公开
wait 找到 4 条
expect @E@/type_to_search.expected
key F10
expect-exit 0
EOF

# Enter on a hit opens it in the 法规 pane: the article's text, the tab, the status line;
# F2 goes back to the results. (A query typed in one go is searched character by character,
# and 托底 finds the same 2 hits: the highlighted 线 in the first snippet, at column 20,
# tells the last search's results are on the screen.)
scenario open_article <<'EOF'
wait 数据截至
type 托底线
waitline -3 找到 2 条（X ms）
waitattr 4 20 C
key Enter
waitattr 1 3 cCrR
key Enter
waitattr 1 12 cCrR
waitattr 1 3 .
wait 第二条，共 5 条，「托底线」1 处
waitrow 2 第二条 示例救助坚持托底线
absent 示例救助坚持托底线、救急难、可持续的原则。 示例救助与其他社会保障制度相衔>
key F2
wait 法规（2 条）
waitattr 1 3 cCrR
key F10
expect-exit 0
EOF

# Escape sequences in the corpus (第五条 of the 2019 示例社会救助办法 holds ESC[31m…ESC[0m)
# are removed before drawing: the text reads on, nothing turns red.
scenario corpus_escapes_sanitised <<'EOF'
wait 数据截至
key F3
wait 部法规
type 示例社会救助
wait 1 部法规
key Enter
wait 共 5 条
key g
wait 跳到
type 5
key Enter
waitat 2 22 第五条 终端控制序列红色警示不应出现在输出中。
waitattr 2 41 .
waitattr 2 47 .
waitattr 2 49 .
absent [31m
key F10
expect-exit 0
EOF

# ---- regulations (the demo corpus) --------------------------------------------------------

# F3: the list, in force only by default; F7 shows superseded and repealed versions too.
scenario regs_list -- --db "$DEMO" <<'EOF'
wait 数据截至 2026-11-01
key F3
wait 10 部法规（仅现行有效
expect @E@/regs_list.1.expected
key F7
wait 显示全部版本
waitat 13 1 [已废止]   示例市非法社会组织查处暂行办法（示例）
expect @E@/regs_list.2.expected
key F7
wait 只显示现行有效和尚未生效的
absent [已废止]
key F10
expect-exit 0
EOF

# F4 filters: by level (行政法规), then cleared.
scenario regs_filters -- --db "$DEMO" <<'EOF'
wait 数据截至
key F3
wait 10 部法规
key F4
wait 效力位阶
key Enter
wait 按效力位阶筛选
key Down Down
key Enter
wait 3 部法规（筛选：行政法规
expect @E@/regs_filters.expected
key F4
wait 清除筛选
key Down Down Down Down
key Enter
wait 10 部法规（仅现行有效
key F10
expect-exit 0
EOF

# The document: open 社会救助暂行办法, g 11 puts 第十一条 at the top, ] and [ move by
# article, g 第十一条 too, c copies the citation (status line and citations.txt), v lists
# the versions and switches to 2014, Esc goes back to the list.
scenario regs_document -- --db "$DEMO" <<'EOF'
wait 数据截至
key F3
wait 10 部法规
type 社会救助暂行办法
wait 1 部法规（筛选：标题含「社会救助暂行办法」
key Enter
wait 共 70 条
waitat 2 42 社会救助暂行办法
key g
wait 跳到
type 11
key Enter
waitat 2 22 第十一条 【示例】本条演示申请最低生活保障的程序写法：
wait 第十一条，共 70 条
expect @E@/regs_document.1.expected
key ]
waitat 2 22 第十二条
wait 第十二条，共 70 条
key [
waitat 2 22 第十一条
key [
waitat 2 22 第十条
key g
wait 跳到
type 第十一条
key Enter
waitat 2 22 第十一条
key c
wait 《社会救助暂行办法》第十一条（国务院令
key v
wait 版本（共 2 个）
expect @E@/regs_document.2.expected
key Down
key Enter
waitnot 版本（共 2 个）
waitrow 7 县级人民政府民政部门审批并告知结果
waitnot 《社会救助暂行办法》第十一条（国务院令
key c
wait 《社会救助暂行办法》第十一条（国务院令
key Esc
wait 1 部法规（筛选：标题含「社会救助暂行办法」
key F10
check-restored
expect-exit 0
EOF
if grep -q '^《社会救助暂行办法》第十一条（国务院令第649号，2019-03-02 版，现行有效）' \
    "$XDG_STATE_HOME/gongkai/citations.txt" 2>/dev/null &&
   grep -q '2014-02-21 版' "$XDG_STATE_HOME/gongkai/citations.txt"; then
    ok regs_citations_file
else
    not_ok regs_citations_file "$XDG_STATE_HOME/gongkai/citations.txt: $(cat "$XDG_STATE_HOME/gongkai/citations.txt" 2>&1)"
fi

# From the search: the query's matches are highlighted in the document; n and N move
# between them and the status line counts them. (The 统计 group's 3 indicators come
# first: Down past them to the first article.)
scenario regs_matches -- --db "$DEMO" <<'EOF'
wait 数据截至
type 最低生活保障
waitline -3 找到 56 条；统计 6 项（X ms）  同时查找：低保。
key Esc
waitcursor hidden
key Down Down Down
key Enter
wait 第十八条，共 23 条，「最低生活保障」14 处（n/N 跳转）
waitat 2 22 第十八条
key n
wait 「最低生活保障」第 12/14 处
key n
wait 「最低生活保障」第 13/14 处
key N
wait 「最低生活保障」第 12/14 处
key F10
expect-exit 0
EOF

# ---- 社会组织 ----------------------------------------------------------------------------

# A listed organisation: the verdict first, then its listing, the computed date and the
# article it rests on; Down moves to that article and Enter opens it in 法规.
scenario orgs_listed -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-3
wait 输入组织名称或统一社会信用代码
type 示例市书画艺术研究会
wait 【在列】示例市书画艺术研究会
wait 最早可申请移出日期 2027-03-18（未到）
expect @E@/orgs_listed.1.expected
key Esc
waitcursor hidden
key Down
waitattr 18 0 rR
key Enter
wait 第十九条，共 26 条
waitat 2 22 第十九条
key M-3
wait 【在列】示例市书画艺术研究会
key F10
check-restored
expect-exit 0
EOF

# Nothing matches: 未列入 with the data's date and what was searched, never an empty screen.
scenario orgs_not_listed -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-3
type 示例市不存在的研究会
wait 【未列入】（数据截至 2026-11-01）没有找到匹配的组织或名单记录
wait 名称“示例市不存在的研究会”
expect @E@/orgs_not_listed.expected
key F10
expect-exit 0
EOF

# Traditional script in the data, a typed code with one wrong character.
scenario orgs_variants -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-3
type 示例市慈善总会
wait 匹配：繁简或全半角写法不同
key C-u
type 51339900MJ9000153N
wait 匹配：按“第18位 N→M”更正后代码一致（可能录入错误）
wait 【在列】示例市书画艺术研究会
expect @E@/orgs_variants.expected
key F10
expect-exit 0
EOF

# A legal organisation with an illegal look-alike: Enter on the warning checks the
# look-alike; Esc comes back to the query.
scenario orgs_lookalike -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-3
type 中国示例室内装饰协会
wait 名称相近的名单组织：中国示例室内装修协会（在列）
key Esc
waitcursor hidden
key Down
key Enter
wait 【在列】中国示例室内装修协会
wait 名称相近的合法登记组织：中国示例室内装饰协会（合法登记）
expect @E@/orgs_lookalike.expected
key Esc
wait 【未列入】1. 中国示例室内装饰协会
key F10
expect-exit 0
EOF

# F4 with no name: the organisations most recently put on a list (涉嫌非法 here).
scenario orgs_browse -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-3
key F4
wait 全部名单
key Down Down Down
key Enter
wait 最近列入名单的组织：5 个组织（在列 5）
expect @E@/orgs_browse.expected
key F10
expect-exit 0
EOF

# From 搜索: Enter on an organisation opens it in 社会组织; c copies the answer.
scenario orgs_from_search -- --db "$DEMO" <<'EOF'
wait 数据截至
type 书画艺术研究会
wait 社会组织（1 条）
key Esc
waitcursor hidden
key Enter
wait 【在列】示例市书画艺术研究会
key c
wait citations.txt 并发往终端剪贴板：示例市书画艺术研究会
key F10
check-restored
expect-exit 0
EOF
if grep -q '^示例市书画艺术研究会（51339900MJ9000153M）：在列：严重违法失信名单 2025-03-18 列入（数据截至 2026-11-01，gongkai 查询）$' \
    "$XDG_STATE_HOME/gongkai/citations.txt" 2>/dev/null; then
    ok orgs_citations_file
else
    not_ok orgs_citations_file "$XDG_STATE_HOME/gongkai/citations.txt: $(cat "$XDG_STATE_HOME/gongkai/citations.txt" 2>&1)"
fi

# 60×20 is too small; back at 80×24 the answer is still there.
scenario orgs_resize -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-3
type 示例书法
wait 【在列】1. 中国现代示例书法研究会
expect @E@/orgs_resize.expected
resize 20 60
wait 终端太小
resize 24 80
expect @E@/orgs_resize.expected
key F10
check-restored
expect-exit 0
EOF

# ---- 地名 ---------------------------------------------------------------------------------

# A place and its history in a real terminal: 南川 as typed lists the code in force and the
# four ended ones, each with what it is now; d opens 南川区 with its chain, Enter on the
# first link (its parent 重庆市) opens that, Backspace comes back; Enter on 南川区 in the
# results drills into its three 街道 and Backspace climbs to 重庆市's children, the cursor
# (reverse video) on 南川区.
scenario places_browse -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-4
wait 输入地名、区划代码或拼音
type 南川
wait 5 处；数据截至 2026-11-01
key Esc
waitcursor hidden
key d
wait 由来（哪些代码变成了它）
expect @E@/places_detail.expected
key Down Enter
wait 区划 500000 详情
key Backspace
wait 区划 500119 详情
key Backspace
wait 5 处；数据截至 2026-11-01
key Enter
wait 500119 重庆市 / 南川区 的下级：3 个
key Backspace
wait 500000 重庆市 的下级：1 个
waitattr 3 0 cCrR
expect @E@/places_climb.expected
key F10
check-restored
expect-exit 0
EOF

# As of a date: F7 asks in the input line; each place says what it was then.
scenario places_as_of -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-4
type 南川区
wait 1 处；数据截至 2026-11-01
key F7
wait 按日期查（如 1995-06-30；空白为现在）：
type 2000-06-30
key Enter
wait 2000-06-30 时：尚未设立（2006-10 起） · 当时有效：500384 南川市
expect @E@/places_as_of.expected
key F10
expect-exit 0
EOF

# 统计 through the worker thread: M-5 lists the indicators; Enter on 城市低保人数 shows
# 全国 and 示例市 by month (the cursor on the newest month), Left scrolls back with the
# first column in place; a series typed as one types (each keystroke a newer table) and
# drawn as bars (v); F10 restores the terminal.
scenario stats_browse -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-5
wait 左右键切换  Enter 选定  Esc 返回
key Down Enter
wait 城市低保人数（人）
key Left Left Left Left Left Left Left Left
wait 全国，2026年1月：无数据
expect @E@/stats_table.expected
key C-f
type 城市低保人数 示例市
wait 21 行 1 列
key Esc
waitcursor hidden
key v
wait 条形图：城市低保人数（人）
expect @E@/stats_chart.expected
key F10
check-restored
expect-exit 0
EOF

# Found by the monkey test: t (transpose) clears the table's view and asks the worker for
# the new table; a frame drawn before the table came read the view's missing corner and
# crashed. Four times, as it hit when the frame won the race.
scenario stats_transpose -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-5
wait 左右键切换  Enter 选定  Esc 返回
key Down Enter
wait 城市低保人数（人）
key t
waitat 3 1 时期
key t
waitat 3 1 地区
key t
waitat 3 1 时期
key t
waitat 3 1 地区
key F10
expect-exit 0
check-restored
EOF

# 问答 by category in a real terminal: F4 in 搜索 (the input line has the focus) opens the
# category picker; Enter on 社会救助 lists its items and leaves the input line, so Down
# moves in the list (reverse video on the second item) and Enter opens it in the 问答 view;
# Backspace comes back to the list.
scenario qa_browse -- --db "$DEMO" <<'EOF'
wait 数据截至
waitat -1 0 F1帮助 F2搜索 F3法规 F4问答 F5简繁 F10退出
key F4
wait 政策问答：选择类别
wait 社会救助（7 条，可能过时 1）
key Down Enter
waitline -3 问答 · 社会救助：7 条（可能过时 1）（X ms）  Enter 打开  F4 换类别
waitcursor hidden
waitrow 2 问答 · 社会救助（7 条）
key Down
waitattr 5 0 rR
key Enter
wait 问答 · 社会救助 · 依据 2 条（Enter 打开条文） · Backspace 返回结果
waitrow 2 家里突然遇到急事过不下去，能申请临时救助吗？
key Backspace
waitrow 2 问答 · 社会救助（7 条）
waitattr 5 0 rR
key F10
check-restored
expect-exit 0
EOF

# ---- 热线 ---------------------------------------------------------------------------------

# 热线 through the worker thread, the clock pinned as in the console replay (GONGKAI_TODAY
# above, GONGKAI_NOW here): M-6, 示例县 as an input method commits it (each keystroke a
# newer routing), its lines on a Sunday morning; Esc leaves the input line; F7 asks in
# the input line for 2026-10-03 10:00 (国庆): a line closed on holidays 【已下班】 with
# when it opens again, a 24-hour one 【开放中】; q puts the area's 低保 standards above
# the lines; C-f and Esc go in and out of the input line; F10 restores the terminal.
export GONGKAI_NOW=09:30
scenario hotlines_browse -- --db "$DEMO" <<'EOF'
wait 数据截至
key M-6
wait 输入来电人所在的地方
type 示例县
waitline -3 浙江省 / 示例市（示例） / 示例县（示例）：6 条热线（开放中 3）（X ms）
waitrow 3 【时间】2026-11-01 09:30（星期日）（现在）
key Esc
waitcursor hidden
key F7
wait 日期时间（如 2026-10-08 09:30；空白为现在）：
type 2026-10-03 10:00
key Enter
wait 按 2026-10-03 10:00 判断是否有人接听
waitrow 3 【时间】2026-10-03 10:00（星期六，国庆节放假）（设定）
wait 【已下班】拨打12345 转 2  社会救助  示例县民政局（示例）
wait 节假日（按公布的放假安排）；5 天后 8:30 开始接听
wait 【开放中】拨打12345 转 4  流浪乞讨救助  示例市救助管理站（示例）
expect @E@/hotlines_holiday.expected
key q
wait 【低保标准】这里及上级地区的最新一期（q 收起）
wait 示例县（示例）  城市低保平均保障标准 800 元/人·月（2026年9月）
expect @E@/hotlines_area.expected
key C-f
waitcursor visible
key Esc
waitcursor hidden
key F10
check-restored
expect-exit 0
EOF
unset GONGKAI_NOW

# ---- layout -----------------------------------------------------------------------------

# 60×20 says the terminal is too small; back at 80×24 the results are still there.
scenario resize_small_and_back <<'EOF'
wait 数据截至
type 托底线
expect @E@/resize.before.expected
resize 20 60
wait 终端太小
expect @E@/resize.small.expected
resize 24 80
expect @E@/resize.before.expected
key F10
check-restored
expect-exit 0
EOF

# A larger terminal: more room for the title, the snippets and the list.
scenario layout_100x30 -r 30 -c 100 <<'EOF'
wait 数据截至
type 救助
wait 找到 11 条
expect @E@/layout_100x30.expected
resize 24 80
wait 找到 11 条
expect @E@/layout_80x24.expected
key F10
expect-exit 0
EOF

# F1 shows the help generated from the action table; Esc closes it.
scenario help <<'EOF'
wait 数据截至
type 托底线
wait 找到 2 条
key F1
wait 帮助 Help
expect @E@/help.expected
key PgDn
wait 法规正文
key Esc
waitnot 帮助 Help
expect @E@/help.after.expected
key ?
waitline -2 查询> 托底线?
key F10
expect-exit 0
EOF

# F5 switches between Simplified and Traditional display, is written to the config file
# and is remembered at the next start.
scenario script_toggle <<'EOF'
wait [简]
type 托底线
wait 示例社会救助办法 第二条
key Enter
key F5
wait [繁]
expect @E@/script_toggle.expected
key F10
expect-exit 0
EOF
if grep -q '^script *= *traditional' "$CONF" 2>/dev/null; then
    ok script_toggle_saved
else
    not_ok script_toggle_saved "$CONF: $(cat "$CONF" 2>&1)"
fi
KEEP=1
scenario script_toggle_remembered <<'EOF'
wait 数据截至
waitat 0 75 [繁]
type 托底线
wait 示例社會救助辦法 第二條
key F5
wait [简]
key F10
expect-exit 0
EOF
KEEP=0
if grep -q '^script *= *simplified' "$CONF" 2>/dev/null; then
    ok script_toggle_back_saved
else
    not_ok script_toggle_back_saved "$(cat "$CONF" 2>&1)"
fi

# NO_COLOR: attributes only (reverse, bold, underline), no colour anywhere; without it the
# title bar has a colour background.
export NO_COLOR=1
scenario no_color <<'EOF'
wait 数据截至
type 托底线
wait 找到 2 条
attrs @T@/no_color.attrs
key F10
expect-exit 0
EOF
unset NO_COLOR
if [ -s "$T/no_color.attrs" ] && ! grep -q '[cA-Z]' "$T/no_color.attrs" &&
   head -n 1 "$T/no_color.attrs" | grep -q '^r*$' && grep -q r "$T/no_color.attrs"; then
    ok no_color_attrs
else
    not_ok no_color_attrs "colour in $T/no_color.attrs: $(grep -n '[cA-Z]' "$T/no_color.attrs" | head -n 3)"
fi
scenario colour <<'EOF'
wait 数据截至
type 托底线
wait 找到 2 条
attrs @T@/colour.attrs
key F10
expect-exit 0
EOF
if head -n 1 "$T/colour.attrs" 2>/dev/null | grep -q '^[cC]*$'; then
    ok colour_attrs
else
    not_ok colour_attrs "title row: $(head -n 1 "$T/colour.attrs" 2>&1)"
fi

# ---- mouse --------------------------------------------------------------------------------

# The console turns mouse reporting on: click a tab, a function key, a row; the wheel.
# Tabs at row 1: " F2 搜索 " from column 1, " F3 法规 " from column 11. Hits take two rows
# under the domain header (row 2): hit 0 at rows 3-4, hit 1 at 5-6, hit 4 at 11-12.
scenario mouse <<'EOF'
wait 数据截至
click 1 12
waitattr 1 12 cCrR
waitnot 输入查询词
click 1 3
waitattr 1 3 cCrR
wait 输入查询词
click -1 2
wait 帮助 Help
key Esc
waitnot 帮助 Help
type 救助
waitline -3 找到 11 条（X ms）
key Esc
waitcursor hidden
waitattr 3 0 rR
click 5 20
waitattr 5 0 rR
waitattr 3 0 .
wheel down 5 20
waitattr 11 0 rR
wheel up 5 20
waitattr 5 0 rR
click -1 7
wait 找到 11 条
key F10
check-restored
expect-exit 0
EOF

# ---- quitting -----------------------------------------------------------------------------

scenario quit_f10_restores <<'EOF'
wait 数据截至
type 托底线
wait 找到
key F10
check-restored
expect-exit 0
EOF

scenario quit_ctrl_q_restores <<'EOF'
wait 数据截至
key C-q
check-restored
expect-exit 0
EOF

scenario sigterm_restores <<'EOF'
wait 数据截至
type 托底线
wait 找到
signal TERM
check-restored
EOF

scenario sighup_restores <<'EOF'
wait 数据截至
key F1
wait 帮助 Help
signal HUP
check-restored
EOF
