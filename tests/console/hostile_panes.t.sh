#!/bin/sh
# Hostile corpus text is drawn inert in the full-screen console (issue 8). The corpus of
# tests/loader/hostile_corpus.sh (CSI 2J, OSC 0 title, OSC 52 clipboard, BEL, U+009B,
# U+202E and U+2066..2069 in a regulation's title and article, an organisation and a
# list row, a division name, a statistic's source and note, a hotline's operator and note
# and a Q&A item) is loaded and the console runs in a pty read by libvterm
# (build/tests/vtrun). Every pane is visited with the hostile record on the screen: the
# search across all groups (at 100x30 and 80x24) and each hit opened from it, the 法规
# list, document and versions, the 组织 check of the listed and the registered
# organisation (a name opened from search goes into the input line), the 地名 results, detail and children, the 统计 table with
# the hostile cell's footnote, the 热线 lines with the area's Q&A, and 问答 by category.
# Each screen is compared with tests/console/hostile_*.expected, which show what the
# payload becomes (the sanitiser removes every sequence and control: 示例恶意办法X), and
# the title bar, the tab row and the F-key bar are checked at their exact places (CSI 2J
# or a bidi override must not move anything). At the end of each run vtrun's check-inert
# reads everything the program wrote to the pty: no OSC (title, clipboard), DCS, BEL, C1,
# bidi control or invalid UTF-8, no payload text inside an escape sequence, the window
# title never set; the raw output is also kept ($T/NAME.raw) and must not hold the
# payload's words at all. A last run copies from every pane (c, C): check-inert +copies
# decodes each OSC 52 copy and holds its text to the same rules, and citations.txt and
# last-table.tsv must be inert too. First, check-inert itself is shown to catch the raw
# payload, a hostile copy and invalid UTF-8.
#
#   tests/run.sh build hostile_panes
#   GONGKAI_UPDATE_SCREENS=1 tests/run.sh build hostile_panes   rewrite the .expected files
#
# Prints "ok NAME" / "not ok NAME - reason" lines.

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
BUILD=${GONGKAI_BUILD:-$ROOT/build}
T=${GONGKAI_TMP:?}/hostile_panes
EXP=$ROOT/tests/console
VTRUN=$BUILD/tests/vtrun
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR LINES COLUMNS
unset DISPLAY WAYLAND_DISPLAY # copies go to OSC 52, where check-inert +copies reads them
export VTRUN_ACTUAL_DIR="$T"
if [ -n "${GONGKAI_UPDATE_SCREENS:-}" ]; then export VTRUN_UPDATE=1; else unset VTRUN_UPDATE; fi
export GONGKAI_TODAY=2026-11-28 GONGKAI_NOW=10:00 # the hotline's 【开放中】 is pinned
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state"
DB=$T/hostile.db

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }

if [ ! -x "$VTRUN" ]; then
    not_ok vtrun "$VTRUN is missing (make $BUILD/tests/vtrun; needs libvterm-dev)"
    exit 0
fi

. "$ROOT/tests/loader/hostile_corpus.sh"
hostile_corpus "$T/corpus"
"$BIN" load --quiet --db "$DB" "$T/corpus" >"$T/load.out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then # 3: bad.md (invalid UTF-8) is refused
    not_ok load "gongkai load exited $rc: $(tail -n 3 "$T/load.out")"
    exit 0
fi

# ---- check-inert catches what it is meant to ------------------------------------------------

# selftest NAME WANT SCRIPT PROGRAM...: vtrun must fail the script and say WANT.
selftest() {
    name=$1 want=$2 script=$3
    shift 3
    printf '%s\n' "$script" >"$T/$name.vt"
    if "$VTRUN" -s "$T/$name.vt" -- "$@" >"$T/$name.log" 2>&1; then
        not_ok "$name" "check-inert passed output it should have failed"
    elif ! grep -qF -- "$want" "$T/$name.log"; then
        not_ok "$name" "no \"$want\" in: $(head -c 400 "$T/$name.log")"
    else
        ok "$name"
    fi
}
# shellcheck disable=SC2016 # $0 is the payload, given to sh -c as an argument
drawn_raw='printf "a$0\n"; sleep 0.3'
selftest inert_catches_raw_payload "the window title was set" "wait X
check-inert pwned" sh -c "$drawn_raw" "$P"
for want in "OSC 0: window title" "OSC 52: clipboard" 'the marker "pwned"' BEL "C1 control" \
    "bidi control" "not curses's clear"; do
    grep -qF -- "$want" "$T/inert_catches_raw_payload.log" ||
        not_ok inert_catches_raw_payload_all "no \"$want\" among the findings"
