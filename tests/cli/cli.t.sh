#!/bin/sh
# The command line end to end: `gongkai load` of the example corpus in tests/fixtures/regs,
# then search (formats, encodings, exit statuses, hostile input), show reg, --cli with
# piped commands, the history file, and the messages for a missing database or a bad
# config. Run by tests/run.sh, which sets GONGKAI_BIN, GONGKAI_ROOT, GONGKAI_TMP, a
# temporary HOME and XDG directories, LANG/LC_ALL=C.UTF-8 and TZ=UTC.
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
exit 0
