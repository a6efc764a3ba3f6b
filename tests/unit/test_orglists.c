/* The organisation check (core/orgcheck) on tests/fixtures/orgs, continued: the dates
 * 民政部令第60号 makes of a listing (earliest automatic removal, escalation, removal from
 * the 严重违法失信名单, restarts) with the article each rests on linked when the corpus
 * holds it; look-alike warnings (a batch's note, a similar name on the other side of the
 * law); the list, current-only and region filters and browsing; hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <time.h>

#include "orgcheck.h"
#include "orgtest.h"
#include "orgview.h"

static ot_fixture fx;
static gk_db *h; /* fx.h */

static int setup(void **state)
{
    (void)state;
    if (ot_fixture_open(&fx, "orglists") != 0)
        return -1;
    h = fx.h;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ot_fixture_close(&fx);
    return 0;
}

static void run(const char *input, const oc_opts *o, oc_result *r)
{
    oc_opts def = {.today = OT_TODAY};
    char *err = NULL;
    if (orgcheck_run(h, input, o ? o : &def, r, &err) != 0)
        fail_msg("orgcheck_run(%s): %s", input, err);
    assert_non_null(r->searched);
    assert_true(*r->searched != '\0');
}

static long long id_of(const char *name, int registered)
{
    long long id = ot_org_id(h->h, name, registered);
    if (id < 0)
        fail_msg("no organisation %s (registered %d) in the fixture", name, registered);
    return id;
}

/* The organisation named name, checked by its exact name (the first subject). */
static const oc_subject *subject(const char *name, oc_result *r)
{
    run(name, NULL, r);
    assert_true(r->n >= 1);
    assert_string_equal(r->subjects[0].name, name);
    return &r->subjects[0];
}

static void expect_event(const lc_event *e, enum lc_rule_id rule, const char *date, int reached,
                         int restarted)
{
    char d[11];
    isodate_format(&e->date, d);
    if (e->rule != rule || strcmp(d, date) || e->reached != reached || e->restarted != restarted)
        fail_msg("event rule %d %s reached %d restarted %d, expected rule %d %s %d %d", e->rule, d,
                 e->reached, e->restarted, rule, date, reached, restarted);
}

/* ---- 60号令 dates ------------------------------------------------------------------------ */

static void test_lifecycle_dates(void **state)
{
    (void)state;
    oc_result r;
    /* 活动异常名录 since 2026-07-20: out after 6 months if nothing is to rectify, to the
     * 严重违法失信名单 after 2 years; neither reached on 2026-11-28. */
    const oc_subject *s = subject("示例甲市老年人体育协会", &r);
    assert_int_equal(s->nlistings, 1);
    assert_int_equal(s->listings[0].nevents, 2);
    expect_event(&s->listings[0].events[0], LC_AUTO_REMOVAL, "2027-01-20", 0, 0);
    expect_event(&s->listings[0].events[1], LC_ESCALATION, "2028-07-20", 0, 0);
    oc_result_free(&r);
    /* Since 2024-06-03: both dates passed. */
    s = subject("示例甲市青少年科技教育中心", &r);
    expect_event(&s->listings[0].events[0], LC_AUTO_REMOVAL, "2024-12-03", 1, 0);
    expect_event(&s->listings[0].events[1], LC_ESCALATION, "2026-06-03", 1, 0);
    oc_result_free(&r);
    /* The same listing seen from an earlier "today". */
    oc_opts early = {.today = "2025-01-01"};
    run("示例甲市青少年科技教育中心", &early, &r);
    expect_event(&r.subjects[0].listings[0].events[0], LC_AUTO_REMOVAL, "2024-12-03", 1, 0);
    expect_event(&r.subjects[0].listings[0].events[1], LC_ESCALATION, "2026-06-03", 0, 0);
    oc_result_free(&r);
    /* 严重违法失信名单: removal may be applied for 2 years after listing. */
    s = subject("示例甲市家政服务协会", &r);
    assert_int_equal(s->listings[0].nevents, 1);
    expect_event(&s->listings[0].events[0], LC_SERIOUS_REMOVAL, "2027-05-10", 0, 0);
    oc_result_free(&r);
    s = subject("示例甲市书画艺术研究会", &r);
    expect_event(&s->listings[0].events[0], LC_SERIOUS_REMOVAL, "2026-03-18", 1, 0);
    oc_result_free(&r);
    /* Listed again while listed: the period restarts from the newer listing. */
    s = subject("示例甲市民间文艺家协会", &r);
    assert_int_equal(s->nlistings, 2);
    assert_int_equal(s->listings[0].nevents, 2);
    expect_event(&s->listings[0].events[0], LC_AUTO_REMOVAL, "2027-03-15", 0, 0);
    expect_event(&s->listings[0].events[1], LC_ESCALATION, "2028-09-15", 0, 0);
    assert_int_equal(s->listings[1].nevents, 3);
    expect_event(&s->listings[1].events[0], LC_RESTART, "2026-09-15", 1, 1);
    expect_event(&s->listings[1].events[1], LC_AUTO_REMOVAL, "2027-03-15", 0, 1);
    expect_event(&s->listings[1].events[2], LC_ESCALATION, "2028-09-15", 0, 1);
    oc_result_free(&r);
    /* A removed listing, a list without the rules, a listing without a date: none. */
    const char *none[] = {"示例甲市社区服务发展中心", "中国现代示例书法研究会", "示例甲市ＡＢＣ青少年科技中心",
                          "示例乙县幸福养老院"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        s = subject(none[i], &r);
        for (size_t l = 0; l < s->nlistings; l++)
            assert_int_equal(s->listings[l].nevents, 0);
        oc_result_free(&r);
    }
}

