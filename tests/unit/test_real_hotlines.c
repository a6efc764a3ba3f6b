/* Real data through the hotline kinds: tests/real/hotlines.ini (the 1,377 relief
 * stations and the telephone area-code table of ../shared/corpus/hotlines, with the NBS
 * 2023 provinces, cities and counties and the county-level code history, read in place)
 * into a temporary database: what
 * loads and what is rejected and why, how many stations resolve to a division from their
 * names (area_from = operator), how many area codes resolve, and how many landlines'
 * area codes agree with their division's. The figures are findings (docs/data-formats.md,
 * kind = hotlines); the bounds here catch a regression, not the exact count. Skipped,
 * saying so, when ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "hotroute.h"
#include "orgtest.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int have_data, load_status;

static int setup(void **state)
{
    (void)state;
    static const char *const need[] = {"hotlines/relief_stations.csv", "places/nbs-2023/areas.csv",
                                       NULL};
    if (!(have_data = ot_have_shared(need)))
        return 0;
    if (!(dir = ot_tmpdir("real_hotlines")))
        return -1;
    load_status =
        ot_load_open(dir, "tests/real/hotlines.ini", "hotlines.db", &db_path, &log_text, &h);
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

#define NEED_DATA()                                                                         \
    do {                                                                                    \
        if (!have_data)                                                                     \
            skip();                                                                         \
    } while (0)

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

static void test_loaded(void **state)
{
    (void)state;
    NEED_DATA();
    assert_int_equal(load_status, 3);
    long long lines = count("SELECT count(*) FROM hotline");
    long long rows = count("SELECT count(DISTINCT line) FROM hotline");
    int bad_numbers = log_count("error: 电话号码");
    print_message("relief stations: %lld rows loaded as %lld lines; %d numbers rejected\n",
                  rows, lines, bad_numbers);
    assert_in_range(rows, 1370, 1377);
    assert_true(lines >= rows);
    /* the known bad one: a 6-digit local number */
    assert_non_null(strstr(log_text, "relief_stations.csv:238: error: 电话号码“0471-964153”"));
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE service_line <> '流浪乞讨救助'"), 0);
    /* one search unit per line */
    assert_int_equal(count("SELECT count(*) FROM doc WHERE domain = 'hotline'"), lines);
    /* 长春市救助管理站, the first row */
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE line = 2 AND number = "
                           "'043185086100' AND division_code = '220100' AND admin_level = '市'"),
                     1);
}

static void test_places(void **state)
{
    (void)state;
    NEED_DATA();
    long long lines = count("SELECT count(*) FROM hotline");
    long long placed = count("SELECT count(*) FROM hotline WHERE division_code IS NOT NULL");
    int unplaced = log_count("得不出所在地区");
    int former = log_count("按曾用名");
    print_message("stations with a division from their names: %lld of %lld (%.1f%%); "
                  "%d names resolve to none (short names, split or ended codes); "
                  "%d warnings of a former name followed to the division now\n",
                  placed, lines, 100.0 * (double)placed / (double)lines, unplaced, former);
    /* Without the code history 1,176 placed and 197 names to none; with it 1,273 and 100
     * (107 former names followed, some of them names placed before only at the city). */
    assert_true(placed * 100 >= lines * 90);
    assert_in_range(unplaced, 60, 120);
    assert_true(former >= 90);
    /* renamed counties: the ended name, through division_event_link, to the code now */
    assert_non_null(strstr(log_text, "relief_stations.csv:5: warning: 名称“九台市救助管理站”"
                                     "按曾用名 九台市（220181）归入 九台区（220113）"));
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE line = 5 AND division_code = "
                           "'220113' AND admin_level = '县'"), 1);
    assert_non_null(strstr(log_text, "按曾用名 富阳市（330183）归入 富阳区（330111）"));
    assert_non_null(strstr(log_text, "按曾用名 郫县（510124）归入 郫都区（510117）"));
    /* a path with a former name: 西安市户县 is 鄠邑区 now (was placed at 西安市) */
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE line = 406 AND division_code = "
                           "'610118'"), 1);
    /* prefectures renamed to cities resolve too (毕节地区 522400 -> 毕节市 520500) */
    assert_non_null(strstr(log_text, "按曾用名 毕节地区（522400）归入 毕节市（520500）"));
    /* 绍兴县 has two former codes going different ways (330621 -> 330600, 332321 split):
     * left unresolved, saying so */
    assert_non_null(strstr(log_text, "relief_stations.csv:192: warning: 从名称“绍兴县救助管理站”"
                                     "得不出所在地区（曾用名“绍兴县”对应几个区划代码"));
    /* A conflict of the sources: the history replaces 500112 渝北区 by 500157 两江新区
     * (diff.json), a code no current table lists; such a dead-end change does not end the
     * listed code (division_rows.c), so 渝北区 is current and its station is placed there. */
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE line = 574 AND division_code = "
                           "'500112'"), 1);
    assert_int_equal(count("SELECT count(*) FROM division WHERE code IN ('500112', '500105', "
                           "'130629', '130632', '130638') AND ended = 0"), 5);
    /* 新疆生产建设兵团 is no division: the hint is dropped with a warning */
    assert_int_equal(log_count("省份“新疆生产建设兵团”"), 4);
    long long codes = count("SELECT count(*) FROM area_code");
    long long coded = count("SELECT count(*) FROM area_code WHERE division_code IS NOT NULL");
    print_message("area codes: %lld rows, %lld resolve to a division\n", codes, coded);
    assert_true(codes >= 340 && coded * 100 >= codes * 90);
}

