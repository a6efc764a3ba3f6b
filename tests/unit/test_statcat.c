/* The indicator catalogue (core/statcat.h, data/indicators.csv built in): it parses, no two
 * indicators claim one key (the loader refuses to start otherwise: loader/stat_indicators.c),
 * every parent exists and shares its components' dimension, every unit reads; the keys of
 * names as sources publish them (numbering, Traditional characters, cumulative marks,
 * official codes); and statcat_parse's errors name their line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "statcat.h"
#include "statunit.h"
#include "xalloc.h"

extern const char embedded_indicators_csv[];
extern const unsigned long embedded_indicators_csv_len;

static void test_builtin_parses(void **state)
{
    (void)state;
    stat_catalogue cat;
    char *err = NULL;
    if (statcat_parse(embedded_indicators_csv, embedded_indicators_csv_len, &cat, &err) != 0)
        fail_msg("data/indicators.csv: %s", err);
    const stat_catalogue *b = statcat_builtin();
    assert_int_equal(b->n, cat.n);
    assert_true(cat.n >= 40);
    statcat_free(&cat);
}

typedef struct {
    char *key;
    size_t ind;
} key_of;

static int key_cmp(const void *a, const void *b)
{
    return strcmp(((const key_of *)a)->key, ((const key_of *)b)->key);
}

static void add(key_of **v, size_t *n, size_t *cap, const char *text, size_t len, size_t ind)
{
    char *one = xstrndup(text, len);
    char *k = statcat_key(one, NULL);
    free(one);
    if (!*k) {
        free(k);
        return;
    }
    *v = xgrow(*v, cap, *n + 1, sizeof **v);
    (*v)[(*n)++] = (key_of){k, ind};
}

/* The keys the loader writes to indicator_alias: of the name, each alias, the code and the
 * official code. One key, one indicator. */
static void test_no_key_claimed_twice(void **state)
{
    (void)state;
    const stat_catalogue *cat = statcat_builtin();
    key_of *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < cat->n; i++) {
        const stat_ind_def *d = &cat->v[i];
        add(&v, &n, &cap, d->name, strlen(d->name), i);
        add(&v, &n, &cap, d->code, strlen(d->code), i);
        add(&v, &n, &cap, d->official_code, strlen(d->official_code), i);
        for (const char *p = d->aliases; *p;) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            if (!len)
                fail_msg("%s: an empty alias", d->code);
            add(&v, &n, &cap, p, len, i);
            if (!bar)
                break;
            p = bar + 1;
        }
    }
    qsort(v, n, sizeof *v, key_cmp);
    for (size_t i = 1; i < n; i++)
        if (!strcmp(v[i - 1].key, v[i].key) && v[i - 1].ind != v[i].ind)
            fail_msg("key “%s” is claimed by %s and %s", v[i].key, cat->v[v[i - 1].ind].code,
                     cat->v[v[i].ind].code);
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
}

static int first_dim(const char *units, stat_unit *u)
{
    const char *bar = strchr(units, '|');
    char *one = xstrndup(units, bar ? (size_t)(bar - units) : strlen(units));
    int ok = stat_unit_parse(one, u);
    free(one);
    return ok;
}

static void test_units_and_parents(void **state)
{
    (void)state;
    const stat_catalogue *cat = statcat_builtin();
    for (size_t i = 0; i < cat->n; i++) {
        const stat_ind_def *d = &cat->v[i];
        assert_true(*d->units);
        /* every unit reads, already in its canonical spelling */
        for (const char *p = d->units; *p;) {
            const char *bar = strchr(p, '|');
            char *one = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));
            stat_unit u;
            if (!stat_unit_parse(one, &u))
                fail_msg("%s: unit “%s” does not read", d->code, one);
            assert_string_equal(u.name, one);
            assert_true(statcat_unit_allowed(d->units, one));
            free(one);
            if (!bar)
                break;
            p = bar + 1;
        }
        if (!*d->parent)
            continue;
        /* the parent exists, and components sum to it: the same dimension and measure */
        size_t j = 0;
        while (j < cat->n && strcmp(cat->v[j].code, d->parent))
            j++;
        if (j == cat->n)
            fail_msg("%s: parent %s is not in the catalogue", d->code, d->parent);
        stat_unit a, b;
        assert_true(first_dim(d->units, &a) && first_dim(cat->v[j].units, &b));
        if (a.dim != b.dim)
            fail_msg("%s (%s) does not sum to %s (%s)", d->code, d->units, d->parent,
                     cat->v[j].units);
        assert_int_equal(d->measure, cat->v[j].measure);
    }
    assert_false(statcat_unit_allowed("万人|人", "户"));
    assert_false(statcat_unit_allowed("万人|人", "万"));
}

/* The indicator a published name resolves to, the way the loader does it. */
static const stat_ind_def *resolve(const char *name, int *cum)
{
    const stat_catalogue *cat = statcat_builtin();
    char *key = statcat_key(name, cum);
    const stat_ind_def *found = NULL;
    for (size_t i = 0; i < cat->n && !found; i++) {
        const stat_ind_def *d = &cat->v[i];
        char *k = statcat_key(d->name, NULL);
        int hit = !strcmp(k, key);
        free(k);
        k = statcat_key(d->code, NULL);
        hit |= !strcmp(k, key);
        free(k);
        k = statcat_key(d->official_code, NULL);
        hit |= *k && !strcmp(k, key);
        free(k);
        for (const char *p = d->aliases; *p && !hit;) {
            const char *bar = strchr(p, '|');
            char *one = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));
            k = statcat_key(one, NULL);
            hit = !strcmp(k, key);
            free(k);
            free(one);
            if (!bar)
                break;
            p = bar + 1;
        }
        if (hit)
            found = d;
    }
    free(key);
    return found;
}

