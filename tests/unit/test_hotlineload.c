/* The hotline loader kinds (loader/kind_hotlines.c and its parts, kind_area_codes.c,
 * kind_holidays.c) on tests/fixtures/hotlines: service lines as sources write them,
 * levels derived from divisions, hours stored canonical with the text kept, areas
 * resolved by name (scoped by the province hint) and code, cells with several numbers,
 * merged and retired lines with replaced_by linked to the nearest line, every error at
 * its file:line, the area-code check, places derived from operators' names, search
 * units, area codes and the holiday calendar. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "hotline_fields.h"
#include "orgtest.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int load_status;

static int setup(void **state)
{
    (void)state;
    if (!(dir = ot_tmpdir("hotlineload")))
        return -1;
    load_status =
        ot_load_open(dir, "tests/fixtures/hotlines", "hotlines.db", &db_path, &log_text, &h);
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

static void expect_text(const char *sql, const char *want)
{
    char *got = ot_text(h->h, sql);
    if (!got || strcmp(got, want))
        fail_msg("%s\n  got:  %s\n  want: %s", sql, got ? got : "(no row)", want);
    free(got);
}

/* A line by its file and line: "SELECT col" AT(...). */
#define AT(file, line)                                                                      \
    " FROM hotline h JOIN source s ON s.id = h.source_id WHERE s.path = '" file             \
    "' AND h.line = " #line

static void test_lines(void **state)
{
    (void)state;
    assert_int_equal(load_status, 3); /* loaded, some input rejected */
    /* the national lines: 儿童保护 is 儿童救助保护; the nation serves itself */
    expect_text("SELECT service_line || ' ' || admin_level || ' ' || division_code || ' ' || "
                "hours || ' ' || hours_raw" AT("lines.csv", 2),
                "儿童救助保护 部 000000 24h 24小时");
    expect_text("SELECT group_concat(a.division_code) FROM hotline_area a JOIN hotline h ON "
                "h.id = a.hotline_id JOIN source s ON s.id = h.source_id WHERE "
                "s.path = 'lines.csv' AND h.line = 2", "000000");
    /* level derived from the division; 政务服务 is 综合 */
    expect_text("SELECT service_line || ' ' || admin_level" AT("lines.csv", 3), "综合 部");
    /* areas by name under the province, the level from the region, hours canonical */
    expect_text("SELECT service_line || ' ' || admin_level || ' ' || division_code || ' ' || "
                "number || ' ' || display" AT("lines.csv", 4),
                "社会救助 市 220100 043185086100 0431-85086100");
    expect_text("SELECT group_concat(a.division_code, ',') FROM (SELECT a.division_code FROM "
                "hotline_area a JOIN hotline h ON h.id = a.hotline_id JOIN source s ON "
                "s.id = h.source_id WHERE s.path = 'lines.csv' AND h.line = 4 ORDER BY a.rowid) a",
                "220112,220183");
    expect_text("SELECT hours_raw || ' | ' || holiday_rule" AT("lines.csv", 4),
                "周一至周五 8:30-12:00，14:00-17:30 | 节假日除外");
    assert_int_equal(count("SELECT hours LIKE 'Mon-Fri 08:30-12:00,14:00-17:30%'" AT("lines.csv", 4)), 1);
    /* two numbers in a cell: two lines, the second with the first's area code */
    expect_text("SELECT group_concat(number, ' ') FROM (SELECT h.number" AT("lines.csv", 5)
                " ORDER BY h.id)", "043184222088 043184222089");
    expect_text("SELECT DISTINCT service_line || ' ' || admin_level" AT("lines.csv", 5),
                "流浪乞讨救助 县");
    /* an extension in its own column; a region by code */
    expect_text("SELECT number || ' ' || extension || ' ' || division_code" AT("lines.csv", 8),
                "12345 2 220100");
    /* the province hint scopes 朝阳区 to 吉林省 */
    expect_text("SELECT division_code" AT("lines.csv", 17), "220104");
}

