/* Hotline routing (core/hotroute.h) on the demo corpus (data/demo: 示例县 339921 under
 * 示例市 339900, national 12349 and 12345, a merged and a retired line, the 2025–2026
 * holidays) and on tests/fixtures/hotlines (长春: 双阳区 220112, 德惠市 220183): fallback
 * county → city → national with reasons, the service filter per line, names, pinyin and
 * codes, open-now at edges (a weekday after 国庆, a 调休 Saturday, a holiday, midnight),
 * verification age, merged and retired lines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "hotroute.h"
#include "hotservice.h"
#include "orgtest.h"

static char *dir;
static gk_db *demo, *fx;

static gk_db *load(const char *corpus, const char *name)
{
    char *db_path = xasprintf("%s/%s.db", dir, name), *log = NULL, *err = NULL;
    char *corpora[] = {(char *)corpus};
    ot_load(db_path, 0, corpora, 1, &log);
    gk_db *h = NULL;
    if (db_open(db_path, &h, &err) != 0)
        fprintf(stderr, "loading %s: %s\n%s\n", corpus, err ? err : "", log);
    free(err);
    free(log);
    free(db_path);
    return h;
}

static int setup(void **state)
{
    (void)state;
    if (!(dir = ot_tmpdir("hotroute")))
        return -1;
    char *d = xasprintf("%s/data/demo", ot_root()), *f = xasprintf("%s/tests/fixtures/hotlines", ot_root());
    demo = load(d, "demo");
    fx = load(f, "fx");
    free(d);
    free(f);
    return demo && fx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    db_close(demo);
    db_close(fx);
    ot_rm_rf(dir);
    free(dir);
    return 0;
}

static void route(gk_db *db, const char *q, const char *service, const char *date, int minute,
                  int all, hr_result *r)
{
    hr_opts o = {service, date, minute, all};
    char *err = NULL;
    assert_int_equal(hotroute(db, q, &o, r, &err), 0);
    assert_null(err);
}

/* The line of service s (and display d when not NULL), or NULL. */
static const hr_line *lookup(const hr_result *r, const char *s, const char *d)
{
    for (size_t i = 0; i < r->nlines; i++)
        if (!strcmp(r->lines[i].service_line, s) && (!d || !strcmp(r->lines[i].display, d)))
            return &r->lines[i];
    return NULL;
}

/* The same line, which must be there (the test fails otherwise). */
static const hr_line *find(const hr_result *r, const char *s, const char *d)
{
    static const hr_line none;
    const hr_line *l = lookup(r, s, d);
    if (!l)
        fail_msg("no %s line %s", s, d ? d : "");
    return l ? l : &none;
}

static void test_services(void **state)
{
    (void)state;
    assert_string_equal(hotroute_service("救助"), "社会救助");
    assert_string_equal(hotroute_service("儿童 保护"), "儿童救助保护");
    assert_string_equal(hotroute_service("12349"), "儿童救助保护");
    assert_string_equal(hotroute_service("12345"), "综合");
    assert_null(hotroute_service("慈善"));
    assert_int_equal(hotservice_rank("社会救助"), 0);
    assert_int_equal(hotservice_rank("综合"), 7);
}

static void test_county_demo(void **state)
{
    (void)state;
    hr_result r;
    route(demo, "示例县", NULL, "2026-10-08", 9 * 60 + 30, 0, &r);
    assert_string_equal(r.division, "339921");
    assert_non_null(strstr(r.division_name, "示例市"));
    assert_int_equal(r.nlines, 6);
    const hr_line *l = find(&r, "社会救助", NULL);
    assert_non_null(l);
    assert_string_equal(l->display, "12345 转 2");
    assert_int_equal(l->reason, HR_SERVES);
    assert_string_equal(l->reason_text, "本县热线");
    assert_int_equal(l->open.state, HS_OPEN);
    assert_int_equal(l->open.next_minutes, 150);
    l = find(&r, "儿童救助保护", NULL);
    assert_string_equal(l->display, "12349 转 1"); /* the city's line lists the county */
    assert_int_equal(l->reason, HR_SERVES);
    assert_non_null(strstr(l->reason_text, "服务范围含本县"));
    assert_null(lookup(&r, "儿童救助保护", "12349")); /* the national one is not needed */
    l = find(&r, "综合", NULL);
    assert_int_equal(l->reason, HR_NATIONAL);
    assert_string_equal(l->reason_text, "全国统一热线");
    assert_int_equal(r.lines[r.nlines - 1].reason, HR_NATIONAL); /* reason order */
    /* stale: verified 2026-02-20, 230 days before */
    l = find(&r, "婚姻登记", NULL);
    assert_true(l->stale);
    assert_int_equal(l->stale_days, 230);
    assert_false(find(&r, "社会救助", NULL)->stale);
    assert_true(find(&r, "综合", NULL)->stale); /* never verified */
    assert_int_equal(find(&r, "综合", NULL)->stale_days, -1);
    /* no merged or retired lines without include_inactive */
    for (size_t i = 0; i < r.nlines; i++)
        assert_string_equal(r.lines[i].status, "active");
    hr_result_free(&r);
}

