/* The division loader (loader/kind_divisions.c, kind_division_json.c, division_rows.c)
 * on tests/fixtures/places: codes stored canonical whatever form the source writes, bad
 * rows reported with file:line and skipped, parents from the source or from the code,
 * history names kept as earlier names, code changes linked and their old codes ended,
 * the name keys and the name index built. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fold.h"
#include "orgtest.h"
#include "place.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int load_status;

static int setup(void **state)
{
    (void)state;
    if (!(dir = ot_tmpdir("placeload")))
        return -1;
    load_status = ot_load_open(dir, "tests/fixtures/places", "places.db", &db_path, &log_text, &h);
    return load_status < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(h);
    ot_rm_rf(dir);
    free(dir);
    free(db_path);
    free(log_text);
    return 0;
}

static void expect_log(const char *text)
{
    if (!strstr(log_text, text))
        fail_msg("expected in the load's messages: %s\n--- got:\n%s", text, log_text);
}

static long long count(const char *sql)
{
    return ot_scalar(h->h, sql);
}

/* Published spellings (kind place_names): kept in place_name, put on the division of
 * the same code and name, or of the same name under the same parent (the fixture's
 * 341502002 is 341502001 in the division table), read first by the pinyin keys. */
static void test_place_names(void **state)
{
    (void)state;
    expect_log("names.csv:4: warning: 拼音“jin an shi”与“金安”的字数对不上，未用于检索");
    expect_log("names.csv:5: warning: 拼音“jin1 an”只能含字母、空格和撇号，未用于检索");
    expect_log("names.csv:6: error: 区划代码“12x”：");
    expect_log("names.csv:7: warning: 经度“200”不是 -180 到 180 之间的数，未存");
    assert_int_equal(count("SELECT count(*) FROM place_name"), 6);
    assert_int_equal(count("SELECT count(*) FROM place_name WHERE pinyin_key = 'lu an'"), 2);
    assert_int_equal(count("SELECT count(*) FROM place_name WHERE lon = 116.5 AND lat = 31.7 "
                           "AND meaning LIKE '示例%' AND category = '行政区划'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division WHERE code = '341500' AND "
                           "pinyin = 'lu an'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division WHERE code = '341502001' AND "
                           "pinyin = 'shi li dong'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division WHERE code = '341502' AND "
                           "pinyin IS NOT NULL"),
                     0);
    /* 六 is liu in Unihan: the published lu comes first in the keys. */
    assert_int_equal(count("SELECT count(*) FROM division_key k JOIN division d ON "
                           "d.id = k.division WHERE d.code = '341500' AND k.kind = 1 AND "
                           "k.key = 'luanshi'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division_key k JOIN division d ON "
                           "d.id = k.division WHERE d.code = '341500' AND k.kind = 2 AND "
                           "k.key = 'las'"),
                     1);

    /* The look-up reads 六安市 as lu an: found by luan, las and lu'an; liuan still works. */
    static const char *const queries[] = {"luan", "las", "lu'an", "liuan"};
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        place_opts o = PLACE_OPTS_INIT;
        o.gazetteer = 1;
        place_result r;
        char *err = NULL;
        assert_int_equal(place_lookup(h, queries[i], &o, &r, &err), 0);
        if (!r.n || strcmp(r.hits[0].code, "341500"))
            fail_msg("%s: first hit %s", queries[i], r.n ? r.hits[0].code : "(none)");
        assert_non_null(r.hits[0].pinyin);
        assert_string_equal(r.hits[0].pinyin, "lu an");
        /* Its gazetteer records (asked for), in load order, with what they give. */
        assert_int_equal(r.hits[0].hist.ngaz, 2);
        assert_string_equal(r.hits[0].hist.gaz[0].pinyin, "lu an");
        assert_true(r.hits[0].hist.gaz[0].has_coords);
        assert_non_null(r.hits[0].hist.gaz[0].meaning);
        assert_null(r.hits[0].hist.gaz[1].meaning);
        assert_string_equal(r.hits[0].hist.gaz[0].category, "行政区划");
        place_result_free(&r);
    }
}

static void test_rejections(void **state)
{
    (void)state;
    assert_int_equal(load_status, 3); /* loaded, some input rejected */
    expect_log("divisions.csv:7: error: 区划代码“11A101”：第3位“A”不是数字");
    expect_log("divisions.csv:8: error: 区划代码 110105 没有名称");
    expect_log("divisions.csv:16: warning: 上级代码 120101 不是 110101002 的上级（按代码）");
    expect_log("history.json:7: error: 区划代码“9”");
    expect_log("changes.json:6: error: “XX”不是区划代码");
    expect_log("broken.json:3: error: JSON：");
    assert_int_equal(count("SELECT count(*) FROM division WHERE code = '110105'"), 0);
}

