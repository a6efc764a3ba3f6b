/* Real data through the loader: tests/real/places.ini (NBS 2023 five levels and the
 * county-level code history of ../shared/corpus/places, read in place) into a temporary
 * database: what is rejected and why, counts per level, a village by its 12-digit code
 * with its whole path, a renamed county by its old name and code, pinyin keys, and the
 * look-up as of a date on rows no source dates (unknown before 数据截至). About 12 s.
 * Skipped, saying so, when ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"
#include "place.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int have_places, load_status;

static int setup(void **state)
{
    (void)state;
    static const char *const need[] = {"places/nbs-2023/villages.csv", NULL};
    if (!(have_places = ot_have_shared(need)))
        return 0;
    if (!(dir = ot_tmpdir("real_placeload")))
        return -1;
    load_status = ot_load_open(dir, "tests/real/places.ini", "places.db", &db_path, &log_text, &h);
    return load_status < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    if (h)
        db_close(h);
    if (dir)
        ot_rm_rf(dir);
    free(dir);
    free(db_path);
    free(log_text);
    return 0;
}

#define NEED_PLACES()                                                                       \
    do {                                                                                    \
        if (!have_places)                                                                   \
            skip();                                                                         \
    } while (0)

static long long count(const char *sql)
{
    return ot_scalar(h->h, sql);
}

static void test_rejected(void **state)
{
    (void)state;
    NEED_PLACES();
    assert_int_equal(load_status, 3);
    /* 台湾 coded 83 and 兵团 66 by the history collection are not GB/T 2260 codes */
    assert_non_null(strstr(log_text, "county-history/list.json:"));
    assert_non_null(strstr(log_text, "第1–2位“83”不是省级代码"));
    assert_int_equal(count("SELECT count(*) FROM division WHERE code LIKE '83%' OR code LIKE "
                           "'66%'"),
                     0);
}

static void test_levels(void **state)
{
    (void)state;
    NEED_PLACES();
    /* every NBS township and village, current */
    assert_int_equal(count("SELECT count(*) FROM division WHERE level = 4 AND ended = 0"), 41351);
    assert_int_equal(count("SELECT count(*) FROM division WHERE level = 5 AND ended = 0"),
                     620572);
    assert_int_equal(count("SELECT count(*) FROM division WHERE level = 1 AND ended = 0"), 31);
    /* every row below a province has a parent */
    assert_int_equal(count("SELECT count(*) FROM division WHERE level > 1 AND parent_code IS "
                           "NULL AND ended = 0"),
                     0);
}

static void test_village_path(void **state)
{
    (void)state;
    NEED_PLACES();
    /* 110101001001 up to the province through the parents the NBS rows give */
    const char *want[] = {"110101001001", "110101001", "110101", "110100", "110000"};
    char *code = xstrdup(want[0]);
    for (size_t i = 1; i < sizeof want / sizeof *want; i++) {
        char *sql = xasprintf("SELECT parent_code FROM division WHERE code = '%s' ORDER BY "
                              "ended LIMIT 1",
                              code);
        char *p = ot_text(h->h, sql);
        free(sql);
        assert_non_null(p);
        assert_string_equal(p, want[i]);
        free(code);
        code = p;
    }
    free(code);
    /* 110100 市辖区, a summary line NBS still prints, is a code the history ends */
    assert_int_equal(count("SELECT ended FROM division WHERE code = '110100'"), 1);
    char *name = ot_text(h->h, "SELECT name FROM division WHERE code = '110101001'");
    assert_string_equal(name, "东华门街道");
    free(name);
}

