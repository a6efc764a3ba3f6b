/* 行政区划代码: normalising the forms users and files write, the domain.md §5.4 vectors
 * (renames, mergers, splits, the 南川 chain), summaries (YY = 90, municipalities), zero
 * segments in the middle (海南 4600xx, 东莞 441900xxx), category labels at every range
 * boundary, malformed input with its reason, conversions, parents and prefix ranges
 * (property-checked: every prefix of a code's padded form finds it). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "divcode.h"

static div_info parse(const char *s)
{
    div_info in;
    div_parse(s, &in);
    return in;
}

#define assert_code(input, want_code, want_level)                                            \
    do {                                                                                    \
        div_info in_ = parse(input);                                                        \
        assert_string_equal(in_.code, want_code);                                           \
        assert_int_equal(in_.level, want_level);                                            \
        assert_string_equal(in_.problem, "");                                               \
    } while (0)

#define assert_problem(input, want)                                                         \
    do {                                                                                    \
        div_info in_ = parse(input);                                                        \
        assert_int_equal(in_.level, 0);                                                     \
        assert_string_equal(in_.code, "");                                                  \
        assert_string_equal(in_.problem, want);                                             \
        char c_[DIV_BUF];                                                                   \
        assert_int_equal(div_normalize(input, c_), 0);                                      \
        assert_string_equal(c_, "");                                                        \
    } while (0)

static const char *parent_of(const char *code, unsigned flags)
{
    static char out[DIV_BUF];
    div_parent(code, flags, out);
    return out;
}

static void test_forms(void **state)
{
    (void)state;
    assert_code("11", "110000", DIV_PROVINCE);      /* NBS province */
    assert_code("1101", "110100", DIV_PREFECTURE);  /* NBS prefecture */
    assert_code("1100", "110000", DIV_PROVINCE);    /* 4 digits, padded */
    assert_code("110000", "110000", DIV_PROVINCE);
    assert_code("110000000", "110000", DIV_PROVINCE);
    assert_code("110000000000", "110000", DIV_PROVINCE);
    assert_code("330100", "330100", DIV_PREFECTURE);
    assert_code("330100000000", "330100", DIV_PREFECTURE);
    assert_code("110100000000", "110100", DIV_PREFECTURE); /* 北京市 市辖区 */
    assert_code("110101", "110101", DIV_COUNTY);
    assert_code("110101000", "110101", DIV_COUNTY);
    assert_code("110101000000", "110101", DIV_COUNTY);
    assert_code("110101001", "110101001", DIV_TOWNSHIP);
    assert_code("110101001000", "110101001", DIV_TOWNSHIP); /* dmfw's padded township */
    assert_code("110101001001", "110101001001", DIV_VILLAGE);
    /* Full-width digits, spaces of either width, line breaks from a paste */
    assert_code("１１０１０１", "110101", DIV_COUNTY);
    assert_code(" 110 101\t001\n", "110101001", DIV_TOWNSHIP);
    assert_code("\xE3\x80\x80" "3301\xE3\x80\x80", "330100", DIV_PREFECTURE);
    assert_code("３３０１０６００１００１", "330106001001", DIV_VILLAGE);

    char c[DIV_BUF];
    assert_int_equal(div_normalize("110101001000", c), DIV_TOWNSHIP);
    assert_string_equal(c, "110101001");
    assert_int_equal(div_normalize("4290", c), DIV_PREFECTURE);
    assert_string_equal(c, "429000");
    assert_int_equal(div_normalize(NULL, c), 0);
    assert_string_equal(c, "");
}

