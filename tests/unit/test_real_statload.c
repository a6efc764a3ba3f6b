/* Real data through the statistics loader: tests/real/stats.ini (the national figures and
 * local snapshots of ../shared/corpus/stats, with the NBS 2023 provinces and cities for
 * their regions, read in place) into a temporary database: what loads and what is
 * rejected, the 2021 bulletin's figure with its unit and source, every indicator name
 * the files use found in the catalogue, and what the checks find in real figures (a
 * conflicting duplicate, jumps of a city's yearly counts). A copy of a file with one unit
 * changed, in the test's own directory, shows a wrong unit reported at its line. Skipped,
 * saying so, when ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "csv.h"
#include "orgtest.h"
#include "statcat.h"

static char *dir, *db_path, *log_text, *stats_dir;
static gk_db *h;
static int have_stats, load_status;

static int setup(void **state)
{
    (void)state;
    stats_dir = xasprintf("%s/../shared/corpus/stats", ot_root());
    static const char *const need[] = {"stats/national_social_assistance.csv",
                                       "places/nbs-2023/cities.csv", NULL};
    if (!(have_stats = ot_have_shared(need)))
        return 0;
    if (!(dir = ot_tmpdir("real_statload")))
        return -1;
    load_status = ot_load_open(dir, "tests/real/stats.ini", "stats.db", &db_path, &log_text, &h);
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
    free(stats_dir);
    return 0;
}

#define NEED_STATS()                                                                        \
    do {                                                                                    \
        if (!have_stats)                                                                    \
            skip();                                                                         \
    } while (0)

static void expect_log(const char *text)
{
    if (!strstr(log_text, text))
        fail_msg("expected in the load's messages: %s\n--- got:\n%s", text, log_text);
}

static int log_count(const char *text)
{
    int n = 0;
    for (const char *p = log_text; (p = strstr(p, text)); p += strlen(text))
        n++;
    return n;
}

static long long count(const char *sql)
{
    return ot_scalar(h->h, sql);
}

static void test_loaded_and_rejected(void **state)
{
    (void)state;
    NEED_STATS();
    assert_int_equal(load_status, 3);
    /* national: 98 rows, 96 stored (2024's 城市低保人数 625.0 and 625 are one figure; its
     * 农村低保人数 3361.5 and 3362 conflict: the first kept, a warning) */
    assert_int_equal(count("SELECT count(*) FROM stat_value v JOIN source s ON s.id = "
                           "v.source_id WHERE s.path = 'stats/national_social_assistance.csv'"),
                     96);
    /* local: 107 rows, 94 stored; the 13 of a page that names no city are rejected */
    assert_int_equal(count("SELECT count(*) FROM stat_value v JOIN source s ON s.id = "
                           "v.source_id WHERE s.path = 'stats/local_social_assistance_"
                           "snapshots.csv'"),
                     94);
    assert_int_equal(log_count(": error: "), 13);
    for (int line = 96; line <= 108; line++) {
        char *want = xasprintf("stats/local_social_assistance_snapshots.csv:%d: error: 地区“hhmz."
                               "gov.cn 所属市 (page does not name the city in the excerpt)”在行政"
                               "区划中找不到",
                               line);
        expect_log(want);
        free(want);
    }
    /* regions by name (北京市, 云南省, 福建省) and by path (福建省三明市) */
    assert_int_equal(count("SELECT count(DISTINCT region_code) FROM stat_value"), 5);
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE region_code = '350400' AND "
                           "region_name = '福建省三明市'"),
                     34);
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE region_code = '530000'"), 25);
}

static void test_bulletin_2021(void **state)
{
    (void)state;
    NEED_STATS();
    char *t = ot_text(h->h, "SELECT value || ' ' || unit || ' ' || period_start || ' ' || "
                            "period_end FROM stat_value WHERE indicator = 'urban_dibao_persons' "
                            "AND region_code = '000000' AND period_type = 'year' AND "
                            "period_end = '2021-12-31'");
    assert_non_null(t);
    assert_string_equal(t, "737.8 万人 2021-01-01 2021-12-31");
    free(t);
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE indicator = "
                           "'urban_dibao_persons' AND region_code = '000000' AND period_end = "
                           "'2021-12-31' AND source_doc LIKE '%2021年民政事业发展统计公报%' AND "
                           "note = 'bulletin text' AND source_url IS NULL"),
                     1);
    /* a link in the source column is kept as the link */
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE region_code = '110000' AND "
                           "source_url LIKE 'https://mzj.beijing.gov.cn/%' AND source_doc IS NULL"),
                     11);
    /* the rural standard in both units, as published */
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE indicator = "
                           "'rural_dibao_standard' AND unit = '元/人·年'"),
                     7);
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE indicator = "
                           "'rural_dibao_standard' AND unit = '元/人·月'"),
                     2);
    /* cumulative figures (城市低保资金支出(累计), 2014-09) span from January 1 */
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE indicator = "
                           "'urban_dibao_spending' AND period_type = 'month' AND period_start = "
                           "'2014-01-01' AND period_end = '2014-09-30' AND value = 504.6"),
                     1);
}

