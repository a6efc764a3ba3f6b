#!/bin/sh
# Malformed input (issue 8): `gongkai load --db DB` on corpora built here, each with one kind
# of bad input, against a database first loaded from a good corpus. For every kind: the
# exit status (load.h: 1 nothing to load, 2 failed, 3 loaded with some input rejected, 0
# loaded), a message naming the file and line (or the manifest's line) with its reason,
# and either the database byte-identical (sha256) when nothing may change, or — when the
# load rejects some rows and keeps the others, which replaces the database by design — the
# good rows present and the bad ones absent. Every load runs under `timeout 60`: a hang
# or a signal is a failure of its own. See docs/testing.md (Malformed input).
# Run by tests/run.sh (GONGKAI_BIN, GONGKAI_ROOT, GONGKAI_TMP). Prints ok / not ok lines.

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
T=${GONGKAI_TMP:?}/malformed
chmod -R u+rwx "$T" 2>/dev/null
rm -rf "$T"
mkdir -p "$T/c"
unset GONGKAI_CONFIG NO_COLOR
DB=$T/m.db
PRISTINE=$T/pristine.db

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }
sha() { sha256sum "$1" | cut -d ' ' -f 1; }

# ---- the good corpus ---------------------------------------------------------------------
mkdir -p "$T/good"
cp "$ROOT"/tests/fixtures/regs/*.md "$ROOT/tests/fixtures/regs/corpus.ini" "$T/good/"
REG="$T/good/示例社会救助办法(2019-03-02).md"
timeout 60 "$BIN" load --quiet --db "$DB" "$T/good" >"$T/good.out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] || [ ! -f "$DB" ]; then
    not_ok good_corpus "gongkai load exited $rc: $(tail -n 3 "$T/good.out")"
    exit 0
fi
cp "$DB" "$PRISTINE"
SHA=$(sha "$DB")
ok good_corpus

# ---- helpers -----------------------------------------------------------------------------
# new NAME: an empty corpus directory $C for the case NAME.
new() {
    name=$1
    C=$T/c/$1
    mkdir -p "$C"
}
# manifest: corpus.ini of $C from stdin, after a [corpus] section.
manifest() {
    { printf '[corpus]\nname = 畸形输入（示例）\nas_of = 2024-01-01\n\n'; cat; } >"$C/corpus.ini"
}
# load [CORPUS...]: gongkai load into $DB (default corpus $C); stderr+stdout in $T/err.
load() {
    [ $# -eq 0 ] && set -- "$C"
    timeout 60 "$BIN" load --db "$DB" "$@" >"$T/err" 2>&1
    rc=$?
}
# sql QUERY: one value from the database.
sql() { sqlite3 "$DB" "$1" 2>&1; }
# verdict WANT_RC same|replaced CHECK...: judges the last load. Each CHECK is either a
# text the messages must contain (fixed string) or "sql:QUERY => EXPECTED".
# same: the database must be byte-identical and no temporary file left beside it.
# replaced: the new database is checked, then the pristine copy put back for the next case.
verdict() {
    want=$1 mode=$2
    shift 2
    why=""
    if [ "$rc" -eq 124 ]; then
        why="hung (timeout 60 s)"
    elif [ "$rc" -gt 128 ]; then
        why="killed by signal $((rc - 128))"
    elif [ "$rc" -ne "$want" ]; then
        why="exit $rc, expected $want"
    fi
    for chk in "$@"; do
        [ -n "$why" ] && break
        case $chk in
        sql:*)
            q=${chk#sql:}
            exp=${q##* => }
            q=${q% => *}
            got=$(sql "$q")
            [ "$got" = "$exp" ] || why="$q gave '$got', expected '$exp'"
            ;;
        *)
            grep -qF -- "$chk" "$T/err" || why="no '$chk' in the messages"
            ;;
        esac
    done
    if [ -z "$why" ] && [ "$mode" = same ]; then
        [ "$(sha "$DB")" = "$SHA" ] || why="the database changed"
        ls -a "$T" | grep -q '\.load-.*\.tmp$' && why="a temporary database was left behind"
    fi
    [ -n "${MALFORMED_VERBOSE:-}" ] && sed "s/^/    # [$name rc=$rc] /" "$T/err" | cut -c 1-400
    if [ -z "$why" ]; then
        ok "$name"
    else
        not_ok "$name" "$why"
        sed 's/^/    # /' "$T/err" | cut -c 1-300 | head -n 8
    fi
    if [ "$mode" = replaced ] || [ "$(sha "$DB")" != "$SHA" ]; then
        cp "$PRISTINE" "$DB"
    fi
}

# Manifest sections used by several cases.
orgs_section() {
    printf '[registry]\nkind = orgs\npath = registry.csv\nmap.name = 名称\nmap.uscc = 统一社会信用代码\nmap.org_type = 类型\nmap.founded_date = 成立登记日期\n'
}
ORG_HEAD='名称,统一社会信用代码,类型,成立登记日期'
ORG_GOOD='示例甲市围棋协会,51339800MK8000016U,社会团体,2003-04-18'
ORG_COUNT="sql:SELECT count(*) FROM org_name WHERE name = '示例甲市围棋协会' => 1"
regs_section() {
    printf '[regs]\nkind = regulations\npath = *.md\n'
}
stats_section() {
    printf '[stats]\nkind = stats\npath = stats.csv\nmap.indicator = 指标\nmap.region = 地区\nmap.period = 期别\nmap.value = 数值\nmap.unit = 单位\n'
}
hotlines_section() {
    printf '[lines]\nkind = hotlines\npath = lines.csv\nmap.number = 号码\nmap.service_line = 服务类别\nmap.operator = 单位\nmap.region = 所在地区\nmap.hours = 接听时间\n'
}
HOT_HEAD='号码,服务类别,单位,所在地区,接听时间'
HOT_GOOD='12349,儿童保护,民政部,全国,24小时'
HOT_COUNT="sql:SELECT count(*) FROM hotline WHERE number = '12349' => 1"

# ==== files cut short, encodings, bytes ====================================================

# A CSV cut inside a quoted field: the rows before it load, the cut row is reported at the
# line its quote opened. [rows rejected, the rest loaded]
new csv_truncated_mid_quote
orgs_section | manifest
printf '%s\n%s\n"示例甲市截断协会,51339800MK80' "$ORG_HEAD" "$ORG_GOOD" >"$C/registry.csv"
load
verdict 3 replaced "registry.csv:3:" "unterminated quoted field" "$ORG_COUNT" \
    "sql:SELECT count(*) FROM org_name WHERE name LIKE '%截断%' => 0"

# A Markdown regulation cut in the middle of a character (the last byte of a 3-byte
# character missing). [file rejected, nothing loaded]
new md_truncated
regs_section | manifest
head -c 700 "$REG" >"$C/cut.md"
printf '\344\275' >>"$C/cut.md"
load
verdict 1 same "cut.md:" "UTF-8"

# A GB18030 file declared utf-8. [file rejected, nothing loaded]
new wrong_encoding_declared
{ regs_section; echo 'encoding = utf-8'; } | manifest
iconv -f UTF-8 -t GB18030 "$REG" >"$C/gb.md"
load
verdict 1 same "gb.md:1:" "invalid UTF-8"

# UTF-8 with one GB18030 line in the middle, encoding = auto. [file rejected]
new mixed_encodings
regs_section | manifest
{ head -n 12 "$REG"; printf '第五条 ' | iconv -f UTF-8 -t GB18030; echo '混入的国标编码行。' | iconv -f UTF-8 -t GB18030; tail -n +13 "$REG"; } >"$C/mixed.md"
load
verdict 1 same "mixed.md:13:"

# NUL bytes inside a Markdown file. [file rejected]
new nul_bytes
regs_section | manifest
{ head -n 14 "$REG"; printf '第五条 有\000零字节。\n'; } >"$C/nul.md"
load
verdict 1 same "nul.md:15:" "NUL byte"

# One 10 MB line: a CSV row whose name is 10 MB of text. [row rejected, the rest loaded]
new ten_mb_line
orgs_section | manifest
{
    echo "$ORG_HEAD"
    echo "$ORG_GOOD"
    head -c 10485760 /dev/zero | tr '\000' 'x'
    echo ',,社会团体,2003-04-18'
} >"$C/registry.csv"
load
verdict 3 replaced "registry.csv:3:" "没有可用的名称" "$ORG_COUNT" \
    "sql:SELECT count(*) FROM org_name WHERE length(name) > 200 => 0"

# Text after a closing quote ("a"b): the reader stops there; the rows before it load and
# the message says the rest of the file was not read. [file cut at the row, rows before kept]
new unbalanced_quotes
orgs_section | manifest
printf '%s\n%s\n"示例乙协会"x,,社会团体,2001-01-01\n示例丙协会,,社会团体,2001-01-01\n' \
    "$ORG_HEAD" "$ORG_GOOD" >"$C/registry.csv"
load
verdict 3 replaced "registry.csv:3:" "unexpected character after closing quote" \
    "the rest of the file was not read" "$ORG_COUNT" \
    "sql:SELECT count(*) FROM org_name WHERE name = '示例丙协会' => 0"

# Rows with too few and too many fields. [rows rejected, the rest loaded]
new wrong_column_counts
orgs_section | manifest
printf '%s\n%s\n示例丁协会,,社会团体\n示例戊协会,,社会团体,2001-01-01,多出的一列\n' \
    "$ORG_HEAD" "$ORG_GOOD" >"$C/registry.csv"
load
verdict 3 replaced "registry.csv:3: error: 3 fields, the header has 4" \
    "registry.csv:4: error: 5 fields, the header has 4" "$ORG_COUNT" \
    "sql:SELECT count(*) FROM org_name WHERE name IN ('示例丁协会', '示例戊协会') => 0"

# Two registry rows with one 统一社会信用代码. [the later row rejected]
new duplicate_registry_codes
orgs_section | manifest
printf '%s\n%s\n示例甲市象棋协会,51339800MK8000016U,社会团体,2004-05-01\n' "$ORG_HEAD" "$ORG_GOOD" >"$C/registry.csv"
load
verdict 3 replaced "registry.csv:3:" "与 registry.csv:2 重复" "$ORG_COUNT" \
    "sql:SELECT count(*) FROM org_name WHERE name = '示例甲市象棋协会' => 0"

# Two different values of one statistic: the first kept, a warning naming both lines and a
# duplicate flag. [loaded, exit 0: warnings only]
new stats_duplicates
stats_section | manifest
printf '指标,地区,期别,数值,单位\n城市低保人数,全国,2021,737.8,万人\n城市低保人数,全国,2021,800,万人\n' >"$C/stats.csv"
load
verdict 0 replaced "stats.csv:3:" "stats.csv:2" \
    "sql:SELECT value_raw FROM stat_value WHERE indicator = 'urban_dibao_persons' => 737.8" \
    "sql:SELECT count(*) FROM stat_flag WHERE kind = 'duplicate' => 1"

# A reg_index row dated 2022-02-30. [row rejected, the regulation loaded]
new impossible_date
{ regs_section; printf '\n[index]\nkind = reg_index\npath = index.csv\nmap.title = 标题\nmap.version_date = 版本日期\n'; } | manifest
cp "$REG" "$C/"
printf '标题,版本日期\n示例社会救助办法,2022-02-30\n' >"$C/index.csv"
load
verdict 3 replaced "index.csv:2: error: version_date '2022-02-30' is not YYYY-MM-DD" \
    "sql:SELECT count(*) FROM regulation => 1"

# Division codes that cannot be: a letter, a 4-digit code that is no level, province 83.
# [rows rejected, the rest loaded]
new impossible_division_code
printf '[divisions]\nkind = divisions\npath = divisions.csv\nmap.code = 代码\nmap.name = 名称\n' | manifest
printf '代码,名称\n110000,北京市\n11A101,字母区\n1101011,七位区\n830000,台湾省\n' >"$C/divisions.csv"
load
verdict 3 replaced "divisions.csv:3:" "第3位“A”不是数字" "divisions.csv:4:" "divisions.csv:5:" \
    "sql:SELECT group_concat(code) FROM division => 110000"

# A malformed USCC never rejects the row: it is kept as raw text with a warning, and the
# row is matched by name. [loaded, exit 0]
new impossible_uscc
orgs_section | manifest
printf '%s\n示例错码协会,5133990OMJ90001108,社会团体,2001-01-01\n示例短码协会,5133,社会团体,2001-01-01\n' "$ORG_HEAD" >"$C/registry.csv"
load
verdict 0 replaced "registry.csv:2:" "第8位“O”不是代码字符" "registry.csv:3:" \
    "sql:SELECT count(*) FROM org WHERE uscc IS NOT NULL => 0" \
    "sql:SELECT count(*) FROM org_name WHERE name LIKE '示例%码协会' => 2"

# Overlong UTF-8 ('/' as C0 AF). [file rejected]
new utf8_overlong
regs_section | manifest
{ head -n 14 "$REG"; printf '第五条 路径\300\257分隔。\n'; } >"$C/overlong.md"
load
verdict 1 same "overlong.md:15:" "overlong"

# An unpaired UTF-16 surrogate: in a UTF-16LE file with BOM (a lone D800), and encoded
# in UTF-8 (ED A0 80, CESU style). [file rejected]
new utf16_unpaired_surrogate
regs_section | manifest
{ printf '\377\376'; head -n 14 "$REG" | iconv -f UTF-8 -t UTF-16LE; printf '\000\330\012\000'; } >"$C/u16.md"
load
verdict 1 same "u16.md:15:" "surrogate"

new utf8_encoded_surrogate
regs_section | manifest
{ head -n 14 "$REG"; printf '第五条 代理项\355\240\200。\n'; } >"$C/cesu.md"
load
verdict 1 same "cesu.md:15:"

# U+FEFF in the middle of a line: removed with a warning at its line. [loaded, exit 0]
new bom_in_middle
regs_section | manifest
{ head -n 14 "$REG"; printf '第五条 中间\357\273\277有字节顺序标记。\n'; } >"$C/bom.md"
load
verdict 0 replaced "bom.md:15:" "U+FEFF" \
    "sql:SELECT count(*) FROM doc WHERE instr(body, char(65279)) > 0 => 0" \
    "sql:SELECT count(*) FROM doc WHERE body LIKE '%中间有字节顺序标记%' => 1"

# ==== files and manifests ===================================================================

# An empty CSV and an empty Markdown file. [files rejected, nothing loaded]
new empty_file
{ orgs_section; echo; regs_section; } | manifest
: >"$C/registry.csv"
: >"$C/empty.md"
load
verdict 1 same "registry.csv:1:" "empty file" "empty.md:1: error: empty file"

# An empty corpus.ini. [manifest error, nothing changed]
new empty_manifest
: >"$C/corpus.ini"
load
verdict 2 same "corpus.ini:"

# A manifest without [corpus]: every [corpus] key is optional (the name defaults to the
# directory's, 数据截至 to the load day), so this loads. [loaded, exit 0, by design]
new manifest_without_corpus
{ regs_section; } >"$C/corpus.ini"
cp "$REG" "$C/"
load
verdict 0 replaced "corpus.ini:1: warning: no [corpus] name or as_of" \
    "sql:SELECT value FROM meta WHERE key = 'corpus_name' => manifest_without_corpus" \
    "sql:SELECT count(*) FROM regulation => 1"

# A path leaving the corpus directory with ../ [manifest error]
new manifest_outside_dotdot
printf '[regs]\nkind = regulations\npath = ../../good/*.md\n' | manifest
load
verdict 2 same "corpus.ini:7:" "leaves the corpus directory"

# A symlink loop (a directory linking to itself, walked by **), and a link to itself.
# [manifest error]
new symlink_loop
printf '[regs]\nkind = regulations\npath = **/*.md\n' | manifest
mkdir -p "$C/d"
cp "$REG" "$C/d/"
ln -s . "$C/d/loop"
ln -s self.md "$C/d/self.md"
load
verdict 2 same "corpus.ini:7:" "d/self.md cannot be resolved" "symlink loop"

