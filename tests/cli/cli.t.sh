#!/bin/sh
# The command line end to end: `gongkai load` of the example corpus in tests/fixtures/regs,
# then search (formats, encodings, exit statuses, hostile input), show reg, --cli with
# piped commands, the history file, and the messages for a missing database or a bad
# config; `gongkai org` on tests/fixtures/orgs (verdicts, exit statuses, formats, GB18030,
# formula guard, filters, code typos, hostile input); `gongkai place` on
# tests/fixtures/places (exit statuses, history, children, formats, GB18030, formula guard,
# hostile input) and --as-of on the demo corpus's dated 南川 chain; `gongkai stats` on
# tests/fixtures/stats_cli (the indicator list, series, provinces, rankings, units and
# their refusals, 同比/环比, formats, GB18030, exit statuses, hostile input, the line
# mode). Run by tests/run.sh,
# which sets GONGKAI_BIN, GONGKAI_ROOT, GONGKAI_TMP, a temporary HOME and XDG directories,
# LANG/LC_ALL=C.UTF-8 and TZ=UTC.
# Prints "ok NAME" / "not ok NAME - reason" lines.

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
T=${GONGKAI_TMP:?}/cli
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR
DB=$T/cli.db
TITLE=示例社会救助办法
ESC=$(printf '\033')

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }
# check NAME REASON COMMAND...: ok when the command succeeds.
check() {
    name=$1 reason=$2
    shift 2
    if "$@"; then ok "$name"; else not_ok "$name" "$reason"; fi
}
# run ARGS...: runs gongkai with the test database; stdout in $T/out, stderr in $T/err,
# exit status in $rc.
run() {
    "$BIN" --db "$DB" "$@" >"$T/out" 2>"$T/err"
    rc=$?
}
has() { grep -qF -- "$1" "$T/out"; }
err_has() { grep -qF -- "$1" "$T/err"; }
no_esc() { ! grep -q "$ESC" "$1"; }

# ---- load ------------------------------------------------------------------------------
"$BIN" load --quiet --db "$DB" "$ROOT/tests/fixtures/regs" >"$T/load.out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] || [ ! -f "$DB" ]; then
    not_ok load "gongkai load exited $rc: $(tail -n 3 "$T/load.out")"
    exit 0 # nothing else can run
fi
ok load

# ---- search: finding, scripts, exit statuses ----------------------------------------------
run search 托底线
check search_found "exit $rc" [ "$rc" -eq 0 ]
check search_marks_brackets "no «托底线» in: $(head -n 1 "$T/out")" has "«托底线»"
check search_text_shape "unexpected first line: $(head -n 1 "$T/out")" \
    grep -q "^\[法规\] $TITLE 第二条 · 现行有效 · 2019-03-02  " "$T/out"

# The Traditional file is found with a Simplified query and shown as stored ...
run search 政务公开 --script original
check simplified_finds_traditional "exit $rc, output: $(head -n 2 "$T/out")" has "政務公開"
# ... or converted for display (the default script is simplified).
run search 政务公开
check display_simplified "not converted: $(head -n 1 "$T/out")" has "示例«政务公开»规范性档案办法"
run search 托底线 --script traditional --mark none
check display_traditional "not converted: $(head -n 1 "$T/out")" has "示例社會救助辦法 第二條"

run search 这个词语不存在于语料
check search_none_exit1 "exit $rc" [ "$rc" -eq 1 ]
run search '"'
check nothing_to_search_exit1 "exit $rc" [ "$rc" -eq 1 ]
run search --frobnicate 托底线
check bad_option_exit2 "exit $rc" [ "$rc" -eq 2 ]
run search --format xml 托底线
check bad_format_exit2 "exit $rc" [ "$rc" -eq 2 ]
run search --in nowhere 托底线
check bad_domain_exit2 "exit $rc" [ "$rc" -eq 2 ]
run search --limit 0 托底线
check bad_limit_exit2 "exit $rc" [ "$rc" -eq 2 ]
run search --in regs --limit 1 示例
check limit_one "expected 1 line, got $(wc -l <"$T/out")" [ "$(wc -l <"$T/out")" -eq 1 ]
run search --in regs --limit 1 --offset 100 示例
check offset_past_end_exit1 "exit $rc" [ "$rc" -eq 1 ]
run search -- -托底线
check dash_word_is_query "exit $rc: $(cat "$T/err")" [ "$rc" -eq 1 ]

# ---- formats ---------------------------------------------------------------------------
run search 托底线 --format tsv
printf 'domain\tid\tref_id\ttitle\tstatus\tdate\tsnippet\n' >"$T/tsv.head"
check tsv_header "header: $(head -n 1 "$T/out")" sh -c 'head -n 1 "$1" | cmp -s - "$2"' _ "$T/out" "$T/tsv.head"
check tsv_rows "rows without 7 fields or with markers" \
    sh -c '[ "$(wc -l <"$1")" -eq 3 ] && awk -F "\t" "NF != 7 { exit 1 }" "$1" && ! grep -q "«" "$1"' _ "$T/out"

run search 托底线 --format csv
printf 'domain,id,ref_id,title,status,date,snippet\r\n' >"$T/csv.head"
check csv_header_crlf "header: $(head -n 1 "$T/out" | od -c | head -n 2)" \
    sh -c 'head -n 1 "$1" | cmp -s - "$2"' _ "$T/out" "$T/csv.head"
check csv_rows "rows without 7 fields" \
    sh -c '[ "$(wc -l <"$1")" -eq 3 ] && tr -d "\r" <"$1" | awk -F , "NF != 7 { exit 1 }"' _ "$T/out"

run search 托底线 救急难 --format json
check json_shape "missing keys" sh -c 'grep -q "\"results\":\[" "$1" && grep -q "\"title_spans\":" "$1" && grep -q "\"counts\":{\"reg\":2}" "$1"' _ "$T/out"
if command -v python3 >/dev/null 2>&1; then
    check json_parses "python3 -m json.tool failed" sh -c 'python3 -m json.tool <"$1" >/dev/null' _ "$T/out"
    # Spans are code point offsets into the emitted strings.
    check json_spans_code_points "spans do not cover the query words" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["total"] == 2 and len(d["results"]) == 2
for r in d["results"]:
    words = [r["snippet"][s:e] for s, e in r["snippet_spans"]]
    assert words == ["托底线", "救急难"], words
' "$T/out"
else
    ok "json_parses # SKIP python3 not installed"
fi

# GB18030 for Excel: converting back gives the UTF-8 output byte for byte.
run search 托底线 --format csv
cp "$T/out" "$T/utf8.csv"
run search 托底线 --format csv --encoding gb18030
cp "$T/out" "$T/gb.csv"
check gb18030_converted "output is still UTF-8" sh -c '! cmp -s "$1" "$2"' _ "$T/utf8.csv" "$T/gb.csv"
check gb18030_roundtrip "iconv -f GB18030 differs from the UTF-8 output" \
    sh -c 'iconv -f GB18030 -t UTF-8 "$1" | cmp -s - "$2"' _ "$T/gb.csv" "$T/utf8.csv"
run search 托底线 --encoding klingon
check bad_encoding_exit2 "exit $rc" [ "$rc" -eq 2 ]

# ---- show reg --------------------------------------------------------------------------
run show reg "$TITLE" 第二条
cp "$T/out" "$T/show2"
check show_article "exit $rc: $(cat "$T/out" "$T/err")" \
    sh -c '[ "$2" -eq 0 ] && head -n 1 "$1" | grep -q "^《示例社会救助办法》第二条（示例令第2号，2019-03-02 版，现行有效）$" && grep -q "^示例救助坚持托底线" "$1"' _ "$T/out" "$rc"
run show reg "$TITLE 2"
check show_article_one_argument "differs from show reg TITLE 第二条" cmp -s "$T/out" "$T/show2"
run show reg "${TITLE}第二条"
check show_article_glued "differs from show reg TITLE 第二条" cmp -s "$T/out" "$T/show2"
run show reg "$TITLE" 第二条 --version 2014-02-21
check show_version "exit $rc: $(head -n 1 "$T/out")" has "2014-02-21 版，已修改"
run show reg "$TITLE"
check show_whole "no header, heading or article lines" \
    sh -c 'grep -q "^状态：现行有效$" "$1" && grep -q "^  \* 2019-03-02" "$1" && grep -q "^第一章 总则$" "$1" && grep -q "^第三条 家庭人均收入" "$1" && grep -q "^（一）向户籍所在地" "$1"' _ "$T/out"
run show reg "$TITLE" --format json
if command -v python3 >/dev/null 2>&1; then
    check show_json_parses "python3 -m json.tool failed" sh -c 'python3 -m json.tool <"$1" >/dev/null' _ "$T/out"
fi
run show reg "$TITLE" 第九十条
check show_missing_article_exit1 "exit $rc" sh -c '[ "$1" -eq 1 ] && grep -q "没有第九十条" "$2"' _ "$rc" "$T/err"
run show reg 示例
check show_ambiguous_lists "exit $rc" sh -c '[ "$1" -eq 1 ] && grep -q "示例政務公開規範性檔案辦法" "$2"' _ "$rc" "$T/err"
run show org 示例
check show_unknown_type_exit2 "exit $rc" sh -c '[ "$1" -eq 2 ] && grep -q "only \"reg\"" "$2"' _ "$rc" "$T/err"

# ---- hostile text ----------------------------------------------------------------------
run search 红色警示
check escape_removed_search "ESC in search output" sh -c '[ "$1" -eq 0 ] && ! grep -q "$2" "$3"' _ "$rc" "$ESC" "$T/out"
run search 红色警示 --mark ansi
check escape_removed_ansi "corpus colour code in output" sh -c '! grep -q "$1\[31m" "$2" && grep -q "$1\[7m" "$2"' _ "$ESC" "$T/out"
run show reg "$TITLE" 第五条
check escape_removed_show "ESC in show output" no_esc "$T/out"
run search 红色警示 --format json
check escape_removed_json "ESC in json output" no_esc "$T/out"