done
# shellcheck disable=SC2016
hostile_copy='printf "\033]52;c;%s\007b\n" "$(printf "a$0" | base64 | tr -d "\n")"; sleep 0.3'
selftest inert_catches_hostile_copy "ESC in a copy (OSC 52 payload)" "wait b
check-inert +copies" sh -c "$hostile_copy" "$P"
# shellcheck disable=SC2016
selftest inert_catches_invalid_utf8 "invalid UTF-8" "wait b
check-inert" sh -c 'printf "b$0\n"; sleep 0.3' "$BAD"

# ---- the console ------------------------------------------------------------------------------

# The frame that must stay in place whatever the payload does, at ROWSxCOLS: the title bar
# from column 1 with [简] at the right edge, the tabs, the F-key bar on the last row; and
# none of the payload's text on the screen (the sanitiser removes sequences whole, so not
# even their parameters, such as "[2J", are left to read).
frame() {
    cat <<EOF
waitat 0 1 政务公开查询台 gongkai | 恶意文本测试（示例） | 数据截至 2026-11-01
waitat 0 $(($1 - 5)) [简]
waitat 1 2 F2 搜索   F3 法规   M-3 组织   M-4 地名   M-5 统计   M-6 热线
waitrow -1 F1帮助 F2搜索 F3法规
absent pwned
absent cm0g
absent [2J
absent ]0;
absent ]52;
absent ?[
EOF
}

# scenario NAME [-r ROWS -c COLS] [+copies]: the script on stdin (@E@ the expected screens'
# directory); "frame" lines become the checks above. Quits with F10 and checks the exit,
# the terminal and check-inert, then that the raw output never holds the payload's words.
scenario() {
    name=$1
    shift
    rows=30 cols=100 copies=
    while [ $# -gt 0 ]; do
        case $1 in
        -r) rows=$2 && shift ;;
        -c) cols=$2 && shift ;;
        +copies) copies=+copies ;;
        esac
        shift
    done
    frame "$cols" >"$T/frame.vt"
    {
        echo 'mask （[0-9.]+[[:space:]]ms）.*>$ （X ms）  …>'
        echo 'mask （[0-9.]+[[:space:]]ms） （X ms）'
        sed -e "s|@E@|$EXP|g" -e "/^frame\$/{r $T/frame.vt" -e 'd;}'
        printf 'key F10\nexpect-exit 0\ncheck-restored\ncheck-inert %s pwned cm0gLXJmIH4=\n' "$copies"
    } >"$T/$name.vt"
    rm -rf "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"
    if ! VTRUN_RAW_LOG="$T/$name.raw" "$VTRUN" -r "$rows" -c "$cols" -s "$T/$name.vt" -- \
        "$BIN" --db "$DB" >"$T/$name.log" 2>&1; then
        not_ok "$name" "$(grep -m1 '^vtrun:' "$T/$name.log")"
        sed -e '1d' -e 's/^/#   /' "$T/$name.log" | head -n 60
    elif LC_ALL=C grep -qa -e pwned -e cm0gLXJmIH4 "$T/$name.raw"; then
        not_ok "$name" "the payload's words are in the raw output ($T/$name.raw)"
    else
        ok "$name"
    fi
}

# Search across all groups: each group's hostile record with its sanitised title, the
# dates in their column, the snippets counted on the text as shown (not cut short by the
# payload's bytes), the count in the status line.
scenario hostile_search <<'EOF'
wait 数据截至
frame
type 恶意
waitline -3 找到 7 条；地名 1 处（X ms）
waitat 6 1 [现行有效] 示例恶意办法X
waitat 6 89 2019-03-02
waitat 13 1 [在列] 示例恶意研究会X
waitat 13 89 2021-04-28
waitrow 11 为了测试恶意文本，编写本示例办法。X本文不是真实的法规。
waitrow 22 【示例】由县级X民政部门审批。
expect @E@/hostile_search.expected
frame
EOF