static void test_basis_links(void **state)
{
    (void)state;
    long long auto_node = ot_scalar(h->h, "SELECT id FROM reg_node WHERE path = "
                                          "'第二章/第十四条/第一款/（二）'");
    long long esc_node = ot_scalar(h->h, "SELECT id FROM reg_node WHERE path = "
                                         "'第三章/第十六条/第一款/（一）'");
    assert_true(auto_node > 0 && esc_node > 0);
    oc_result r;
    subject("示例甲市民间文艺家协会", &r);
    assert_int_equal(r.basis[LC_AUTO_REMOVAL].node_id, auto_node);
    assert_int_equal(r.basis[LC_ESCALATION].node_id, esc_node);
    assert_true(r.basis[LC_SERIOUS_REMOVAL].node_id > 0);
    assert_true(r.basis[LC_AUTO_REMOVAL].reg_id > 0);
    /* The restart rule names an article the corpus lacks: citation only. */
    assert_int_equal(r.basis[LC_RESTART].node_id, 0);
    assert_string_equal(r.basis[LC_RESTART].citation, "示例社会组织信用管理办法 第三十一条");
    /* In the answer: each computed date is followed by its basis, a link to open when the
     * article is in the corpus. */
    ov_lines lines = {0};
    ov_subject(&lines, &r, 0, 0, 0);
    int seen_auto = 0, seen_restart = 0;
    for (size_t i = 0; i + 1 < lines.n; i++) {
        const ov_line *e = &lines.v[i], *b = &lines.v[i + 1];
        if (!e->tag || strcmp(e->tag, "推算"))
            continue;
        if (strstr(e->text, "最早自动移出日期（无需整改时） 2027-03-15（未到）")) {
            assert_int_equal(b->style, OV_LINK);
            assert_int_equal(b->node_id, auto_node);
            assert_string_equal(b->text, "依据 示例社会组织信用管理办法 第十四条第（二）项");
            seen_auto++;
        }
        if (strstr(e->text, "列入期限重新计算：自 2026-09-15 重新计算")) {
            assert_int_equal(b->style, OV_DIM);
            assert_int_equal(b->node_id, 0);
            assert_non_null(strstr(b->text, "第三十一条（条文不在本库中）"));
            seen_restart++;
        }
    }
    assert_int_equal(seen_auto, 2); /* the newer listing and the restarted older one */
    assert_int_equal(seen_restart, 1);
    ov_lines_free(&lines);
    oc_result_free(&r);
    /* A date already reached is drawn as due. */
    subject("示例甲市书画艺术研究会", &r);
    ov_subject(&lines, &r, 0, 0, 0);
    int due = 0;
    for (size_t i = 0; i < lines.n; i++)
        due |= lines.v[i].style == OV_DUE &&
               strstr(lines.v[i].text, "最早可申请移出日期 2026-03-18（已届满，可申请移出）") != NULL;
    assert_true(due);
    ov_lines_free(&lines);
    oc_result_free(&r);
}