long=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "低" }')
i=0
for q in '"' '(' 'NEAR(' ')' '*' 'a OR' 'NOT' '"托底线' 'NEAR(托底线 救急难, 2)' '托底线 AND' "$long"; do
    i=$((i + 1))
    run search "$q"
    if [ "$rc" -eq 2 ]; then
        not_ok "hostile_query_$i" "exit 2 for [$(printf %.40s "$q")]: $(cat "$T/err")"
    elif grep -qiE 'sql|fts5|syntax error|malformed|no such' "$T/out" "$T/err"; then
        not_ok "hostile_query_$i" "SQL error text for [$(printf %.40s "$q")]: $(cat "$T/err")"
    else
        ok "hostile_query_$i"
    fi
done

# ---- line mode -------------------------------------------------------------------------
HIST=$HOME/.local/state/gongkai/history
rm -f "$HIST"
printf '托底线\nopen 1\nin regs\nshow %s 第四条\nmore\nquit\n' "$TITLE" |
    "$BIN" --db "$DB" --cli >"$T/out" 2>"$T/err"
rc=$?
check cli_exit0 "exit $rc: $(cat "$T/err")" [ "$rc" -eq 0 ]
check cli_results "no numbered results" has "1. [法规] $TITLE 第二条"
check cli_open "open 1 did not print the article" has "《示例社会救助办法》第二条（示例令第2号，2019-03-02 版，现行有效）"
check cli_show "show did not print the items" has "（三）县级民政部门审查批准。"
check cli_scope "in regs not confirmed" has "查询范围（scope）：法规"
check cli_no_prompt "prompt printed without a terminal" sh -c '! grep -q "gongkai>" "$1"' _ "$T/out"
check cli_no_escape "ESC in line-mode output" no_esc "$T/out"
check history_written "no $HIST" [ -f "$HIST" ]
check history_mode_0600 "mode $(stat -c %a "$HIST" 2>/dev/null)" [ "$(stat -c %a "$HIST" 2>/dev/null)" = 600 ]
check history_dir_0700 "mode $(stat -c %a "$(dirname "$HIST")" 2>/dev/null)" \
    [ "$(stat -c %a "$(dirname "$HIST")" 2>/dev/null)" = 700 ]
check history_content "托底线 not recorded" grep -q "^托底线$" "$HIST"

# Entries survive the next session; "record = no" and "size = 0" write nothing.
printf '救急难\n' | "$BIN" --db "$DB" --cli >/dev/null 2>&1
check history_appends "earlier entry lost" sh -c 'grep -q "^托底线$" "$1" && grep -q "^救急难$" "$1"' _ "$HIST"
printf '[history]\nfile = %s\nrecord = no\n' "$T/h-norecord" >"$T/norecord.ini"
printf '托底线\n' | "$BIN" --db "$DB" --config "$T/norecord.ini" --cli >/dev/null 2>&1
check history_record_off "history written with record = no" [ ! -e "$T/h-norecord" ]
printf '[history]\nfile = %s\nsize = 0\n' "$T/h-size0" >"$T/size0.ini"
printf '托底线\n' | "$BIN" --db "$DB" --config "$T/size0.ini" --cli >/dev/null 2>&1
check history_size0 "history written with size = 0" [ ! -e "$T/h-size0" ]

# ---- privacy: history mode, record = no, M-h, --forget, no query text elsewhere ----------
# A home of its own, so that every file gongkai writes can be searched for the query.
P=$T/privacy
PQ=张三丰示例
PSTATE=$P/state/gongkai
PHIST=$PSTATE/history
# prv ARGS...: gongkai with the private home and the test database.
prv() {
    HOME=$P XDG_CONFIG_HOME=$P/config XDG_STATE_HOME=$P/state XDG_DATA_HOME=$P/data \
        "$BIN" --db "$DB" "$@"
}
# leaks [EXCEPT]: the files under $P (but EXCEPT) that hold the query.
leaks() { grep -rlF -- "$PQ" "$P" 2>/dev/null | grep -vxF -- "${1:-/nonexistent}"; }
rm -rf "$P"
mkdir -p "$P"
prv search "$PQ" >"$T/out" 2>"$T/err"
prv search --format json "$PQ" 托底线 >>"$T/out" 2>>"$T/err"
prv show reg "$TITLE" "$PQ" >>"$T/out" 2>>"$T/err"
prv place "$PQ" >>"$T/out" 2>>"$T/err"
prv qa "$PQ" >>"$T/out" 2>>"$T/err"
printf '%s\nin regs\n%s 托底线\nplace %s\norg %s\nquit\n' "$PQ" "$PQ" "$PQ" "$PQ" | prv --cli >>"$T/out" 2>>"$T/err"
# The console: the query typed and submitted, a citation copied.
printf 'type %s\nkey Enter\nkey C-u\ntype 托底线\nkey Enter Enter c\nkey F10\n' "$PQ" >"$T/p.keys"
prv --test-script "$T/p.keys" >>"$T/out" 2>"$T/perr"
check privacy_history_has_query "history: $(cat "$PHIST" 2>/dev/null)" grep -qxF -- "$PQ" "$PHIST"
check privacy_citation_kept "no citations.txt" [ -s "$PSTATE/citations.txt" ]
check privacy_no_query_elsewhere "query text in: $(leaks "$PHIST" | tr '\n' ' ')" \
    sh -c '[ -z "$1" ]' _ "$(leaks "$PHIST")"
# The console says nothing on stderr (what a command such as `gongkai search` prints
# there about its own arguments is part of its answer, like its output).
check privacy_console_stderr_empty "stderr: $(head -c 300 "$T/perr")" [ ! -s "$T/perr" ]

# An existing history with loose bits (an older version, a copy, a wide umask) is made
# 0600 when it is opened, even when nothing is added; its directory 0700.
chmod 644 "$PHIST"
chmod 755 "$PSTATE"
printf 'quit\n' | prv --cli >/dev/null 2>&1
check privacy_loose_history_0600 "mode $(stat -c %a "$PHIST")" [ "$(stat -c %a "$PHIST")" = 600 ]
check privacy_loose_dir_0700 "mode $(stat -c %a "$PSTATE")" [ "$(stat -c %a "$PSTATE")" = 700 ]
check privacy_quit_not_recorded "quit in the history" sh -c '! grep -qx quit "$1"' _ "$PHIST"

# --forget: the history, citations.txt, last-table.tsv and a crashed save's temporary
# file are erased and named; exit 0; a second run finds nothing and creates nothing.
printf 'x\n' >"$PSTATE/last-table.tsv"
printf 'x\n' >"$PHIST.tmp-12345"
prv --forget >"$T/out" 2>"$T/err"
rc=$?
check forget_exit0 "exit $rc: $(cat "$T/err")" [ "$rc" -eq 0 ]
check forget_removed "left: $(ls "$PSTATE")" sh -c '[ -z "$(ls -A "$1")" ]' _ "$PSTATE"
check forget_says_what "output: $(cat "$T/out")" sh -c '[ "$(grep -c "^已删除" "$1")" -eq 4 ] &&
    grep -qF "$2" "$1" && grep -q "citations.txt" "$1" && grep -q "last-table.tsv" "$1"' _ "$T/out" "$PHIST"
rm -rf "$P"
prv --forget >"$T/out" 2>"$T/err"
rc=$?
check forget_nothing_exit0 "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 0 ] && ! grep -q "^已删除" "$2" &&
    [ "$(grep -c "^没有" "$2")" -eq 3 ]' _ "$rc" "$T/out"
check forget_creates_nothing "created: $(find "$P" 2>/dev/null | head -n 3)" [ ! -e "$P" ]
prv --forget search x >/dev/null 2>&1
check forget_no_command_exit2 "exit $?" [ $? -eq 2 ]

# The line mode's forget: the file is erased and not written back at the end; the
# forget line itself is not recorded.
printf '%s\nquit\n' "$PQ" | prv --cli >/dev/null 2>&1
printf '托底线\nforget\nquit\n' | prv --cli >"$T/out" 2>"$T/err"
check forget_cli "history left: $(cat "$PHIST" 2>/dev/null); out: $(tail -n 3 "$T/out")" \
    sh -c '[ ! -e "$1" ] && grep -qF "已删除查询历史" "$2"' _ "$PHIST" "$T/out"

# [history] file elsewhere: --forget erases that file.
mkdir -p "$P/config/gongkai"
printf '[history]\nfile = %s\n' "$P/elsewhere/h" >"$P/config/gongkai/config.ini"
printf '%s\nquit\n' "$PQ" | prv --cli >/dev/null 2>&1
check privacy_history_file_option "no $P/elsewhere/h" [ -f "$P/elsewhere/h" ]
prv --forget >"$T/out" 2>&1
check forget_history_file_option "left: $(ls "$P/elsewhere")" sh -c '[ ! -e "$1" ] && grep -qF "$1" "$2"' _ "$P/elsewhere/h" "$T/out"

# record = no: neither the line mode nor the console writes the query anywhere (the
# history included); the console says 【不记录】 in its title bar.
rm -rf "$P"
mkdir -p "$P/config/gongkai"
printf '[history]\nrecord = no\n' >"$P/config/gongkai/config.ini"
printf '%s\nquit\n' "$PQ" | prv --cli >/dev/null 2>"$T/err"
printf 'type %s\nkey Enter\ndump %s\nkey F10\n' "$PQ" "$T/p-norecord.dump" >"$T/p.keys"
prv --test-script "$T/p.keys" >/dev/null 2>>"$T/err"
check privacy_record_no "history written: $(cat "$PHIST" 2>/dev/null)" [ ! -e "$PHIST" ]
check privacy_record_no_nowhere "query text in: $(leaks | tr '\n' ' ')" sh -c '[ -z "$1" ]' _ "$(leaks)"
check privacy_record_no_title "title: $(head -n 1 "$T/p-norecord.dump")" \
    sh -c 'head -n 1 "$1" | grep -qF "【不记录】"' _ "$T/p-norecord.dump"