static void test_area_agreement(void **state)
{
    (void)state;
    NEED_DATA();
    long long landlines = count("SELECT count(*) FROM hotline h WHERE h.division_code IS NOT "
                                "NULL AND h.number LIKE '0%' AND length(h.number) >= 10 AND "
                                "EXISTS (SELECT 1 FROM area_code a WHERE a.division_code IN "
                                "(h.division_code, substr(h.division_code, 1, 4) || '00', "
                                "substr(h.division_code, 1, 2) || '0000'))");
    int disagree = log_count("不符");
    print_message("landlines with a known area code for their division: %lld; agree %lld, "
                  "disagree %d\n", landlines, landlines - disagree, disagree);
    assert_true(landlines > 1000);
    assert_true(disagree * 50 < landlines);
}

/* ---- routing on the real stations (core/hotroute.h) ----------------------------------- */

/* Routes q on the real database at a fixed date and minute (a Sunday: the answers below do
 * not depend on it, the stations publish no hours). */
static void route_real(const char *q, const char *service, hr_result *r)
{
    hr_opts o = {service, "2026-11-01", 10 * 60, 0};
    char *err = NULL;
    assert_int_equal(hotroute(h, q, &o, r, &err), 0);
    if (err)
        fail_msg("hotroute(%s): %s", q, err);
}

/* The first line of r, which must be 双阳区's own station. */
static void assert_shuangyang_station(const hr_result *r)
{
    assert_string_equal(r->division, "220112");
    assert_true(r->nlines >= 1);
    const hr_line *l = &r->lines[0];
    assert_string_equal(l->number, "043184222088");
    assert_string_equal(l->service_line, "流浪乞讨救助");
    assert_string_equal(l->operator_name, "双阳区救助管理站");
    assert_int_equal(l->reason, HR_SERVES);
    assert_string_equal(l->reason_text, "本区热线");
    assert_string_equal(l->served_at, "220112");
    /* its city's station is not offered when the district has its own */
    for (size_t i = 0; i < r->nlines; i++)
        assert_string_not_equal(r->lines[i].number, "043185086100");
    /* no hours published, no verification date: unsure and unverified, not closed */
    assert_int_equal(l->open.state, HS_UNSURE);
    assert_true(l->stale);
    assert_int_equal(l->stale_days, -1);
}

/* 双阳区 by name: its own station (吉林省,双阳区救助管理站,0431-84222088). */
static void test_route_own_station(void **state)
{
    (void)state;
    NEED_DATA();
    hr_result r;
    route_real("双阳区", NULL, &r);
    assert_null(r.problem);
    assert_non_null(strstr(r.division_name, "长春市"));
    assert_shuangyang_station(&r);
    hr_result_free(&r);
}

/* 南关区 (220102), a district of 长春市 with no station of its own: 长春市救助管理站, with
 * the reason naming the city. (九台区 is not used: whether 九台市救助管理站 resolves to it
 * depends on the loader's old-name handling.) */
static void test_route_city_fallback(void **state)
{
    (void)state;
    NEED_DATA();
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE division_code = '220102'"), 0);
    hr_result r;
    route_real("南关区", NULL, &r);
    assert_null(r.problem);
    assert_string_equal(r.division, "220102");
    assert_true(r.nlines >= 1);
    const hr_line *l = &r.lines[0];
    assert_string_equal(l->number, "043185086100");
    assert_string_equal(l->operator_name, "长春市救助管理站");
    assert_int_equal(l->reason, HR_PARENT);
    assert_string_equal(l->served_at, "220100");
    assert_string_equal(l->reason_text, "本区无流浪乞讨救助专线，使用市级热线（长春市）");
    for (size_t i = 0; i < r.nlines; i++)
        assert_int_not_equal(r.lines[i].reason, HR_SERVES);
    hr_result_free(&r);
}

/* The same district typed as pinyin and as its code. */
static void test_route_pinyin_and_code(void **state)
{
    (void)state;
    NEED_DATA();
    hr_result r;
    route_real("shuangyang", NULL, &r);
    assert_null(r.problem);
    assert_non_null(r.resolved_how);
    assert_non_null(strstr(r.resolved_how, "拼音"));
    assert_shuangyang_station(&r);
    hr_result_free(&r);
    route_real("220112", NULL, &r);
    assert_null(r.problem);
    assert_non_null(strstr(r.resolved_how, "代码"));
    assert_int_equal(r.ncandidates, 0);
    assert_shuangyang_station(&r);
    hr_result_free(&r);
}

/* A service line with no line anywhere in the real data (only relief stations are
 * loaded, no national lines): nothing, and the problem says so, naming the place and the
 * service; the place is still resolved. */
static void test_route_service_nowhere(void **state)
{
    (void)state;
    NEED_DATA();
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE service_line = '婚姻登记'"), 0);
    hr_result r;
    route_real("双阳区", "婚姻登记", &r);
    assert_string_equal(r.division, "220112");
    assert_int_equal(r.nlines, 0);
    assert_non_null(r.problem);
    assert_non_null(strstr(r.problem, "双阳区"));
    assert_non_null(strstr(r.problem, "全国均无婚姻登记热线"));
    hr_result_free(&r);
    /* the filter itself works: a variant of the stations' service line finds them */
    route_real("双阳区", "救助管理站", &r);
    assert_null(r.problem);
    assert_shuangyang_station(&r);
    hr_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_area_agreement),
        cmocka_unit_test(test_route_own_station),
        cmocka_unit_test(test_route_city_fallback),
        cmocka_unit_test(test_route_pinyin_and_code),
        cmocka_unit_test(test_route_service_nowhere),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