static void test_codes_and_parents(void **state)
{
    (void)state;
    /* "11" and full-width digits are stored canonical */
    assert_int_equal(count("SELECT level FROM division WHERE code = '110000'"), 1);
    assert_int_equal(count("SELECT level FROM division WHERE code = '110102' AND name = '西城区'"),
                     3);
    char *p = ot_text(h->h, "SELECT parent_code FROM division WHERE code = '110101'");
    assert_string_equal(p, "110000"); /* the source's "11", normalised */
    free(p);
    /* no parent given: the nearest ancestor with a row (500100 has none) */
    p = ot_text(h->h, "SELECT parent_code FROM division WHERE code = '500119'");
    assert_string_equal(p, "500000");
    free(p);
    p = ot_text(h->h, "SELECT parent_code FROM division WHERE code = '110101001001'");
    assert_string_equal(p, "110101001");
    free(p);
    assert_int_equal(count("SELECT level FROM division WHERE code = '110101001001'"), 5);
}

static void test_history_and_changes(void **state)
{
    (void)state;
    /* 130503: the current name and the earlier one, ended */
    assert_int_equal(count("SELECT ended FROM division WHERE code = '130503' AND name = '信都区'"),
                     0);
    assert_int_equal(count("SELECT ended FROM division WHERE code = '130503' AND name = '桥西区'"),
                     1);
    /* a history name equal to the current one is not a second row */
    assert_int_equal(count("SELECT count(*) FROM division WHERE code = '500119'"), 1);
    /* the 南川 chain: every old code ended, linked to its successor */
    assert_int_equal(count("SELECT count(*) FROM division WHERE code IN ('512323', '512302', "
                           "'500384') AND ended = 1"),
                     3);
    char *n = ot_text(h->h, "SELECT new_code FROM division_event_link WHERE old_code = '512302'");
    assert_string_equal(n, "500384");
    free(n);
    /* a split: one event, two links; the column 已撤销 = 是 also ends a row */
    assert_int_equal(count("SELECT count(*) FROM division_event_link WHERE old_code = '430404' "
                           "AND relation = 'split_into'"),
                     2);
    assert_int_equal(
        count("SELECT count(*) FROM division_event e JOIN division_event_link l ON l.event_id = "
              "e.id WHERE l.old_code = '430404' AND e.event_type = '拆分'"),
        2);
    assert_int_equal(count("SELECT ended FROM division WHERE code = '430404'"), 1);
    assert_int_equal(count("SELECT ended FROM division WHERE code = '430407'"), 0);
    /* a change to a code no table lists (500112 -> 500157, as 渝北区 -> 两江新区 in the
     * real history) does not end the listed code; the link is kept */
    assert_int_equal(count("SELECT ended FROM division WHERE code = '500112'"), 0);
    assert_int_equal(count("SELECT count(*) FROM division_event_link WHERE old_code = '500112' "
                           "AND new_code = '500157'"),
                     1);
}

static void test_name_index(void **state)
{
    (void)state;
    /* every row has its folded name key; Traditional input folds onto it */
    assert_int_equal(count("SELECT count(*) FROM division d WHERE NOT EXISTS (SELECT 1 FROM "
                           "division_key k WHERE k.division = d.id AND k.kind = 0)"),
                     0);
    char *key = fold_utf8("東華門街道", strlen("東華門街道"));
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h->h,
                                        "SELECT d.code FROM division_key k JOIN division d ON "
                                        "d.id = k.division WHERE k.kind = 0 AND k.key = ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "110101001");
    sqlite3_finalize(st);
    free(key);
    /* pinyin keys: full spelling and initials, polyphones both ways (重 chong/zhong) */
    assert_int_equal(count("SELECT count(*) FROM division_key k JOIN division d ON d.id = "
                           "k.division WHERE k.kind = 1 AND k.key >= 'chongqing' AND k.key < "
                           "'chongqinh' AND d.code = '500000'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division_key k JOIN division d ON d.id = "
                           "k.division WHERE k.kind = 1 AND k.key >= 'zhongqing' AND k.key < "
                           "'zhongqinh' AND d.code = '500000'"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM division_key k JOIN division d ON d.id = "
                           "k.division WHERE k.kind = 2 AND k.key = 'dhmjd' AND d.code = "
                           "'110101001'"),
                     1);
    /* a part of a name through the FTS index */
    assert_int_equal(count("SELECT count(*) FROM division_fts WHERE division_fts MATCH '华门'"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_codes_and_parents),
        cmocka_unit_test(test_history_and_changes),
        cmocka_unit_test(test_name_index),
        cmocka_unit_test(test_place_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