# M-h in the console stops recording for the session and starts it again.
rm -rf "$P"
mkdir -p "$P"
printf 'key M-h\ntype %s\nkey Enter\ndump %s\nkey M-h\ntype 托底线\nkey Enter\ndump %s\nkey F10\n' \
    "$PQ" "$T/p-mh.1" "$T/p-mh.2" >"$T/p.keys"
prv --test-script "$T/p.keys" >/dev/null 2>"$T/err"
check privacy_key_off "history: $(cat "$PHIST" 2>/dev/null)" sh -c '! grep -qF -- "$1" "$2" 2>/dev/null' _ "$PQ" "$PHIST"
check privacy_key_on "history: $(cat "$PHIST" 2>/dev/null)" grep -qx 托底线 "$PHIST"
check privacy_key_title "title: $(head -n 1 "$T/p-mh.1") / $(head -n 1 "$T/p-mh.2")" \
    sh -c 'head -n 1 "$1" | grep -qF "【不记录】" && ! head -n 1 "$2" | grep -qF "【不记录】"' _ "$T/p-mh.1" "$T/p-mh.2"
check privacy_key_nowhere "query text in: $(leaks | tr '\n' ' ')" sh -c '[ -z "$1" ]' _ "$(leaks)"

# Without a subcommand and without a terminal, the line-mode console runs.
printf '托底线\n' | "$BIN" --db "$DB" >"$T/out" 2>&1
check default_console "exit $?" has "1. [法规]"

# ---- errors ----------------------------------------------------------------------------
"$BIN" --db "$T/none.db" search 托底线 >"$T/out" 2>"$T/err"
rc=$?
check missing_db "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 2 ] && grep -q "先加载语料" "$2"' _ "$rc" "$T/err"
"$BIN" --db "$T/none.db" show reg "$TITLE" >/dev/null 2>"$T/err"
check missing_db_show "exit $?" err_has "先加载语料"
printf '' | "$BIN" --db "$T/none.db" --cli >/dev/null 2>"$T/err"
check missing_db_cli "exit $?: $(cat "$T/err")" err_has "先加载语料"
check no_db_created "a database appeared" [ ! -e "$T/none.db" ]

printf '[search]\nlimit = 5000\n' >"$T/bad.ini"
"$BIN" --db "$DB" --config "$T/bad.ini" search 托底线 >/dev/null 2>"$T/err"
rc=$?
check config_error "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 2 ] && grep -q "bad.ini:2:" "$2"' _ "$rc" "$T/err"
GONGKAI_CONFIG=$T/bad.ini "$BIN" --db "$DB" search 托底线 >/dev/null 2>&1
check config_error_env "exit $?" [ $? -eq 2 ]
"$BIN" --db "$DB" --config "$T/absent.ini" search 托底线 >/dev/null 2>&1
check config_missing "exit $?" [ $? -eq 2 ]

"$BIN" frobnicate >/dev/null 2>"$T/err"
check unknown_command "exit $?" [ $? -eq 2 ]
"$BIN" --version >"$T/out" 2>&1
check version "output: $(cat "$T/out")" sh -c 'grep -q "^gongkai .*SQLite 3\." "$1"' _ "$T/out"
"$BIN" --help >"$T/out" 2>&1
check help "exit $?" has "gongkai search"

# ---- org: the organisation check on tests/fixtures/orgs ----------------------------------------
# Plus a corpus written here whose names begin with = + - @ (a spreadsheet would run them
# as formulas). The fixture holds rows that must be rejected: the load exits 3.
ODB=$T/orgs.db
mkdir -p "$T/orgx"
printf '[corpus]\nname = 公式测试（示例）\nas_of = 2026-11-01\n\n[f]\nkind = org_lists\npath = f.csv\nvalue.list = 涉嫌非法\nmap.name = 名称\nmap.published = 发布日期\n' >"$T/orgx/corpus.ini"
printf '名称,发布日期\n=示例公式测试协会,2025-01-01\n+示例公式测试协会二,2025-01-01\n-示例公式测试协会三,2025-01-01\n@示例公式测试协会四,2025-01-01\n' >"$T/orgx/f.csv"
GONGKAI_TODAY=2026-11-28 "$BIN" load --quiet --db "$ODB" "$ROOT/tests/fixtures/orgs" "$T/orgx" >"$T/load.out" 2>&1
rc=$?
check org_load "gongkai load exited $rc (expected 3): $(tail -n 3 "$T/load.out")" \
    sh -c '[ "$1" -eq 3 ] && [ -f "$2" ]' _ "$rc" "$ODB"
# orun ARGS...: gongkai org with the organisation database, "today" fixed.
orun() {
    GONGKAI_TODAY=2026-11-28 "$BIN" --db "$ODB" org "$@" >"$T/out" 2>"$T/err"
    rc=$?
}

# Exit statuses: 0 organisations shown (whatever their verdict), 1 none, 2 error.
orun 示例甲市民间文艺家协会
check org_found_exit0 "exit $rc: $(head -n 2 "$T/out") $(cat "$T/err")" [ "$rc" -eq 0 ]
check org_text_verdict "no verdict line: $(sed -n 2p "$T/out")" \
    grep -q "^【在列】示例甲市民间文艺家协会$" "$T/out"
check org_text_dates "no computed date with its basis" sh -c '
    grep -q "【推算】最早自动移出日期（无需整改时） 2027-03-15（未到）" "$1" &&
    grep -q "依据 示例社会组织信用管理办法 第十四条第（二）项$" "$1" &&
    grep -q "【推算】列入期限重新计算：自 2026-09-15 重新计算" "$1"' _ "$T/out"
orun 示例甲市围棋协会
check org_not_listed_exit0 "exit $rc" sh -c '[ "$1" -eq 0 ] && grep -q "^【未列入】1\. 示例甲市围棋协会$" "$2"' _ "$rc" "$T/out"
check org_lookalike "no look-alike warning" has "【注意】名称相近的名单组织：示例甲市围棋运动协会（在列）"
# Simplified input finds the name registered in Traditional (shown as stored with
# --script original, converted by default).
orun --script original 示例甲市慈善总会
check org_traditional_name "Simplified input did not find 慈善總會: $(sed -n 2p "$T/out")" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^【未列入】示例甲市慈善總會$" "$2" && grep -q "匹配：繁简或全半角写法不同" "$2"' _ "$rc" "$T/out"
orun 示例甲市慈善總會
check org_display_simplified "not converted: $(sed -n 2p "$T/out")" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^【未列入】示例甲市慈善总会$" "$2" && grep -q "匹配：名称一致" "$2"' _ "$rc" "$T/out"
orun 无此组织测试名称
check org_none_exit1 "exit $rc" [ "$rc" -eq 1 ]
check org_none_says_so "no explicit answer: $(head -n 3 "$T/out")" sh -c '
    grep -q "^【未列入】（数据截至 2026-11-01）没有找到匹配的组织或名单记录$" "$1" &&
    grep -q "^   已查 名称“无此组织测试名称”" "$1"' _ "$T/out"
orun --frobnicate 示例
check org_bad_option_exit2 "exit $rc" [ "$rc" -eq 2 ]
orun --list nosuch 示例
check org_bad_list_exit2 "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 2 ] && grep -q "未知的名单 nosuch" "$2"' _ "$rc" "$T/err"
orun --area 33a 示例
check org_bad_area_exit2 "exit $rc" [ "$rc" -eq 2 ]
orun --limit 0 示例
check org_bad_limit_exit2 "exit $rc" [ "$rc" -eq 2 ]
orun --format xml 示例
check org_bad_format_exit2 "exit $rc" [ "$rc" -eq 2 ]
orun --encoding klingon 示例
check org_bad_encoding_exit2 "exit $rc" [ "$rc" -eq 2 ]
orun
check org_nothing_to_check_exit2 "exit $rc" sh -c '[ "$1" -eq 2 ] && grep -q "gongkai org" "$2"' _ "$rc" "$T/err"
"$BIN" --db "$T/none.db" org 示例 >"$T/out" 2>"$T/err"
rc=$?
check org_missing_db_exit2 "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 2 ] && grep -q "先加载语料" "$2" && [ ! -e "$3" ]' _ "$rc" "$T/err" "$T/none.db"

# JSON: valid, with the fields a script needs.
orun --format json 示例甲市民间文艺家协会
if command -v python3 >/dev/null 2>&1; then
    check org_json_parses "python3 -m json.tool failed" sh -c 'python3 -m json.tool <"$1" >/dev/null' _ "$T/out"
    check org_json_fields "fields missing or wrong" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["query"] == "示例甲市民间文艺家协会" and d["by_code"] is False, d["query"]
assert d["as_of"] == "2026-11-01" and d["searched"].startswith("名称“") and d["verdict"] is None
s = d["results"][0]
assert s["name"] == "示例甲市民间文艺家协会" and s["verdict"] == "在列" and s["registered"] is True
assert s["uscc"] == "51339800MK8000155J" and s["uscc_check"] == "ok" and s["match"]["why"] == "名称一致"
assert [l["listed_date"] for l in s["listings"]] == ["2026-09-15", "2026-03-02"]
l = s["listings"][0]
assert l["list"] == "abnormal" and l["current"] is True and l["ground"] == 3
ev = {e["rule"]: e for e in l["events"]}
assert ev["auto_removal"]["date"] == "2027-03-15" and ev["auto_removal"]["reached"] is False
assert ev["auto_removal"]["basis"] == "示例社会组织信用管理办法 第十四条第（二）项"
assert ev["auto_removal"]["basis_node"] > 0 and ev["escalation"]["date"] == "2028-09-15"
assert s["listings"][1]["events"][0]["rule"] == "restart"
assert s["listings"][1]["events"][0]["basis_node"] == 0
' "$T/out"
    orun --format json 51339800MK80O0155J
    check org_json_code "code fields missing or wrong" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["by_code"] is True and d["code"]["format_ok"] is False, d.get("code")
