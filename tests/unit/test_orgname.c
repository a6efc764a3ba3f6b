/* Organisation-name matching for the blacklist check: keys, cores, distance, Dice, the
 * match ladder with its labels, legal look-alikes from published notes, hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "orgname.h"

static void assert_key(const char *name, const char *want)
{
    char *k = orgname_key(name);
    if (strcmp(k, want))
        fail_msg("key of \"%s\" is \"%s\", expected \"%s\"", name, k, want);
    free(k);
}

static void assert_same_key(const char *a, const char *b)
{
    char *ka = orgname_key(a), *kb = orgname_key(b);
    if (strcmp(ka, kb))
        fail_msg("\"%s\" -> \"%s\" and \"%s\" -> \"%s\" should share a key", a, ka, b, kb);
    free(ka);
    free(kb);
}

static void assert_core(const char *name, const char *want)
{
    char *k = orgname_key(name), *c = orgname_core(k);
    if (strcmp(c, want))
        fail_msg("core of \"%s\" is \"%s\", expected \"%s\"", name, c, want);
    free(k);
    free(c);
}

static void assert_match(const char *query, const char *name, enum orgname_match want)
{
    enum orgname_match got = orgname_compare(query, name, NULL);
    if (got != want)
        fail_msg("\"%s\" vs \"%s\": %d (%s), expected %d (%s)", query, name, got,
                 orgname_match_label(got), want, orgname_match_label(want));
}

/* The note's legal name, or NULL; compared with want (NULL: none expected). */
static void assert_note(const char *note, const char *want)
{
    char *got = orgname_confusable_from_note(note);
    if ((got == NULL) != (want == NULL) || (got && strcmp(got, want)))
        fail_msg("note \"%s\" gave \"%s\", expected \"%s\"", note, got ? got : "(null)",
                 want ? want : "(null)");
    free(got);
}

/* A new string of `count` copies of unit. */
static char *repeat(const char *unit, size_t count)
{
    size_t n = strlen(unit);
    char *s = malloc(n * count + 1);
    assert_non_null(s);
    for (size_t i = 0; i < count; i++)
        memcpy(s + i * n, unit, n);
    s[n * count] = '\0';
    return s;
}

static void test_key(void **state)
{
    (void)state;
    assert_key("中国美学研究会", "中国美学研究会");
    assert_same_key("中國美學研究會", "中国美学研究会");
    assert_same_key("中國 美學研究會", "中国美学研究会");
    assert_same_key("全国房地产ＣＩＯ联盟", "全国房地产CIO联盟");
    assert_key("全国房地产ＣＩＯ联盟", "全国房地产cio联盟"); /* case folded too */
    assert_key("全国房地产Cio联盟", "全国房地产cio联盟");
    assert_same_key("  中国\t美学　研究会 ", "中国美学研究会"); /* ASCII, tab, U+3000 */
    /* Brackets go, their contents stay: the region in brackets tells branches apart. */
    assert_key("上海合作国际中心（浙江）代表处", "上海合作国际中心浙江代表处");
    assert_same_key("上海合作国际中心(浙江)代表处", "上海合作国际中心（浙江）代表处");
    assert_same_key("“中国”美学·研究会。", "中国美学研究会");
    assert_key("", "");
    assert_key("（）・，。 ", "");
    /* Keyed as shown: escape sequences, C1 and bidi controls go whole, so the name on the
     * screen finds the organisation (issue 8). */
    assert_same_key("示例\033[2J\033]0;pwned\007\302\233X\342\200\256协会", "示例X协会");
    char *k = orgname_key(NULL);
    assert_string_equal(k, "");
    free(k);
}

