/* The place look-up as of a date (core/place.h place_opts.date, core/placeat.c): reading
 * the date (every form, partial dates as their first day, malformed ones refused); each
 * verdict (in force, not yet, ended, undated = unknown, a date inside a source's month or
 * year = cannot tell); the name then and the codes in force then along the history chain
 * (the demo corpus's dated 南川 chain, data/demo/places/dated-history.csv); the order
 * with a date; children then; the loader keeping dated rows over undated duplicates; and
 * a corpus written here (undated rows around the data's date, a rename with dates, rows
 * with only one date). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"
#include "place.h"

static char *dir;
static gk_db *demo, *own; /* the demo corpus, the corpus written here */

static gk_db *load(const char *corpus, const char *name)
{
    char *db_path = xasprintf("%s/%s.db", dir, name), *log = NULL, *err = NULL;
    char *corpora[] = {(char *)corpus};
    int rc = ot_load(db_path, 0, corpora, 1, &log);
    gk_db *h = NULL;
    if (rc != 0 || db_open(db_path, &h, &err) != 0)
        fprintf(stderr, "loading %s: status %d, %s\n%s\n", corpus, rc, err ? err : "", log);
    free(err);
    free(log);
    free(db_path);
    return h;
}

static int teardown(void **state)
{
    (void)state;
    db_close(demo);
    db_close(own);
    demo = own = NULL;
    ot_rm_rf(dir);
    free(dir);
    dir = NULL;
    return 0;
}

/* 数据截至 2020-06-30. 110105 and 110109 each come twice: an undated duplicate of a dated
 * row in the same state is dropped at load, one in another state (110109 current without
 * dates, ended 2000 with) is kept. */
static const char own_csv[] =
    "代码,名称,类型,上级,起始,终止,已撤销\n"
    "110000,北京市,直辖市,,,,\n"
    "110101,东城区,市辖区,110000,,,\n"
    "110105,朝阳区,市辖区,110000,1990-05-01,,\n"
    "110105,朝阳区,市辖区,110000,,,\n"
    "110106,丰台区,市辖区,110000,1980,2010-12-31,\n"
    "110107,石景山区,市辖区,110000,,2015,\n"
    "110108,海淀区,市辖区,110000,,,是\n"
    "110109,门头沟区,市辖区,110000,1980,2000,\n"
    "110109,门头沟区,市辖区,110000,,,\n"
    "130000,河北省,省,,,,\n"
    "130500,邢台市,地级市,130000,,,\n"
    "130503,桥西区,市辖区,130500,1983,2020-09,\n"
    "130503,信都区,市辖区,130500,2020-09,,\n";

static int setup(void **state)
{
    if (!(dir = ot_tmpdir("place_asof")))
        return -1;
    char *demo_dir = xasprintf("%s/data/demo", ot_root());
    char *own_dir = xasprintf("%s/own", dir);
    mkdir(own_dir, 0755);
    char *ini = xasprintf("%s/corpus.ini", own_dir), *csv = xasprintf("%s/d.csv", own_dir);
    int w = ot_write(ini, "[corpus]\nname = 日期测试（示例）\nas_of = 2020-06-30\n\n"
                          "[d]\nkind = divisions\npath = d.csv\nmap.code = 代码\n"
                          "map.name = 名称\nmap.type = 类型\nmap.parent_code = 上级\n"
                          "map.valid_from = 起始\nmap.valid_to = 终止\nmap.ended = 已撤销\n") |
            ot_write(csv, own_csv);
    demo = load(demo_dir, "demo");
    own = w ? NULL : load(own_dir, "own");
    free(demo_dir);
    free(own_dir);
    free(ini);
    free(csv);
    if (demo && own)
        return 0;
    teardown(state); /* cmocka does not call it when the setup fails */
    return -1;
}

/* Looks q up as of date (NULL: none); fails the test on a database error. */
static void look(gk_db *db, const char *q, const char *date, place_result *r)
{
    place_opts o = PLACE_OPTS_INIT;
    o.date = date;
    char *err = NULL;
    if (place_lookup(db, q, &o, r, &err) != 0)
        fail_msg("place_lookup(%s, %s): %s", q, date ? date : "-", err);
    assert_non_null(r->date);
}