static void test_status(void **state)
{
    (void)state;
    /* merged into the 12345 nearest its division (长春's, not the national one) */
    expect_text("SELECT h.status || ' ' || r.line FROM hotline h JOIN hotline r ON "
                "r.id = h.replaced_by JOIN source s ON s.id = h.source_id "
                "WHERE s.path = 'lines.csv' AND h.line = 7", "merged 8");
    expect_text("SELECT status || ' ' || (replaced_by IS NULL)" AT("lines.csv", 9), "retired 1");
    /* a replaced_by that names no loaded line: a warning, the line kept */
    expect_log("lines.csv:10: warning: 替代号码“96999”不是已载入的热线");
    expect_text("SELECT status || ' ' || (replaced_by IS NULL)" AT("lines.csv", 10), "active 1");
}

static void test_errors(void **state)
{
    (void)state;
    expect_log("lines.csv:11: error: 电话号码“0431-85086”：区号后应为7或8位号码");
    expect_log("lines.csv:12: error: 服务类别“慈善”无法识别");
    expect_log("lines.csv:13: error: 接听时间“随时可以打”无法识别：");
    expect_log("lines.csv:14: error: 所在地区“示例星市”在行政区划中找不到");
    expect_log("lines.csv:15: error: 服务地区代码“220199”不是现行行政区划");
    expect_log("lines.csv:16: error: 所在地区“朝阳区”对应 2 个行政区划");
    expect_log("lines.csv:18: error: 状态“暂停”无法识别");
    expect_log("lines.csv:19: error: 核实日期“2022-02-30”不是有效日期");
    for (int line = 11; line <= 19; line++) {
        if (line == 17)
            continue;
        char sql[256];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM hotline h JOIN source s ON s.id = h.source_id "
                 "WHERE s.path = 'lines.csv' AND h.line = %d", line);
        if (count(sql))
            fail_msg("lines.csv:%d was loaded", line);
    }
    /* a landline whose area code is not its region's */
    expect_log("lines.csv:6: warning: 号码 0432-6123456 的区号 0432 与所在地区长春市的区号 0431 不符");
    assert_null(strstr(log_text, "lines.csv:4: 号码"));
}

static void test_stations(void **state)
{
    (void)state;
    /* area_from = operator: the place the name begins with, within the province */
    expect_text("SELECT division_code || ' ' || admin_level || ' ' || service_line"
                AT("stations.csv", 2), "220100 市 流浪乞讨救助");
    expect_text("SELECT division_code || ' ' || admin_level" AT("stations.csv", 3), "220183 县");
    expect_text("SELECT division_code" AT("stations.csv", 6), "220104");
    /* 九台市 is 九台区 now: an ended name (county_history.json) followed through the code
     * changes (county_changes.json) to the division in force, with a warning naming both */
    expect_log("stations.csv:4: warning: 名称“九台市救助管理站”按曾用名 九台市（220181）归入 "
               "九台区（220113）");
    expect_text("SELECT division_code || ' ' || admin_level || ' ' || number"
                AT("stations.csv", 4), "220113 县 043185086112");
    /* two links: 九台县 220122 → 九台市 220181 → 九台区 220113 */
    expect_log("stations.csv:7: warning: 名称“九台县救助管理站”按曾用名 九台县（220122）归入 "
               "九台区（220113）");
    expect_text("SELECT division_code" AT("stations.csv", 7), "220113");
    /* a code split among two divisions: unresolved, saying where it went */
    expect_log("stations.csv:8: warning: 从名称“示例县救助管理站”得不出所在地区（曾用名 示例县"
               "（220199）已分入 2 个现行区划：220112 双阳区、220113 九台区；");
    expect_text("SELECT (division_code IS NULL) || ' ' || number" AT("stations.csv", 8),
                "1 043185086116");
    /* the province hint scopes former names too: 九台市 is not in 浙江省 */
    expect_log("stations.csv:9: warning: 从名称“九台市救助管理站”得不出所在地区（area_from = "
               "operator）");
    expect_text("SELECT (division_code IS NULL)" AT("stations.csv", 9), "1");
    /* a code ended without a successor */
    expect_log("stations.csv:10: warning: 从名称“郊区救助管理站”得不出所在地区（曾用名 郊区"
               "（220111）已撤销，区划沿革中没有现行的继承区划；");
    expect_text("SELECT (division_code IS NULL)" AT("stations.csv", 10), "1");
    assert_int_equal(count("SELECT count(*) FROM hotline_area a JOIN hotline h ON "
                           "h.id = a.hotline_id JOIN source s ON s.id = h.source_id WHERE "
                           "s.path = 'stations.csv' AND h.line = 8"), 0);
    /* a cell with a day and a night number: two lines, each with its remark */
    expect_text("SELECT group_concat(number || ' ' || note, ' | ') FROM (SELECT h.number, h.note"
                AT("stations.csv", 5) " ORDER BY h.id)",
                "043185086113 白 | 13900000000 夜");
}