static void test_renamed_county(void **state)
{
    (void)state;
    NEED_PLACES();
    /* 南川县 512323 is found by its old name, ended, and points to 南川区 500119 */
    assert_int_equal(count("SELECT ended FROM division WHERE code = '512323' AND name = "
                           "'南川县'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division_key k JOIN division d ON d.id = "
                           "k.division WHERE k.kind = 0 AND k.key = '南川县' AND d.code = "
                           "'512323'"),
                     1);
    char *n = ot_text(h->h, "SELECT new_code FROM division_event_link WHERE old_code = '512323'");
    assert_string_equal(n, "500119");
    free(n);
    assert_int_equal(count("SELECT ended FROM division WHERE code = '500119'"), 0);
    /* pinyin keys of a polyphone name: 重庆市 both ways */
    assert_true(count("SELECT count(*) FROM division_key WHERE kind = 1 AND key = "
                      "'zhongqingshi'") >= 1);
    assert_true(count("SELECT count(*) FROM division_key WHERE kind = 1 AND key = "
                      "'chongqingshi'") >= 1);
}

/* The gazetteer's published spellings (ok_data_level4.csv): a name whose local reading
 * Unihan does not give first is found the way callers say it. */
static void expect_first(const char *q, const char *code)
{
    place_opts o = PLACE_OPTS_INIT;
    place_result r;
    char *err = NULL;
    if (place_lookup(h, q, &o, &r, &err) != 0)
        fail_msg("%s: %s", q, err);
    if (!r.n || strcmp(r.hits[0].code, code))
        fail_msg("%s: first hit %s %s, expected %s", q, r.n ? r.hits[0].code : "(none)",
                 r.n ? r.hits[0].name : "", code);
    place_result_free(&r);
}

static void test_published_pinyin(void **state)
{
    (void)state;
    NEED_PLACES();
    /* 43,118 rows; the 4 of 国外 (code 0) are rejected with their lines */
    assert_non_null(strstr(log_text, "pinyin/ok_data_level4.csv:43116: error: 区划代码“0”"));
    assert_int_equal(count("SELECT count(*) FROM place_name"), 43114);
    /* on the divisions of the same code and name, or the same name under the same parent */
    assert_true(count("SELECT count(*) FROM division WHERE pinyin IS NOT NULL") >= 40000);
    expect_first("luan", "341500");      /* 六安市: 六 lu, not liu */
    expect_first("laoting", "130225");   /* 乐亭县: 乐 lao */
    expect_first("kuaibin", "141081003"); /* 浍滨街道: 浍 kuai */
    expect_first("luhequ", "320116");    /* 六合区 */
    expect_first("chongqing", "500000"); /* and the customary ones still */
    expect_first("zhongqing", "500000");
}

/* The NBS tables and the county history give no dates: asked about 1990, 南川区 and
 * 南川县 are unknown, never guessed; from the data's date (2023-06-30) on, as it says. */
static void expect_at(const char *q, const char *date, enum place_at want)
{
    place_opts o = PLACE_OPTS_INIT;
    o.date = date;
    place_result r;
    char *err = NULL;
    if (place_lookup(h, q, &o, &r, &err) != 0)
        fail_msg("%s: %s", q, err);
    if (!r.n || r.hits[0].at != want || r.hits[0].hist.code_at != want)
        fail_msg("%s at %s: %s, expected %s", q, date, r.n ? place_at_key(r.hits[0].at) : "none",
                 place_at_key(want));
    assert_null(r.hits[0].valid_from);
    place_result_free(&r);
}

static void test_undated_as_of(void **state)
{
    (void)state;
    NEED_PLACES();
    expect_at("南川区", "1990-01-01", PLACE_AT_UNKNOWN);
    expect_at("南川县", "1990-01-01", PLACE_AT_UNKNOWN);
    expect_at("500119", "2023-06-30", PLACE_AT_IN_FORCE);
    expect_at("南川县", "2024", PLACE_AT_ENDED);
    place_opts o = PLACE_OPTS_INIT;
    o.date = "2024";
    place_result r;
    char *err = NULL;
    assert_int_equal(place_lookup(h, "南川县", &o, &r, &err), 0);
    assert_int_equal(r.hits[0].hist.nthen, 1); /* what the undated chain says from then on */
    assert_string_equal(r.hits[0].hist.then[0].code, "500119");
    place_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rejected),
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_village_path),
        cmocka_unit_test(test_renamed_county),
        cmocka_unit_test(test_undated_as_of),
        cmocka_unit_test(test_published_pinyin),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