/* The verdict of the first hit of q at date is want. */
static void expect_at(gk_db *db, const char *q, const char *date, enum place_at want)
{
    place_result r;
    look(db, q, date, &r);
    if (!r.n)
        fail_msg("%s at %s: nothing found (%s)", q, date, r.problem);
    if (r.hits[0].at != want)
        fail_msg("%s %s at %s: %s, expected %s", q, r.hits[0].code, date,
                 place_at_key(r.hits[0].at), place_at_key(want));
    place_result_free(&r);
}

static void test_date_parse(void **state)
{
    (void)state;
    static const char *const good[][2] = {
        {"1990-01-01", "1990-01-01"}, {"1990", "1990-01-01"},     {"2006-10", "2006-10-01"},
        {"2006年10月", "2006-10-01"}, {"2006年10月22日", "2006-10-22"}, {" 1997 ", "1997-01-01"},
        {"２００６年１０月", "2006-10-01"}, {"2000-02-29", "2000-02-29"},
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        char out[11];
        char *problem = NULL;
        if (place_date_parse(good[i][0], out, &problem) != 1 || strcmp(out, good[i][1]))
            fail_msg("%s: \"%s\", expected %s", good[i][0], out, good[i][1]);
        assert_null(problem);
    }
    static const char *const bad[] = {"1990-13-01", "1990-02-30", "1990-1-1x", "19900101",
                                      "abc", "1990-01-01x", "1899", "2101", "1990/13",
                                      "'; DROP TABLE division; --"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char out[11];
        char *problem = NULL;
        if (place_date_parse(bad[i], out, &problem) != -1 || !problem ||
            !strstr(problem, "无法识别"))
            fail_msg("%s: accepted as \"%s\"", bad[i], out);
        free(problem);
    }
    char out[11];
    assert_int_equal(place_date_parse("", out, NULL), 0);
    assert_int_equal(place_date_parse("  ", out, NULL), 0);
    assert_int_equal(place_date_parse(NULL, out, NULL), 0);
    assert_string_equal(out, "");
    assert_string_equal(place_at_label(PLACE_AT_IN_FORCE), "有效");
    assert_string_equal(place_at_label(PLACE_AT_NOT_YET), "尚未设立");
    assert_string_equal(place_at_label(PLACE_AT_ENDED), "已撤销");
    assert_string_equal(place_at_label(PLACE_AT_UNKNOWN), "来源未注明日期");
    assert_string_equal(place_at_label(PLACE_AT_NONE), "");
    assert_string_equal(place_at_key(PLACE_AT_UNSURE), "unsure");
}

static void test_verdicts(void **state)
{
    (void)state;
    /* 南川县 512323 1980 – 1994-04, 南川区 500119 from 2006-10 (示例 dates). */
    expect_at(demo, "南川县", "1990-01-01", PLACE_AT_IN_FORCE);
    expect_at(demo, "南川县", "1980-01-01", PLACE_AT_UNSURE); /* in the year it names */
    expect_at(demo, "南川县", "1979-12-31", PLACE_AT_NOT_YET);
    expect_at(demo, "南川县", "1994-03-31", PLACE_AT_IN_FORCE);
    expect_at(demo, "南川县", "1994-04-15", PLACE_AT_UNSURE);
    expect_at(demo, "南川县", "1994-05-01", PLACE_AT_ENDED);
    expect_at(demo, "南川区", "1990-01-01", PLACE_AT_NOT_YET);
    expect_at(demo, "南川区", "2006-10", PLACE_AT_UNSURE);
    expect_at(demo, "南川区", "2006-11", PLACE_AT_IN_FORCE);
    expect_at(demo, "南川区", "2100", PLACE_AT_IN_FORCE);
    /* A day-precision start: in force from that very day. */
    expect_at(own, "朝阳区", "1990-05-01", PLACE_AT_IN_FORCE);
    expect_at(own, "朝阳区", "1990-04-30", PLACE_AT_NOT_YET);
    expect_at(own, "丰台区", "2010-12-31", PLACE_AT_IN_FORCE); /* the last day counts */
    expect_at(own, "丰台区", "2011-01-01", PLACE_AT_ENDED);
    /* Only an end date: set up when, nobody says. */
    expect_at(own, "石景山区", "2010-01-01", PLACE_AT_UNKNOWN);
    expect_at(own, "石景山区", "2015-06-01", PLACE_AT_UNSURE);
    expect_at(own, "石景山区", "2016-01-01", PLACE_AT_ENDED);
}

