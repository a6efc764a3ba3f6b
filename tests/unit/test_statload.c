/* The statistics loader (loader/kind_stats.c and its parts) on tests/fixtures/stats: the
 * catalogue written into every database; tall rows with regions by name, path, manifest
 * entry and code, units stored canonical, numbers as published, cumulative spans from
 * January 1, duplicates and revisions; each error reported with its file:line (and column
 * in a wide table); the checks after the load (sums, cumulative falls, jumps, duplicates)
 * as warnings and stat_flag rows; the old database unchanged when a strict load fails. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"
#include "stat_rows.h"
#include "statcat.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int load_status;

static int setup(void **state)
{
    (void)state;
    if (!(dir = ot_tmpdir("statload")))
        return -1;
    load_status = ot_load_open(dir, "tests/fixtures/stats", "stats.db", &db_path, &log_text, &h);
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

static char *text(const char *sql)
{
    return ot_text(h->h, sql);
}

static void expect_text(const char *sql, const char *want)
{
    char *got = text(sql);
    if (!got || strcmp(got, want))
        fail_msg("%s\n  got:  %s\n  want: %s", sql, got ? got : "(no row)", want);
    free(got);
}

/* A value by its file and line: "SELECT col FROM v WHERE ..." over stat_value + path. */
#define AT(file, line)                                                                      \
    " FROM stat_value v JOIN source s ON s.id = v.source_id WHERE s.path = '" file            \
    "' AND v.line = " #line

static void test_catalogue(void **state)
{
    (void)state;
    const stat_catalogue *cat = statcat_builtin();
    assert_int_equal(count("SELECT count(*) FROM indicator"), (long long)cat->n);
    expect_text("SELECT code FROM indicator WHERE ord = 1", cat->v[1].code);
    expect_text("SELECT measure_type FROM indicator WHERE code = 'dibao_spending'", "cumulative");
    expect_text("SELECT parent_code FROM indicator WHERE code = 'urban_dibao_persons'",
                "dibao_persons");
    /* keys of names, aliases, codes and official codes */
    char *key = statcat_key("城鎮居民最低生活保障人數", NULL);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h->h,
                                        "SELECT indicator FROM indicator_alias WHERE key = ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "urban_dibao_persons");
    sqlite3_finalize(st);
    free(key);
    expect_text("SELECT indicator FROM indicator_alias WHERE key = 'YZH012410000'",
                "dibao_persons");
    expect_text("SELECT indicator FROM indicator_alias WHERE key = 'URBAN_DIBAO_PERSONS'",
                "urban_dibao_persons");
}