# A symlink to a file outside the corpus. [manifest error]
new symlink_outside
regs_section | manifest
ln -s "$REG" "$C/outside.md"
load
verdict 2 same "corpus.ini:7: error: path '*.md': outside.md points outside the corpus directory"

# A pattern that matches nothing. [manifest error]
new missing_pattern
printf '[regs]\nkind = regulations\npath = 不存在/*.md\n' | manifest
load
verdict 2 same "corpus.ini:7:" "不存在/*.md"

# kind = nonsense. [manifest error]
new unknown_kind
printf '[regs]\nkind = regulatons\npath = *.md\n' | manifest
cp "$REG" "$C/"
load
verdict 2 same "corpus.ini:6:" "unknown kind 'regulatons'"

# A key the kind does not take. [manifest error]
new unknown_key
{ regs_section; echo 'levle = 部门规章'; } | manifest
cp "$REG" "$C/"
load
verdict 2 same "corpus.ini:8:" "unknown key 'levle'"

# map.FIELD naming a column the file does not have. [file rejected, nothing loaded]
new map_missing_column
{ orgs_section | sed 's/^map.name = 名称/map.name = 机构名称/'; } | manifest
printf '%s\n%s\n' "$ORG_HEAD" "$ORG_GOOD" >"$C/registry.csv"
load
verdict 1 same "registry.csv:1:" "no column '机构名称'" "corpus.ini:8"