static void test_undated(void **state)
{
    (void)state;
    /* No dates: unknown before the data's date (2020-06-30), as the data says from it. */
    expect_at(own, "东城区", "1990-01-01", PLACE_AT_UNKNOWN);
    expect_at(own, "东城区", "2020-06-29", PLACE_AT_UNKNOWN);
    expect_at(own, "东城区", "2020-06-30", PLACE_AT_IN_FORCE);
    expect_at(own, "海淀区", "2010-01-01", PLACE_AT_UNKNOWN); /* ended, but since when? */
    expect_at(own, "海淀区", "2021-01-01", PLACE_AT_ENDED);
    /* The demo's undated rows: 数据截至 2026-11-01. */
    expect_at(demo, "东城区", "1990-01-01", PLACE_AT_UNKNOWN);
    expect_at(demo, "东城区", "2026-11-01", PLACE_AT_IN_FORCE);
    place_result r;
    look(demo, "东城区", "1990", &r);
    assert_int_equal(r.hits[0].hist.code_at, PLACE_AT_UNKNOWN);
    assert_null(r.hits[0].hist.name_at);
    assert_int_equal(r.hits[0].hist.nthen, 0);
    assert_null(r.hits[0].valid_from);
    assert_null(r.hits[0].valid_to);
    place_result_free(&r);
}

static void expect_then(gk_db *db, const char *q, const char *date, const char *code,
                        const char *name)
{
    place_result r;
    look(db, q, date, &r);
    const place_history_t *h = &r.hits[0].hist;
    if (h->nthen != 1 || strcmp(h->then[0].code, code) || strcmp(h->then[0].name, name) ||
        h->then_unsure)
        fail_msg("%s at %s: %zu codes then (%s), expected %s %s", q, date, h->nthen,
                 h->nthen ? h->then[0].code : "-", code, name);
    assert_null(h->name_at);
    place_result_free(&r);
}

static void test_chain(void **state)
{
    (void)state;
    /* Backwards from 南川区, forwards from 南川县, to the code in force at the date. */
    expect_then(demo, "南川区", "1990-01-01", "512323", "南川县");
    expect_then(demo, "南川区", "1995-06-01", "512302", "南川市");
    expect_then(demo, "南川区", "2000-01-01", "500384", "南川市");
    expect_then(demo, "南川县", "2000-01-01", "500384", "南川市");
    expect_then(demo, "南川县", "2010-01-01", "500119", "南川区");
    expect_then(demo, "500384", "1990-01-01", "512323", "南川县");
    place_result r;
    look(demo, "南川县", "1990-01-01", &r); /* in force itself: its name, no chain */
    assert_int_equal(r.hits[0].hist.code_at, PLACE_AT_IN_FORCE);
    assert_string_equal(r.hits[0].hist.name_at, "南川县");
    assert_int_equal(r.hits[0].hist.nthen, 0);
    assert_string_equal(r.hits[0].valid_from, "1980");
    assert_string_equal(r.hits[0].valid_to, "1994-04");
    place_result_free(&r);
    /* In 1997 every code of the year cannot be told apart: said as such. */
    look(demo, "南川区", "1997-05", &r);
    const place_history_t *h = &r.hits[0].hist;
    assert_true(h->then_unsure);
    assert_int_equal(h->nthen, 3);
    assert_string_equal(h->then[0].code, "500384");
    place_result_free(&r);
    /* The history alone, as of a date and without one. */
    place_history_t hh;
    char *err = NULL;
    assert_int_equal(place_history_at(demo, "500119", "1990-01-01", &hh, &err), 0);
    assert_int_equal(hh.names[0].at, PLACE_AT_NOT_YET);
    assert_int_equal(hh.code_at, PLACE_AT_NOT_YET);
    assert_int_equal(hh.nthen, 1);
    assert_string_equal(hh.then[0].code, "512323");
    assert_true(hh.then[0].ended);
    place_history_free(&hh);
    assert_int_equal(place_history_at(demo, "500119", NULL, &hh, &err), 0);
    assert_int_equal(hh.code_at, PLACE_AT_NONE);
    assert_int_equal(hh.names[0].at, PLACE_AT_NONE);
    assert_null(hh.name_at);
    assert_int_equal(hh.nthen, 0);
    place_history_free(&hh);
}