/* ---- look-alikes ------------------------------------------------------------------------- */

static const oc_alike *alike(const oc_subject *s, const char *name, const char *why)
{
    for (size_t i = 0; i < s->nalikes; i++)
        if (!strcmp(s->alikes[i].name, name) && !strcmp(s->alikes[i].why, why))
            return &s->alikes[i];
    fail_msg("%s: no look-alike %s (%s) among %zu", s->name, name, why, s->nalikes);
    return NULL;
}

static void test_lookalikes(void **state)
{
    (void)state;
    oc_result r;
    /* The batch's note names the legal organisation; it is in the registry. */
    const oc_subject *s = subject("中国现代示例书法研究会", &r);
    const oc_alike *a = alike(s, "中国示例书法家协会", "名单注明的名称相近的合法组织");
    assert_int_equal(a->org_id, id_of("中国示例书法家协会", 1));
    assert_true(a->registered);
    assert_false(a->listed);
    /* ... and in the answer, a warning one can act on. */
    ov_lines lines = {0};
    ov_subject(&lines, &r, 0, 0, 1);
    int warned = 0;
    for (size_t i = 0; i < lines.n; i++)
        if (lines.v[i].style == OV_WARN && lines.v[i].tag && !strcmp(lines.v[i].tag, "注意") &&
            lines.v[i].org_id == a->org_id)
            warned = 1;
    assert_true(warned);
    ov_lines_free(&lines);
    oc_result_free(&r);
    /* The legal organisation is warned about the entry that imitates it. */
    s = subject("中国示例书法家协会", &r);
    assert_int_equal(s->verdict, OC_NOT_LISTED);
    a = alike(s, "中国现代示例书法研究会", "名单注明与本组织名称相近的组织");
    assert_int_equal(a->org_id, id_of("中国现代示例书法研究会", 0));
    assert_true(a->listed);
    oc_result_free(&r);
    /* A note naming a body the registry does not hold: still a warning, without a link. */
    s = subject("中华示例摄影家联合会", &r);
    a = alike(s, "示例甲市摄影家协会", "名单注明的名称相近的合法组织");
    assert_int_equal(a->org_id, 0);
    oc_result_free(&r);
    /* Checking that legal name, which no registry row holds, finds the listed imitator
     * rather than a bare 未列入. */
    run("示例甲市摄影家协会", NULL, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.subjects[0].name, "中华示例摄影家联合会");
    assert_int_equal(r.subjects[0].verdict, OC_LISTED);
    assert_string_equal(r.subjects[0].why, "名单备注中所查名称是与其相近的合法组织");
    oc_result_free(&r);
    /* No note: a similar name on the other side of the law. */
    s = subject("示例甲市围棋运动协会", &r);
    a = alike(s, "示例甲市围棋协会", "名称相近的合法登记组织");
    assert_int_equal(a->org_id, id_of("示例甲市围棋协会", 1));
    oc_result_free(&r);
    s = subject("示例甲市围棋协会", &r);
    a = alike(s, "示例甲市围棋运动协会", "名称相近的名单组织");
    assert_int_equal(a->org_id, id_of("示例甲市围棋运动协会", 0));
    assert_true(a->listed);
    assert_false(a->registered);
    /* never itself */
    for (size_t i = 0; i < s->nalikes; i++)
        assert_true(s->alikes[i].org_id != s->org_id);
    oc_result_free(&r);
}

/* ---- filters and browsing ---------------------------------------------------------------- */

static int has_listing(const oc_subject *s, enum list_kind k, int current)
{
    for (size_t i = 0; i < s->nlistings; i++)
        if (s->listings[i].kind == k && (!current || s->listings[i].current))
            return 1;
    return 0;
}

