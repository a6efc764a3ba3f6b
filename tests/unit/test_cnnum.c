/* Chinese numerals: parsing every written form, formatting, round trips. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cnnum.h"

/* Parses s; returns the value, -1 when there is no numeral; *used in bytes. */
static long parse(const char *s, size_t *used)
{
    long v = -1;
    size_t u = 0;
    if (!cnnum_parse(s, strlen(s), &v, &u))
        return -1;
    if (used)
        *used = u;
    return v;
}

static void test_positional(void **state)
{
    (void)state;
    assert_int_equal(parse("一千零六十五", NULL), 1065);
    assert_int_equal(parse("十一", NULL), 11);
    assert_int_equal(parse("一百二十", NULL), 120);
    assert_int_equal(parse("一百零五", NULL), 105);
    assert_int_equal(parse("两百", NULL), 200);
    assert_int_equal(parse("十", NULL), 10);
    assert_int_equal(parse("一十", NULL), 10);
    assert_int_equal(parse("二十", NULL), 20);
    assert_int_equal(parse("九十九", NULL), 99);
    assert_int_equal(parse("三千零三", NULL), 3003);
    assert_int_equal(parse("一万零一", NULL), 10001);
    assert_int_equal(parse("十万零一十", NULL), 100010);
    assert_int_equal(parse("一万五千", NULL), 15000);
    assert_int_equal(parse("一亿二千万", NULL), 120000000);
    assert_int_equal(parse("零", NULL), 0);
    assert_int_equal(parse("〇", NULL), 0);
}

static void test_financial_and_traditional(void **state)
{
    (void)state;
    assert_int_equal(parse("壹仟零陆拾伍", NULL), 1065);
    assert_int_equal(parse("贰拾", NULL), 20);
    assert_int_equal(parse("叁佰", NULL), 300);
    assert_int_equal(parse("肆拾柒", NULL), 47);
    assert_int_equal(parse("伍仟捌佰玖拾", NULL), 5890);
    /* Traditional forms fold: 兩 → 两, 貳 → 贰, 萬 → 万, 陸 → 陆 */
    assert_int_equal(parse("兩百", NULL), 200);
    assert_int_equal(parse("貳拾", NULL), 20);
    assert_int_equal(parse("一萬零一", NULL), 10001);
    assert_int_equal(parse("陸拾", NULL), 60);
}

static void test_digits(void **state)
{
    (void)state;
    size_t used = 0;
    assert_int_equal(parse("2022", &used), 2022);
    assert_int_equal(used, 4);
    assert_int_equal(parse("１０６５", &used), 1065); /* full-width */
    assert_int_equal(used, 12);
    assert_int_equal(parse("二〇二二", &used), 2022); /* digit by digit */
    assert_int_equal(used, 12);
    assert_int_equal(parse("二○二二", NULL), 2022); /* ○ U+25CB, often typed for 〇 */
    assert_int_equal(parse("一九九九年", &used), 1999);
    assert_int_equal(used, 12);
    assert_int_equal(parse("二零零八", NULL), 2008);
}

static void test_prefix(void **state)
{
    (void)state;
    size_t used = 0;
    assert_int_equal(parse("十一条", &used), 11);
    assert_int_equal(used, strlen("十一"));
    assert_int_equal(parse("一千零六十五条之一", &used), 1065);
    assert_int_equal(used, strlen("一千零六十五"));
    assert_int_equal(parse("24条", &used), 24);
    assert_int_equal(used, 2);
    /* not a numeral at the start */
    assert_int_equal(parse("第一千零六十五", NULL), -1);
    assert_int_equal(parse("abc", NULL), -1);
    assert_int_equal(parse("", NULL), -1);
    assert_int_equal(parse("万", NULL), -1);
    /* the colloquial 一百五 (150) is not guessed: only 一百 is a complete numeral */
    assert_int_equal(parse("一百五", &used), 100);
    assert_int_equal(used, strlen("一百"));
    /* a dangling 零 is not part of the numeral */
    assert_int_equal(parse("一百零", &used), 100);
    assert_int_equal(used, strlen("一百"));
    /* units out of order stop the numeral */
    assert_int_equal(parse("一百一千", &used), 100);
    assert_int_equal(used, strlen("一百"));
    long v = 7;
    size_t u = 9;
    assert_int_equal(cnnum_parse("x", 1, &v, &u), 0);
    assert_int_equal(v, 7); /* untouched */
    assert_int_equal(u, 9);
    assert_int_equal(cnnum_parse(NULL, 0, &v, &u), 0);
}

static void check_format(long n, const char *want)
{
    char *s = cnnum_format(n);
    assert_string_equal(s, want);
    free(s);
}

static void test_format(void **state)
{
    (void)state;
    check_format(0, "零");
    check_format(1, "一");
    check_format(10, "十");
    check_format(11, "十一");
    check_format(20, "二十");
    check_format(101, "一百零一");
    check_format(110, "一百一十");
    check_format(1065, "一千零六十五");
    check_format(2000, "二千");
    check_format(10001, "一万零一");
    check_format(100010, "十万零一十");
    check_format(1005000, "一百万五千");
    check_format(1000500, "一百万零五百");
    check_format(100000001, "一亿零一");
    check_format(-5, "负五");
}

static void test_round_trip(void **state)
{
    (void)state;
    for (long n = 1; n <= 2000; n++) {
        char *s = cnnum_format(n);
        size_t used = 0;
        long v = -1;
        assert_true(cnnum_parse(s, strlen(s), &v, &used));
        if (v != n || used != strlen(s))
            fail_msg("%ld formatted as %s parses as %ld (%zu of %zu bytes)", n, s, v, used,
                     strlen(s));
        free(s);
    }
    for (long n = 2001; n <= 200000000; n = n * 7 + 3) {
        char *s = cnnum_format(n);
        assert_int_equal(parse(s, NULL), n);
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positional),
        cmocka_unit_test(test_financial_and_traditional),
        cmocka_unit_test(test_digits),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