assert d["fixes"][0]["code"] == "51339800MK8000155J" and d["fixes"][0]["found"] == 1
assert d["results"][0]["name"] == "示例甲市民间文艺家协会"
assert "更正后代码一致" in d["results"][0]["match"]["why"]
' "$T/out"
    orun --format json 中国现代示例书法研究会
    check org_json_alikes "no look-alike" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
a = d["results"][0]["alikes"]
assert any(x["name"] == "中国示例书法家协会" and x["registered"] and x["org_id"] > 0 for x in a), a
' "$T/out"
    orun --format json 无此组织测试名称
    check org_json_none "exit $rc or fields" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["verdict"] == "未列入" and d["results"] == [] and d["total"] == 0
assert "无此组织测试名称" in d["searched"]
' "$T/out"
else
    ok "org_json_parses # SKIP python3 not installed"
fi

# TSV: a header and one row per organisation and listing, 23 fields each.
orun --format tsv 示例甲市民间文艺家协会
printf 'query\tverdict\torg_id\tname\tuscc\tuscc_check\torg_type\treg_authority\tstatus\tmatch\tlist\tlist_status\tlisted_name\tlisted_date\treason\tlisted_by\tdoc_no\tremoved_date\tremoved_reason\tnext_date\tbasis\tsource\tas_of\n' >"$T/org.tsv.head"
check org_tsv_header "header: $(head -n 1 "$T/out")" sh -c 'head -n 1 "$1" | cmp -s - "$2"' _ "$T/out" "$T/org.tsv.head"
check org_tsv_rows "not 2 rows of 23 fields" \
    sh -c '[ "$(wc -l <"$1")" -eq 3 ] && awk -F "\t" "NF != 23 { exit 1 }" "$1" && ! grep -q "$(printf "\r")" "$1"' _ "$T/out"
check org_tsv_values "row values: $(sed -n 2p "$T/out")" sh -c 'sed -n 2p "$1" | awk -F "\t" "{ n++; ok = \$2 == \"在列\" && \$5 == \"51339800MK8000155J\" && \$11 == \"活动异常名录\" && \$14 == \"2026-09-15\" && \$20 == \"最早自动移出日期（无需整改时） 2027-03-15\" } END { exit !(n == 1 && ok) }"' _ "$T/out"

# CSV for Excel: CRLF, GB18030 that converts back byte for byte, formulas defused.
orun --format csv 示例公式测试协会
cp "$T/out" "$T/org-utf8.csv"
check org_csv_crlf "a line without CR" sh -c '[ "$(wc -l <"$1")" -ge 5 ] && ! grep -qv "$(printf "\r")\$" "$1"' _ "$T/out"
check org_csv_formula_guard "a name begins with = + - or @ unguarded" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
names = [r[3] for r in rows[1:]]
assert sorted(names) == sorted(["'"'"'=示例公式测试协会", "'"'"'+示例公式测试协会二", "'"'"'-示例公式测试协会三", "'"'"'@示例公式测试协会四"]), names
for r in rows[1:]:
    for c in r:
        assert c[:1] not in "=+-@" or c == "", r
' "$T/out"
orun --format csv --encoding gb18030 示例公式测试协会
cp "$T/out" "$T/org-gb.csv"
check org_gb18030_converted "output is still UTF-8" sh -c '! cmp -s "$1" "$2"' _ "$T/org-utf8.csv" "$T/org-gb.csv"
check org_gb18030_roundtrip "iconv -f GB18030 differs from the UTF-8 output" \
    sh -c '[ -s "$1" ] && iconv -f GB18030 -t UTF-8 "$1" | cmp -s - "$2"' _ "$T/org-gb.csv" "$T/org-utf8.csv"
check org_gb18030_crlf "a line without CR" sh -c '[ "$(wc -l <"$1")" -ge 5 ] && ! grep -qv "$(printf "\r")\$" "$1"' _ "$T/org-gb.csv"
orun --format csv -- =示例公式测试协会
check org_csv_query_guard "the query column is not guarded" \
    sh -c 'sed -n 2p "$1" | grep -q "^\"'"'"'=示例公式测试协会\","' _ "$T/out"

# Filters; an empty query with a filter browses the newest listings.
orun --list serious --format tsv
check org_browse_list "exit $rc, rows: $(cut -f 4 "$T/out" | tr '\n' ' ')" sh -c '
    [ "$2" -eq 0 ] && [ "$(wc -l <"$1")" -eq 3 ] &&
    [ "$(cut -f 4 "$1" | sed -n 2,3p | tr "\n" " ")" = "示例甲市家政服务协会 示例甲市书画艺术研究会 " ]' _ "$T/out" "$rc"
orun --list serious
check org_browse_text "no browse summary" has "最近列入名单的组织：2 个组织"
orun --list abnormal --area 339821 --format tsv
check org_browse_none "exit $rc: $(sed -n 2p "$T/out")" \
    sh -c '[ "$2" -eq 1 ] && sed -n 2p "$1" | cut -f 2 | grep -qx "无记录"' _ "$T/out" "$rc"
orun --current --format tsv 示例甲市
check org_current "exit $rc or a row not 在列" sh -c '
    [ "$2" -eq 0 ] && [ "$(wc -l <"$1")" -gt 5 ] && awk -F "\t" "NR > 1 && \$2 != \"在列\" { exit 1 }" "$1" &&
    ! grep -q "示例甲市社区服务发展中心" "$1"' _ "$T/out" "$rc"
orun --list abnormal,涉嫌非法 --format tsv 示例甲市
check org_list_filter "a row of another list" sh -c '
    [ "$2" -eq 0 ] && awk -F "\t" "NR > 1 && \$11 != \"活动异常名录\" && \$11 != \"涉嫌非法社会组织名单\" { exit 1 }" "$1"' _ "$T/out" "$rc"
orun --area 339821 --format tsv 书画
check org_area "exit $rc, rows: $(cut -f 4 "$T/out" | tr '\n' ' ')" sh -c '
    [ "$2" -eq 0 ] && [ "$(wc -l <"$1")" -eq 3 ] && awk -F "\t" "NR > 1 && \$4 != \"示例乙县书画协会\" { exit 1 }" "$1"' _ "$T/out" "$rc"
orun --area 33 中国示例书法家协会
check org_filtered_not_unlisted "exit $rc: $(sed -n 2p "$T/out")" sh -c '
    [ "$2" -eq 1 ] && grep -q "^【已筛选】" "$1" && ! grep -q "【未列入】" "$1"' _ "$T/out" "$rc"
orun --area 33 --format tsv 中国示例书法家协会
check org_filtered_tsv "verdict column: $(sed -n 2p "$T/out" | cut -f 2)" \
    sh -c 'sed -n 2p "$1" | cut -f 2 | grep -qx "已筛选"' _ "$T/out"

# Codes: one character wrong finds the holder and says which; no holder lists the tries.
orun 51339800MK80O0155J
check org_code_typo "exit $rc: $(sed -n 2,4p "$T/out")" sh -c '
    [ "$2" -eq 0 ] && grep -q "^【在列】示例甲市民间文艺家协会$" "$1" &&
    grep -q "匹配：按“第13位 O→0（字母O不在代码字符中，应为数字0）”更正后代码一致（可能录入错误）" "$1"' _ "$T/out" "$rc"
orun 51339800MK8000251V
check org_code_suggestion "exit $rc: $(cat "$T/out")" sh -c '
    [ "$2" -eq 1 ] && grep -q "可能的代码 51339800MK8000251U（第18位 V→U" "$1" && grep -q "代码格式：第18位“V”不是代码字符" "$1"' _ "$T/out" "$rc"
orun ５１３３９８００ＭＫ８０００１５５Ｊ --format tsv
check org_code_fullwidth "exit $rc" sh -c '[ "$2" -eq 0 ] && sed -n 2p "$1" | cut -f 10 | grep -qx "统一社会信用代码一致"' _ "$T/out" "$rc"

# The line mode's org command answers as `gongkai org` does.
printf 'org 示例甲市民间文艺家协会\norg\nquit\n' | GONGKAI_TODAY=2026-11-28 "$BIN" --db "$ODB" --cli >"$T/out" 2>"$T/err"
rc=$?
check org_line_mode "exit $rc: $(head -n 3 "$T/out") $(cat "$T/err")" sh -c '
    [ "$2" -eq 0 ] && grep -q "【在列】示例甲市民间文艺家协会" "$1" && grep -q "最早自动移出日期" "$1" &&
    grep -q "用法：org" "$1"' _ "$T/out" "$rc"

# Hostile input: an answer, never an SQL error or a crash.
i=0
for q in '"a" OR b*' 'NEAR(示例 甲市)' '示例*' "'; DROP TABLE org; --" '%' "$long" "$(printf '\001\033[31m示例\033[0m')" "$(printf '\377\376示例')"; do
    i=$((i + 1))
    orun "$q"
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        not_ok "org_hostile_$i" "exit $rc for [$(printf %.40s "$q")]: $(cat "$T/err")"
    elif grep -qiE 'sql|fts5|syntax error|malformed|no such' "$T/err"; then
        not_ok "org_hostile_$i" "SQL error text for [$(printf %.40s "$q")]: $(cat "$T/err")"
    elif ! grep -q "数据截至" "$T/out" || ! no_esc "$T/out"; then
        not_ok "org_hostile_$i" "no answer or an escape sequence for [$(printf %.40s "$q")]"
    else
        ok "org_hostile_$i"
    fi