static void test_tall(void **state)
{
    (void)state;
    assert_int_equal(load_status, 3); /* loaded, some input rejected */
    expect_text("SELECT region_code || ' ' || period_type || ' ' || period_start || ' ' || "
                "period_end || ' ' || value || ' ' || unit || ' ' || source_doc || ' ' || "
                "published" AT("tall.csv", 2),
                "000000 year 2021-01-01 2021-12-31 737.8 万人 2021年民政事业发展统计公报 2022-08-26");
    /* 中国 is the nation; a link in the source column is the link */
    expect_text("SELECT region_code || ' ' || region_name || ' ' || source_url || ' ' || "
                "(source_doc IS NULL)" AT("tall.csv", 3),
                "000000 中国 https://www.mca.gov.cn/示例公报.html 1");
    /* by official code alone */
    expect_text("SELECT indicator" AT("tall.csv", 4), "dibao_persons");
    /* the same figure in 人 from another source: dropped without a word */
    assert_int_equal(count("SELECT count(*)" AT("tall.csv", 5)), 0);
    assert_int_equal(log_count("tall.csv:5:"), 0);
    assert_int_equal(count("SELECT count(*) FROM stat_value WHERE indicator = "
                           "'urban_dibao_persons' AND region_code = '000000' AND "
                           "period_end = '2021-12-31'"),
                     1);
    /* a revision replaces the first figure */
    expect_text("SELECT value || ' ' || revised || ' ' || line FROM stat_value WHERE indicator = "
                "'urban_dibao_persons' AND region_code = '000000' AND period_end = '2022-12-31'",
                "695.0 1 7");
    assert_int_equal(log_count("tall.csv:6:"), 0);
    /* numbers as published, units canonical, both units of the rural standard */
    expect_text("SELECT value_raw || ' ' || value || ' ' || unit || ' ' || region_code" AT(
                    "tall.csv", 8),
                "1,245.0 1245.0 元/人·月 110000");
    expect_text("SELECT value || ' ' || unit" AT("tall.csv", 9), "14940.0 元/人·年");
    expect_text("SELECT value || ' ' || unit || ' ' || period_type" AT("tall.csv", 10),
                "1250.0 元/人·月 month");
    /* regions: a path in Traditional characters, a path, a short name, a manifest entry,
     * a name, a code; the name as written is kept */
    expect_text("SELECT region_code || ' ' || region_name" AT("tall.csv", 11),
                "220100 吉林省長春市");
    expect_text("SELECT region_code" AT("tall.csv", 12), "350400");
    expect_text("SELECT region_code" AT("tall.csv", 13), "350400");
    expect_text("SELECT region_code" AT("tall.csv", 14), "339999");
    expect_text("SELECT region_code" AT("tall.csv", 15), "339921");
    expect_text("SELECT region_code || ' ' || region_name" AT("tall.csv", 16), "339921 339921");
    /* cumulative figures span from January 1 */
    expect_text("SELECT period_type || ' ' || period_start || ' ' || period_end || ' ' || value" AT(
                    "tall.csv", 17),
                "month 2023-01-01 2023-06-30 3000.5");
    expect_text("SELECT indicator || ' ' || period_type || ' ' || period_start || ' ' || "
                "period_end" AT("tall.csv", 18),
                "dibao_spending quarter 2023-01-01 2023-09-30");
    expect_text("SELECT indicator || ' ' || period_type || ' ' || period_start || ' ' || "
                "period_end" AT("tall.csv", 19),
                "temp_relief_times half 2023-01-01 2023-06-30");
    /* flags: an unreadable one is a warning (the value loads), a derivation marks it */
    expect_log("tall.csv:20: warning: 修订标记“maybe”不是 1/0、是/否、yes/no，按否处理");
    expect_text("SELECT revised" AT("tall.csv", 20), "0");
    expect_text("SELECT derived || ' ' || derivation" AT("tall.csv", 21), "1 按上月数推算（示例）");
    assert_int_equal(count("SELECT count(*) FROM stat_value v JOIN source s ON s.id = "
                           "v.source_id WHERE s.path = 'tall.csv'"),
                     18);
    /* a manifest entry that is not a code: the manifest's line */
    expect_log("corpus.ini:34: error: [tall] region.示例旧区 = 33A：不是区划代码");
}