static void test_core(void **state)
{
    (void)state;
    assert_core("中国美学研究会", "美学研究会");
    assert_core("中华美学研究会", "美学研究会");
    assert_core("全国美学研究会", "美学研究会");
    assert_core("中华人民共和国美学研究会", "美学研究会"); /* longest prefix first */
    assert_core("美学研究会", "美学研究会");
    assert_core("中華美學研究會", "美学研究会"); /* Traditional prefix */
    assert_core("中國美學研究會", "美学研究会");
    /* Only one prefix goes. */
    assert_core("中华全国总工会", "全国总工会");
    assert_core("中国中华文化促进会", "中华文化促进会");
    /* Too little would remain: the key stays whole. */
    assert_core("中国", "中国");
    assert_core("中国人", "中国人");
    assert_core("中国人寿", "人寿");
    assert_core("中华人民共和国", "中华人民共和国");
    assert_core("中华人民共和国国歌", "国歌");
    assert_core("", "");
    /* The prefix must lead the key. */
    assert_core("美学中国研究会", "美学中国研究会");
    char *c = orgname_core(NULL);
    assert_string_equal(c, "");
    free(c);
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(orgname_distance("中国室内装修协会", "中国室内装修协会", 5), 0);
    assert_int_equal(orgname_distance("中国室内装修协会", "中国室内装饰协会", 5), 1);
    assert_int_equal(orgname_distance("中国美学会", "中国美学研究会", 5), 2);  /* insertion */
    assert_int_equal(orgname_distance("中国美学研究会", "中国美学会", 5), 2);  /* deletion */
    assert_int_equal(orgname_distance("kitten", "sitting", 10), 3);
    assert_int_equal(orgname_distance("flaw", "lawn", 10), 2);
    assert_int_equal(orgname_distance("", "", 3), 0);
    assert_int_equal(orgname_distance("", "美学", 3), 2);
    assert_int_equal(orgname_distance("美学", "", 3), 2);
    /* Multibyte code points count once: 装修 -> 装饰 is one edit, not three bytes. */
    assert_int_equal(orgname_distance("修", "饰", 10), 1);
    assert_int_equal(orgname_distance("a", "饰", 10), 1);
    /* Cut-off: beyond max the answer is max + 1. */
    assert_int_equal(orgname_distance("kitten", "sitting", 2), 3);
    assert_int_equal(orgname_distance("kitten", "sitting", 1), 2);
    assert_int_equal(orgname_distance("kitten", "sitting", 0), 1);
    assert_int_equal(orgname_distance("abcdef", "ab", 2), 3); /* length gap alone */
    assert_int_equal(orgname_distance("abcdef", "abcdef", 0), 0);
    assert_int_equal(orgname_distance("abcdef", "uvwxyz", 3), 4);
    assert_int_equal(orgname_distance("abcdef", "uvwxyz", 6), 6);
    assert_int_equal(orgname_distance("abcdef", "uvwxyz", 2147483647), 6); /* no overflow */
    assert_int_equal(orgname_distance("ab", "ba", 5), 2);
    assert_int_equal(orgname_distance(NULL, "ab", 5), 2);
    assert_int_equal(orgname_distance("abc", "abc", -1), 0);
    assert_int_equal(orgname_distance("abc", "abd", -1), 1); /* negative max acts as 0 */
}

/* The banded algorithm against the plain full matrix, on every pair of short strings
 * over a two-letter alphabet and every max. */