done

# ---- on a terminal (util-linux script(1) gives a pseudo-terminal) ---------------------------
if script -qc true /dev/null >/dev/null 2>&1; then
    script -qc "\"$BIN\" --db \"$DB\" search 托底线" /dev/null >"$T/out" 2>&1
    check tty_ansi_marks "no reverse video" grep -q "$ESC\[7m托底线$ESC\[27m" "$T/out"
    check tty_summary "no summary line" grep -q "共 2 条，显示 1–2（.* ms）  法规 2" "$T/out"
    NO_COLOR=1 script -qc "\"$BIN\" --db \"$DB\" search 托底线" /dev/null >"$T/out" 2>&1
    check tty_no_color "markers not brackets with NO_COLOR" sh -c 'grep -q "«托底线»" "$1" && ! grep -q "$2" "$1"' _ "$T/out" "$ESC"
else
    ok "tty_ansi_marks # SKIP script(1) not available"
fi

# ---- place: place names and division codes on tests/fixtures/places ---------------------------
PDB=$T/places.db
mkdir -p "$T/placex"
printf '[corpus]\nname = 公式测试（示例）\nas_of = 2026-11-01\n\n[d]\nkind = divisions\npath = d.csv\nmap.code = 代码\nmap.name = 名称\n' >"$T/placex/corpus.ini"
printf '代码,名称\n110101003,=示例公式街道（示例）\n110101004,+示例公式街道二（示例）\n' >"$T/placex/d.csv"
"$BIN" load --quiet --db "$PDB" "$ROOT/tests/fixtures/places" "$T/placex" >"$T/load.out" 2>&1
rc=$?
check place_load "gongkai load exited $rc (expected 3): $(tail -n 3 "$T/load.out")" [ "$rc" -eq 3 ]
# prun ARGS...: gongkai place with the places database.
prun() {
    "$BIN" --db "$PDB" place "$@" >"$T/out" 2>"$T/err"
    rc=$?
}
# Exit statuses: 0 found, 1 nothing (or a malformed code), 2 error. 东城区 has three
# children: 东华门街道 and the two formula rows (景山街道 names another parent).
prun 东城区
check place_found_exit0 "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^\[县级\] 东城区 110101 — 北京市 / 东城区（下辖 3）  市辖区 · 名称一致$" "$2"' _ "$rc" "$T/out"
check place_text_header "header: $(head -n 1 "$T/out")" grep -q "^查询“东城区”：1 处；数据截至 2026-11-01（.* ms）$" "$T/out"
prun 東城區
check place_traditional "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "东城区 110101" "$2"' _ "$rc" "$T/out"
prun cq
check place_pinyin_initials "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "重庆市 500000 .*拼音首字母" "$2"' _ "$rc" "$T/out"
prun zhongqing
check place_pinyin_polyphone "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "重庆市 500000 .*拼音$" "$2"' _ "$rc" "$T/out"
prun 1101
check place_code_prefix "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && [ "$(grep -c "代码开头" "$2")" -eq 7 ]' _ "$rc" "$T/out"
prun 南川县
check place_ended_now "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^\[县级\] 南川县 512323【已撤销】 — .*名称一致 · 现为 500119 南川区$" "$2"' _ "$rc" "$T/out"
prun 桥西区
check place_renamed "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "130503【已更名】.*现名 信都区（代码未变）" "$2"' _ "$rc" "$T/out"
prun 不存在的地名
check place_none_exit1 "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 1 ] && grep -q "没有找到" "$2"' _ "$rc" "$T/out"
prun 11A101
check place_malformed_exit1 "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 1 ] && grep -q "第3位“A”不是数字" "$2"' _ "$rc" "$T/out"
prun --history 512323
check place_history "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "^现为：500119 南川区$" "$2" &&
    grep -q "^  3\. 500384 南川市 → 500119 南川区（现行）  代码变更 · 被取代$" "$2"' _ "$rc" "$T/out"
prun --history 450000
check place_history_unknown_exit1 "exit $rc" [ "$rc" -eq 1 ]
prun --history 东城
check place_history_needs_code_exit2 "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 2 ] && grep -q "需要区划代码" "$2"' _ "$rc" "$T/err"
prun --children 11
check place_children "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "现行下级 2 个" "$2" &&
    [ "$(grep -c "^\[县级\]" "$2")" -eq 2 ]' _ "$rc" "$T/out"
prun --children 110101001001
check place_no_children_exit1 "exit $rc" [ "$rc" -eq 1 ]
# An empty code is the top of the tree: the fixture's four provinces, and 示例石鼓区, whose
# province the fixture does not hold.
prun --children ""
check place_children_top "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^顶层区划（省级，和上级不在库中的）：现行下级 5 个" "$2" &&
    [ "$(grep -c "^\[省级\]" "$2")" -eq 4 ] && grep -q "^\[县级\] 示例石鼓区" "$2"' _ "$rc" "$T/out"
for bad in "--frobnicate 东城" "--level 6 东城" "--limit 0 东城" "--format xml 东城" "--encoding nosuch 东城" "--level"; do
    # shellcheck disable=SC2086 # split on purpose
    prun $bad
    if [ "$rc" -eq 2 ]; then ok "place_bad_args_exit2 ($bad)"; else not_ok "place_bad_args_exit2 ($bad)" "exit $rc"; fi
done
prun
check place_nothing_exit2 "exit $rc" sh -c '[ "$1" -eq 2 ] && grep -q "gongkai place" "$2"' _ "$rc" "$T/err"
"$BIN" --db "$T/none.db" place 东城 >"$T/out" 2>"$T/err"
rc=$?
check place_missing_db_exit2 "exit $rc" [ "$rc" -eq 2 ]

# JSON: valid, with what a script needs.
prun --format json 南川
if command -v python3 >/dev/null 2>&1; then
    check place_json_parses "python3 -m json.tool failed" sh -c 'python3 -m json.tool <"$1" >/dev/null' _ "$T/out"
    check place_json_fields "fields missing or wrong" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["query"] == "南川" and d["route"] == "name" and d["problem"] is None, d
assert d["as_of"] == "2026-11-01" and d["total"] == 4 and not d["total_estimated"]
r = {h["code"]: h for h in d["results"]}
assert r["500119"]["ended"] is False and r["500119"]["path"] == ["重庆市", "南川区"], r["500119"]
old = r["512323"]
assert old["ended"] and old["reason"] == "名称开头" and old["level"] == 3 and old["level_label"] == "县级"
assert [n["code"] for n in old["now"]] == ["500119"], old["now"]
assert [s["to"]["code"] for s in old["successors"]] == ["512302", "500384", "500119"], old["successors"]
assert old["type_by_code"] is True and old["names"][0] == {"name": "南川县", "ended": True, "valid_from": None, "valid_to": None}
' "$T/out"
    prun --format json --history 500119
    check place_json_history "history fields" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["code"] == "500119" and d["known"] and d["names"][0]["name"] == "南川区", d
assert [s["from"]["code"] for s in d["predecessors"]] == ["500384", "512302", "512323"], d["predecessors"]
' "$T/out"
    prun --format json 11A101
    check place_json_problem "exit $rc or fields" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["results"] == [] and d["route"] == "code" and "第3位" in d["problem"], d
assert sys.argv[2] == "1"
' "$T/out" "$rc"
else
    ok "place_json_parses # SKIP python3 not installed"
fi

# TSV: a header and one row per division, 13 fields each.
prun --format tsv 1101
check place_tsv "not 8 lines of 13 fields" sh -c '[ "$(wc -l <"$1")" -eq 8 ] && awk -F "\t" "NF != 13 { exit 1 }" "$1" &&
    head -n 1 "$1" | grep -q "^query	reason	code	name	level	type"' _ "$T/out"

# CSV for Excel: CRLF, GB18030 that converts back byte for byte, formulas defused.
prun --format csv 示例公式
cp "$T/out" "$T/place-utf8.csv"
check place_csv_crlf "a line without CR" sh -c '[ "$(wc -l <"$1")" -eq 3 ] && ! grep -qv "$(printf "\r")\$" "$1"' _ "$T/out"
if command -v python3 >/dev/null 2>&1; then
    check place_csv_formula_guard "a name begins with = or + unguarded" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert sorted(r[3] for r in rows[1:]) == ["'"'"'+示例公式街道二（示例）", "'"'"'=示例公式街道（示例）"], rows
' "$T/out"
fi
prun --format csv --encoding gb18030 示例公式
check place_gb18030_roundtrip "iconv -f GB18030 differs from the UTF-8 output" \
    sh -c '! cmp -s "$1" "$2" && iconv -f GB18030 -t UTF-8 "$1" | cmp -s - "$2"' _ "$T/out" "$T/place-utf8.csv"
check place_gb18030_crlf "a line without CR" sh -c '! grep -qv "$(printf "\r")\$" "$1"' _ "$T/out"
prun --format csv -- =东城
check place_csv_query_guard "the query column is not guarded" \
    sh -c 'sed -n 2p "$1" | grep -q "^\"'"'"'=东城\","' _ "$T/out"