/* Every indicator name of both files has a key in indicator_alias. */
static void check_names(const char *file)
{
    char *path = xasprintf("%s/%s", stats_dir, file);
    size_t len;
    char *data = ot_slurp(path, &len);
    assert_non_null(data);
    csv_reader r;
    csv_row row;
    char err[200];
    csv_init(&r, data, len, ',', 1);
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    int col = csv_find_column(&row, "indicator");
    assert_true(col >= 0);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h->h,
                                        "SELECT indicator FROM indicator_alias WHERE key = ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    size_t rows = 0;
    while (csv_next(&r, &row, err, sizeof err) == 1) {
        char *key = statcat_key(row.fields[col], NULL);
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_ROW)
            fail_msg("%s:%zu: indicator “%s” is not in the catalogue", file, row.line,
                     row.fields[col]);
        sqlite3_reset(st);
        free(key);
        rows++;
    }
    assert_true(rows > 90);
    sqlite3_finalize(st);
    csv_free(&r);
    free(data);
    free(path);
}

static void test_every_name_in_catalogue(void **state)
{
    (void)state;
    NEED_STATS();
    check_names("national_social_assistance.csv");
    check_names("local_social_assistance_snapshots.csv");
    assert_int_equal(log_count("不在指标目录中"), 0);
}

/* What the checks find in the real figures (docs/data-formats.md lists them). */
static void test_findings(void **state)
{
    (void)state;
    NEED_STATS();
    expect_log("stats/national_social_assistance.csv:95: warning: 全国 2024年 农村低保人数 已由 "
               "stats/national_social_assistance.csv:62 给出 3361.5 万人，本行为 3362 万人");
    /* 三明: 城镇 11539 → 8772 → 5806 人, 农村 57355 → 42007 → 31531 人 (2014–2016) */
    expect_log("stats/local_social_assistance_snapshots.csv:80: warning: 城市低保人数 2015年 8772 "
               "人，比上期 2014年 11539 人 减少 24.0%");
    expect_log("stats/local_social_assistance_snapshots.csv:81: warning: 农村低保人数 2015年");
    expect_log("stats/local_social_assistance_snapshots.csv:82: warning: 城市低保人数 2016年");
    expect_log("stats/local_social_assistance_snapshots.csv:83: warning: 农村低保人数 2016年");
    assert_int_equal(log_count(": warning: "), 5);
    assert_int_equal(count("SELECT count(*) FROM stat_flag WHERE kind = 'jump'"), 4);
    assert_int_equal(count("SELECT count(*) FROM stat_flag WHERE kind = 'duplicate'"), 1);
    /* the totals the sources give add up within rounding (5164.6 = 1224 + 3940.6; Yunnan
     * 2023-09: 262 against 36.54 + 225.47) */
    assert_int_equal(count("SELECT count(*) FROM stat_flag WHERE kind IN ('sum', "
                           "'cumulative_falls')"),
                     0);
}

/* A copy of the national file with one unit changed (in the test's directory). */
static void test_wrong_unit(void **state)
{
    (void)state;
    NEED_STATS();
    char *src = xasprintf("%s/national_social_assistance.csv", stats_dir);
    char *data = ot_slurp(src, NULL);
    assert_non_null(data);
    /* line 3: 2021,year-end,全国,城市低保人数,737.8,万人,... */
    char *at = strstr(data, "城市低保人数,737.8,万人,");
    assert_non_null(at);
    buf_t b;
    buf_init(&b);
    buf_add(&b, data, (size_t)(at - data));
    buf_adds(&b, "城市低保人数,737.8,万户,");
    buf_adds(&b, at + strlen("城市低保人数,737.8,万人,"));
    char *copy_dir = xasprintf("%s/wrong-unit", dir);
    assert_int_equal(mkdir(copy_dir, 0755), 0);
    char *copy = xasprintf("%s/national.csv", copy_dir);
    assert_int_equal(ot_write(copy, b.s), 0);
    char *ini = xasprintf("%s/corpus.ini", copy_dir);
    assert_int_equal(ot_write(ini, "[corpus]\nname = wrong unit\n\n[national]\nkind = stats\n"
                                   "path = national.csv\nmap.period = period\n"
                                   "map.period_type = period_type\nmap.region = region\n"
                                   "map.indicator = indicator\nmap.value = value\n"
                                   "map.unit = unit\nmap.source = source\n"),
                     0);
    char *db = xasprintf("%s/wrong.db", copy_dir);
    char *corpora[] = {copy_dir};
    char *log = NULL;
    int status = ot_load(db, 0, corpora, 1, &log);
    assert_int_equal(status, 3);
    if (!strstr(log, "national.csv:3: error: 单位“万户”不适用于“城市低保人数”（可用：万人、人）"))
        fail_msg("got: %s", log);
    free(log);
    free(db);
    free(ini);
    free(copy);
    free(copy_dir);
    buf_free(&b);
    free(data);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded_and_rejected), cmocka_unit_test(test_bulletin_2021),
        cmocka_unit_test(test_every_name_in_catalogue), cmocka_unit_test(test_findings),
        cmocka_unit_test(test_wrong_unit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