# A manifest line over 190 bytes (libinih cuts it). [manifest error]
new manifest_long_line
{ regs_section; printf 'note = %0300d\n' 0; } | manifest
cp "$REG" "$C/"
load
verdict 2 same "corpus.ini:8:"

# The same section twice. [manifest error]
new duplicate_section
{ regs_section; echo; regs_section; } | manifest
cp "$REG" "$C/"
load
verdict 2 same "corpus.ini:10:" "section [regs] appears twice"

# A directory where the manifest names a file, and a directory without corpus.ini given
# on the command line. [nothing loaded / failed]
new directory_instead_of_file
{ printf '[regs]\nkind = regulations\npath = sub.md\n'; } | manifest
mkdir -p "$C/sub.md"
load
verdict 2 same "corpus.ini:7:" "sub.md"

new directory_without_manifest
mkdir -p "$C/inner"
cp "$REG" "$C/inner/"
load "$C/inner"
verdict 2 same "corpus.ini"

# An unreadable file (mode 000). root reads it anyway: skipped under root.
new unreadable_file
if [ "$(id -u)" -eq 0 ]; then
    ok "unreadable_file # SKIP running as root (root reads mode 000 files)"
else
    regs_section | manifest
    cp "$REG" "$C/locked.md"
    chmod 000 "$C/locked.md"
    load
    chmod 644 "$C/locked.md"
    verdict 1 same "locked.md" "Permission denied"