# Hostile input: an answer, never an SQL error or a crash.
i=0
for q in '"a" OR b*' 'NEAR(东城 区)' '东城*' "'; DROP TABLE division; --" '%' "$long" "$(printf '\001\033[31m东城\033[0m')" "$(printf '\377\376东城')" "x'"; do
    i=$((i + 1))
    prun "$q"
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        not_ok "place_hostile_$i" "exit $rc for [$(printf %.40s "$q")]: $(cat "$T/err")"
    elif grep -qiE 'sql|fts5|syntax error|malformed|no such' "$T/err"; then
        not_ok "place_hostile_$i" "SQL error text for [$(printf %.40s "$q")]: $(cat "$T/err")"
    elif ! grep -q "数据截至" "$T/out" || ! no_esc "$T/out"; then
        not_ok "place_hostile_$i" "no answer or an escape sequence for [$(printf %.40s "$q")]"
    else
        ok "place_hostile_$i"
    fi
done

# The line mode answers a place look-up as `gongkai place` does.
printf 'place 東城區\nplace cq\nplace\nquit\n' | "$BIN" --db "$PDB" --cli >"$T/out" 2>"$T/err"
rc=$?
check place_line_mode "exit $rc: $(head -n 4 "$T/out") $(cat "$T/err")" sh -c '
    [ "$2" -eq 0 ] && grep -q "东城区 110101 — 北京市 / 东城区" "$1" &&
    grep -q "重庆市 500000.*拼音首字母" "$1" && grep -q "用法：place" "$1"' _ "$T/out" "$rc"

# ---- place --as-of: the demo corpus's dated 南川 chain (示例 dates) ----------------------------
DDB=$T/demo.db
"$BIN" load --quiet --db "$DDB" "$ROOT/data/demo" >"$T/load.out" 2>&1
rc=$?
check place_asof_load "gongkai load of data/demo exited $rc: $(tail -n 3 "$T/load.out")" [ "$rc" -eq 0 ]
drun() {
    "$BIN" --db "$DDB" place "$@" >"$T/out" 2>"$T/err"
    rc=$?
}
drun 南川区 --as-of 1990-01-01
check place_asof_text "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^查询“南川区”（1990-01-01 时）：1 处；数据截至 2026-11-01" "$2" &&
    grep -q "^  1990-01-01 时：尚未设立（2006-10 起） · 当时有效：512323 南川县$" "$2"' _ "$rc" "$T/out"
drun --as-of=2010 南川县
check place_asof_text_ended "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^  2010-01-01 时：已撤销（1980 至 1994-04） · 当时有效：500119 南川区$" "$2"' _ "$rc" "$T/out"
drun 南川县 --as-of 1990
check place_asof_text_in_force "exit $rc: $(cat "$T/out")" grep -q "^  1990-01-01 时：有效（1980 至 1994-04）$" "$T/out"
drun 南川区 --as-of 2006年10月
check place_asof_partial_month "exit $rc: $(cat "$T/out")" grep -q "^  2006-10-01 时：来源日期只到年或月，无法判断" "$T/out"
prun 东城区 --as-of 1990-01-01 # the fixture gives no dates
check place_asof_undated_unknown "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^  1990-01-01 时：来源未注明日期$" "$2"' _ "$rc" "$T/out"
drun --children 500000 --as-of 2000-01-01
check place_asof_children "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^500000 重庆市：2000-01-01 时的下级 1 个；" "$2" && grep -q "南川市 500384" "$2"' _ "$rc" "$T/out"
drun --history 500119 --as-of 1990-01-01
check place_asof_history "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^1990-01-01 时：尚未设立 · 当时有效：512323 南川县$" "$2"' _ "$rc" "$T/out"
drun --format tsv 南川 --as-of 2000
check place_asof_tsv "not 6 lines of 18 fields" sh -c '[ "$(wc -l <"$1")" -eq 6 ] && awk -F "\t" "NF != 18 { exit 1 }" "$1" &&
    head -n 1 "$1" | grep -q "	as_of	date	at	code_at	name_at	then$" &&
    grep -q "^南川	名称开头	500384	.*	2000-01-01	有效	有效	南川市	$" "$1"' _ "$T/out"
if command -v python3 >/dev/null 2>&1; then
    drun --format json 南川区 --as-of 1990-01-01
    check place_asof_json "fields missing or wrong" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["date"] == "1990-01-01" and list(d)[-1] == "date", d
h = d["results"][0]
assert h["code"] == "500119" and h["at"] == "not_yet" and h["at_label"] == "尚未设立", h
assert h["valid_from"] == "2006-10" and h["valid_to"] is None and h["code_at"] == "not_yet"
assert h["name_at"] is None and h["then"] == [{"code": "512323", "name": "南川县", "ended": True}], h["then"]
assert h["then_unsure"] is False and h["names"][0]["at"] == "not_yet"
' "$T/out"
    drun --format json 南川县 --as-of 1990-01-01
    check place_asof_json_in_force "fields missing or wrong" python3 -c '
import json, sys
h = json.load(open(sys.argv[1], encoding="utf-8"))["results"][0]
assert h["at"] == "in_force" and h["name_at"] == "南川县" and h["then"] == [], h
' "$T/out"
    drun --format json --history 512323 --as-of 2010
    check place_asof_json_history "history fields" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["date"] == "2010-01-01" and d["code_at"] == "ended" and d["names"][0]["at"] == "ended", d
assert [t["code"] for t in d["then"]] == ["500119"], d["then"]
' "$T/out"
    drun --format json 南川区 # without a date: no date fields
    check place_asof_json_none "date fields without --as-of" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert "date" not in d and "at" not in d["results"][0] and "at" not in d["results"][0]["names"][0], d
' "$T/out"
fi
for bad in 1990-13-01 1990-02-30 yesterday 19900101 ""; do
    drun 南川区 --as-of "$bad"
    if [ "$rc" -eq 2 ] && grep -q "^gongkai place: --as-of" "$T/err" && [ ! -s "$T/out" ]; then
        ok "place_asof_bad_exit2 ($bad)"
    else
        not_ok "place_asof_bad_exit2 ($bad)" "exit $rc: $(cat "$T/err")"
    fi
done
drun --history 500119 --as-of 2010-00
check place_asof_bad_history_exit2 "exit $rc" [ "$rc" -eq 2 ]
# The line mode: a last word @DATE.
printf 'place 南川区 @1990-01-01\nplace 南川区 @1990-13\nplace 南川区\nquit\n' | "$BIN" --db "$DDB" --cli >"$T/out" 2>"$T/err"
rc=$?
check place_asof_line_mode "exit $rc: $(cat "$T/out" "$T/err")" sh -c '
    [ "$2" -eq 0 ] && grep -q "^  1990-01-01 时：尚未设立（2006-10 起） · 当时有效：512323 南川县$" "$1" &&
    grep -q "日期“1990-13”无法识别" "$1" && [ "$(grep -c " 时：" "$1")" -eq 1 ]' _ "$T/out" "$rc"

# ---- stats: tests/fixtures/stats_cli (national bulletin years, provinces, months) ---------
SDB=$T/stats.db
"$BIN" load --quiet --db "$SDB" "$ROOT/tests/fixtures/stats_cli" >"$T/load.out" 2>&1
rc=$?
check stats_load "gongkai load of tests/fixtures/stats_cli exited $rc: $(tail -n 3 "$T/load.out")" [ "$rc" -eq 0 ]
srun() {
    "$BIN" --db "$SDB" stats "$@" >"$T/out" 2>"$T/err"
    rc=$?
}
# No indicator: those with values; --all the catalogue.
srun
check stats_list "exit $rc: $(head -n 3 "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^统计指标：有数值的 5 项" "$2" && grep -q "^urban_dibao_persons  *城市低保人数  *万人、人  *时点数  *12$" "$2"' _ "$rc" "$T/out"
srun --all --format csv
check stats_list_all_csv "exit $rc or not the catalogue" sh -c '[ "$1" -eq 0 ] &&
    head -n 1 "$2" | grep -q "^code,name,units,measure,values,official_code,parent,note" &&
    [ "$(wc -l <"$2")" -gt 40 ] && grep -q "^dibao_persons,城乡低保人数,万人|人,point,0,YZH012410000," "$2"' _ "$rc" "$T/out"
# One indicator, no region: 全国's series, every number with its source.
srun 城市低保人数
cp "$T/out" "$T/series"
check stats_series "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^时期  *城市低保人数（万人）$" "$2" && grep -q "^2021年  *737.8\[2\]$" "$2" &&
    grep -q "^  \[2\] 2021年民政事业发展统计公报 https://www.mca.gov.cn/gb2021.html （发布 2022-08-26）· values.csv:3$" "$2"' _ "$rc" "$T/out"
