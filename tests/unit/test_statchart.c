/* The 统计 pane's charts (tui/statchart): bar lengths on a shared scale in half steps,
 * rounding, a non-zero value never drawn as nothing, zero and absent values, negative
 * values on both sides of an axis, exact widths in display columns, ASCII only unless
 * unicode is asked for; sparkline levels, absent values, constant series, the last
 * values when there are more than fit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "statchart.h"
#include "u8.h"

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static int all_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80 || (unsigned char)*s < 0x20)
            return 0;
    return 1;
}

static void expect_bar(const sc_scale *s, double v, int present, const char *want)
{
    char *b = sc_bar(s, v, present, 0);
    if (strcmp(b, want))
        fail_msg("bar of %g: \"%s\", expected \"%s\"", v, b, want);
    free(b);
}

static void test_bar_lengths(void **state)
{
    (void)state;
    sc_scale s;
    sc_scale_init(&s, 10);
    sc_scale_add(&s, 100);
    sc_scale_add(&s, 50);
    sc_scale_add(&s, 25);
    assert_false(sc_has_axis(&s));
    assert_int_equal(sc_axis_col(&s), -1);
    /* 10 columns = 20 half steps for 100. */
    assert_int_equal(sc_bar_halves(&s, 100), 20);
    assert_int_equal(sc_bar_halves(&s, 50), 10);
    assert_int_equal(sc_bar_halves(&s, 25), 5);
    expect_bar(&s, 100, 1, "##########");
    expect_bar(&s, 50, 1, "#####     ");
    expect_bar(&s, 25, 1, "##=       ");
    /* Rounding to the nearest half step: 12.4 is 2.48 half steps, 12.6 is 2.52. */
    assert_int_equal(sc_bar_halves(&s, 12.4), 2);
    assert_int_equal(sc_bar_halves(&s, 12.6), 3);
    assert_int_equal(sc_bar_halves(&s, 2.4), 0 + 1); /* 0.48 rounds to 0: one half step */
    assert_int_equal(sc_bar_halves(&s, 0.0001), 1);
    expect_bar(&s, 0.0001, 1, "=         ");
    /* Beyond the scale (a value added after): capped at the width. */
    assert_int_equal(sc_bar_halves(&s, 1000), 20);
}

static void test_zero_absent(void **state)
{
    (void)state;
    sc_scale s;
    sc_scale_init(&s, 6);
    sc_scale_add(&s, 0);
    assert_true(s.any);
    /* Only zeros: every bar empty, no division by zero. */
    assert_int_equal(sc_bar_halves(&s, 0), 0);
    expect_bar(&s, 0, 1, "      ");
    sc_scale_add(&s, 3);
    expect_bar(&s, 0, 1, "      ");
    expect_bar(&s, 3, 1, "######");
    /* Absent: no bar whatever the value says. */
    expect_bar(&s, 3, 0, "      ");
    /* Not a number: absent. */
    sc_scale_add(&s, NAN);
    sc_scale_add(&s, INFINITY);
    assert_true(s.hi == 3);
    assert_int_equal(sc_bar_halves(&s, NAN), 0);
    /* An empty scale. */
    sc_scale e;
    sc_scale_init(&e, 0);
    assert_int_equal(e.width, 1);
    assert_false(e.any);
    expect_bar(&e, 5, 1, " ");
}

static void test_negative(void **state)
{
    (void)state;
    sc_scale s;
    sc_scale_init(&s, 11); /* 10 columns of bars and the axis */
    sc_scale_add(&s, 7.5);
    sc_scale_add(&s, -2.5);
    assert_true(sc_has_axis(&s));
    /* -2.5 of a range of 10 over 10 columns: the axis after 2.5 -> 3 columns (rounded). */
    assert_int_equal(sc_axis_col(&s), 3);
    assert_int_equal(sc_bar_halves(&s, 7.5), 14); /* 15 rounds, capped at 7 columns */
    assert_int_equal(sc_bar_halves(&s, -2.5), -5);
    expect_bar(&s, 7.5, 1, "   |#######");
    expect_bar(&s, -2.5, 1, "=##|       ");
    expect_bar(&s, -1, 1, "  #|       ");
    expect_bar(&s, 0, 1, "   |       ");
    expect_bar(&s, 1, 0, "   |       ");
    /* All negative: the axis at the right end. */
    sc_scale n;
    sc_scale_init(&n, 5);
    sc_scale_add(&n, -4);
    sc_scale_add(&n, -1);
    assert_int_equal(sc_axis_col(&n), 4);
    expect_bar(&n, -4, 1, "####|");
    expect_bar(&n, -1, 1, "   #|");
    expect_bar(&n, -0.5, 1, "   =|");
}