fi

# ==== kinds: values that cannot be ===========================================================

# A statistic in a unit the indicator may not take. [row rejected, the rest loaded]
new stats_bad_unit
stats_section | manifest
printf '指标,地区,期别,数值,单位\n城市低保人数,全国,2021,737.8,万人\n农村低保人数,全国,2021,1,户\n农村低保人数,全国,2022,1,斤\n' >"$C/stats.csv"
load
verdict 3 replaced "stats.csv:3: error:" "单位“户”不适用于“农村低保人数”（可用：万人、人）" \
    "stats.csv:4: error: 单位“斤”无法识别" \
    "sql:SELECT count(*) FROM stat_value => 1"

# A hotline number too short after its area code. [row rejected, the rest loaded]
new hotline_bad_number
hotlines_section | manifest
printf '%s\n%s\n0431-85086,社会救助,错误号码站,全国,24小时\n' "$HOT_HEAD" "$HOT_GOOD" >"$C/lines.csv"
load
verdict 3 replaced "lines.csv:3: error:" "区号后应为7或8位号码" "$HOT_COUNT" \
    "sql:SELECT count(*) FROM hotline => 1"

# Hours that do not parse. [row rejected, the rest loaded]
new hours_unparsable
hotlines_section | manifest
printf '%s\n%s\n12345,综合,示例热线,全国,随时可以打\n' "$HOT_HEAD" "$HOT_GOOD" >"$C/lines.csv"
load
verdict 3 replaced "lines.csv:3: error:" "接听时间“随时可以打”无法识别" "$HOT_COUNT" \
    "sql:SELECT count(*) FROM hotline => 1"