static void test_fallback_per_service(void **state)
{
    (void)state;
    hr_result r;
    /* a township: everything from above */
    route(demo, "339921001", "婚姻登记", "2026-10-08", 600, 0, &r);
    assert_int_equal(r.nlines, 1);
    assert_int_equal(r.lines[0].reason, HR_PARENT);
    assert_string_equal(r.lines[0].served_at, "339921");
    assert_non_null(strstr(r.lines[0].reason_text, "无婚姻登记专线，使用县级热线"));
    hr_result_free(&r);
    /* 示例市 has no 婚姻登记 line: its county's is not offered upwards; national 综合 */
    route(demo, "示例市", "婚姻登记", "2026-10-08", 600, 0, &r);
    assert_int_equal(r.nlines, 1);
    assert_int_equal(r.lines[0].reason, HR_NATIONAL);
    assert_string_equal(r.lines[0].service_line, "综合");
    assert_non_null(strstr(r.lines[0].reason_text, "婚姻登记"));
    hr_result_free(&r);
    /* fixture: 双阳区 has its own 流浪乞讨 line, the city's 殡葬, the national 12349 (the
     * city's is merged) */
    route(fx, "双阳区", NULL, "2026-10-08", 600, 0, &r);
    assert_string_equal(r.division, "220112");
    const hr_line *l = find(&r, "流浪乞讨救助", NULL);
    assert_int_equal(l->reason, HR_SERVES);
    l = find(&r, "殡葬", NULL);
    assert_int_equal(l->reason, HR_PARENT);
    assert_string_equal(l->reason_text, "本区无殡葬专线，使用市级热线（长春市）");
    l = find(&r, "儿童救助保护", NULL);
    assert_int_equal(l->reason, HR_NATIONAL);
    assert_string_equal(l->display, "12349");
    hr_result_free(&r);
    /* a service the place has only above: 德惠市 社会救助 served by the city's line */
    route(fx, "220183", "救助", "2026-10-08", 600, 0, &r);
    assert_int_equal(r.nlines, 1);
    assert_string_equal(r.lines[0].display, "0431-85086100");
    assert_int_equal(r.lines[0].reason, HR_SERVES);
    hr_result_free(&r);
}

static void test_inputs(void **state)
{
    (void)state;
    hr_result r;
    route(fx, "shuangyang", NULL, "2026-10-08", 600, 0, &r);
    assert_string_equal(r.division, "220112");
    assert_string_equal(r.resolved_how, "拼音");
    hr_result_free(&r);
    route(fx, "長春", NULL, "2026-10-08", 600, 0, &r); /* Traditional */
    assert_string_equal(r.division, "220100");
    hr_result_free(&r);
    route(fx, "朝阳区", NULL, "2026-10-08", 600, 0, &r); /* two of them */
    assert_int_equal(r.ncandidates, 1);
    hr_result_free(&r);
    route(fx, "不存在的地方", NULL, "2026-10-08", 600, 0, &r);
    assert_int_equal(r.nlines, 0);
    assert_non_null(r.problem);
    hr_result_free(&r);
    route(fx, "", NULL, NULL, -1, 0, &r);
    assert_non_null(r.problem);
    hr_result_free(&r);
    /* an unknown service and a bad date: a problem, no lines */
    route(fx, "双阳区", "慈善", "2026-10-08", 600, 0, &r);
    assert_int_equal(r.nlines, 0);
    assert_non_null(strstr(r.problem, "慈善"));
    hr_result_free(&r);
    route(fx, "双阳区", NULL, "2026-02-30", 600, 0, &r);
    assert_non_null(r.problem);
    hr_result_free(&r);
    /* a code directly */
    hr_opts o = {NULL, "2026-10-08", 600, 0};
    char *err = NULL;
    assert_int_equal(hotroute_code(fx, "220112000000", &o, &r, &err), 0);
    assert_string_equal(r.division, "220112");
    assert_true(r.nlines > 0);
    hr_result_free(&r);
    assert_int_equal(hotroute_code(fx, "22011", &o, &r, &err), 0);
    assert_non_null(r.problem);
    hr_result_free(&r);
}