/* domain.md §5.4 and §5.5: codes that parse whatever became of them. */
static void test_domain_vectors(void **state)
{
    (void)state;
    div_info in = parse("110101001");
    assert_int_equal(in.level, DIV_TOWNSHIP);
    assert_string_equal(in.category, "街道"); /* 东华门街道 */
    assert_string_equal(parent_of("110101001", 0), "110101");

    /* 邢台市桥西区 -> 信都区 kept 130503 */
    in = parse("130503");
    assert_int_equal(in.level, DIV_COUNTY);
    assert_string_equal(in.category, "市辖区");
    assert_string_equal(in.hint, "");
    assert_string_equal(parent_of("130503", 0), "130500");
    /* 崇川区 + 港闸区 -> 320613; 衡阳 城北区 430404 -> 430407, 430408 */
    const char *county[] = {"320602", "320611", "320613", "430404", "430407", "430408"};
    for (size_t i = 0; i < sizeof county / sizeof county[0]; i++) {
        in = parse(county[i]);
        assert_int_equal(in.level, DIV_COUNTY);
        assert_string_equal(in.category, "市辖区");
    }
    assert_string_equal(parent_of("320613", 0), "320600");
    assert_string_equal(parent_of("430408", 0), "430400");

    /* 南川县 512323 -> 南川市 512302 (1994) -> 517081 (1995) -> 500384 (1997) -> 南川区
     * 500119 (2006): every step parses; the labels are only what the digits suggest. */
    static const struct {
        const char *code, *category, *parent, *parent_keep;
    } chain[] = {
        {"512323", "县、自治县、旗", "512300", "512300"},
        {"512302", "市辖区", "512300", "512300"},
        {"517081", "县级市", "517000", "517000"},
        {"500384", "县级市", "500000", "500300"},
        {"500119", "市辖区", "500000", "500100"},
    };
    for (size_t i = 0; i < sizeof chain / sizeof chain[0]; i++) {
        in = parse(chain[i].code);
        assert_int_equal(in.level, DIV_COUNTY);
        assert_string_equal(in.code, chain[i].code);
        assert_string_equal(in.category, chain[i].category);
        assert_string_equal(parent_of(chain[i].code, 0), chain[i].parent);
        assert_string_equal(parent_of(chain[i].code, DIV_KEEP_SUMMARY), chain[i].parent_keep);
    }
    /* 362324 was 丰城县 until 1981 and 铅山县 1982-1999: one code, two places; only the
     * version table can tell them apart. */
    assert_code("362324", "362324", DIV_COUNTY);
}

static void test_ninety(void **state)
{
    (void)state;
    div_info in = parse("429004"); /* 仙桃市 */
    assert_int_equal(in.level, DIV_COUNTY);
    assert_int_equal(in.summary, 0);
    assert_string_equal(in.category, "省直辖县级行政区");
    assert_string_equal(in.hint, "第3–4位为90：省直辖县级行政区，上级为省级420000");
    assert_string_equal(parent_of("429004", 0), "420000");
    assert_string_equal(parent_of("429004", DIV_KEEP_SUMMARY), "429000");

    in = parse("4290");
    assert_string_equal(in.code, "429000");
    assert_int_equal(in.level, DIV_PREFECTURE);
    assert_int_equal(in.summary, 1);
    assert_true(div_is_summary("429000"));
    assert_string_equal(in.category, "省直辖县级行政区划");
    assert_string_equal(in.hint, "第3–4位为90：省直辖县级行政区划的汇总码，不是地级行政区");
    assert_string_equal(parent_of("429000", 0), "420000");

    /* 济源 419001, 五指山 469001, 石河子 659001, 神农架林区 429021 */
    const char *more[] = {"419001", "469001", "659001", "429021"};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        in = parse(more[i]);
        assert_int_equal(in.level, DIV_COUNTY);
        assert_string_equal(in.category, "省直辖县级行政区");
        char want[DIV_BUF];
        snprintf(want, sizeof want, "%.2s0000", more[i]);
        assert_string_equal(parent_of(more[i], 0), want);
    }
    /* A township under a 90 county: the chain skips the summary */
    char anc[4][DIV_BUF];
    assert_int_equal(div_ancestors("429004001", 0, anc, 4), 2);
    assert_string_equal(anc[0], "420000");
    assert_string_equal(anc[1], "429004");
    assert_int_equal(div_ancestors("429004001", DIV_KEEP_SUMMARY, anc, 4), 3);
    assert_string_equal(anc[1], "429000");
}