# A holiday on 2022-02-30. [row rejected, the rest loaded]
new holiday_impossible_date
printf '[holidays]\nkind = holidays\npath = holidays.csv\nmap.date = 日期\nmap.kind = 类型\nmap.name = 节日\n' | manifest
printf '日期,类型,节日\n2025-01-01,放假,元旦\n2022-02-30,放假,不存在的日子\n' >"$C/holidays.csv"
load
verdict 3 replaced "holidays.csv:3: error:" "2022-02-30" \
    "sql:SELECT group_concat(date) FROM holiday => 2025-01-01"

# Q&A whose basis names an article and a regulation that do not exist: the item loads, the
# basis is reported. [loaded; the basis a warning]
new qa_unresolvable_basis
{ regs_section; printf '\n[qa]\nkind = qa\npath = items.csv\nmap.question = 问题\nmap.answer = 答复\nmap.basis = 依据\n'; } | manifest
cp "$REG" "$C/"
printf '问题,答复,依据\n示例保障由谁批准？,【示例】县级民政部门。,示例社会救助办法第九十条|不存在的示例条例第一条\n' >"$C/items.csv"
load
verdict 0 replaced "items.csv:2:" "第九十条" "不存在的示例条例" \
    "sql:SELECT count(*) FROM qa_item => 1"

# A Markdown regulation with no title line. [file rejected or loaded under a stated title]
new regulation_no_title
regs_section | manifest
sed -n '3,$p' "$REG" >"$C/notitle.md"
load
verdict 1 same "notitle.md:1: error: no title found"
