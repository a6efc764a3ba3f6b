/* Relief statistics, the pure parts: units (core/statunit.h: the spellings sources use,
 * conversion by scale, refusal between dimensions, 元/人·月 and 元/人·年 only when asked)
 * and periods (core/statperiod.h: the written forms, first and last days, leap years,
 * the period before and a year before, year-to-date spans, hostile input). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "statperiod.h"
#include "statunit.h"

static void expect_unit(const char *text, const char *name, enum stat_dim dim, double scale)
{
    stat_unit u;
    if (!stat_unit_parse(text, &u))
        fail_msg("“%s” not read as a unit", text);
    assert_string_equal(u.name, name);
    assert_int_equal(u.dim, dim);
    assert_true(u.scale == scale);
}

static void test_unit_spellings(void **state)
{
    (void)state;
    expect_unit("万人", "万人", SD_PERSONS, 1e4);
    expect_unit(" 人 ", "人", SD_PERSONS, 1);
    expect_unit("万户", "万户", SD_HOUSEHOLDS, 1e4);
    expect_unit("人次", "人次", SD_PERSON_TIMES, 1);
    expect_unit("万人次", "万人次", SD_PERSON_TIMES, 1e4);
    expect_unit("亿元", "亿元", SD_MONEY, 1e8);
    expect_unit("万元", "万元", SD_MONEY, 1e4);
    expect_unit("万个", "万个", SD_ITEMS, 1e4);
    expect_unit("元/人·月", "元/人·月", SD_PER_PERSON_MONTH, 1);
    expect_unit("元/人/月", "元/人·月", SD_PER_PERSON_MONTH, 1);
    expect_unit("元/(人·月)", "元/人·月", SD_PER_PERSON_MONTH, 1);
    expect_unit("元／（人・月）", "元/人·月", SD_PER_PERSON_MONTH, 1);
    expect_unit("元每人每月", "元/人·月", SD_PER_PERSON_MONTH, 1);
    expect_unit("元/人月", "元/人·月", SD_PER_PERSON_MONTH, 1);
    expect_unit("元/人·年", "元/人·年", SD_PER_PERSON_YEAR, 1);
    expect_unit("元/人/年", "元/人·年", SD_PER_PERSON_YEAR, 1);
    expect_unit("元/人次", "元/人次", SD_PER_PERSON_TIME, 1);
    expect_unit("％", "%", SD_PERCENT, 1);
    static const char *const bad[] = {"", "人民币", "万", "元/人·周", "kg", "万万人",
                                      "元/人·月·年", "\x1b[31m人"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        stat_unit u;
        if (stat_unit_parse(bad[i], &u))
            fail_msg("“%s” read as %s", bad[i], u.name);
        assert_int_equal(u.dim, SD_NONE);
    }
    stat_unit u;
    assert_int_equal(stat_unit_parse(NULL, &u), 0);
    char longer[300];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_int_equal(stat_unit_parse(longer, &u), 0);
}

static stat_unit unit(const char *s)
{
    stat_unit u;
    assert_true(stat_unit_parse(s, &u));
    return u;
}

static void test_unit_factor(void **state)
{
    (void)state;
    double f;
    const char *how;
    char *why;
    stat_unit wan = unit("万人"), ren = unit("人"), yi = unit("亿元"), wy = unit("万元");
    assert_int_equal(stat_unit_factor(&wan, &ren, 0, &f, &how, &why), 0);
    assert_true(f == 1e4);
    assert_null(how);
    assert_int_equal(stat_unit_factor(&yi, &wy, 0, &f, NULL, NULL), 0);
    assert_true(f == 1e4);
    assert_int_equal(stat_unit_factor(&ren, &wan, 0, &f, NULL, NULL), 0);
    assert_true(f == 1e-4);
    /* 人 and 人次 are not the same thing: a person helped twice is two 人次 */
    stat_unit rc = unit("人次");
    assert_int_equal(stat_unit_factor(&ren, &rc, 1, &f, &how, &why), -1);
    assert_non_null(strstr(why, "不能换算"));
    free(why);
    /* the rural standard: per month against per year only when asked, and labelled */
    stat_unit m = unit("元/人·月"), y = unit("元/人·年");
    assert_int_equal(stat_unit_factor(&y, &m, 0, &f, &how, &why), -1);
    assert_non_null(strstr(why, "12 倍"));
    free(why);
    assert_int_equal(stat_unit_factor(&y, &m, 1, &f, &how, &why), 0);
    assert_true(f == 1.0 / 12.0);
    assert_non_null(how);
    assert_non_null(strstr(how, "÷12"));
    assert_int_equal(stat_unit_factor(&m, &y, 1, &f, &how, &why), 0);
    assert_true(f == 12.0);
    assert_non_null(strstr(how, "×12"));
    stat_unit none = {SD_NONE, 0, ""};
    assert_int_equal(stat_unit_factor(&none, &ren, 1, &f, NULL, &why), -1);
    free(why);
    assert_string_equal(stat_dim_label(SD_PERSON_TIMES), "人次");
    assert_string_equal(stat_dim_label((enum stat_dim)99), "");
}

static void expect_period(const char *text, enum stat_ptype t, int year, int index,
                          const char *start, const char *end)
{
    stat_period p;
    if (!stat_period_parse(text, &p))
        fail_msg("“%s” not read as a period", text);
    assert_int_equal(p.type, t);
    assert_int_equal(p.year, year);
    assert_int_equal(p.index, index);
    assert_string_equal(p.start, start);
    assert_string_equal(p.end, end);
}