scenario hostile_search_80x24 -r 24 -c 80 <<'EOF'
wait 数据截至
frame
type 恶意
wait 找到 7 条
waitat 6 1 [现行有效] 示例恶意办法X
waitat 6 69 2019-03-02
expect @E@/hostile_search_80x24.expected
frame
EOF

# Each hit opened from the search: the regulation's article, the organisation (its name
# goes into the 组织 input line), the place's detail, the Q&A item. (A hotline hit does
# not open: the 热线 pane is visited below.)
scenario hostile_from_search <<'EOF'
wait 数据截至
type 恶意
wait 找到 7 条
key Esc
waitcursor hidden
key Down Down Down
key Enter
wait 第一条，共 2 条
waitrow 2 第一条 为了测试恶意文本，编写本示例办法。X本文不是真实的法规。
expect @E@/hostile_from_search.1.expected
frame
key F2
wait 找到 7 条
key Down
key Enter
wait 【在列】示例恶意研究会X
waitline -2 名称或代码> 示例恶意研究会X
expect @E@/hostile_from_search.2.expected
frame
key F2
wait 找到 7 条
key Home
key Enter
wait 区划 339900 详情
expect @E@/hostile_from_search.3.expected
frame
key F2
wait 找到 7 条
key End
key Enter
wait 问答 · 社会救助 · 依据 0 条
waitrow 3 【示例】由县级X民政部门审批。
expect @E@/hostile_from_search.4.expected
frame
EOF

# 法规: the list (columns in place), the document (the title centred on its shown width,
# the article), the versions, the article list hidden.
scenario hostile_regs <<'EOF'
wait 数据截至
key F3
wait 部法规
type 恶意
wait 1 部法规（筛选：标题含「恶意」
waitat 3 1 [现行有效] 示例恶意办法X
waitat 3 69 示例规章 2019-03-02 示例令第1号
expect @E@/hostile_regs.1.expected
frame
key Enter
wait 共 2 条
waitat 2 54 示例恶意办法X
expect @E@/hostile_regs.2.expected
frame
key v
wait 这部法规只有这一个版本
key t
waitat 2 43 示例恶意办法X
key ]
waitrow 2 第一条 为了测试恶意文本，编写本示例办法。X本文不是真实的法规。
expect @E@/hostile_regs.3.expected
frame
EOF

# 组织: the listed organisation with its note, then the registered one with its scope.
# (Their names were look-alikes only while the keys kept the escape sequences' printable
# bytes; keyed as shown they are not. hostile_from_search puts a hostile name in the
# input line, which held the bidi controls raw and "[2J]0;pwned…" as text before.)
scenario hostile_orgs <<'EOF'
wait 数据截至
key M-3
wait 输入组织名称
type 示例恶意研究会
wait 【在列】示例恶意研究会X
wait 备注 备注X结束
expect @E@/hostile_orgs.1.expected
frame
key C-u
type 示例恶意协会
wait 【未列入】示例恶意协会X
waitline -2 名称或代码> 示例恶意协会
wait 业务范围 示例：恶意X业务
expect @E@/hostile_orgs.2.expected
frame
EOF

# 地名: the result, its detail, and the parent's children listing it.
scenario hostile_places <<'EOF'
wait 数据截至
key M-4
wait 输入地名
type 示例恶意市
wait 1 处；数据截至
waitat 2 1 示例恶意市X  339900  地级
expect @E@/hostile_places.1.expected
frame
key Esc
waitcursor hidden
key d
wait 区划 339900 详情
wait 名称  示例恶意市X（现行）
expect @E@/hostile_places.2.expected
frame
key C-f C-u
type 浙江省
wait 1 处；数据截至
key Esc
waitcursor hidden
key Enter
wait 330000 浙江省 的下级：1 个
waitat 3 2 示例恶意市X  339900  地级
expect @E@/hostile_places.3.expected
frame
EOF

# 统计: the table, the hostile 2021 cell selected (its footnote names the source and the
# note), then Left to the 2020 cell.
scenario hostile_stats <<'EOF'
wait 数据截至
key M-5
wait Enter 选定
key C-f
type 城市低保人数
wait 城市低保人数（万人）
key Esc
waitcursor hidden
wait 全国，2021年：737.8 万人
waitrow -4 来源：示例恶意公报X · values.csv:2；附注：注X释
waitat 5 1 全国   805.1   737.8
expect @E@/hostile_stats.1.expected
frame
key Left
wait 全国，2020年：805.1 万人
waitrow -4 来源：示例恶意公报X · values.csv:3；附注：注X释
frame
EOF