static void test_errors(void **state)
{
    (void)state;
    static const char *const want[] = {
        "errors.csv:2: error: 指标“城市低保人口数”不在指标目录中",
        "errors.csv:3: error: 单位“斤”无法识别",
        "errors.csv:4: error: 单位“户”不适用于“城市低保人数”（可用：万人、人）",
        "errors.csv:5: error: 期别“2021年第五季度”无法识别",
        "errors.csv:6: error: 期别类型“year-end”与期别“2021-03”（2021年3月）不符",
        "errors.csv:7: error: 期别类型“weekly”无法识别",
        "errors.csv:8: error: 数值“约700”不是数字",
        "errors.csv:9: error: “城市低保人数(累计)”标为累计数，但“城市低保人数”是时点数",
        "errors.csv:10: error: 累计数应自当年1月1日起：起始日期 2021-04-01 不是 2021-01-01",
        "errors.csv:11: error: 地区“朝阳区”对应 2 个行政区划：110105 朝阳区（北京市）、220104 "
        "朝阳区（长春市）",
        "errors.csv:12: error: 地区“火星市”在行政区划中找不到",
        "errors.csv:13: error: 地区代码“990000”：第1–2位“99”不是省级代码",
        "errors.csv:14: error: 指标“城市低保人数”与指标代码“YZH012410000”（城乡低保人数）不是同一指标",
        "errors.csv:15: error: 缺少数值",
        "errors.csv:16: error: 截止日期 2021-03-30 与期别2021年3月（至 2021-03-31）不符",
        "errors.csv:17: error: 地区“吉林”对应 2 个行政区划：220000 吉林省、220200 吉林市（吉林省）",
        "errors.csv:18: error: 缺少地区",
        "errors.csv:19: error: 缺少单位（城市低保人数 可用：万人、人）",
        "errors.csv:20: error: 起始日期“2021-13-01”不是日期",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        expect_log(want[i]);
    /* every row of the file is rejected, each once */
    assert_int_equal(log_count("errors.csv:"), 19);
    assert_int_equal(count("SELECT count(*) FROM stat_value v JOIN source s ON s.id = "
                           "v.source_id WHERE s.path = 'errors.csv'"),
                     0);
}

static void test_wide(void **state)
{
    (void)state;
    /* header problems: at the header's line, the column left out, the rest loaded */
    expect_log("wide.csv:1: error: 列“城市低保户数（人）”：单位“人”不适用于“城市低保户数”"
               "（可用：万户、户）；此列未载入");
    expect_log("wide.csv:1: error: 列“不存在的指标（万人）”：指标“不存在的指标”不在指标目录中");
    expect_log("wide.csv:1: error: 列“城市低保平均保障标准”：列名应为“指标名称（单位）”");
    /* a row's problem once, a cell's with its column */
    assert_int_equal(log_count("wide.csv:4:"), 1);
    expect_log("wide.csv:4: error: 期别“2025Q5”无法识别");
    expect_log("wide.csv:5: error: 列“城市低保人数（万人）”：数值“x”不是数字");
    assert_int_equal(count("SELECT count(*) FROM stat_value v JOIN source s ON s.id = "
                           "v.source_id WHERE s.path = 'wide.csv'"),
                     12);
    expect_text("SELECT group_concat(indicator || '=' || value || unit, ' ') FROM (SELECT "
                "v.indicator, v.value, v.unit" AT("wide.csv", 2) " ORDER BY v.id)",
                "urban_dibao_persons=1.2万人 rural_dibao_persons=3.4万人 dibao_persons=4.6万人 "
                "temp_relief_times=120.0人次 dibao_spending=300.0万元");
    /* empty cells and dashes hold no value; cumulative columns from January 1 */
    assert_int_equal(count("SELECT count(*)" AT("wide.csv", 3)), 3);
    expect_text("SELECT period_type || ' ' || period_start || ' ' || period_end" AT("wide.csv", 3)
                    " AND v.indicator = 'temp_relief_times'",
                "quarter 2025-01-01 2025-06-30");
    expect_text("SELECT period_start" AT("wide.csv", 3) " AND v.indicator = 'urban_dibao_persons'",
                "2025-04-01");
    expect_text("SELECT source_doc || ' ' || note" AT("wide.csv", 2)
                    " AND v.indicator = 'dibao_spending'",
                "示例县民政局季报（示例） 示例");
    assert_int_equal(count("SELECT count(*)" AT("wide.csv", 5)), 4);
}

static long long flag_count(const char *kind, const char *file, int line)
{
    char *sql = xasprintf("SELECT count(*) FROM stat_flag f JOIN stat_value v ON v.id = "
                          "f.value_id JOIN source s ON s.id = v.source_id WHERE f.kind = '%s' "
                          "AND s.path = '%s' AND v.line = %d",
                          kind, file, line);
    long long n = count(sql);
    free(sql);
    return n;
}

static void test_checks(void **state)
{
    (void)state;
    /* components that do not sum, beyond rounding */
    expect_log("checks.csv:2: warning: 城乡低保人数 4128 万人 与分项之和 4131.3 万人 不符（相差 "
               "3.3，超出四舍五入）：");
    assert_int_equal(flag_count("sum", "checks.csv", 2), 1);
    expect_text("SELECT f.message FROM stat_flag f JOIN stat_value v ON v.id = f.value_id "
                "JOIN source s ON s.id = v.source_id WHERE s.path = 'checks.csv' AND v.line = 2 "
                "AND f.message LIKE '城乡低保人数 4128 万人 与分项之和 4131.3 万人 不符（相差 3.3，"
                "超出四舍五入）：%' ",
                "城乡低保人数 4128 万人 与分项之和 4131.3 万人 不符（相差 3.3，超出四舍五入）："
                "城市低保人数 722.1 万人 + 农村低保人数 3409.2 万人");
    /* within rounding (262 against 36.54 + 225.47), and across units (1.2345 万人 against
     * 2345 人 + 10000 人): nothing */
    assert_int_equal(flag_count("sum", "checks.csv", 5), 0);
    assert_int_equal(flag_count("sum", "checks.csv", 8), 0);
    assert_int_equal(count("SELECT count(*) FROM stat_flag WHERE kind = 'sum'"), 1);
    /* a cumulative figure below one published earlier in the year; the year-end figure
     * below September's */
    expect_log("checks.csv:12: warning: 临时救助人次 2025年6月累计 450 人次，小于 2025年3月累计的 "
               "500 人次（checks.csv:11）；累计数不应在年内下降");
    expect_log("checks.csv:14: warning: 临时救助人次 2025年累计 400 人次，小于 2025年9月累计的 600 "
               "人次（checks.csv:13）");
    assert_int_equal(count("SELECT count(*) FROM stat_flag f JOIN stat_value v ON v.id = "
                           "f.value_id JOIN stat_value o ON o.id = f.other_id WHERE f.kind = "
                           "'cumulative_falls' AND v.line = 12 AND o.line = 11"),
                     1);
    assert_int_equal(count("SELECT count(*) FROM stat_flag WHERE kind = 'cumulative_falls'"), 2);
    /* a jump of 30%; not for % indicators, cumulative figures or rounding (0.1 -> 0.2 万人) */
    expect_log("checks.csv:17: warning: 城市低保人数 2025年2月 1300 人，比上期 2025年1月 1000 人 "
               "增加 30.0%（超过 20%；上期见 checks.csv:16）");
    assert_int_equal(flag_count("jump", "checks.csv", 17), 1);
    assert_int_equal(count("SELECT count(*) FROM stat_flag WHERE kind = 'jump'"), 1);
    /* duplicates: a different figure warns with both lines and flags the kept one; the same
     * figure in another unit is dropped quietly; a revision replaces */
    expect_log("checks.csv:19: warning: 示例县（示例） 2025年3月 城市低保人数 已由 checks.csv:18 给出 "
               "1310 人，本行为 1320 人");
    assert_int_equal(flag_count("duplicate", "checks.csv", 18), 1);
    assert_int_equal(log_count("checks.csv:20:"), 0);
    assert_int_equal(count("SELECT count(*)" AT("checks.csv", 20)), 0);
    expect_text("SELECT value || ' ' || revised FROM stat_value WHERE indicator = "
                "'rural_dibao_persons' AND region_code = '339921' AND period_end = '2025-02-28'",
                "820.0 1");
    assert_int_equal(log_count("checks.csv:28:"), 0);
    /* the summary: every value a record, nothing else warned */
    assert_int_equal(log_count(": warning: "), 6);
    expect_log("66 records");
}

/* A strict load that fails leaves the database it would have replaced byte for byte. */
static void test_failed_load_keeps_db(void **state)
{
    (void)state;
    size_t before_len, after_len;
    char *before = ot_slurp(db_path, &before_len);
    char *fixture = xasprintf("%s/tests/fixtures/stats", ot_root());
    char *corpora[] = {fixture};
    char *log = NULL;
    int status = ot_load(db_path, 1, corpora, 1, &log);
    free(fixture);
    assert_int_equal(status, 2);
    if (!strstr(log, "corpus.ini:34: error:"))
        fail_msg("strict load: %s", log);
    char *after = ot_slurp(db_path, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    free(before);
    free(after);
    free(log);
}

static void test_parts(void **state)
{
    (void)state;
    double v;
    int dec;
    assert_true(stat_number_parse("1,701.1", &v, &dec));
    assert_true(v == 1701.1 && dec == 1);
    assert_true(stat_number_parse("\xe3\x80\x80\xef\xbc\x91\xef\xbc\x92\xef\xbc\x8e\xef\xbc\x95 ",
                                  &v, &dec)); /* "　１２．５ " */
    assert_true(v == 12.5 && dec == 1);
    assert_true(stat_number_parse("-3.20", &v, &dec));
    assert_true(v == -3.2 && dec == 2);
    assert_true(stat_number_parse("38558", &v, &dec));
    assert_int_equal(dec, 0);
    static const char *const bad[] = {"", " ", "约700", "1 701", "7e3", "0x10", "inf", "nan",
                                      "1.2.3", ",5", "12%", "--1", NULL};
    for (size_t i = 0; bad[i]; i++)
        if (stat_number_parse(bad[i], &v, &dec))
            fail_msg("“%s” read as a number", bad[i]);
    enum stat_ptype t;
    assert_true(stat_ptype_hint("month-end (news of MCA briefing)", &t) && t == SP_MONTH);
    assert_true(stat_ptype_hint("year-end", &t) && t == SP_YEAR);
    assert_true(stat_ptype_hint(" Quarter ", &t) && t == SP_QUARTER);
    assert_true(stat_ptype_hint("年末", &t) && t == SP_YEAR);
    assert_true(stat_ptype_hint("月末（发布会）", &t) && t == SP_MONTH);
    assert_true(stat_ptype_hint("half", &t) && t == SP_HALF);
    assert_false(stat_ptype_hint("weekly", &t));
    int yes;
    assert_true(stat_yesno("是", &yes) && yes == 1);
    assert_true(stat_yesno(" YES ", &yes) && yes == 1);
    assert_true(stat_yesno("否", &yes) && yes == 0);
    assert_true(stat_yesno("", &yes) && yes == 0);
    assert_false(stat_yesno("maybe", &yes));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue), cmocka_unit_test(test_tall),
        cmocka_unit_test(test_errors),    cmocka_unit_test(test_wide),
        cmocka_unit_test(test_checks),    cmocka_unit_test(test_parts),
        cmocka_unit_test(test_failed_load_keeps_db),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