static void expect(const char *published, const char *code, int cumulative)
{
    int cum = -1;
    const stat_ind_def *d = resolve(published, &cum);
    if (!d)
        fail_msg("“%s” resolves to nothing", published);
    if (strcmp(d->code, code))
        fail_msg("“%s” resolves to %s, not %s", published, d->code, code);
    if (cum != cumulative)
        fail_msg("“%s”: cumulative mark %d, expected %d", published, cum, cumulative);
}

static void test_published_names(void **state)
{
    (void)state;
    expect("临时救助 *", "temp_relief_times", 1);
    expect("临时救助人次(累计)", "temp_relief_times", 1);
    expect("临时救助人次（累计）", "temp_relief_times", 1);
    expect("城鎮居民最低生活保障人數", "urban_dibao_persons", 0);
    expect("A 城市低保累计支出", "urban_dibao_spending", 0);
    expect("城市低保资金支出(累计)", "urban_dibao_spending", 1);
    expect("一、城市低保人数", "urban_dibao_persons", 0);
    expect("（一）农村低保人数", "rural_dibao_persons", 0);
    expect("2. 城乡低保对象", "dibao_persons", 0);
    expect("其中：城市特困人员数", "urban_tekun_persons", 0);
    expect("\xe3\x80\x80一、城市低保人数", "urban_dibao_persons", 0); /* U+3000 before */
    expect("城市 低保 人数", "urban_dibao_persons", 0);
    /* official codes, in any case; our own codes */
    expect("YZH012410000", "dibao_persons", 0);
    expect("yzh012410000", "dibao_persons", 0);
    expect("YZH011221100", "urban_dibao_spending", 0);
    expect("JZH011212110", "urban_dibao_spending", 0);
    expect("urban_dibao_persons", "urban_dibao_persons", 0);
    /* what the real local snapshots write (../shared/corpus/stats) */
    expect("城市居民最低保障家庭数", "urban_dibao_households", 0);
    expect("生活无着的流浪乞讨人员救助", "vagrant_relief_times", 0);
    expect("特困救助供养保障标准", "tekun_standard", 0);
    int cum;
    assert_null(resolve("城市低保人数增长", &cum));
    assert_null(resolve("", &cum));
    char *k = statcat_key("", &cum);
    assert_string_equal(k, "");
    assert_int_equal(cum, 0);
    free(k);
}

static void expect_error(const char *text, const char *message)
{
    stat_catalogue cat;
    char *err = NULL;
    assert_int_equal(statcat_parse(text, strlen(text), &cat, &err), -1);
    assert_non_null(err);
    if (!strstr(err, message))
        fail_msg("expected “%s”, got “%s”", message, err);
    assert_int_equal(cat.n, 0);
    assert_null(cat.v);
    free(err);
}

#define HEAD "code,name,aliases,units,measure,parent,official_code,note\n"

static void test_parse_errors(void **state)
{
    (void)state;
    stat_catalogue cat;
    char *err = NULL;
    const char *good = "# comment, with \"quotes\"\n" HEAD
                       "a,甲,,万人|人,point,,,\n"
                       "\n"
                       "b,乙,乙二,人,point,a,YZH1,\n";
    assert_int_equal(statcat_parse(good, strlen(good), &cat, &err), 0);
    assert_int_equal(cat.n, 2);
    assert_string_equal(cat.v[1].parent, "a");
    assert_string_equal(cat.v[0].units, "万人|人");
    statcat_free(&cat);

    expect_error("code,name,units\n", "line 1: no column aliases");
    expect_error("# only a comment\n", "line 1: no header");
    expect_error(HEAD "a,甲,,人,point,,,\na,乙,,人,point,,,\n", "line 3: duplicate code a");
    expect_error(HEAD "a,甲,,人,sometimes,,,\n", "line 2: unknown measure");
    expect_error(HEAD "a,甲,,人|斤,point,,,\n", "line 2: unknown unit 斤");
    expect_error(HEAD "a,甲,,,point,,,\n", "line 2: units are required");
    expect_error(HEAD ",甲,,人,point,,,\n", "line 2: code and name are required");
    expect_error("# one\n# two\n" HEAD "a,甲,,人,point,,,\nb,乙,,人,point,zz,,\n",
                 "line 5: parent not in the catalogue: zz");
    expect_error(HEAD "a,甲,,人,point,a,,\n", "line 2: an indicator cannot be its own parent");
    expect_error(HEAD "a,\"甲,,人,point,,,\n", "line 2");
}

static void test_measures(void **state)
{
    (void)state;
    enum stat_measure m;
    assert_true(stat_measure_parse("cumulative", &m));
    assert_int_equal(m, SM_CUMULATIVE);
    assert_false(stat_measure_parse("累计", &m));
    assert_string_equal(stat_measure_key(SM_AVERAGE), "average");
    assert_string_equal(stat_measure_label(SM_POINT), "时点数");
    const stat_ind_def *d = resolve("低保资金支出", NULL);
    assert_non_null(d);
    assert_int_equal(d->measure, SM_CUMULATIVE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_parses),   cmocka_unit_test(test_no_key_claimed_twice),
        cmocka_unit_test(test_units_and_parents), cmocka_unit_test(test_published_names),
        cmocka_unit_test(test_parse_errors),     cmocka_unit_test(test_measures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