srun 城市低保人數
check stats_traditional "differs from the Simplified query" cmp -s "$T/out" "$T/series"
srun urban_dibao_persons --region 全国
check stats_by_code "differs from the name" cmp -s "$T/out" "$T/series"
# The provinces of a year: 人 shown in 万人 (marked), a flagged jump, one source listed once.
srun 城市低保人数 --under 全国 --period 2021
check stats_provinces "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^城市低保人数（万人），各省级地区，2021年$" "$2" && grep -q "^广东省  *15.9\*\[1\]$" "$2" &&
    grep -q "^重庆市  *30.5!\[1\]$" "$2" && grep -q "^  \* 广东省 2021年：由 159,000 人 换算为万人$" "$2" &&
    grep -q "^  ! 重庆市 2021年：城市低保人数 2021年 30.5 万人，比上期" "$2" &&
    [ "$(grep -c "^  \[" "$2")" -eq 1 ]' _ "$rc" "$T/out"
srun 城市低保人数 --rank 2021
check stats_rank "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] &&
    sed -n 3p "$2" | grep -q "^云南省  *42.48\[1\]$" && sed -n 6p "$2" | grep -q "^北京市  *7.1\[1\]$"' _ "$rc" "$T/out"
srun 城市低保人数 --under 全国 --period 2021 --sort 1
check stats_sort "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && sed -n 3p "$2" | grep -q "^北京市" &&
    sed -n 6p "$2" | grep -q "^云南省"' _ "$rc" "$T/out"
srun 城市低保人数 --region 北京 --type month
check stats_months "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "^北京市，2022年1月至2022年3月$" "$2" &&
    grep -q "^2022年3月  *7.10\[3\]$" "$2"' _ "$rc" "$T/out"
srun 城市低保人数 --region 北京 --from 2022-02 --to 2022-03 --unit 人
check stats_range_unit "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "城市低保人数（人）" "$2" &&
    grep -q "^2022年2月  *71,000\*\[1\]$" "$2" && ! grep -q "2022年1月" "$2"' _ "$rc" "$T/out"
# 元/人·年 against 元/人·月: refused with a note, converted (labelled) with --convert.
srun 农村低保平均保障标准 --under 全国 --period 2021 --unit 元/人·月
check stats_month_year_refused "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "^北京市  *-$" "$2" &&
    grep -q "^注：农村低保平均保障标准：1 个值以元/人·年公布，与元/人·月不能直接比较；加 --convert 按 12 个月换算$" "$2"' _ "$rc" "$T/out"
srun 农村低保平均保障标准 --under 全国 --period 2021 --unit 元/人·月 --convert
check stats_month_year_converted "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "^北京市  *1,245\*\[1\]$" "$2" &&
    grep -q "按 12 个月平均换算自 14,940 元/人·年" "$2" && ! grep -q "^注：" "$2"' _ "$rc" "$T/out"
# 同比 and 环比; a cumulative figure is not compared across January.
srun 城市低保平均保障标准 --yoy --period 2021
check stats_yoy "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "^2021年  *+5.0\*\[1\]$" "$2" &&
    grep -q "同比 +5.0%（2020年 677.6 元/人·月 → 2021年 711.4 元/人·月）" "$2"' _ "$rc" "$T/out"
srun 低保资金支出 --type quarter --from 2021 --to 2021 --pop
check stats_cumulative_pop "exit $rc: $(cat "$T/out")" sh -c '[ "$1" -eq 0 ] && grep -q "^2021年第1季度  *-$" "$2" &&
    grep -q "^注：低保资金支出环比：累计数跨年，不能环比（1 个）$" "$2" && grep -q "^2021年第2季度  *+94.8\*\[1\]$" "$2"' _ "$rc" "$T/out"
# Many indicators of many regions: the latest period, said on stderr.
srun 城市低保人数 城市低保户数 --under 全国
check stats_indicators_latest "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "取有数值的最近一期：2021年" "$3" && grep -q "^地区  *城市低保人数（万人）  *城市低保户数（万户）$" "$2"' _ "$rc" "$T/out" "$T/err"
# A name two divisions share: the one with values, and which one was taken.
srun 城市低保人数 --region 朝阳区 --period 2021
check stats_ambiguous_region "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "“朝阳区”有 2 个地区，取 110105 北京市 / 朝阳区；另有 220104" "$2" && grep -q "^2021年  *5,000\[1\]$" "$3"' _ "$rc" "$T/err" "$T/out"
# Formats: tidy TSV, CSV in GB18030 for Excel, JSON.
srun 城市低保人数 --under 全国 --period 2021 --format tsv
check stats_tsv "not 5 lines of 21 fields: $(head -n 2 "$T/out")" sh -c '[ "$(wc -l <"$1")" -eq 5 ] &&
    awk -F "\t" "NF != 21 { exit 1 }" "$1" &&
    head -n 1 "$1" | grep -q "^indicator	region_code	region_name	period	value	unit	raw	source_doc	source_url	published	file	line	derived	derivation	flags	" &&
    grep -q "^urban_dibao_persons	440000	广东省	2021	15.9	万人	159000 人	示例省级统计（示例）		2022-01-20	values.csv	12	1	由 159,000 人 换算为万人		" "$1"' _ "$T/out"
srun 城市低保人数 --under 全国 --period 2021 --format csv
cp "$T/out" "$T/stats-utf8.csv"
check stats_csv_crlf "a line without CR" sh -c '[ "$(wc -l <"$1")" -eq 5 ] && ! grep -qv "$(printf "\r")\$" "$1"' _ "$T/out"
srun 城市低保人数 --under 全国 --period 2021 --format csv --encoding gb18030
check stats_gb18030_roundtrip "iconv -f GB18030 differs from the UTF-8 output" \
    sh -c '! cmp -s "$1" "$2" && iconv -f GB18030 -t UTF-8 "$1" | cmp -s - "$2"' _ "$T/out" "$T/stats-utf8.csv"
if command -v python3 >/dev/null 2>&1; then
    srun 城市低保平均保障标准 --yoy --format json
    check stats_json "fields missing or wrong" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["rows_axis"] == "period" and d["cols_axis"] == "indicator" and d["fixed_key"] == "000000", d
assert d["col_units"] == ["%"] and d["notes"] == ["城市低保平均保障标准同比：1 个值没有上年同期的数值，不能计算"], d
[r] = d["rows"]
assert r["period"] == "2021" and r["value_text"] == "+5.0" and abs(r["value"] - 4.988) < 0.001, r
assert r["derived"] and r["base_period"] == "2020" and r["base_value"] == 677.6 and r["line"] == 5, r
assert r["source"].startswith("来源：2021年民政事业发展统计公报 https://www.mca.gov.cn/gb2021.html"), r
' "$T/out"
fi
# Nothing found, and errors.
srun 城市低保人数 --region 北京 --period 1999
check stats_none_exit1 "exit $rc" [ "$rc" -eq 1 ]
for bad in "没有这个指标" "城市低保人数 --region 火星" "城市低保人数 --period 2021年13月" "城市低保人数 --frobnicate" \
    "城市低保人数 --rows region --cols region" "城市低保人数 --type week" "城市低保人数 --unit 公斤" \
    "城市低保人数 --format xml" "城市低保人数 --region" "城市低保人数 城市低保户数 --region 全国 --region 北京 --period 2020 --period 2021 --rows region --cols period"; do
    # shellcheck disable=SC2086 # split on purpose
    srun $bad
    if [ "$rc" -eq 2 ] && [ -s "$T/err" ] && ! grep -qiE 'sql|syntax error|no such' "$T/err"; then
        ok "stats_bad_args_exit2 ($bad)"
    else
        not_ok "stats_bad_args_exit2 ($bad)" "exit $rc: $(cat "$T/err")"
    fi
done
# Corpus text never reaches the terminal with its escape sequences.
srun 城市低保户数 --under 全国 --period 2021
check stats_no_escape "exit $rc or an escape sequence" sh -c '[ "$1" -eq 0 ] && grep -q "示例统计（示例）" "$2" && ! grep -q "$3" "$2"' _ "$rc" "$T/out" "$ESC"
i=0
for q in "'; DROP TABLE stat_value; --" '%' "$long" "$(printf '\001\033[31m城市\033[0m')" "$(printf '\377\376城市')"; do
    i=$((i + 1))
    srun "$q"
    if [ "$rc" -ne 2 ] || grep -qiE 'sql|syntax error|no such' "$T/err" || ! no_esc "$T/err"; then
        not_ok "stats_hostile_$i" "exit $rc for [$(printf %.40s "$q")]: $(cat "$T/err")"
    else
        ok "stats_hostile_$i"
    fi
done
# The line mode: the same arguments, the text table.
printf 'stats 城市低保人数\nstats 城市低保人数 --region "北京市" --period 2021\nstats 没有这个指标\nstats\nquit\n' |
    "$BIN" --db "$SDB" --cli >"$T/out" 2>"$T/err"
rc=$?
check stats_line_mode "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^2021年  *737.8\[2\]$" "$2" && grep -q "^2021年  *7.1\[1\]$" "$2" &&
    grep -q "^统计指标：有数值的 5 项" "$2" && grep -q "未知指标“没有这个指标”" "$3"' _ "$rc" "$T/out" "$T/err"
# The line mode's plain search, as the console's 搜索: the indicators the text names (统计:
# name or alias holds it, Traditional too; the latest national value, else a province's,
# saying so) and the first places (地名) come before the documents; not with a scope.
printf '城市低保\n城鎮居民最低生活保障\n北京\nin regs\n城市低保\nquit\n' |
    "$BIN" --db "$SDB" --cli >"$T/out" 2>"$T/err"
rc=$?
check cli_search_groups "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
    grep -q "^统计（3 项指标）$" "$2" && grep -q "^城市低保人数  全国 2021年 737.8 万人$" "$2" &&
    grep -q "^  时点数 · 来源：2021年民政事业发展统计公报$" "$2" &&
    grep -q "^城市低保户数  北京市 2021年 4.2 万户（全国无数值）$" "$2" &&
    grep -q "^城市低保平均保障标准  全国 2021年 711.4 元/人·月$" "$2" &&
    grep -q "^统计（2 项指标）$" "$2" && [ "$(grep -c "^统计（" "$2")" -eq 2 ] &&
    grep -q "^地名（1 处）$" "$2" && grep -q "^\[省级\] 北京市 110000 — 北京市" "$2"' \
    _ "$rc" "$T/out"
if [ -f "$DDB" ]; then
    printf '低保\nmore\n南川\n臨時救助\n低保资金\nquit\n' | "$BIN" --db "$DDB" --cli >"$T/out" 2>"$T/err"
    rc=$?
    # The group heads the first page only; 3 of 11 indicators, then article 1; a cumulative
    # figure says from when.
    check cli_search_groups_demo "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        [ "$(sed -n 1p "$2")" = "统计（11 项指标，显示前 3 项；表格：stats 指标名）" ] &&
        [ "$(sed -n 2p "$2")" = "城乡低保人数  全国 2022年3月 4,128 万人" ] &&
        [ "$(sed -n 4p "$2")" = "城市低保人数  全国 2021年3月 794 万人" ] &&
        sed -n 8p "$2" | grep -q "^1\. \[法规\]" && grep -q "^11\. \[法规\]" "$2" &&
        [ "$(grep -c "^统计（" "$2")" -eq 3 ] &&
        grep -q "^地名（5 处，显示前 3 处；全部：place 南川）$" "$2" &&
        grep -q "^\[县级\] 南川区 500119 — 重庆市 / 南川区" "$2" &&
        grep -q "^临时救助人次  全国 2016年 850.7 万人次$" "$2" &&
        grep -q "^  累计数（当年1月1日起） · 来源：2016年社会服务发展统计公报$" "$2" &&
        grep -q "^低保资金支出  全国 2022年1-3月累计 462.1 亿元$" "$2"' \
        _ "$rc" "$T/out"
    check cli_search_groups_no_escape "an escape sequence in the line mode" no_esc "$T/out"
fi
# The demo corpus (data/demo/stats): national figures as published (domain.md §6.3) in
# bulletin years and briefing months, and the invented 示例市's monthly and quarterly tables.
if [ -f "$DDB" ]; then
    "$BIN" --db "$DDB" stats 城市低保人数 >"$T/out" 2>"$T/err"
    rc=$?
    check stats_demo_series "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^2015年  *1,701.1\[1\]$" "$2" && grep -q "^2021年3月  *794\[" "$2" &&
        grep -q "^  \[1\] 2015年社会服务发展统计公报" "$2"' _ "$rc" "$T/out"
    "$BIN" --db "$DDB" stats 农村低保平均保障标准 --unit 元/人·月 >"$T/out" 2>"$T/err"
    rc=$?
    check stats_demo_month_year "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^2015年  *-$" "$2" && grep -q "个值以元/人·年公布，与元/人·月不能直接比较；加 --convert 按 12 个月换算$" "$2"' _ "$rc" "$T/out"
    "$BIN" --db "$DDB" stats 农村低保平均保障标准 --unit 元/人·月 --convert >"$T/out" 2>"$T/err"
    rc=$?
    check stats_demo_convert "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^2015年  *264.8\*\[1\]$" "$2" && grep -q "按 12 个月平均换算自 3,177.6 元/人·年" "$2"' _ "$rc" "$T/out"
    "$BIN" --db "$DDB" stats 低保资金支出 --region 示例市 --type quarter --pop >"$T/out" 2>"$T/err"
    rc=$?
    check stats_demo_cumulative "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "累计数跨年，不能环比" "$2" && grep -q "^2025年第2季度  *+[0-9.]*\*\[" "$2"' _ "$rc" "$T/out"
fi

# ---- qa: policy Q&A on the demo corpus ----------------------------------------------------
if [ -f "$DDB" ]; then
    # A colloquial query finds the items by their variants; each basis with its versions.
    "$BIN" --db "$DDB" qa 吃低保 >"$T/out" 2>"$T/err"
    rc=$?
    check qa_colloquial "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^问答“吃低保”：2 条" "$2" && grep -q "^2\. 怎样申请最低生活保障？$" "$2" &&
        grep -q "^    《社会救助暂行办法》第十一条（依据 2019-03-02 版，现行有效）$" "$2" &&
        grep -q "常见问法：吃低保怎么申请" "$2"' _ "$rc" "$T/out"
    # A possibly outdated item says so with the reason, its basis tagged.
    "$BIN" --db "$DDB" qa 低保谁批 >"$T/out" 2>"$T/err"
    rc=$?
    check qa_outdated "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^  【可能过时】《社会救助暂行办法》第十一条第（三）项在 2019-03-02 版中有改动$" "$2" &&
        grep -q "^    【条文有改动】《社会救助暂行办法》第十一条第（三）项（问答依据 2014-02-21$" "$2"' _ "$rc" "$T/out"
    # JSON: every field, each basis with its resolution.
    "$BIN" --db "$DDB" qa --category 慈善 --format json >"$T/out" 2>"$T/err"
    rc=$?
    check qa_json "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d[\"category\"] == \"慈善\" and d[\"total\"] == 2, d
it = [i for i in d[\"items\"] if i[\"status\"] == \"possibly_outdated\"][0]
assert \"2016-03-16\" in it[\"status_reason\"], it
b = it[\"bases\"][0]
assert b[\"cited_version\"] == \"2016-03-16\" and b[\"version\"] == \"2023-12-29\" and b[\"in_force\"] and b[\"changed\"], b
" "$2"' _ "$rc" "$T/out"
    # A category with no items: exit 1 and the categories there are; no query: usage, 2.
    "$BIN" --db "$DDB" qa --category 救灾 >"$T/out" 2>"$T/err"
    rc=$?
    check qa_unknown_category "exit $rc: $(cat "$T/err")" sh -c '[ "$1" -eq 1 ] &&
        grep -q "已有类别：社会救助（7）、社会组织（4）、慈善（2）" "$2"' _ "$rc" "$T/err"
    "$BIN" --db "$DDB" qa >"$T/out" 2>"$T/err"
    rc=$?
    check qa_usage "exit $rc" [ "$rc" -eq 2 ]
    "$BIN" --db "$DDB" qa 吃低保 --format csv >"$T/out" 2>"$T/err"
    rc=$?
    check qa_csv "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        head -n 1 "$2" | grep -q "^id,问题,状态,可能过时原因,答复,依据" && [ "$(wc -l <"$2")" -eq 3 ]' _ "$rc" "$T/out"
    # The line mode: open N on a Q&A hit shows the item; qa QUERY and qa @类别.
    printf '低保谁批\nopen 1\nqa @社会组织\nquit\n' | "$BIN" --db "$DDB" --cli >"$T/out" 2>"$T/err"
    rc=$?
    check qa_cli_open "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^低保申请最后由哪个部门审批？$" "$2" && grep -q "^  【可能过时】" "$2" &&
        grep -q "^问答 · 社会组织：4 条" "$2"' _ "$rc" "$T/out"
fi
# ---- hotline: routing on the demo corpus (示例县 339921, 示例市 339900, national lines) ---------
if [ -f "$DDB" ]; then
    hrun() {
        "$BIN" --db "$DDB" hotline "$@" >"$T/out" 2>"$T/err"
        rc=$?
    }
    hrun --at "2026-10-08 09:30" 示例县
    check hotline_county "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^查询“示例县”：浙江省 / 示例市（示例） / 示例县（示例）（339921；" "$2" &&
        grep -q "^1\. 12345 转 2（拨打12345转2）  社会救助  示例县民政局（示例）$" "$2" &&
        grep -q "^   【开放中】 12:00 停止接听（2 小时 30 分后）$" "$2" && grep -q "^   本县热线$" "$2" &&
        grep -q "^   【超过6个月未核实】核实于 2026-02-20（230 天前）$" "$2" &&
        grep -q "^   全国统一热线$" "$2" && ! grep -q "【已并入】" "$2"' _ "$rc" "$T/out"
    hrun --at "2026-10-03 10:00" --service 婚姻 示例街道
    check hotline_parent_holiday "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^   【已下班】 节假日（按公布的放假安排）" "$2" &&
        grep -q "^   本街道无婚姻登记专线，使用县级热线（示例县（示例））$" "$2" &&
        grep -q "国庆节放假" "$2"' _ "$rc" "$T/out"
    hrun --at "2026-10-10 09:30" --all 339921
    check hotline_all "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "调休上班" "$2" && grep -q "【已并入】" "$2" && grep -q "^   现改拨 12345 转 2$" "$2" &&
        grep -q "【已停用】" "$2"' _ "$rc" "$T/out"
    hrun --at "2026-10-08 09:30" --format json 示例县
    check hotline_json "exit $rc" sh -c '[ "$1" -eq 0 ] && python3 -c "import json,sys
d = json.load(open(sys.argv[1]))
assert d[\"division\"] == \"339921\" and len(d[\"lines\"]) == 6
assert d[\"lines\"][0][\"open\"] == \"open\" and d[\"lines\"][-1][\"reason\"] == \"national\"" "$2"' _ "$rc" "$T/out"
    hrun --at "2026-10-08 09:30" --format csv --encoding gb18030 示例县
    check hotline_csv_gb18030 "exit $rc" sh -c '[ "$1" -eq 0 ] && iconv -f GB18030 -t UTF-8 "$2" |
        head -n 1 | grep -q "^query,division,division_name" && [ "$(wc -l <"$2")" -eq 7 ]' _ "$rc" "$T/out"
    hrun --at "2026-10-08 09:30" --format tsv 示例县
    check hotline_tsv "exit $rc" sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 7 ]' _ "$rc" "$T/out"
    hrun --at "2026-10-08 09:30" 没有这个地方
    check hotline_none_exit1 "exit $rc" [ "$rc" -eq 1 ]
    hrun --service 慈善 示例县
    check hotline_bad_service_exit2 "exit $rc" sh -c '[ "$1" -eq 2 ] && grep -q "慈善" "$2"' _ "$rc" "$T/err"
    hrun --at "2026-13-01 09:30" 示例县
    check hotline_bad_at_exit2 "exit $rc" [ "$rc" -eq 2 ]
    hrun
    check hotline_usage_exit2 "exit $rc" [ "$rc" -eq 2 ]
    hrun --at "2026-10-08 09:30" "$(printf '示例县\033[2J')"
    check hotline_hostile "exit $rc" sh -c '! grep -q "$(printf "\033")" "$1"' _ "$T/out"
    printf 'hotline 339921\nquit\n' | "$BIN" --db "$DDB" --cli >"$T/out" 2>"$T/err"
    rc=$?
    check hotline_cli "exit $rc: $(cat "$T/out" "$T/err")" sh -c '[ "$1" -eq 0 ] &&
        grep -q "^查询“339921”：浙江省 / 示例市（示例） / 示例县（示例）（339921；代码一致）$" "$2"' _ "$rc" "$T/out"
fi
exit 0
