/* Dates of varying precision: every accepted written form, rejections, the rest pointer,
 * formatting, month arithmetic with clamping, comparison across precisions, day counts
 * and the GONGKAI_TODAY override. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "isodate.h"

/* Parses the whole of s and checks its formatted value and precision. */
static void check(const char *s, const char *iso, int prec)
{
    isodate d;
    char out[11];
    if (!isodate_parse_all(s, &d))
        fail_msg("\"%s\" not parsed", s);
    isodate_format(&d, out);
    if (strcmp(out, iso) != 0 || d.prec != prec)
        fail_msg("\"%s\" parsed as %s (prec %d), expected %s (prec %d)", s, out, d.prec, iso,
                 prec);
}

static void check_bad(const char *s)
{
    isodate d = {1, 1, 1, 3};
    const char *rest = NULL;
    if (isodate_parse(s, &d, &rest))
        fail_msg("\"%s\" accepted", s);
    assert_int_equal(d.prec, 0);
    assert_ptr_equal(rest, s);
}

static isodate D(const char *s)
{
    isodate d;
    assert_true(isodate_parse_all(s, &d));
    return d;
}

static void check_fmt(isodate d, const char *iso)
{
    char out[11];
    isodate_format(&d, out);
    assert_string_equal(out, iso);
}

static void test_forms(void **state)
{
    (void)state;
    check("2021-02-18", "2021-02-18", 3);
    check("2021-2-8", "2021-02-08", 3);
    check("2021-04", "2021-04", 2);
    check("2021-4", "2021-04", 2);
    check("2021", "2021", 1);
    check("2022/5/5", "2022-05-05", 3);
    check("2022.5.5", "2022-05-05", 3);
    check("2021年2月18日", "2021-02-18", 3);
    check("2021年2月18号", "2021-02-18", 3);
    check("2021 年 2 月 18 日", "2021-02-18", 3);
    check("2021年4月", "2021-04", 2);
    check("2021年", "2021", 1);
    check("  2021-04-28\t", "2021-04-28", 3);
    check("\xe3\x80\x80" "2021-04-28" "\xe3\x80\x80", "2021-04-28", 3); /* ideographic spaces */
    /* Chinese numerals */
    check("二〇二二年五月五日", "2022-05-05", 3);
    check("二〇二一年十二月三十一日", "2021-12-31", 3);
    check("二〇二一年四月", "2021-04", 2);
    check("二〇二一年", "2021", 1);
    check("二零二一年十一月", "2021-11", 2);
    /* full-width digits */
    check("２０２２年５月５日", "2022-05-05", 3);
    check("２０２１年４月", "2021-04", 2);
    check("２０２１－０４－２８", "2021-04-28", 3);
    check("２０２１－０４", "2021-04", 2);
    check("２０２１", "2021", 1);
    /* leap days */
    check("2024-02-29", "2024-02-29", 3);
    check("2000-02-29", "2000-02-29", 3);
    check("1900-01-01", "1900-01-01", 3);
    check("2100-12-31", "2100-12-31", 3);
}

static void test_rejected(void **state)
{
    (void)state;
    check_bad("2022-02-30");
    check_bad("2023-02-29");
    check_bad("1900-02-29");
    check_bad("2021-13-01");
    check_bad("2021-13");
    check_bad("2021-00");
    check_bad("2021-04-00");
    check_bad("2021年13月");
    check_bad("2021年2月30日");
    check_bad("2021年4月5");       /* a day without 日 */
    check_bad("2022/5/35");
    check_bad("2022.5.5.1");
    check_bad("2021/4");           /* only YYYY-MM for a month */
    check_bad("2021.4");
    check_bad("abc");
    check_bad("");
    check_bad("   ");
    check_bad("1800");
    check_bad("1800-01-01");
    check_bad("1899年");
    check_bad("2101");
    check_bad("20215");
    check_bad("202");
    check_bad("二〇二一");         /* a bare Chinese-numeral year needs 年 */
    check_bad("年");
    check_bad(NULL);

    isodate d;
    assert_false(isodate_parse_all("2021-04-28x", &d));
    assert_int_equal(d.prec, 0);
    assert_false(isodate_parse_all("2021 2022", &d));
    assert_false(isodate_parse_all("2021年度", &d));
}