static void test_rename(void **state)
{
    (void)state;
    /* 130503: 桥西区 1983 – 2020-09, then 信都区: the same code under its name then. */
    place_result r;
    look(own, "信都区", "2010-01-01", &r);
    assert_int_equal(r.hits[0].at, PLACE_AT_NOT_YET);
    assert_int_equal(r.hits[0].hist.code_at, PLACE_AT_IN_FORCE);
    assert_string_equal(r.hits[0].hist.name_at, "桥西区");
    assert_int_equal(r.hits[0].hist.nthen, 0);
    place_result_free(&r);
    look(own, "130503", "2010-01-01", &r); /* its rows: the one in force then first */
    assert_int_equal(r.n, 2);
    assert_string_equal(r.hits[0].name, "桥西区");
    assert_int_equal(r.hits[0].at, PLACE_AT_IN_FORCE);
    place_result_free(&r);
    look(own, "130503", NULL, &r); /* without a date: the current one first, as before */
    assert_string_equal(r.hits[0].name, "信都区");
    assert_int_equal(r.hits[0].at, PLACE_AT_NONE);
    place_result_free(&r);
}

static void test_order(void **state)
{
    (void)state;
    /* With a date: in force then, cannot tell, then not in force; level and code after. */
    place_result r;
    look(demo, "南川", "1990-01-01", &r);
    static const char *const at1990[] = {"512323", "500119", "500384", "512302", "517081"};
    assert_int_equal(r.n, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(r.hits[i].code, at1990[i]);
    assert_non_null(strstr(r.searched, "1990-01-01"));
    assert_string_equal(r.date, "1990-01-01");
    place_result_free(&r);
    look(demo, "南川", "2000", &r);
    assert_string_equal(r.hits[0].code, "500384");
    assert_int_equal(r.hits[0].at, PLACE_AT_IN_FORCE);
    place_result_free(&r);
    look(demo, "南川", NULL, &r); /* without: current first, as always */
    assert_string_equal(r.hits[0].code, "500119");
    assert_string_equal(r.date, "");
    assert_null(strstr(r.searched, "日期"));
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.hits[i].at, PLACE_AT_NONE);
    place_result_free(&r);
    /* 门头沟区: dated 1980 – 2000 and current without dates: both kept, order flips. */
    look(own, "门头沟区", "1990", &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.hits[0].valid_to, "2000");
    assert_int_equal(r.hits[0].at, PLACE_AT_IN_FORCE);
    assert_int_equal(r.hits[1].at, PLACE_AT_UNKNOWN);
    place_result_free(&r);
    look(own, "门头沟区", NULL, &r);
    assert_false(r.hits[0].ended);
    assert_null(r.hits[0].valid_to);
    place_result_free(&r);
}

static void expect_children(gk_db *db, const char *code, const char *date,
                            const char *const *want, const enum place_at *ats, size_t n)
{
    place_opts o = PLACE_OPTS_INIT;
    o.date = date;
    place_result r;
    char *err = NULL;
    assert_int_equal(place_children(db, code, &o, &r, &err), 0);
    if (r.n != n || r.total != n)
        fail_msg("children of %s at %s: %zu, expected %zu", code, date ? date : "-", r.n, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(r.hits[i].code, want[i]);
        if (ats)
            assert_int_equal(r.hits[i].at, ats[i]);
    }
    place_result_free(&r);
}