static int full_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    int d[8][8];
    for (size_t i = 0; i <= n; i++)
        for (size_t j = 0; j <= m; j++) {
            if (!i || !j) {
                d[i][j] = (int)(i + j);
                continue;
            }
            int v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

static void test_distance_exhaustive(void **state)
{
    (void)state;
    char a[8], b[8];
    for (int la = 0; la <= 5; la++)
        for (int ma = 0; ma < 1 << la; ma++)
            for (int lb = 0; lb <= 5; lb++)
                for (int mb = 0; mb < 1 << lb; mb++) {
                    for (int i = 0; i < la; i++)
                        a[i] = (char)('x' + (ma >> i & 1));
                    for (int i = 0; i < lb; i++)
                        b[i] = (char)('x' + (mb >> i & 1));
                    a[la] = b[lb] = '\0';
                    int want = full_distance(a, b);
                    for (int max = 0; max <= 6; max++) {
                        int got = orgname_distance(a, b, max);
                        int exp = want <= max ? want : max + 1;
                        if (got != exp)
                            fail_msg("distance(%s, %s, %d) = %d, expected %d", a, b, max,
                                     got, exp);
                    }
                }
}

static void test_dice(void **state)
{
    (void)state;
    assert_true(orgname_dice("中国美学研究会", "中国美学研究会") == 1.0);
    assert_true(orgname_dice("中国美学研究会", "湖南省慈善总会") == 0.0);
    assert_true(orgname_dice("中国室内装修协会", "中国室内装饰协会") >= 0.7);
    assert_true(orgname_dice("中国室内装修协会", "中国室内装饰协会") < 1.0);
    assert_float_equal(orgname_dice("国际茶文化交流协会", "茶文化国际交流协会"), 0.75, 1e-9);
    assert_int_equal(orgname_distance("国际茶文化交流协会", "茶文化国际交流协会", 9), 4);
    /* Sets, not multisets: 哈哈哈 has one bigram. */
    assert_true(orgname_dice("哈哈哈", "哈哈") == 1.0);
    /* ab, bc vs ab, bd: one of two shared on each side. */
    assert_float_equal(orgname_dice("abc", "abd"), 0.5, 1e-9);
    /* One code point: equal or not. */
    assert_true(orgname_dice("会", "会") == 1.0);
    assert_true(orgname_dice("会", "协") == 0.0);
    assert_true(orgname_dice("会", "协会") == 0.0);
    assert_true(orgname_dice("", "") == 1.0);
    assert_true(orgname_dice("", "协会") == 0.0);
    double d = orgname_dice("硬笔书法协会", "现代硬笔书法研究会");
    assert_true(d > 0.0 && d < 0.75);
}

static void test_compare_ladder(void **state)
{
    (void)state;
    /* One realistic pair per level, with the label the console shows for it. */
    static const struct {
        const char *query, *name;
        enum orgname_match want;
        const char *label;
    } cases[] = {
        {"中国美学研究会", "中国美学研究会", ONM_EXACT, "名称一致"},
        {"  中国美学研究会　", "中国美学研究会", ONM_EXACT, "名称一致"}, /* outer spaces */
        {"中國美學研究會", "中国美学研究会", ONM_FOLDED, "繁简或全半角写法不同"},
        {"全国房地产ＣＩＯ联盟", "全国房地产CIO联盟", ONM_FOLDED, "繁简或全半角写法不同"},
        {"全国房地产cio联盟", "全国房地产CIO联盟", ONM_FOLDED, "繁简或全半角写法不同"},
        {"上海合作国际中心（浙江）代表处", "上海合作国际中心(浙江)代表处", ONM_FOLDED,
         "繁简或全半角写法不同"},
        {"上海合作国际中心浙江代表处", "上海合作国际中心（浙江）代表处", ONM_PUNCT,
         "标点、括号或空格不同"},
        {"中國 美學研究會", "中国美学研究会", ONM_PUNCT, "标点、括号或空格不同"},
        {"中华美学研究会", "中国美学研究会", ONM_PREFIX, "“中国/中华/全国”前缀不同"},
        {"美学研究会", "中国美学研究会", ONM_PREFIX, "“中国/中华/全国”前缀不同"},
        {"中華美學研究會", "全国美学研究会", ONM_PREFIX, "“中国/中华/全国”前缀不同"},
        {"硬笔书法", "中国硬笔书法协会", ONM_CONTAINS, "名称包含所查文字"},
        {"国际文化交流", "世界华人国际文化交流协会", ONM_CONTAINS, "名称包含所查文字"},
        {"中国硬笔书法协会北京分会", "中国硬笔书法协会", ONM_CONTAINED, "所查文字包含该名称"},
        {"中国室内装修协会", "中国室内装饰协会", ONM_SIMILAR, "名称相近"},
        /* cores of 8 and 7: one edit (总) */
        {"中华国际美学研究总会", "国际美学研究会", ONM_SIMILAR, "名称相近"},
        /* words swapped: 4 edits, but 6 of 8 bigrams shared (Dice 0.75) */
        {"中国国际茶文化交流协会", "中国茶文化国际交流协会", ONM_SIMILAR, "名称相近"},
        {"中国美学研究会", "湖南省慈善总会", ONM_NONE, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_match(cases[i].query, cases[i].name, cases[i].want);
        assert_string_equal(orgname_match_label(cases[i].want), cases[i].label);
    }

    /* The published look-alike is NOT similar by name: only the note links them. */
    double sim = -1;
    assert_int_equal(orgname_compare("中国硬笔书法协会", "中国现代硬笔书法研究会", &sim),
                     ONM_NONE);
    assert_true(sim > 0.0 && sim < 0.75);
    assert_int_equal(orgname_compare("中国美学研究会", "中国美学研究会", &sim), ONM_EXACT);
    assert_true(sim == 1.0);
}

static void test_compare_precedence(void **state)
{
    (void)state;
    /* An exact match also satisfies every weaker relation; it must win. */
    assert_match("中国硬笔书法协会", "中国硬笔书法协会", ONM_EXACT);
    /* Folded beats punct: same spacing, different script. */
    assert_match("中國 美學研究會", "中国 美学研究会", ONM_FOLDED);
    /* Prefix beats contained: 中国XX协会 contains XX协会, but the cores are equal. */
    assert_match("中国硬笔书法协会", "硬笔书法协会", ONM_PREFIX);
    assert_match("硬笔书法协会", "中国硬笔书法协会", ONM_PREFIX);
    /* Contains beats similar: 中国室内装修协 is one edit away, but inside the name. */
    assert_match("中国室内装修协", "中国室内装修协会", ONM_CONTAINS);
    /* Contains needs 2 query code points; contained needs 4 name code points. */
    assert_match("协", "中国硬笔书法协会", ONM_NONE);
    assert_match("协会", "中国硬笔书法协会", ONM_CONTAINS);
    assert_match("中国硬笔书法协会", "书法协会", ONM_CONTAINED);
    assert_match("中国硬笔书法协会", "书法会", ONM_NONE);
    assert_match("中国硬笔书法协会", "法协会", ONM_NONE);
    /* Similar by distance needs cores of at least 4: 美学会/美术会 are different. */
    assert_match("中国美学会", "中国美术会", ONM_NONE);
    /* 8 or more code points allow two edits; 4..7 only one. */
    assert_match("中国室内装修装饰协会", "中国室内装潢装璜协会", ONM_SIMILAR);
    assert_match("中国装修装饰协会", "中国装潢装璜协会", ONM_NONE);
    /* Nothing to compare: punctuation-only or empty input matches nothing. */
    double sim = -1;
    assert_int_equal(orgname_compare("", "中国美学研究会", &sim), ONM_NONE);
    assert_true(sim == 0.0);
    assert_match("（）", "（）", ONM_NONE);
    assert_match(NULL, "中国美学研究会", ONM_NONE);
    assert_match("中国美学研究会", NULL, ONM_NONE);
}

static void test_labels(void **state)
{
    (void)state;
    assert_string_equal(orgname_match_label(ONM_EXACT), "名称一致");
    assert_string_equal(orgname_match_label(ONM_FOLDED), "繁简或全半角写法不同");
    assert_string_equal(orgname_match_label(ONM_PUNCT), "标点、括号或空格不同");
    assert_string_equal(orgname_match_label(ONM_PREFIX), "“中国/中华/全国”前缀不同");
    assert_string_equal(orgname_match_label(ONM_CONTAINS), "名称包含所查文字");
    assert_string_equal(orgname_match_label(ONM_CONTAINED), "所查文字包含该名称");
    assert_string_equal(orgname_match_label(ONM_SIMILAR), "名称相近");
    assert_string_equal(orgname_match_label(ONM_NONE), "");
    assert_string_equal(orgname_match_label((enum orgname_match)99), "");
}

static void test_note(void **state)
{
    (void)state;
    assert_note("合法登记的为中国硬笔书法协会", "中国硬笔书法协会");
    assert_note("（合法登记的为中国硬笔书法协会）", "中国硬笔书法协会");
    assert_note("（合法登记的是中国美学研究会）", "中国美学研究会");
    assert_note("(合法登记的是中国美学研究会)", "中国美学研究会");
    assert_note("合法组织为中国室内装饰协会。", "中国室内装饰协会");
    assert_note("依法登记的为中华慈善总会；", "中华慈善总会");
    assert_note("与合法登记的中国硬笔书法协会名称相近", "中国硬笔书法协会");
    assert_note("该组织与合法登记的“中国美学研究会”名称相近，请注意区分。", "中国美学研究会");
    /* Trailing spaces and punctuation, a clause after a comma. */
    assert_note("合法登记的为中国硬笔书法协会 。 ", "中国硬笔书法协会");
    assert_note("合法登记的为中国硬笔书法协会，请勿混淆", "中国硬笔书法协会");
    assert_note("合法登记的为：“中国硬笔书法协会”", "中国硬笔书法协会");
    /* A bracket that belongs to the name stays. */
    assert_note("（合法登记的为中国美学研究会（北京））", "中国美学研究会（北京）");
    /* Traditional notes (the page was in Traditional before conversion). */
    assert_note("（合法登記的為中國硬筆書法協會）", "中國硬筆書法協會");
    /* No legal name. */
    assert_note("page in Traditional Chinese; converted with OpenCC t2s", NULL);
    assert_note("", NULL);
    assert_note(NULL, NULL);
    assert_note("合法登记的为", NULL);
    assert_note("（合法登记的为）", NULL);
    assert_note("合法登记的为会。", NULL); /* one code point */
    assert_note("与合法登记的名称相近", NULL);
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(orgname_valid("中国美学研究会"));
    assert_true(orgname_valid("  中国美学研究会  "));
    assert_true(orgname_valid("会"));
    assert_false(orgname_valid(NULL));
    assert_false(orgname_valid(""));
    assert_false(orgname_valid(" \t　 "));
    assert_false(orgname_valid("（）——。"));
    char *s = repeat("会", 66); /* 198 bytes */
    assert_true(orgname_valid(s));
    free(s);
    s = repeat("会", 67); /* 201 bytes */
    assert_false(orgname_valid(s));
    free(s);
}

static void test_hostile(void **state)
{
    (void)state;
    /* Invalid UTF-8: lone continuation bytes, truncated sequence, overlong, surrogate. */
    const char *bad = "\x80\xbf中\xe4\xb8国\xc0\xaf会\xed\xa0\x80\xff";
    char *k = orgname_key(bad);
    assert_string_equal(k, "中国会");
    char *c = orgname_core(k);
    assert_string_equal(c, "中国会"); /* 中国 would leave one code point */
    free(c);
    free(k);
    assert_true(orgname_distance(bad, "中国会", 100) >= 0);
    assert_true(orgname_dice(bad, bad) == 1.0);
    assert_int_equal(orgname_compare(bad, "中国会", NULL), ONM_PUNCT);
    assert_note("合法登记的为\xff\xfe", NULL);
    assert_note("合法登记的为中国\xff协会", "中国\xff协会");
    assert_false(orgname_valid("\xff\xfe"));
    /* A note cut in the middle of a character. */
    assert_note("合法登记的为中国硬笔书法协\xe4\xbc", "中国硬笔书法协\xe4\xbc");

    /* 10 kB names: bounded work. A full matrix would take 10^8 steps per call; with a
     * small max the banded algorithm takes a few times 10^4, so this loop is quick. */
    char *a = repeat("会", 3400), *b = repeat("会", 3400), *x = repeat("ab", 5000),
         *y = repeat("ba", 5000);
    b[3 * 1700] = 'x'; /* one code point replaced by x and two stray bytes */
    for (int i = 0; i < 50; i++) {
        assert_int_equal(orgname_distance(x, y, 2), 2);      /* shift by one: 2 edits */
        assert_int_equal(orgname_distance(a, x, 2), 3);
        assert_true(orgname_distance(a, b, 2) == 3);
    }
    assert_int_equal(orgname_distance(x, x, 2147483647), 0);
    double d = orgname_dice(x, y);
    assert_true(d == 1.0); /* both have the bigram set {ab, ba} */
    assert_int_equal(orgname_compare(a, a, NULL), ONM_EXACT);
    assert_int_equal(orgname_compare("会会", a, NULL), ONM_CONTAINS);
    assert_false(orgname_valid(a));
    k = orgname_key(x);
    assert_int_equal(strlen(k), 10000);
    free(k);
    char *note = malloc(strlen(a) + 64);
    assert_non_null(note);
    strcpy(note, "合法登记的为");
    strcat(note, a);
    assert_note(note, NULL); /* far too long for a name */
    free(note);
    /* Thousands of stray closing brackets and spaces: trimmed in one pass, not n^2. */
    char *tail = repeat("） ", 3000);
    note = malloc(strlen(tail) + 64);
    assert_non_null(note);
    strcpy(note, "（合法登记的为中国硬笔书法协会");
    strcat(note, tail);
    assert_note(note, "中国硬笔书法协会");
    free(note);
    free(tail);
    free(a);
    free(b);
    free(x);
    free(y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_core),
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_distance_exhaustive),
        cmocka_unit_test(test_dice),
        cmocka_unit_test(test_compare_ladder),
        cmocka_unit_test(test_compare_precedence),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_note),
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