static void test_rest(void **state)
{
    (void)state;
    const char *s = "2021-04 (page dated 2021-04-28)";
    const char *rest = NULL;
    isodate d;
    assert_true(isodate_parse(s, &d, &rest));
    assert_int_equal(d.prec, 2);
    assert_int_equal(d.y, 2021);
    assert_int_equal(d.m, 4);
    assert_int_equal(d.d, 0);
    assert_string_equal(rest, "(page dated 2021-04-28)");

    assert_true(isodate_parse("2021年2月18日，民政部公布", &d, &rest));
    assert_int_equal(d.prec, 3);
    assert_string_equal(rest, "，民政部公布");

    assert_true(isodate_parse("2021年 第三批", &d, &rest));
    assert_int_equal(d.prec, 1);
    assert_string_equal(rest, "第三批");

    assert_true(isodate_parse("2021-04-28", &d, &rest));
    assert_string_equal(rest, "");

    assert_true(isodate_parse("2021—2022", &d, NULL)); /* rest may be NULL */
    assert_int_equal(d.prec, 1);
}

static void test_format(void **state)
{
    (void)state;
    isodate d = {2021, 4, 28, 3};
    check_fmt(d, "2021-04-28");
    d.prec = 2;
    check_fmt(d, "2021-04");
    d.prec = 1;
    check_fmt(d, "2021");
    d.prec = 0;
    check_fmt(d, "");
    isodate e = {987, 1, 2, 3};
    check_fmt(e, "0987-01-02");
}

static void test_add_months(void **state)
{
    (void)state;
    check_fmt(isodate_add_months(D("2024-08-31"), 6), "2025-02-28");
    check_fmt(isodate_add_months(D("2023-02-28"), 12), "2024-02-28");
    check_fmt(isodate_add_months(D("2024-02-29"), 24), "2026-02-28");
    check_fmt(isodate_add_months(D("2024-02-29"), 48), "2028-02-29");
    check_fmt(isodate_add_months(D("2024-11-30"), 3), "2025-02-28");
    check_fmt(isodate_add_months(D("2024-01-15"), 6), "2024-07-15");
    check_fmt(isodate_add_months(D("2024-01-31"), 1), "2024-02-29");
    check_fmt(isodate_add_months(D("2024-12-15"), 1), "2025-01-15");
    /* negative */
    check_fmt(isodate_add_months(D("2025-02-28"), -6), "2024-08-28");
    check_fmt(isodate_add_months(D("2024-03-31"), -1), "2024-02-29");
    check_fmt(isodate_add_months(D("2024-01-15"), -1), "2023-12-15");
    check_fmt(isodate_add_months(D("2024-01-15"), -13), "2022-12-15");
    check_fmt(isodate_add_months(D("2024-05-10"), 0), "2024-05-10");
    /* precision is kept */
    isodate m = isodate_add_months(D("2023-03"), 6);
    assert_int_equal(m.prec, 2);
    check_fmt(m, "2023-09");
    check_fmt(isodate_add_months(D("2023-11"), 3), "2024-02");
    check_fmt(isodate_add_months(D("2023-01"), -1), "2022-12");
    isodate y = isodate_add_months(D("2021"), 24);
    assert_int_equal(y.prec, 1);
    check_fmt(y, "2023");
    check_fmt(isodate_add_months(D("2021"), 6), "2021");
    isodate bad = {0, 0, 0, 0};
    assert_int_equal(isodate_add_months(bad, 6).prec, 0);
}