static void test_widths_and_unicode(void **state)
{
    (void)state;
    double vals[] = {0, 1, 2.5, 3.3, 9.99, 10, -3, -10};
    for (int w = 1; w <= 40; w++) {
        sc_scale s;
        sc_scale_init(&s, w);
        for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
            sc_scale_add(&s, vals[i]);
        for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
            for (int uni = 0; uni < 2; uni++) {
                char *b = sc_bar(&s, vals[i], 1, uni);
                /* Exactly w columns, and w characters: each one column wide. */
                assert_int_equal(u8_width(b, strlen(b)), (size_t)w);
                assert_int_equal(u8_count(b, strlen(b)), (size_t)w);
                if (!uni)
                    assert_true(all_ascii(b));
                free(b);
            }
    }
    sc_scale s;
    sc_scale_init(&s, 4);
    sc_scale_add(&s, 4);
    sc_scale_add(&s, -4);
    /* 3 columns of bars around an axis at 2 (1.5 rounded): 4 is 1.5 columns, capped at
     * the one column right of the axis; 1 is half a column. */
    char *b = sc_bar(&s, 4, 1, 1);
    assert_string_equal(b, "  |█");
    free(b);
    b = sc_bar(&s, 1, 1, 1);
    assert_string_equal(b, "  |▌");
    free(b);
    b = sc_bar(&s, -0.5, 1, 1);
    assert_string_equal(b, " ▐| ");
    free(b);
    sc_scale p;
    sc_scale_init(&p, 3);
    sc_scale_add(&p, 6);
    b = sc_bar(&p, 5, 1, 1);
    assert_string_equal(b, "██▌");
    free(b);
}

static void expect_spark(const double *v, const unsigned char *pr, size_t n, int width,
                         int uni, const char *want)
{
    char *s = sc_spark(v, pr, n, width, uni);
    if (strcmp(s, want))
        fail_msg("sparkline \"%s\", expected \"%s\"", s, want);
    free(s);
}

static void test_sparkline(void **state)
{
    (void)state;
    int nl;
    const char *lv = sc_levels(0, &nl);
    assert_int_equal(nl, 6);
    assert_string_equal(lv, "_.-=*#");
    assert_true(all_ascii(lv));
    lv = sc_levels(1, &nl);
    assert_int_equal(nl, 8);
    assert_int_equal(u8_width(lv, strlen(lv)), 8);

    double up[] = {0, 1, 2, 3, 4, 5};
    unsigned char all[] = {1, 1, 1, 1, 1, 1};
    expect_spark(up, all, 6, 10, 0, "_.-=*#");
    expect_spark(up, all, 6, 10, 1, "▁▂▄▅▇█");
    /* Only the last values fit. */
    expect_spark(up, all, 6, 3, 0, "_=#");
    /* Absent values are spaces; the scale is over the present ones. */
    unsigned char some[] = {1, 0, 1, 0, 1, 1};
    expect_spark(up, some, 6, 10, 0, "_ - *#");
    /* A constant series sits in the middle; one value too. */
    double flat[] = {7, 7, 7};
    expect_spark(flat, all, 3, 10, 0, "===");
    expect_spark(flat, all, 1, 10, 0, "=");
    /* Nothing present; nothing at all. */
    unsigned char none[] = {0, 0, 0};
    expect_spark(flat, none, 3, 10, 0, "   ");
    expect_spark(flat, none, 0, 10, 0, "");
    /* Negative values scale like any other. */
    double neg[] = {-5, 0, 5};
    expect_spark(neg, all, 3, 10, 0, "_=#");
    assert_int_equal(sc_level(0, -5, 5, 6), 3);
    assert_int_equal(sc_level(-9, -5, 5, 6), 0);
    assert_int_equal(sc_level(9, -5, 5, 6), 5);
    assert_int_equal(sc_level(1, 1, 1, 8), 4);
    assert_int_equal(sc_level(1, 0, 2, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bar_lengths),
        cmocka_unit_test(test_zero_absent),
        cmocka_unit_test(test_negative),
        cmocka_unit_test(test_widths_and_unicode),
        cmocka_unit_test(test_sparkline),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