static void test_municipality(void **state)
{
    (void)state;
    div_info in = parse("110000");
    assert_int_equal(in.municipality, 1);
    assert_string_equal(in.category, "直辖市");
    assert_string_equal(in.hint, "");

    in = parse("110101");
    assert_int_equal(in.municipality, 1);
    assert_int_equal(in.summary, 0);
    assert_string_equal(in.category, "市辖区");
    assert_string_equal(in.hint, "直辖市的区县，上级为直辖市110000");
    assert_string_equal(parent_of("110101", 0), "110000");
    assert_string_equal(parent_of("110101", DIV_KEEP_SUMMARY), "110100");

    /* 110100 市辖区, 500200 县, 500300 市: summary lines, never divisions */
    const char *sums[] = {"110100", "120100", "310100", "500100", "500200", "500300"};
    for (size_t i = 0; i < sizeof sums / sizeof sums[0]; i++) {
        in = parse(sums[i]);
        assert_int_equal(in.level, DIV_PREFECTURE);
        assert_int_equal(in.summary, 1);
        assert_int_equal(in.municipality, 1);
        assert_string_equal(in.category, "直辖市所辖区县（汇总）");
        assert_non_null(strstr(in.hint, "直辖市不设地级"));
    }
    in = parse("110100");
    assert_string_equal(in.hint, "直辖市不设地级：110100只是旧表和统计用代码中的汇总行（市辖区、县），"
                                 "实体为直辖市110000");
    /* 310151 崇明区 and 500151 铜梁区 are districts numbered like counties: the label is
     * a convention, the hint does not claim more. */
    assert_string_equal(parse("310151").category, "县、自治县、旗");
    assert_string_equal(parse("500229").category, "县、自治县、旗"); /* 城口县 */
    assert_int_equal(parse("120000").municipality, 1);
    assert_int_equal(parse("130000").municipality, 0);
}

static void test_zero_segments(void **state)
{
    (void)state;
    /* 海南 1988-2001: counties under the province numbered 4600xx */
    div_info in = parse("460001");
    assert_int_equal(in.level, DIV_COUNTY);
    assert_string_equal(in.category, "省直辖县级行政区");
    assert_non_null(strstr(in.hint, "第3–4位为00"));
    assert_string_equal(parent_of("460001", 0), "460000");
    assert_true(div_is_ancestor("460000", "460001"));

    /* 东莞: towns directly under the prefecture-level city */
    in = parse("441900003");
    assert_int_equal(in.level, DIV_TOWNSHIP);
    assert_string_equal(in.category, "街道");
    assert_string_equal(in.hint, "第5–6位为00：乡级单位直属不设县级单位的地级市441900（如东莞、中山、儋州）");
    assert_string_equal(parent_of("441900003", 0), "441900");
    assert_int_equal(div_level("441900"), DIV_PREFECTURE);
    char anc[4][DIV_BUF];
    assert_int_equal(div_ancestors("442000001001", 0, anc, 4), 3);
    assert_string_equal(anc[0], "440000");
    assert_string_equal(anc[1], "442000");
    assert_string_equal(anc[2], "442000001");
    assert_string_equal(parse("441900").category, "地级市");
}

