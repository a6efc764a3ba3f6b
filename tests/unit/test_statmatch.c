/* Which statistics indicators a search's text names (core/statmatch.h), on the built-in
 * catalogue folded as the loader folds it and on small catalogues written here:
 * Simplified, Traditional and full-width input; aliases (城镇居民最低生活保障 finds 城市低保人数);
 * short queries (one character only as a whole key); codes only whole; no match; the
 * limit; catalogue order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "statmatch.h"
#include "xalloc.h"

static statmatch_cat cat;

static int setup(void **state)
{
    (void)state;
    statmatch_from_defs(statcat_builtin(), &cat);
    return cat.n > 40 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    statmatch_free(&cat);
    return 0;
}

/* The codes text finds (at most max), space-separated, and the total in *total. */
static char *codes(const statmatch_cat *c, const char *text, size_t max, size_t *total)
{
    size_t out[64];
    assert_true(max <= 63);
    out[max] = (size_t)-1; /* must stay: nothing is written past max */
    size_t n = statmatch_find(c, text, out, max);
    assert_true(out[max] == (size_t)-1);
    if (total)
        *total = n;
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < n && i < max; i++) {
        assert_true(out[i] < c->n);
        if (i)
            assert_true(out[i] > out[i - 1]); /* catalogue order, no repeats */
        buf_printf(&b, "%s%s", i ? " " : "", c->v[out[i]].code);
    }
    return b.s ? buf_take(&b) : xstrdup("");
}

static void expect(const char *text, size_t max, const char *want, size_t want_total)
{
    size_t total;
    char *got = codes(&cat, text, max, &total);
    if (strcmp(got, want) || total != want_total)
        fail_msg("“%s”: [%s] of %zu, expected [%s] of %zu", text, got, total, want, want_total);
    free(got);
}

/* How many indicators of the built-in catalogue have the text in their name or an alias
 * as written (all Simplified): what the matcher must find for Simplified input. */
static size_t naive_count(const char *text)
{
    const stat_catalogue *defs = statcat_builtin();
    size_t n = 0;
    for (size_t i = 0; i < defs->n; i++)
        n += strstr(defs->v[i].name, text) || strstr(defs->v[i].aliases, text);
    return n;
}

static void test_simplified(void **state)
{
    (void)state;
    size_t total;
    char *got = codes(&cat, "低保", 3, &total);
    assert_string_equal(got, "dibao_persons urban_dibao_persons rural_dibao_persons");
    assert_int_equal(total, naive_count("低保"));
    assert_true(total > 10);
    free(got);
    expect("城市低保", 3, "urban_dibao_persons urban_dibao_households urban_dibao_standard",
           naive_count("城市低保"));
    expect("临时救助", 10,
           "temp_relief_times temp_relief_nonlocal_times temp_relief_spending temp_relief_average",
           4);
    expect("城市低保人数", 3, "urban_dibao_persons", 1);
    expect("孤儿", 3, "orphans orphans_central orphans_dispersed", naive_count("孤儿"));
}

static void test_traditional_and_width(void **state)
{
    (void)state;
    expect("臨時救助", 3, "temp_relief_times temp_relief_nonlocal_times temp_relief_spending", 4);
    expect("城市低保人數", 3, "urban_dibao_persons", 1);
    expect("特困人員", 3, "tekun_persons urban_tekun_persons rural_tekun_persons",
           naive_count("特困人员"));
    /* Full-width letters and digits, the ideographic space, spaces inside. */
    expect("ＹＺＨ０１２４１００００", 3, "dibao_persons", 1);
    expect("　城市　低保人数　", 3, "urban_dibao_persons", 1);
    expect("城市 低保", 3, "urban_dibao_persons urban_dibao_households urban_dibao_standard",
           naive_count("城市低保"));
    /* What statcat_key drops from published names: a numbering prefix, a (累计) mark. */
    expect("（一）临时救助人次", 3, "temp_relief_times", 1);
    expect("低保资金支出（累计）", 3, "dibao_spending urban_dibao_spending rural_dibao_spending", 3);
}