static void test_old_name(void **state)
{
    (void)state;
    /* the demo's 南川 chain: an ended name resolves to what it is now */
    hr_result r;
    route(demo, "南川县", NULL, "2026-10-08", 600, 0, &r);
    assert_non_null(r.resolved_how);
    assert_non_null(strstr(r.resolved_how, "现为"));
    assert_string_not_equal(r.division, "");
    assert_true(r.nlines > 0); /* the national lines at least */
    hr_result_free(&r);
}

static void test_open_edges(void **state)
{
    (void)state;
    hr_result r;
    /* 2026-10-10 Saturday 调休: 周一至周五 lines work */
    route(demo, "示例县", "社会救助", "2026-10-10", 9 * 60 + 30, 0, &r);
    assert_int_equal(r.lines[0].open.state, HS_OPEN);
    assert_non_null(strstr(r.at_label, "调休上班"));
    assert_non_null(strstr(r.at_label, "星期六"));
    hr_result_free(&r);
    /* 2026-10-03 国庆: 节假日除外 closed, 24h open */
    route(demo, "示例县", NULL, "2026-10-03", 10 * 60, 0, &r);
    assert_int_equal(find(&r, "社会救助", NULL)->open.state, HS_CLOSED);
    assert_int_equal(find(&r, "流浪乞讨救助", NULL)->open.state, HS_OPEN);
    assert_int_equal(find(&r, "儿童救助保护", NULL)->open.state, HS_OPEN); /* 节假日照常 */
    assert_int_equal(r.lines[0].open.state, HS_OPEN); /* open before closed */
    hr_result_free(&r);
    /* midnight edges: 23:59 and 00:00 of a weekday */
    route(demo, "示例县", "社会救助", "2026-10-08", 1439, 0, &r);
    assert_int_equal(r.lines[0].open.state, HS_CLOSED);
    hr_result_free(&r);
    route(demo, "示例县", "流浪乞讨", "2026-10-09", 0, 0, &r);
    assert_int_equal(r.lines[0].open.state, HS_OPEN);
    hr_result_free(&r);
    route(demo, "示例县", "社会救助", "2026-10-09", 8 * 60 + 29, 0, &r);
    assert_int_equal(r.lines[0].open.state, HS_CLOSED);
    assert_int_equal(r.lines[0].open.next_minutes, 1);
    hr_result_free(&r);
    /* hours unknown: unsure */
    route(demo, "示例县", "儿童", "2026-10-08", 600, 0, &r);
    hr_result_free(&r);
    route(fx, "长春", "社会救助", "2026-10-08", 600, 0, &r);
    assert_int_equal(find(&r, "社会救助", "0432-6123456")->open.state, HS_UNSURE);
    hr_result_free(&r);
    /* the fixture's calendar covers 2025 only: a 节假日除外 line in 2026 is unsure */
    route(fx, "双阳区", "社会救助", "2026-10-08", 600, 0, &r);
    assert_int_equal(r.lines[0].open.state, HS_UNSURE);
    hr_result_free(&r);
    route(fx, "双阳区", "社会救助", "2025-06-04", 600, 0, &r);
    assert_int_equal(r.lines[0].open.state, HS_OPEN);
    hr_result_free(&r);
}

static void test_inactive(void **state)
{
    (void)state;
    hr_result r;
    route(demo, "示例县", NULL, "2026-10-08", 600, 1, &r);
    assert_int_equal(r.nlines, 8);
    const hr_line *m = find(&r, "社会救助", "12349");
    assert_string_equal(m->status, "merged");
    assert_string_equal(m->replaced_by, "12345 转 2");
    assert_int_equal(m->open.state, HS_CLOSED);
    const hr_line *t = find(&r, "社会组织投诉举报", NULL);
    assert_string_equal(t->status, "retired");
    assert_int_equal(t->reason, HR_PARENT);
    /* active before merged within a reason */
    size_t im = (size_t)(m - r.lines), ia = (size_t)(find(&r, "社会救助", "12345 转 2") - r.lines);
    assert_true(ia < im);
    hr_result_free(&r);
}

static void test_calendar(void **state)
{
    (void)state;
    hours_calendar cal;
    char *err = NULL;
    assert_int_equal(hotroute_calendar(demo, &cal, &err), 0);
    assert_string_equal(cal.first, "2025-01-01");
    assert_string_equal(cal.last, "2026-12-31");
    assert_true(cal.nholidays > 50);
    assert_true(cal.nworkdays >= 10);
    hotroute_calendar_free(&cal);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_services),       cmocka_unit_test(test_county_demo),
        cmocka_unit_test(test_fallback_per_service), cmocka_unit_test(test_inputs),
        cmocka_unit_test(test_old_name),       cmocka_unit_test(test_open_edges),
        cmocka_unit_test(test_inactive),       cmocka_unit_test(test_calendar),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
