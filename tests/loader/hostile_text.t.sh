#!/bin/sh
# Hostile corpus text is inert in every command's output (issue 8). The test writes a
# small corpus whose texts carry escape sequences (CSI 2J, OSC 0 title, OSC 52 clipboard),
# C0 and C1 controls (BEL, U+009B) and bidi overrides and isolates (U+202E,
# U+2066..2069), in a regulation (title and article), an organisation registry row, a
# list row (name and note), a division name, a statistic's source_doc and note, a
# hotline's operator and note and a Q&A item (question and answer), plus one file with
# invalid UTF-8 (a raw 0x9b, 0xff, an overlong 0xc0 0xaf) that the loader refuses (its
# report is checked too). It loads it and runs search, show reg, org, place, stats,
# hotline, qa (text, and JSON/TSV/CSV where they exist) and the line mode. Each output
# must hold no ESC, no C1 (UTF-8 0xc2 0x80..0x9f), no BEL, no U+202A..202E or
# U+2066..2069, and be valid UTF-8. JSON may carry them escaped (\u001b), which is inert.
# The corpus is written by tests/loader/hostile_corpus.sh (shared with the console's
# tests/console/hostile_panes.t.sh). Every text here is invented (示例).
# Run by tests/run.sh; prints "ok NAME" / "not ok NAME - reason".

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
T=${GONGKAI_TMP:?}/hostile_text
rm -rf "$T"
mkdir -p "$T"
unset GONGKAI_CONFIG NO_COLOR
DB=$T/hostile.db
C=$T/corpus

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }

# ---- the corpus (tests/loader/hostile_corpus.sh: P is the payload) -------------------------
. "${GONGKAI_ROOT:?}/tests/loader/hostile_corpus.sh"
hostile_corpus "$C"

# ---- load -----------------------------------------------------------------------------------
GONGKAI_TODAY=2026-11-28 "$BIN" load --quiet --db "$DB" "$C" >"$T/load.out" 2>&1
rc=$?
if [ ! -f "$DB" ] || [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    not_ok load "gongkai load exited $rc: $(tail -n 5 "$T/load.out")"
    exit 0
fi
ok "load (exit $rc)"

# inert FILE: no ESC, BEL, C1 (as UTF-8 or raw 0x9b), bidi controls, and valid UTF-8.
# Prints what it found on failure.
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
# hit NAME WANT ARGS...: runs gongkai ARGS, then checks stdout and stderr are inert and
# stdout contains WANT (so the hostile row was actually shown).
hit() {
    name=$1 want=$2
    shift 2
    GONGKAI_TODAY=2026-11-28 "$BIN" --db "$DB" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if ! grep -qF -- "$want" "$T/out"; then
        not_ok "$name" "exit $rc, no \"$want\" in output: $(head -c 300 "$T/out" | od -c | head -n 4) $(head -c 200 "$T/err")"
    elif ! inert "$T/out"; then
        not_ok "$name" "stdout leaks:$bad"
    elif ! inert "$T/err"; then
        not_ok "$name" "stderr leaks:$bad"
    else
        ok "$name"
    fi
}

# The load's own report names the bad rows and files: it is output too.
if inert "$T/load.out"; then ok load_report; else not_ok load_report "leaks:$bad"; fi

hit search_text 恶意 search 恶意
hit search_json 恶意 search 恶意 --format json
hit search_tsv 恶意 search 恶意 --format tsv
hit search_csv 恶意 search 恶意 --format csv
hit show_reg 恶意 show reg 示例恶意办法 第一条
hit show_reg_whole 恶意 show reg 示例恶意办法
hit show_reg_json 恶意 show reg 示例恶意办法 --format json
hit org_registry 示例恶意协会 org 示例恶意协会
hit org_list 示例恶意研究会 org 示例恶意研究会
hit org_json 示例恶意研究会 org 示例恶意研究会 --format json
hit org_tsv 示例恶意研究会 org 示例恶意研究会 --format tsv
hit org_csv 示例恶意研究会 org 示例恶意研究会 --format csv
hit place_text 示例恶意市 place 339900
hit place_name 示例恶意市 place 示例恶意市
hit place_json 示例恶意市 place 339900 --format json
hit place_tsv 示例恶意市 place 339900 --format tsv
hit place_csv 示例恶意市 place 339900 --format csv
hit stats_text 示例恶意公报 stats 城市低保人数 --region 全国 --period 2021
hit stats_series 737.8 stats 城市低保人数
hit stats_json 示例恶意公报 stats 城市低保人数 --region 全国 --period 2021 --format json
hit stats_tsv 737.8 stats 城市低保人数 --format tsv
hit stats_csv 737.8 stats 城市低保人数 --format csv
hit hotline_text 示例恶意民政局 hotline --all 339900
hit hotline_json 示例恶意民政局 hotline --all 339900 --format json
hit hotline_tsv 示例恶意民政局 hotline --all 339900 --format tsv
hit hotline_csv 示例恶意民政局 hotline --all 339900 --format csv
hit qa_text 示例恶意保障 qa 恶意保障
hit qa_json 示例恶意保障 qa 恶意保障 --format json
hit qa_csv 示例恶意保障 qa 恶意保障 --format csv

# The line mode: the same texts through --cli.
printf '恶意\nopen 1\nshow reg 示例恶意办法 第一条\norg 示例恶意研究会\nplace 339900\nstats 城市低保人数\nqa 恶意保障\nopen 1\nquit\n' |
    GONGKAI_TODAY=2026-11-28 "$BIN" --db "$DB" --cli >"$T/out" 2>"$T/err"
rc=$?
if ! grep -qF 示例恶意 "$T/out"; then
    not_ok cli "exit $rc, no hostile row shown: $(head -c 300 "$T/out")"
elif ! inert "$T/out"; then
    not_ok cli "stdout leaks:$bad"
elif ! inert "$T/err"; then
    not_ok cli "stderr leaks:$bad"
else
    ok cli
fi
exit 0