static void test_children(void **state)
{
    (void)state;
    /* 1985: 东城区 has no dates (listed as now, unknown); 朝阳区 not yet; 石景山区 and
     * 海淀区 are ended with no start: left out; 门头沟区 by its dated row. */
    static const char *const k1985[] = {"110101", "110106", "110109"};
    static const enum place_at a1985[] = {PLACE_AT_UNKNOWN, PLACE_AT_IN_FORCE,
                                          PLACE_AT_IN_FORCE};
    expect_children(own, "110000", "1985", k1985, a1985, 3);
    static const char *const k2021[] = {"110101", "110105", "110109"};
    static const enum place_at a2021[] = {PLACE_AT_IN_FORCE, PLACE_AT_IN_FORCE,
                                          PLACE_AT_IN_FORCE};
    expect_children(own, "110000", "2021-01-01", k2021, a2021, 3);
    expect_children(own, "110000", NULL, k2021, NULL, 3); /* current */
    static const char *const k2000[] = {"500384"};
    expect_children(demo, "500000", "2000", k2000, NULL, 1);
    static const char *const k2010[] = {"500119"};
    expect_children(demo, "500000", "2010", k2010, NULL, 1);
    expect_children(demo, "500000", "1990", NULL, NULL, 0);
    /* The children count of each hit stays the current one. */
    place_result r;
    look(own, "北京市", "1985", &r);
    assert_int_equal(r.hits[0].children, 3);
    place_result_free(&r);
}

static void test_loader_dedup(void **state)
{
    (void)state;
    /* An undated row that a dated row of the same code, name and state repeats is
     * dropped; one in another state stays. */
    assert_int_equal(ot_scalar(own->h, "SELECT count(*) FROM division WHERE code = '110105'"), 1);
    assert_int_equal(ot_scalar(own->h, "SELECT count(*) FROM division WHERE code = '110105' "
                                       "AND valid_from = '1990-05-01'"),
                     1);
    assert_int_equal(ot_scalar(own->h, "SELECT count(*) FROM division WHERE code = '110109'"), 2);
    /* The demo chain: each code once, with its dates, still ended by the changes. */
    static const char *const chain[] = {"512323", "512302", "517081", "500384", "500119"};
    for (size_t i = 0; i < 5; i++) {
        char *sql = xasprintf("SELECT count(*) FROM division WHERE code = '%s' AND "
                              "valid_from <> ''",
                              chain[i]);
        char *all = xasprintf("SELECT count(*) FROM division WHERE code = '%s'", chain[i]);
        assert_int_equal(ot_scalar(demo->h, sql), 1);
        assert_int_equal(ot_scalar(demo->h, all), 1);
        free(sql);
        free(all);
    }
    assert_int_equal(ot_scalar(demo->h, "SELECT count(*) FROM division WHERE ended = 0 AND "
                                        "code IN ('512323','512302','517081','500384')"),
                     0);
}

static void test_malformed(void **state)
{
    (void)state;
    place_result r;
    look(demo, "南川区", "1990-13-01", &r);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.route, PLACE_ROUTE_NONE);
    assert_non_null(strstr(r.problem, "无法识别"));
    place_result_free(&r);
    place_opts o = PLACE_OPTS_INIT;
    o.date = "yesterday";
    char *err = NULL;
    assert_int_equal(place_children(demo, "500000", &o, &r, &err), 0);
    assert_int_equal(r.n, 0);
    assert_non_null(strstr(r.problem, "无法识别"));
    place_result_free(&r);
    place_history_t h;
    assert_int_equal(place_history_at(demo, "500119", "1990-02-30", &h, &err), 2);
    assert_non_null(err);
    assert_non_null(strstr(err, "无法识别"));
    free(err);
    place_history_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_parse), cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_undated),    cmocka_unit_test(test_chain),
        cmocka_unit_test(test_rename),     cmocka_unit_test(test_order),
        cmocka_unit_test(test_children),   cmocka_unit_test(test_loader_dedup),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