# 热线: the line with its operator and note; the summary in the status line (it held
# "?[2J?]0;pwned…" before); q adds the area's Q&A.
scenario hostile_hotlines <<'EOF'
wait 数据截至
key M-6
wait 输入来电人所在的地方
type 339900
wait 【开放中】拨打12345  社会救助  示例恶意民政局X
waitline -3 浙江省 / 示例恶意市X：1 条热线（开放中 1）（X ms）
wait 备注  备X注
expect @E@/hostile_hotlines.1.expected
frame
key Esc
waitcursor hidden
key q
wait 【现行】示例恶意保障X由谁批准？
expect @E@/hostile_hotlines.2.expected
frame
EOF

# 问答 by category: the list (the answer's start in full: the snippet counts shown text)
# and the item.
scenario hostile_qa <<'EOF'
wait 数据截至
key F4
wait 政策问答：选择类别
key Enter
waitrow 2 问答 · 全部类别（1 条）
waitrow 4 【示例】由县级X民政部门审批。
expect @E@/hostile_qa.1.expected
frame
key Enter
wait 问答 · 社会救助 · 依据 0 条
waitrow 2 示例恶意保障X由谁批准？
expect @E@/hostile_qa.2.expected
frame
EOF

# Copies from every pane: each goes to the terminal as OSC 52 (check-inert +copies decodes
# and checks it), to citations.txt, and the table to last-table.tsv.
scenario hostile_copies +copies <<'EOF'
wait 数据截至
key F3
type 恶意
wait 1 部法规
key Enter
wait 共 2 条
key ]
key c
wait 发往终端剪贴板：《示例恶意办法X》第一条
key M-3
type 示例恶意研究会
wait 【在列】
key Esc
waitcursor hidden
key c
wait 发往终端剪贴板：示例恶意研究会X：在列
key M-4
type 339900
wait 1 处；数据截至
key Esc
waitcursor hidden
key c
wait 发往终端剪贴板：示例恶意市X（339900，地级）
key M-5
key C-f
type 城市低保人数
wait 城市低保人数（万人）
key Esc
waitcursor hidden
key c
wait 发往终端剪贴板：城市低保人数（万人）
key C
wait 表格（TSV，1 行 2 列）已发往终端剪贴板
key M-6
type 339900
wait 12345
key Esc
waitcursor hidden
key c
wait 发往终端剪贴板：拨打12345（社会救助，示例恶意民政局X）
frame
EOF
# inert FILE: as in tests/loader/hostile_text.t.sh.
inert() {
    bad=
    LC_ALL=C grep -q "$(printf '\033')" "$1" && bad="$bad ESC"
    LC_ALL=C grep -q "$(printf '\007')" "$1" && bad="$bad BEL"
    LC_ALL=C grep -q "$(printf '\302')[$(printf '\200-\237')]" "$1" && bad="$bad C1"
    LC_ALL=C grep -q "$(printf '\342\200')[$(printf '\252-\256')]" "$1" && bad="$bad U+202A-E"
    LC_ALL=C grep -q "$(printf '\342\201')[$(printf '\246-\251')]" "$1" && bad="$bad U+2066-9"
    iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || bad="$bad invalid-UTF-8"
    [ -z "$bad" ]
}
for f in citations.txt last-table.tsv; do
    if [ ! -s "$XDG_STATE_HOME/gongkai/$f" ]; then
        not_ok "hostile_copies_$f" "$XDG_STATE_HOME/gongkai/$f is missing or empty"
    elif ! inert "$XDG_STATE_HOME/gongkai/$f"; then
        not_ok "hostile_copies_$f" "leaks:$bad"
    elif [ "$f" = citations.txt ] && [ "$(grep -c 示例恶意 "$XDG_STATE_HOME/gongkai/$f")" -ne 5 ]; then
        not_ok "hostile_copies_$f" "not 5 hostile citations: $(cat "$XDG_STATE_HOME/gongkai/$f")"
    else
        ok "hostile_copies_$f"
    fi
done
exit 0