static void test_filters(void **state)
{
    (void)state;
    oc_result r;
    /* Browsing a list: the newest listings first. */
    oc_opts o = {.today = OT_TODAY, .kinds = 1u << LK_SERIOUS};
    run("", &o, &r);
    assert_true(r.browse);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.subjects[0].name, "示例甲市家政服务协会");
    assert_string_equal(r.subjects[1].name, "示例甲市书画艺术研究会");
    assert_non_null(strstr(r.searched, "最近列入名单的组织"));
    assert_non_null(strstr(r.searched, "筛选："));
    oc_result_free(&r);
    /* Browsing what is listed now, on any list. */
    o = (oc_opts){.today = OT_TODAY, .current_only = 1};
    run("", &o, &r);
    assert_int_equal((long long)r.n,
                     ot_scalar(h->h, "SELECT count(DISTINCT org_id) FROM listing WHERE removed_date IS NULL"));
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.subjects[i].verdict, OC_LISTED);
    oc_result_free(&r);
    /* A name on one list: the same name elsewhere is hidden and counted. */
    o = (oc_opts){.today = OT_TODAY, .kinds = 1u << LK_ABNORMAL};
    run("书画", &o, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.subjects[0].org_id, id_of("示例乙县书画协会", 0));
    assert_true(r.filtered >= 3);
    oc_result_free(&r);
    o = (oc_opts){.today = OT_TODAY, .kinds = (1u << LK_SUSPECTED) | (1u << LK_BANNED)};
    run("中国示例室内", &o, &r);
    assert_true(r.n >= 2);
    for (size_t i = 0; i < r.n; i++)
        assert_true(has_listing(&r.subjects[i], LK_SUSPECTED, 0) ||
                    has_listing(&r.subjects[i], LK_BANNED, 0));
    oc_result_free(&r);
    /* Only those listed now. */
    o = (oc_opts){.today = OT_TODAY, .current_only = 1};
    run("示例甲市", &o, &r);
    assert_true(r.n >= 5);
    assert_true(r.filtered > 0);
    for (size_t i = 0; i < r.n; i++) {
        assert_int_equal(r.subjects[i].verdict, OC_LISTED);
        assert_string_not_equal(r.subjects[i].name, "示例甲市社区服务发展中心");
    }
    oc_result_free(&r);
    /* A region: the registering authority's code prefix. */
    o = (oc_opts){.today = OT_TODAY, .region = "339821"};
    run("书画", &o, &r);
    assert_int_equal(r.n, 2);
    for (size_t i = 0; i < r.n; i++) {
        assert_string_equal(r.subjects[i].name, "示例乙县书画协会");
        assert_memory_equal(r.subjects[i].region_code, "339821", 6);
    }
    assert_non_null(strstr(r.searched, "地区代码 339821*"));
    oc_result_free(&r);
    o = (oc_opts){.today = OT_TODAY, .region = "3398"};
    run("书画", &o, &r);
    assert_int_equal(r.n, 3); /* 甲市 and 乙县, registered; not the list-only namesake */
    oc_result_free(&r);
    /* Filters that hide every match: not 未列入, but "hidden by the filter". */
    o = (oc_opts){.today = OT_TODAY, .region = "33"};
    run("中国示例书法家协会", &o, &r);
    assert_int_equal(r.n, 0);
    assert_true(r.filtered >= 1);
    ov_lines lines = {0};
    ov_result(&lines, &r, NULL);
    assert_string_not_equal(lines.v[0].tag, "未列入");
    assert_non_null(strstr(lines.v[0].text, "筛选"));
    ov_lines_free(&lines);
    oc_result_free(&r);
    /* A region is a code prefix: LIKE wildcards are not let through. */
    o = (oc_opts){.today = OT_TODAY, .region = "%"};
    run("示例甲市", &o, &r);
    assert_int_equal(r.n, 0);
    assert_true(r.filtered > 0);
    oc_result_free(&r);
    /* The limit: fewer shown, the total still counted. */
    o = (oc_opts){.today = OT_TODAY, .limit = 2};
    run("示例甲市", &o, &r);
    assert_int_equal(r.n, 2);
    assert_true(r.total > 2);
    oc_result_free(&r);
}