static void test_categories(void **state)
{
    (void)state;
    static const struct {
        const char *code, *category;
    } cases[] = {
        {"110000", "直辖市"}, {"500000", "直辖市"}, {"150000", "自治区"}, {"650000", "自治区"},
        {"810000", "特别行政区"}, {"820000", "特别行政区"}, {"710000", "省"}, {"330000", "省"},
        {"330100", "地级市"}, {"332000", "地级市"}, {"445100", "地级市"}, {"517000", "地级市"},
        {"152200", "地区、自治州、盟"}, {"652300", "地区、自治州、盟"}, {"654000", "地区、自治州、盟"},
        {"337100", NULL},
        {"130102", "市辖区"}, {"130120", "市辖区"}, {"130121", "县、自治县、旗"},
        {"130180", "县、自治县、旗"}, {"130181", "县级市"}, {"130199", "县级市"},
        {"110101001", "街道"}, {"110101099", "街道"}, {"110101100", "镇"}, {"110101199", "镇"},
        {"110101200", "乡"}, {"110101399", "乡"}, {"110101400", "类似乡级单位"},
        {"110101599", "类似乡级单位"}, {"110101600", NULL}, {"110101999", NULL},
        {"110101001001", "居委会"}, {"110101001199", "居委会"}, {"110101001200", "村委会"},
        {"110101001399", "村委会"}, {"110101001400", "类似居委会"}, {"110101001497", "类似居委会"},
        {"110101001498", "虚拟社区"}, {"110101001499", "类似居委会"},
        {"110101001500", "类似村委会"}, {"110101001597", "类似村委会"},
        {"110101001598", "虚拟生活区"}, {"110101001599", "类似村委会"},
        {"110101001600", NULL}, {"110101001999", NULL},
        {"11010A", NULL}, {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = div_category(cases[i].code);
        if (cases[i].category ? !got || strcmp(got, cases[i].category) : got != NULL)
            fail_msg("%s: category %s, want %s", cases[i].code, got ? got : "NULL",
                     cases[i].category ? cases[i].category : "NULL");
        /* div_parse gives the same label */
        assert_ptr_equal(parse(cases[i].code).category, got);
    }
    /* Out of every range: a hint, never a rejection */
    div_info in = parse("110101600");
    assert_int_equal(in.level, DIV_TOWNSHIP);
    assert_string_equal(in.hint, "第7–9位600不在乡级编码范围（001–599）之内");
    in = parse("110101001700");
    assert_int_equal(in.level, DIV_VILLAGE);
    assert_string_equal(in.hint, "第10–12位700不在村级编码范围（001–599）之内");
    in = parse("337100");
    assert_int_equal(in.level, DIV_PREFECTURE);
    assert_string_equal(in.hint, "第3–4位71不在地级编码惯例（01–70、90）之内");
    /* County conventions worth saying */
    assert_string_equal(parse("130171").hint,
                        "第5–6位71：国家统计局代码中71–80多为开发区、示范区等类似县级单位，不在GB/T 2260中");
    assert_string_equal(parse("130101").hint, "旧表中130101常为“市辖区”汇总行");
    assert_string_equal(parse("810101").hint, "GB/T 2260中台湾省、香港、澳门只有省级代码");
    /* Several notes at once, joined and whole */
    in = parse("810100600");
    assert_string_equal(in.hint, "GB/T 2260中台湾省、香港、澳门只有省级代码；"
                                 "第5–6位为00：乡级单位直属不设县级单位的地级市810100（如东莞、中山、儋州）；"
                                 "第7–9位600不在乡级编码范围（001–599）之内");
}

static void test_malformed(void **state)
{
    (void)state;
    assert_problem("", "代码为空");
    assert_problem(NULL, "代码为空");
    assert_problem(" \t\xE3\x80\x80", "代码为空");
    assert_problem("11010A", "第6位“A”不是数字");
    assert_problem("11O101", "第3位“O”不是数字");
    assert_problem("１１０１０Ａ", "第6位“Ａ”不是数字");
    assert_problem("110-101", "第4位“-”不是数字");
    assert_problem("11 01 0x", "第6位“x”不是数字"); /* positions skip the spaces */
    assert_problem("北京市", "第1位“北”不是数字");
    assert_problem("1101\xFF", "第5位“\xEF\xBF\xBD”不是数字");
    assert_problem("11\x01", "第3位是控制字符（0x01），不是数字");
#define LEN_MSG "长度为%zu位，应为2、4、6、9或12位（省2位、地4位、县6位、乡9位、村12位）"
    char want[200];
    static const char *const lengths[] = {"1", "110", "11010", "1101010", "11010100",
                                          "1101010010", "11010100100", "1101010010010"};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        snprintf(want, sizeof want, LEN_MSG, strlen(lengths[i]));
        assert_problem(lengths[i], want);
    }
    char longer[4001];
    memset(longer, '1', 4000);
    longer[4000] = '\0';
    snprintf(want, sizeof want, LEN_MSG, (size_t)4000);
    assert_problem(longer, want);

    assert_problem("000000", "代码全为0，不是区划代码（000000常用来表示全国）");
    assert_problem("00", "代码全为0，不是区划代码（000000常用来表示全国）");
    assert_problem("000000000000", "代码全为0，不是区划代码（000000常用来表示全国）");
#define PROV_MSG                                                                            \
    "第1–2位“%.2s”不是省级代码（应为11–15、21–23、31–37、41–46、50–54、61–65、71、81、82之一）%s"
    static const char *const provinces[] = {"990000", "99", "001234", "160000", "240101",
                                            "470000", "550000", "700000", "800000", "900000"};
    for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++) {
        snprintf(want, sizeof want, PROV_MSG, provinces[i], "");
        assert_problem(provinces[i], want);
    }
    snprintf(want, sizeof want, PROV_MSG, "66", "；部分数据用66表示新疆生产建设兵团");
    assert_problem("660000", want);
    snprintf(want, sizeof want, PROV_MSG, "83", "；部分数据用83表示台湾省，GB/T 2260为71");
    assert_problem("830100", want);
    assert_problem("110000001", "第3–6位为0000时第7位起也应为0（乡级单位不能直属省级）");
    assert_problem("110000001001", "第3–6位为0000时第7位起也应为0（乡级单位不能直属省级）");
    assert_problem("110101000001", "第7–9位为000时第10–12位也应为000（村级单位必须属于乡级单位）");

    /* Every one of the 34 provinces parses, nothing else does */
    int ok = 0;
    for (int p = 0; p <= 99; p++) {
        char code[12]; /* room for any int: -O1 cannot prove p <= 99 */
        snprintf(code, sizeof code, "%02d", p);
        ok += div_level(code) == DIV_PROVINCE;
    }
    assert_int_equal(ok, 34);
}