static void test_period_forms(void **state)
{
    (void)state;
    expect_period("2021", SP_YEAR, 2021, 0, "2021-01-01", "2021-12-31");
    expect_period("2021年", SP_YEAR, 2021, 0, "2021-01-01", "2021-12-31");
    expect_period("二〇二一年", SP_YEAR, 2021, 0, "2021-01-01", "2021-12-31");
    expect_period("2021年底", SP_YEAR, 2021, 0, "2021-01-01", "2021-12-31");
    expect_period("2021-03", SP_MONTH, 2021, 3, "2021-03-01", "2021-03-31");
    expect_period("2024-02", SP_MONTH, 2024, 2, "2024-02-01", "2024-02-29"); /* leap */
    expect_period("2023/2", SP_MONTH, 2023, 2, "2023-02-01", "2023-02-28");
    expect_period("2000年2月", SP_MONTH, 2000, 2, "2000-02-01", "2000-02-29");
    expect_period("2022年3月末", SP_MONTH, 2022, 3, "2022-03-01", "2022-03-31");
    expect_period("2022年十二月份", SP_MONTH, 2022, 12, "2022-12-01", "2022-12-31");
    expect_period("２０２２年３月", SP_MONTH, 2022, 3, "2022-03-01", "2022-03-31");
    expect_period("2021Q1", SP_QUARTER, 2021, 1, "2021-01-01", "2021-03-31");
    expect_period("2021q4", SP_QUARTER, 2021, 4, "2021-10-01", "2021-12-31");
    expect_period("2021年第三季度", SP_QUARTER, 2021, 3, "2021-07-01", "2021-09-30");
    expect_period("2021年一季度", SP_QUARTER, 2021, 1, "2021-01-01", "2021-03-31");
    expect_period("2021H2", SP_HALF, 2021, 2, "2021-07-01", "2021-12-31");
    expect_period("2021年上半年", SP_HALF, 2021, 1, "2021-01-01", "2021-06-30");
    expect_period(" 2021年下半年 ", SP_HALF, 2021, 2, "2021-07-01", "2021-12-31");
}

static void test_period_bad(void **state)
{
    (void)state;
    static const char *const bad[] = {"", "21", "2021-13", "2021-00", "2021Q5", "2021Q0",
                                      "2021H3", "2021年第五季度", "2021年13月", "2021年3周",
                                      "2021-03-05", "abc", "1948", "2101", "1900年2月", "2021年3月x",
                                      "20211", "2021Q", "2021-", "\x1b[2J"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        stat_period p;
        if (stat_period_parse(bad[i], &p))
            fail_msg("“%s” read as %s .. %s", bad[i], p.start, p.end);
    }
    stat_period p;
    assert_int_equal(stat_period_parse(NULL, &p), 0);
}

static void test_period_arithmetic(void **state)
{
    (void)state;
    stat_period p, q;
    char buf[32];
    assert_true(stat_period_parse("2021-01", &p));
    assert_true(stat_period_prev(&p, &q));
    assert_string_equal(stat_period_label(&q, buf), "2020年12月");
    assert_true(stat_period_year_ago(&p, &q));
    assert_string_equal(stat_period_label(&q, buf), "2020年1月");
    assert_true(stat_period_parse("2021Q1", &p));
    assert_true(stat_period_prev(&p, &q));
    assert_string_equal(stat_period_label(&q, buf), "2020年第4季度");
    assert_true(stat_period_parse("2021H1", &p));
    assert_true(stat_period_prev(&p, &q));
    assert_string_equal(stat_period_label(&q, buf), "2020年下半年");
    assert_true(stat_period_parse("2021", &p));
    assert_true(stat_period_prev(&p, &q));
    assert_string_equal(stat_period_label(&q, buf), "2020年");
    assert_true(stat_period_parse("1949", &p));
    assert_false(stat_period_prev(&p, &q)); /* leaves the range */
    /* order: by last day, then the longer first */
    stat_period y, m12, q4;
    assert_true(stat_period_parse("2021", &y));
    assert_true(stat_period_parse("2021-12", &m12));
    assert_true(stat_period_parse("2021Q4", &q4));
    assert_true(stat_period_cmp(&y, &q4) < 0);
    assert_true(stat_period_cmp(&q4, &m12) < 0);
    assert_true(stat_period_cmp(&m12, &m12) == 0);
    assert_true(stat_period_parse("2021-11", &p));
    assert_true(stat_period_cmp(&p, &y) < 0);
    /* year to date: a cumulative figure for 2021Q2 covers 2021-01-01 .. 2021-06-30 */
    char s[11], e[11];
    assert_true(stat_period_parse("2021Q2", &p));
    stat_period_ytd(&p, s, e);
    assert_string_equal(s, "2021-01-01");
    assert_string_equal(e, "2021-06-30");
    enum stat_ptype t;
    assert_true(stat_ptype_parse("quarter", &t));
    assert_int_equal(t, SP_QUARTER);
    assert_false(stat_ptype_parse("week", &t));
    assert_string_equal(stat_ptype_key(SP_HALF), "half");
    assert_true(stat_period_make(SP_YEAR, 2021, 7, &p)); /* index ignored for a year */
    assert_int_equal(p.index, 0);
    assert_false(stat_period_make(SP_MONTH, 2021, 13, &p));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unit_spellings),
        cmocka_unit_test(test_unit_factor),
        cmocka_unit_test(test_period_forms),
        cmocka_unit_test(test_period_bad),
        cmocka_unit_test(test_period_arithmetic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