static void test_aliases(void **state)
{
    (void)state;
    /* Only an alias holds it: 城镇居民最低生活保障人数, 城镇居民最低生活保障家庭数. */
    expect("城镇居民最低生活保障", 3, "urban_dibao_persons urban_dibao_households", 2);
    expect("城鎮居民最低生活保障", 3, "urban_dibao_persons urban_dibao_households", 2);
    expect("城镇低保", 3, "urban_dibao_persons", 1);
    expect("生活无着", 3, "vagrant_relief_times", 1);
    /* Our code and the official codes match whole, in either case. */
    expect("urban_dibao_persons", 3, "urban_dibao_persons", 1);
    expect("YZH012410000", 3, "dibao_persons", 1);
    expect("jzh011212100", 3, "dibao_spending", 1);
}

static void test_short(void **state)
{
    (void)state;
    /* No indicator has a one-character name. */
    expect("保", 3, "", 0);
    expect("孤", 3, "", 0);
    expect("a", 3, "", 0);
    expect("", 3, "", 0);
    expect("   ", 3, "", 0);
    expect("*", 3, "", 0);
    /* Codes are not looked inside. */
    expect("YZH", 3, "", 0);
    expect("dibao", 3, "", 0);
    expect("URBAN_DIBAO", 3, "", 0);
    /* Two characters are enough. */
    expect("特困", 3, "tekun_persons urban_tekun_persons rural_tekun_persons", naive_count("特困"));

    /* A one-character key matches that character, and only it. */
    statmatch_cat c = {0};
    statmatch_add(&c, "a", "孤");
    statmatch_add(&c, "b", "孤儿人数");
    statmatch_add(&c, "c", "X");
    size_t total;
    char *got = codes(&c, "孤", 3, &total);
    assert_string_equal(got, "a");
    assert_int_equal(total, 1);
    free(got);
    got = codes(&c, "孤儿", 3, &total);
    assert_string_equal(got, "b");
    free(got);
    got = codes(&c, "x", 3, &total); /* one ASCII character: never */
    assert_string_equal(got, "");
    free(got);
    statmatch_free(&c);
}

static void test_no_match(void **state)
{
    (void)state;
    expect("托底线", 3, "", 0);
    expect("城市低保人数合计总数", 3, "", 0);
    expect("'; DROP TABLE indicator; --", 3, "", 0);
    expect("\x1b[31m低保", 3, "", 0);
    expect("\xff\xfe低保", 3, "", 0);
    assert_int_equal(statmatch_find(&cat, NULL, NULL, 0), 0);
    statmatch_cat empty = {0};
    assert_int_equal(statmatch_find(&empty, "低保", NULL, 0), 0);
}

static void test_limit_and_order(void **state)
{
    (void)state;
    /* The limit cuts the list, not the count; max 0 only counts. */
    size_t all = naive_count("低保");
    expect("低保", 1, "dibao_persons", all);
    assert_int_equal(statmatch_find(&cat, "低保", NULL, 0), all);
    size_t total;
    char *got = codes(&cat, "低保", 63, &total);
    assert_int_equal(total, all);
    /* Catalogue order: the order of data/indicators.csv, whatever the keys' order. */
    assert_true(!strncmp(got, "dibao_persons urban_dibao_persons rural_dibao_persons "
                              "dibao_households",
                         strlen("dibao_persons urban_dibao_persons rural_dibao_persons "
                                "dibao_households")));
    free(got);

    /* A catalogue written here: its order, keys added in any order, one entry per code. */
    statmatch_cat c = {0};
    statmatch_add(&c, "z_last_code_first", "临时救助人次");
    statmatch_add(&c, "a_second", "城市临时救助支出");
    statmatch_add(&c, "z_last_code_first", "临时救助");
    statmatch_add(&c, "m_third", NULL); /* no key yet */
    statmatch_add(&c, "m_third", "临时救助平均水平");
    statmatch_add(&c, "n_none", "低保");
    assert_int_equal(c.n, 4);
    assert_int_equal(statmatch_index(&c, "m_third"), 2);
    assert_int_equal(statmatch_index(&c, "nothing"), -1);
    got = codes(&c, "临时救助", 3, &total);
    assert_string_equal(got, "z_last_code_first a_second m_third");
    assert_int_equal(total, 3);
    free(got);
    got = codes(&c, "臨時救助", 2, &total);
    assert_string_equal(got, "z_last_code_first a_second");
    assert_int_equal(total, 3);
    free(got);
    statmatch_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simplified),
        cmocka_unit_test(test_traditional_and_width),
        cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_short),
        cmocka_unit_test(test_no_match),
        cmocka_unit_test(test_limit_and_order),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