static void test_conversions(void **state)
{
    (void)state;
    static const struct {
        const char *code, *pad12, *shrt;
        uint64_t key;
    } cases[] = {
        {"110000", "110000000000", "11", 110000000000ULL},
        {"330100", "330100000000", "3301", 330100000000ULL},
        {"330106", "330106000000", "330106", 330106000000ULL},
        {"110101001", "110101001000", "110101001", 110101001000ULL},
        {"110101001001", "110101001001", "110101001001", 110101001001ULL},
        {"441900003", "441900003000", "441900003", 441900003000ULL},
        {"460001", "460001000000", "460001", 460001000000ULL},
    };
    char out[DIV_BUF];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int level = div_level(cases[i].code);
        assert_true(level > 0);
        assert_int_equal(div_pad12(cases[i].code, out), level);
        assert_string_equal(out, cases[i].pad12);
        assert_int_equal(div_short(cases[i].code, out), level);
        assert_string_equal(out, cases[i].shrt);
        assert_true(div_key(cases[i].code) == cases[i].key);
        assert_int_equal(div_from_key(cases[i].key, out), level);
        assert_string_equal(out, cases[i].code);
        /* every form comes back to the same code */
        assert_code(cases[i].pad12, cases[i].code, level);
        assert_code(cases[i].shrt, cases[i].code, level);
    }
    assert_int_equal(div_pad12("11010", out), 0);
    assert_string_equal(out, "");
    assert_int_equal(div_short("abc", out), 0);
    assert_string_equal(out, "");
    assert_true(div_key("000000") == 0);
    assert_int_equal(div_from_key(0, out), 0);
    assert_int_equal(div_from_key(1000000000000ULL, out), 0);
    assert_int_equal(div_from_key(990000000000ULL, out), 0);
    assert_string_equal(out, "");
    assert_int_equal(div_level("1"), 0);
    /* Padded keys put a parent before its children */
    assert_true(div_key("330000") < div_key("330100"));
    assert_true(div_key("330100") < div_key("330106"));
    assert_true(div_key("330106") < div_key("330106001"));
    assert_true(div_key("330106001") < div_key("330106001001"));
    assert_true(div_key("330106001999") < div_key("330106002"));
}

