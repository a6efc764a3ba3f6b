# The hostile corpus (issue 8), sourced by tests/loader/hostile_text.t.sh (the CLI and the
# line mode) and tests/console/hostile_panes.t.sh (the full-screen console). Its texts
# carry escape sequences (CSI 2J, OSC 0 title, OSC 52 clipboard), C0 and C1 controls (BEL,
# U+009B) and bidi overrides and isolates (U+202E, U+2066..2069), in a regulation (title
# and article), an organisation registry row, a list row (name and note), a division name,
# a statistic's source_doc and note, a hotline's operator and note and a Q&A item
# (question and answer), plus one file with invalid UTF-8 (a raw 0x9b, 0xff, an overlong
# 0xc0 0xaf) that the loader refuses. Every text here is invented (示例).
#
#   . tests/loader/hostile_corpus.sh
#   hostile_corpus DIR      writes the corpus (corpus.ini and its files) into DIR
#
# P (the payload) and BAD (the invalid bytes) are printf format text.

# The hostile payload, as printf format text (expanded by printf below): CSI clear screen,
# OSC 0 window title, OSC 52 clipboard write, BEL, U+009B (CSI as C1), RLO U+202E and
# LRI..PDI U+2066..2069. All valid UTF-8: the loader refuses a file with invalid UTF-8
# (bad.md below), so invalid bytes never reach the database.
P='\033[2J\033]0;pwned\007\033]52;c;cm0gLXJmIH4=\007\007\302\233X\342\200\256\342\201\246\342\201\247\342\201\250\342\201\251'
BAD='\233\377\300\257'

hostile_corpus() {
    C=$1
    mkdir -p "$C"
    printf '%s\n' \
        '[corpus]' 'name = 恶意文本测试（示例）' 'as_of = 2026-11-01' '' \
        '[regs]' 'kind = regulations' 'path = 示例*.md' 'level = 示例规章' '' \
        '[bad]' 'kind = regulations' 'path = bad.md' 'level = 示例规章' '' \
        '[divisions]' 'kind = divisions' 'path = divisions.csv' 'map.code = 代码' \
        'map.name = 名称' 'map.parent_code = 上级代码' '' \
        '[registry]' 'kind = orgs' 'path = registry.csv' 'map.name = 名称' \
        'map.uscc = 统一社会信用代码' 'map.org_type = 类型' 'map.reg_authority = 登记管理机关' \
        'map.scope = 业务范围' 'map.status = 登记状态' '' \
        '[illegal]' 'kind = org_lists' 'path = illegal.csv' 'map.list = 名单' 'map.batch = 批次' \
        'map.issuer = 发布机关' 'map.published = 发布日期' 'map.seq = 序号' 'map.name = 名称' \
        'map.note = 备注' '' \
        '[values]' 'kind = stats' 'path = values.csv' 'map.indicator = 指标' 'map.region = 地区' \
        'map.period = 期别' 'map.value = 数值' 'map.unit = 单位' 'map.source_doc = 来源' \
        'map.note = 备注' '' \
        '[lines]' 'kind = hotlines' 'path = lines.csv' 'map.number = 号码' \
        'map.service_line = 服务类别' 'map.operator = 单位' 'map.region = 所在地区' \
        'map.hours = 接听时间' 'map.note = 备注' '' \
        '[qa]' 'kind = qa' 'path = items.csv' 'map.question = 问题' 'map.answer = 答复' \
        'map.category = 类别' 'map.region = 地区' >"$C/corpus.ini"

    # shellcheck disable=SC2059 # $P is printf format text on purpose
    {
        printf "# 示例恶意办法$P\n\n2019年3月2日 示例令第1号公布\n\n<!-- INFO END -->\n\n"
        printf "第一条 为了测试恶意文本，编写本示例办法。$P本文不是真实的法规。\n\n"
        printf "第二条 示例保障由县级民政部门审核确认。\n"
    } >"$C/示例恶意办法(2019-03-02).md"
    # shellcheck disable=SC2059
    printf "# 示例无效编码办法$P$BAD\n\n第一条 无效$BAD编码。\n" >"$C/bad.md"
    # shellcheck disable=SC2059
    {
        printf '代码,名称,上级代码\n330000,浙江省,\n339900,示例恶意市%s,330000\n' "$(printf "$P")"
    } >"$C/divisions.csv"
    # shellcheck disable=SC2059
    {
        printf '名称,统一社会信用代码,类型,登记管理机关,业务范围,登记状态\n'
        printf "示例恶意协会$P,,社会团体,示例民政局,示例：恶意$P业务,正常\n"
    } >"$C/registry.csv"
    # shellcheck disable=SC2059
    {
        printf '名单,批次,发布机关,发布日期,序号,名称,备注\n'
        printf "涉嫌非法社会组织名单,2021年第一批,示例部,2021-04-28,1,示例恶意研究会$P,备注$P结束\n"
    } >"$C/illegal.csv"
    # shellcheck disable=SC2059
    {
        printf '指标,地区,期别,数值,单位,来源,备注\n'
        printf "城市低保人数,全国,2021,737.8,万人,示例恶意公报$P,注$P释\n"
        printf "城市低保人数,全国,2020,805.1,万人,示例恶意公报$P,注$P释\n"
    } >"$C/values.csv"
    # shellcheck disable=SC2059
    {
        printf '号码,服务类别,单位,所在地区,接听时间,备注\n'
        printf "12345,社会救助,示例恶意民政局$P,339900,24小时,备$P注\n"
    } >"$C/lines.csv"
    # shellcheck disable=SC2059
    {
        printf '问题,答复,类别,地区\n'
        printf "示例恶意保障$P由谁批准？,【示例】由县级$P民政部门审批。,社会救助,全国\n"
    } >"$C/items.csv"
}