static void test_docs(void **state)
{
    (void)state;
    assert_int_equal(count("SELECT count(*) FROM doc WHERE domain = 'hotline'"),
                     count("SELECT count(*) FROM hotline"));
    expect_text("SELECT d.title FROM doc d JOIN hotline h ON h.id = d.ref_id JOIN source s ON "
                "s.id = h.source_id WHERE d.domain = 'hotline' AND s.path = 'stations.csv' "
                "AND h.line = 2", "长春市救助管理站 0431-85086110");
    assert_int_equal(count("SELECT count(*) FROM doc d JOIN hotline h ON h.id = d.ref_id "
                           "JOIN source s ON s.id = h.source_id WHERE d.domain = 'hotline' "
                           "AND s.path = 'lines.csv' AND h.line = 4 AND d.body LIKE "
                           "'%双阳区、德惠市%' AND d.body LIKE '%示例路1号%'"), 1);
}

static void test_area_codes(void **state)
{
    (void)state;
    expect_text("SELECT group_concat(area_code || '=' || coalesce(division_code, '-'), ' ') "
                "FROM (SELECT * FROM area_code ORDER BY line)",
                "010=110000 0431=220100 0432=220200 0570=330800 0999=-");
    expect_log("area_codes.csv:6: warning: 区号的地名“示例星市”在行政区划中找不到");
    expect_log("area_codes.csv:7: error: 区号“01”不是区号");
    expect_log("area_codes.csv:8: error: 区号“43１”不是区号");
}

static void test_holidays(void **state)
{
    (void)state;
    expect_text("SELECT group_concat(date || ' ' || kind || ' ' || name, ' | ') FROM "
                "(SELECT * FROM holiday ORDER BY date)",
                "2025-01-01 holiday 元旦 | 2025-01-26 workday 春节 | 2025-01-28 holiday 春节 | "
                "2025-02-08 workday 春节");
    expect_log("holidays.csv:5: error: 日期“2022-02-30”不是有效日期");
    expect_log("holidays.csv:6: error: 日期 2025-01-01 已在 holidays.csv:2 给出");
    expect_log("holidays.csv:8: error: 类型“休养”无法识别");
}

static void test_parts(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"救助", "社会救助"},         {"儿童保护", "儿童救助保护"}, {" 流浪乞讨 ", "流浪乞讨救助"},
        {"养老", "养老服务"},         {"殡葬服务", "殡葬"},         {"社会组织举报", "社会组织投诉举报"},
        {"婚姻登记", "婚姻登记"},     {"综合", "综合"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        const char *got = hotline_service_line(pairs[i][0]);
        if (!got || strcmp(got, pairs[i][1]))
            fail_msg("service line “%s”: got %s, want %s", pairs[i][0], got ? got : "NULL",
                     pairs[i][1]);
    }
    assert_null(hotline_service_line("慈善"));
    assert_string_equal(hotline_status(""), "active");
    assert_string_equal(hotline_status("已并入"), "merged");
    assert_string_equal(hotline_status("停用"), "retired");
    assert_null(hotline_status("暂停"));
    assert_string_equal(hotline_admin_level("地市级"), "市");
    assert_string_equal(hotline_level_of(3), "县");
    char *p[8];
    size_t n = hotline_operator_places("铁岭市清河区救助管理站", p, 8);
    assert_true(n >= 2);
    assert_string_equal(p[0], "铁岭市清河区");
    assert_string_equal(p[1], "铁岭市");
    for (size_t i = 0; i < n; i++)
        free(p[i]);
    assert_int_equal(hotline_operator_places("示例救助管理站", p, 8), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),      cmocka_unit_test(test_status),
        cmocka_unit_test(test_errors),     cmocka_unit_test(test_stations),
        cmocka_unit_test(test_docs),       cmocka_unit_test(test_area_codes),
        cmocka_unit_test(test_holidays),   cmocka_unit_test(test_parts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