static void test_parents(void **state)
{
    (void)state;
    char out[DIV_BUF], anc[4][DIV_BUF];
    assert_int_equal(div_parent("330106001001", 0, out), DIV_TOWNSHIP);
    assert_string_equal(out, "330106001");
    assert_int_equal(div_parent("330106001", 0, out), DIV_COUNTY);
    assert_string_equal(out, "330106");
    assert_int_equal(div_parent("330106", 0, out), DIV_PREFECTURE);
    assert_string_equal(out, "330100");
    assert_int_equal(div_parent("3301", 0, out), DIV_PROVINCE);
    assert_string_equal(out, "330000");
    assert_int_equal(div_parent("33", 0, out), 0);
    assert_string_equal(out, "");
    assert_int_equal(div_parent("3301x", 0, out), 0);
    assert_string_equal(out, "");

    assert_int_equal(div_ancestors("330106001001", 0, anc, 4), 4);
    assert_string_equal(anc[0], "330000");
    assert_string_equal(anc[1], "330100");
    assert_string_equal(anc[2], "330106");
    assert_string_equal(anc[3], "330106001");
    /* The municipality chain skips 110100 unless asked for */
    assert_int_equal(div_ancestors("110101001001", 0, anc, 4), 3);
    assert_string_equal(anc[0], "110000");
    assert_string_equal(anc[1], "110101");
    assert_string_equal(anc[2], "110101001");
    assert_int_equal(div_ancestors("110101001001", DIV_KEEP_SUMMARY, anc, 4), 4);
    assert_string_equal(anc[1], "110100");
    /* max smaller than the chain: the count, province-first up to max */
    memset(anc, 'x', sizeof anc);
    assert_int_equal(div_ancestors("330106001001", 0, anc, 2), 4);
    assert_string_equal(anc[0], "330000");
    assert_string_equal(anc[1], "330100");
    assert_int_equal(anc[2][0], 'x');
    assert_int_equal(div_ancestors("330000", 0, anc, 4), 0);
    assert_int_equal(div_ancestors("bad", 0, anc, 4), 0);

    assert_true(div_is_ancestor("330000", "330106001001"));
    assert_true(div_is_ancestor("33", "330106001001"));
    assert_true(div_is_ancestor("330100", "330106"));
    assert_true(div_is_ancestor("330106001", "330106001001"));
    assert_true(div_is_ancestor("429000", "429004"));
    assert_true(div_is_ancestor("420000", "429004"));
    assert_true(div_is_ancestor("110100", "110101"));
    assert_true(div_is_ancestor("441900", "441900003001"));
    assert_false(div_is_ancestor("330106", "330100"));
    assert_false(div_is_ancestor("330106", "330106"));
    assert_false(div_is_ancestor("330100", "330206"));
    assert_false(div_is_ancestor("330106002", "330106001001"));
    assert_false(div_is_ancestor("x", "330106"));
    assert_false(div_is_ancestor("330000", "x"));

    /* Every ancestor is an ancestor, levels strictly rise, the last is the parent */
    static const char *const codes[] = {"110101001001", "330106001001", "429004001201",
                                        "441900003001", "460001101", "500384", "652301",
                                        "4290", "11"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        for (unsigned flags = 0; flags <= DIV_KEEP_SUMMARY; flags++) {
            size_t n = div_ancestors(codes[i], flags, anc, 4);
            int prev = 0;
            for (size_t j = 0; j < n; j++) {
                assert_true(div_is_ancestor(anc[j], codes[i]));
                assert_true(div_level(anc[j]) > prev);
                prev = div_level(anc[j]);
            }
            assert_true(prev < div_level(codes[i]));
            div_parent(codes[i], flags, out);
            assert_string_equal(out, n ? anc[n - 1] : "");
        }
    }
}

static div_prefix prefix(const char *s)
{
    div_prefix p;
    div_prefix_parse(s, &p);
    return p;
}