/* ---- hostile input ----------------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Checks input and lays the answer out; nothing may crash, every answer says something. */
static void hostile(const char *input, const oc_opts *o)
{
    oc_result r;
    double t0 = now_s();
    run(input, o, &r);
    if (now_s() - t0 > 5.0)
        fail_msg("checking [%.20s...] took %.1f s", input, now_s() - t0);
    assert_true(r.n <= OC_MAX_SUBJECTS);
    assert_true(r.total >= r.n);
    ov_lines lines = {0};
    ov_result(&lines, &r, NULL);
    assert_true(lines.n >= 2);
    for (size_t i = 0; i < lines.n; i++)
        assert_non_null(lines.v[i].text);
    ov_lines_free(&lines);
    char *sum = ov_summary(&r, true);
    assert_non_null(sum);
    free(sum);
    oc_result_free(&r);
}

static void test_hostile_input(void **state)
{
    (void)state;
    /* Empty, or only spaces: the newest listings. */
    oc_result r;
    run("", NULL, &r);
    assert_true(r.browse);
    assert_true(r.n > 0);
    oc_result_free(&r);
    run(" \t ", NULL, &r);
    assert_true(r.browse);
    oc_result_free(&r);
    run(NULL, NULL, &r);
    assert_true(r.browse);
    oc_result_free(&r);
    /* 10 KB: one repeated character, random CJK, ASCII. */
    buf_t b;
    buf_init(&b);
    for (int i = 0; i < 3400; i++)
        buf_adds(&b, "协");
    hostile(b.s, NULL);
    b.len = 0;
    unsigned seed = 7;
    for (int i = 0; i < 3400; i++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t cp = 0x4e00 + (seed >> 8) % 0x51a6;
        char u[4] = {(char)(0xe0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3f)),
                     (char)(0x80 | (cp & 0x3f)), 0};
        buf_adds(&b, u);
    }
    hostile(b.s, NULL);
    b.len = 0;
    for (int i = 0; i < 1000; i++)
        buf_adds(&b, "a OR b* ");
    hostile(b.s, NULL);
    buf_free(&b);
    /* FTS5 syntax, SQL, LIKE wildcards: plain text. */
    const char *syntax[] = {"\"a\" OR b*", "示例\" OR \"*", "NEAR(示例 甲市, 2)", "示例甲市*", "-示例",
                            "^示例", "示例:甲市", "{name}: 示例", "\"", "(", "*", "AND", "'; DROP TABLE org; --",
                            "%", "_", "示例%协会", "示例甲市围棋协会\" OR \"1"};
    for (size_t i = 0; i < sizeof syntax / sizeof *syntax; i++)
        hostile(syntax[i], NULL);
    run("示例%协会", NULL, &r);
    assert_int_equal(r.n, 0); /* % is not a wildcard */
    oc_result_free(&r);
    assert_int_equal(ot_scalar(h->h, "SELECT count(*) FROM org"), 31);
    /* Control characters (no NUL) and invalid UTF-8. */
    const char *bytes[] = {"\x01\x02\x03", "示例\x1b[31m甲市\x1b[0m围棋协会", "\x7f\x08\x0b\x0c\r",
                           "\xff\xfe\xfd", "示例\xc3", "\xc0\xaf\xe0\x80\xaf", "\xed\xa0\x80示例",
                           "示例甲市\xf4\x90\x80\x80围棋协会", "\xe5\x8d", "5133980\xffMK8000155J"};
    for (size_t i = 0; i < sizeof bytes / sizeof *bytes; i++)
        hostile(bytes[i], NULL);
    /* Code-shaped input that no typo explains. */
    const char *codes[] = {"5133980OMK8OOO155J", "000000000000000000", "ZZZZZZZZZZ1234567890",
                           "123456789012345", "12345678901234567890", "51339800MK8000155J51339800"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        hostile(codes[i], NULL);
    /* With every filter at once. */
    oc_opts all = {.today = OT_TODAY, .kinds = 0x3f, .current_only = 1, .region = "33", .limit = 1};
    hostile("\"a\" OR b*", &all);
    hostile("", &all);
    /* An invalid "today" falls back to the clock. */
    oc_opts bad_today = {.today = "2026-02-30"};
    hostile("示例甲市民间文艺家协会", &bad_today);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lifecycle_dates),
        cmocka_unit_test(test_basis_links),
        cmocka_unit_test(test_lookalikes),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_hostile_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