static void test_add_days(void **state)
{
    (void)state;
    check_fmt(isodate_add_days(D("2024-02-28"), 1), "2024-02-29");
    check_fmt(isodate_add_days(D("2023-02-28"), 1), "2023-03-01");
    check_fmt(isodate_add_days(D("2024-12-31"), 1), "2025-01-01");
    check_fmt(isodate_add_days(D("2025-01-01"), -1), "2024-12-31");
    check_fmt(isodate_add_days(D("2024-01-01"), 366), "2025-01-01");
    check_fmt(isodate_add_days(D("2024-03-01"), -1), "2024-02-29");
    /* not day precision: unchanged */
    check_fmt(isodate_add_days(D("2024-02"), 40), "2024-02");
    check_fmt(isodate_add_days(D("2024"), 400), "2024");
}

static void test_cmp(void **state)
{
    (void)state;
    isodate a = D("2021-04"), b = D("2021-04-28"), c = D("2021-03"), y = D("2021");
    isodate bad = {0, 0, 0, 0};
    assert_int_equal(isodate_cmp(&a, &b), 0);
    assert_int_equal(isodate_cmp(&b, &a), 0);
    assert_true(isodate_cmp(&c, &b) < 0);
    assert_true(isodate_cmp(&b, &c) > 0);
    assert_int_equal(isodate_cmp(&y, &b), 0);
    assert_int_equal(isodate_cmp(&y, &c), 0);
    isodate d1 = D("2021-04-27"), d2 = D("2021-04-28"), d3 = D("2022-01-01");
    assert_true(isodate_cmp(&d1, &d2) < 0);
    assert_true(isodate_cmp(&d2, &d1) > 0);
    assert_int_equal(isodate_cmp(&d2, &d2), 0);
    assert_true(isodate_cmp(&y, &d3) < 0);
    assert_true(isodate_cmp(&d3, &a) > 0);
    /* invalid before everything */
    assert_true(isodate_cmp(&bad, &y) < 0);
    assert_true(isodate_cmp(&y, &bad) > 0);
    assert_int_equal(isodate_cmp(&bad, &bad), 0);
}

static void test_days_between(void **state)
{
    (void)state;
    isodate a = D("2024-01-01"), b = D("2025-01-01"), c = D("2023-01-01");
    isodate f1 = D("2024-02-28"), f2 = D("2024-03-01"), m = D("2024-03");
    assert_int_equal(isodate_days_between(&a, &b), 366);
    assert_int_equal(isodate_days_between(&c, &a), 365);
    assert_int_equal(isodate_days_between(&b, &a), -366);
    assert_int_equal(isodate_days_between(&f1, &f2), 2);
    assert_int_equal(isodate_days_between(&a, &a), 0);
    isodate e = D("1970-01-01"), g = D("2000-03-01");
    assert_int_equal(isodate_days_between(&e, &g), 11017);
    assert_int_equal(isodate_days_between(&a, &m), 0); /* not day precision */
}

static void test_today(void **state)
{
    (void)state;
    setenv("GONGKAI_TODAY", "2024-05-01", 1);
    isodate t = isodate_today();
    check_fmt(t, "2024-05-01");
    assert_int_equal(t.prec, 3);
    /* a month is not a today: the clock is used instead */
    setenv("GONGKAI_TODAY", "2024-05", 1);
    t = isodate_today();
    assert_int_equal(t.prec, 3);
    assert_true(t.y >= 2024);
    unsetenv("GONGKAI_TODAY");
    t = isodate_today();
    assert_int_equal(t.prec, 3);
    assert_true(t.y >= 2024 && t.m >= 1 && t.m <= 12 && t.d >= 1 && t.d <= 31);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_rejected),
        cmocka_unit_test(test_rest),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_add_months),
        cmocka_unit_test(test_add_days),
        cmocka_unit_test(test_cmp),
        cmocka_unit_test(test_days_between),
        cmocka_unit_test(test_today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