static void test_prefix(void **state)
{
    (void)state;
    static const struct {
        const char *input, *digits;
        int level, complete;
        uint64_t lo, hi;
        const char *text_hi;
    } cases[] = {
        {"3301", "3301", 2, 1, 330100000000ULL, 330200000000ULL, "3302"},
        {"330100", "3301", 2, 1, 330100000000ULL, 330200000000ULL, "3302"},
        {"330106", "330106", 3, 1, 330106000000ULL, 330107000000ULL, "330107"},
        {"33010600", "33010600", 4, 0, 330106000000ULL, 330106010000ULL, "33010601"},
        {"330106000", "330106", 3, 1, 330106000000ULL, 330107000000ULL, "330107"},
        {"3301060", "3301060", 4, 0, 330106000000ULL, 330106100000ULL, "3301061"},
        {"330106001", "330106001", 4, 1, 330106001000ULL, 330106002000ULL, "330106002"},
        {"3301060010", "3301060010", 5, 0, 330106001000ULL, 330106001100ULL, "3301060011"},
        {"330106001001", "330106001001", 5, 1, 330106001001ULL, 330106001002ULL, "330106001002"},
        {"110000000000", "11", 1, 1, 110000000000ULL, 120000000000ULL, "12"},
        {"1100", "11", 1, 1, 110000000000ULL, 120000000000ULL, "12"},
        {"3", "3", 1, 0, 300000000000ULL, 400000000000ULL, "4"},
        {"8", "8", 1, 0, 800000000000ULL, 900000000000ULL, "9"},
        {"330", "330", 2, 0, 330000000000ULL, 331000000000ULL, "331"},
        {"339", "339", 2, 0, 339000000000ULL, 340000000000ULL, "340"},
        {"1109", "1109", 2, 1, 110900000000ULL, 111000000000ULL, "1110"},
        {"4290", "4290", 2, 1, 429000000000ULL, 429100000000ULL, "4291"},
        {"4419000", "4419000", 4, 0, 441900000000ULL, 441900100000ULL, "4419001"},
        {"４４ １９", "4419", 2, 1, 441900000000ULL, 442000000000ULL, "4420"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        div_prefix p = prefix(cases[i].input);
        assert_string_equal(p.problem, "");
        assert_string_equal(p.digits, cases[i].digits);
        assert_int_equal(p.level, cases[i].level);
        assert_int_equal(p.complete, cases[i].complete);
        assert_true(p.lo == cases[i].lo);
        assert_true(p.hi == cases[i].hi);
        assert_string_equal(p.text_lo, cases[i].digits);
        assert_string_equal(p.text_hi, cases[i].text_hi);
    }
    assert_string_equal(prefix("").problem, "代码为空");
    assert_string_equal(prefix("33a").problem, "第3位“a”不是数字");
    assert_string_equal(prefix("3301060010011").problem, "长度为13位，区划代码最长12位");
    assert_string_equal(prefix("9").problem,
                        "没有以“9”开头的省级代码（应为11–15、21–23、31–37、41–46、50–54、61–65、71、81、82之一）");
    assert_string_equal(prefix("0").problem,
                        "没有以“0”开头的省级代码（应为11–15、21–23、31–37、41–46、50–54、61–65、71、81、82之一）");
    assert_int_equal(prefix("99").level, 0);
    assert_int_equal(prefix("00").level, 0);
    assert_int_equal(prefix("000000").level, 0);
    assert_string_equal(prefix("11000001").problem, "第3–6位为0000时第7位起也应为0（乡级单位不能直属省级）");
    assert_string_equal(prefix("1101010000001").problem, "长度为13位，区划代码最长12位");
    assert_string_equal(prefix("11010100000").problem, ""); /* nothing under it, but legal */

    /* Property: every prefix of a code's padded form finds the code, by key and, unless
     * the stored form is shorter than the digits, by text. */
    static const char *const codes[] = {"110000", "110101", "110101001", "110101001001",
                                        "330100", "330106001201", "429004", "441900003001",
                                        "460001", "820000", "659001502598"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char pad[DIV_BUF], canon[DIV_BUF], head[DIV_BUF];
        div_pad12(codes[i], pad);
        div_normalize(codes[i], canon);
        uint64_t key = div_key(codes[i]);
        for (size_t n = 1; n <= DIV_DIGITS; n++) {
            memcpy(head, pad, n);
            head[n] = '\0';
            div_prefix p = prefix(head);
            if (!p.level)
                fail_msg("prefix %s of %s: %s", head, codes[i], p.problem);
            assert_true(p.lo <= key && key < p.hi);
            int in_text = strcmp(canon, p.text_lo) >= 0 && strcmp(canon, p.text_hi) < 0;
            assert_int_equal(in_text, strlen(canon) >= strlen(p.digits));
        }
        /* The code's own form starts its range: nothing sorts between a code and the
         * codes under it. */
        div_prefix p = prefix(canon);
        assert_true(p.complete);
        assert_true(p.lo == key);
    }
}

static void test_looks_like_code(void **state)
{
    (void)state;
    assert_true(div_looks_like_code("3"));
    assert_true(div_looks_like_code("3301"));
    assert_true(div_looks_like_code("３３０１"));
    assert_true(div_looks_like_code(" 33 01 "));
    assert_true(div_looks_like_code("330106001001"));
    assert_false(div_looks_like_code("3301060010011"));
    assert_false(div_looks_like_code(""));
    assert_false(div_looks_like_code(NULL));
    assert_false(div_looks_like_code("杭州"));
    assert_false(div_looks_like_code("3301杭州"));
}

static void test_provinces(void **state)
{
    (void)state;
    char v[40][DIV_BUF];
    assert_int_equal(div_provinces(v, 40), 34);
    assert_string_equal(v[0], "110000");
    assert_string_equal(v[21], "500000");
    assert_string_equal(v[33], "820000");
    for (size_t i = 0; i < 34; i++) {
        assert_int_equal(div_level(v[i]), 1);
        if (i)
            assert_true(strcmp(v[i - 1], v[i]) < 0);
    }
    /* Only as many as asked for are written; the count is all of them. */
    char two[2][DIV_BUF];
    assert_int_equal(div_provinces(two, 2), 34);
    assert_string_equal(two[1], "120000");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),          cmocka_unit_test(test_domain_vectors),
        cmocka_unit_test(test_ninety),         cmocka_unit_test(test_municipality),
        cmocka_unit_test(test_zero_segments),  cmocka_unit_test(test_categories),
        cmocka_unit_test(test_malformed),      cmocka_unit_test(test_conversions),
        cmocka_unit_test(test_parents),        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_looks_like_code), cmocka_unit_test(test_provinces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
