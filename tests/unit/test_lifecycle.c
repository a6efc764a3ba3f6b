/* 民政部令第60号 as a state machine (domain.md §4.3): list kinds in every written form,
 * the rule table, computed events (removal, escalation, restart) and the load-time
 * checks of §12. Organisations and dates are invented (示例). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lifecycle.h"

static isodate D(const char *s)
{
    isodate d = {0, 0, 0, 0};
    if (s && !isodate_parse_all(s, &d))
        fail_msg("bad test date \"%s\"", s);
    return d;
}

static lc_listing L(enum list_kind k, const char *listed, const char *removed)
{
    lc_listing l;
    l.kind = k;
    l.listed = D(listed);
    l.removed = D(removed);
    return l;
}

static void check_kind(const char *s, enum list_kind want)
{
    enum list_kind k = LK_COUNT;
    if (list_kind_parse(s, &k) != 0)
        fail_msg("\"%s\" not recognised", s);
    if (k != want)
        fail_msg("\"%s\" parsed as %d, expected %d", s, (int)k, (int)want);
}

static void check_event(const lc_event *e, enum lc_rule_id rule, const char *date, int prec,
                        int reached, int restarted)
{
    char out[11];
    isodate_format(&e->date, out);
    assert_int_equal(e->rule, rule);
    assert_string_equal(out, date);
    assert_int_equal(e->date.prec, prec);
    assert_int_equal(e->reached, reached);
    assert_int_equal(e->restarted, restarted);
}

static void test_kind_names(void **state)
{
    (void)state;
    static const char *const names[LK_COUNT] = {"活动异常名录", "严重违法失信名单",
                                                "涉嫌非法社会组织名单", "已取缔的非法社会组织",
                                                "被关停网站的非法社会组织",
                                                "养老服务领域联合惩戒对象名单"};
    static const char *const shorts[LK_COUNT] = {"异常", "失信", "涉嫌非法",
                                                 "取缔", "关停网站", "养老惩戒"};
    for (int k = 0; k < LK_COUNT; k++) {
        assert_string_equal(list_kind_name((enum list_kind)k), names[k]);
        assert_string_equal(list_kind_short((enum list_kind)k), shorts[k]);
        /* canonical names and short labels parse back */
        check_kind(names[k], (enum list_kind)k);
        check_kind(shorts[k], (enum list_kind)k);
    }
    assert_string_equal(list_kind_name(LK_COUNT), "");
    assert_string_equal(list_kind_short(LK_COUNT), "");
    for (int k = 0; k <= LK_COUNT; k++)
        assert_int_equal(list_kind_is_credit((enum list_kind)k),
                         k == LK_ABNORMAL || k == LK_SERIOUS);
}

static void test_kind_forms(void **state)
{
    (void)state;
    check_kind("活动异常名录", LK_ABNORMAL);
    check_kind("异常名录", LK_ABNORMAL);
    check_kind("活动异常", LK_ABNORMAL);
    check_kind(" 活动 异常 名录 ", LK_ABNORMAL);
    check_kind("活動異常名錄", LK_ABNORMAL); /* Traditional */
    check_kind("abnormal", LK_ABNORMAL);
    check_kind("ABNORMAL", LK_ABNORMAL);
    check_kind("严重违法失信名单", LK_SERIOUS);
    check_kind("严重违法失信", LK_SERIOUS);
    check_kind("嚴重違法失信名單", LK_SERIOUS);
    check_kind("serious", LK_SERIOUS);
    check_kind("涉嫌非法社会组织名单", LK_SUSPECTED);
    check_kind("涉嫌非法社会组织", LK_SUSPECTED);
    check_kind("涉嫌非法", LK_SUSPECTED);
    check_kind("suspected", LK_SUSPECTED);
    check_kind("取缔", LK_BANNED);
    check_kind("已取缔", LK_BANNED);
    check_kind("取缔非法社会组织", LK_BANNED);
    check_kind("已取缔非法社会组织名单", LK_BANNED);
    check_kind("banned", LK_BANNED);
    check_kind("被关停网站的非法社会组织名单", LK_SITE_CLOSED);
    check_kind("关停网站", LK_SITE_CLOSED);
    check_kind("site_closed", LK_SITE_CLOSED);
    check_kind("联合惩戒", LK_ELDERCARE);
    check_kind("养老服务联合惩戒", LK_ELDERCARE);
    check_kind("养老服务领域联合惩戒对象名单", LK_ELDERCARE);
    check_kind("eldercare", LK_ELDERCARE);
    check_kind("\xe3\x80\x80" "失信名单", LK_SERIOUS); /* ideographic space, suffix */

    enum list_kind k = LK_SERIOUS;
    assert_int_equal(list_kind_parse("经营异常名录", &k), -1); /* business register */
    assert_int_equal(list_kind_parse("经营异常", &k), -1);
    assert_int_equal(list_kind_parse("", &k), -1);
    assert_int_equal(list_kind_parse("名单", &k), -1);
    assert_int_equal(list_kind_parse("异常名单名录", &k), -1); /* only one suffix goes */
    assert_int_equal(list_kind_parse("黑名单", &k), -1);
    assert_int_equal(list_kind_parse("abnormalx", &k), -1);
    assert_int_equal(list_kind_parse("site closed", &k), -1); /* spaces dropped: siteclosed */
    assert_int_equal(list_kind_parse("活动异常名录活动异常名录活动异常名录活动异常名录活动异常名录"
                                     "活动异常名录活动异常名录活动异常名录", &k), -1); /* long */
    assert_int_equal(list_kind_parse("\xff\xfe", &k), -1);
    assert_int_equal(list_kind_parse(NULL, &k), -1);
    assert_int_equal(k, LK_SERIOUS); /* untouched on failure */
}

static void test_rules(void **state)
{
    (void)state;
    static const char *const keys[LC_RULE_COUNT] = {"auto_removal", "escalation",
                                                    "serious_removal", "restart"};
    static const int months[LC_RULE_COUNT] = {6, 24, 24, 0};
    static const char *const labels[LC_RULE_COUNT] = {
        "最早自动移出日期（无需整改时）", "应转入严重违法失信名单", "最早可申请移出日期",
        "列入期限重新计算"};
    for (int r = 0; r < LC_RULE_COUNT; r++) {
        const lc_rule *rule = lc_rule_get((enum lc_rule_id)r);
        assert_non_null(rule);
        assert_int_equal(rule->id, r);
        assert_string_equal(rule->key, keys[r]);
        assert_int_equal(rule->months, months[r]);
        assert_string_equal(rule->label, labels[r]);
        enum lc_rule_id id = LC_RULE_COUNT;
        assert_int_equal(lc_rule_find(keys[r], &id), 0);
        assert_int_equal(id, r);
    }
    assert_null(lc_rule_get(LC_RULE_COUNT));
    enum lc_rule_id id = LC_RESTART;
    assert_int_equal(lc_rule_find("Escalation", &id), -1);
    assert_int_equal(lc_rule_find("", &id), -1);
    assert_int_equal(lc_rule_find(NULL, &id), -1);
    assert_int_equal(id, LC_RESTART);
}

static void test_events_abnormal(void **state)
{
    (void)state;
    lc_listing all[] = {L(LK_ABNORMAL, "2024-01-15", NULL)};
    lc_event ev[4];
    isodate today = D("2024-05-01");
    assert_int_equal(lc_events(all, 1, 0, &today, ev), 2);
    check_event(&ev[0], LC_AUTO_REMOVAL, "2024-07-15", 3, 0, 0);
    check_event(&ev[1], LC_ESCALATION, "2026-01-15", 3, 0, 0);

    today = D("2026-02-01");
    assert_int_equal(lc_events(all, 1, 0, &today, ev), 2);
    check_event(&ev[0], LC_AUTO_REMOVAL, "2024-07-15", 3, 1, 0);
    check_event(&ev[1], LC_ESCALATION, "2026-01-15", 3, 1, 0);

    /* the day itself counts as reached */
    today = D("2024-07-15");
    assert_int_equal(lc_events(all, 1, 0, &today, ev), 2);
    assert_int_equal(ev[0].reached, 1);
    assert_int_equal(ev[1].reached, 0);

    /* no today: nothing reached */
    assert_int_equal(lc_events(all, 1, 0, NULL, ev), 2);
    assert_int_equal(ev[0].reached, 0);
    /* out of range */
    assert_int_equal(lc_events(all, 1, 1, &today, ev), 0);
    assert_int_equal(lc_events(NULL, 0, 0, &today, ev), 0);
}

static void test_events_restart(void **state)
{
    (void)state;
    /* any order, other kinds and a removed 异常 listing mixed in */
    lc_listing all[] = {
        L(LK_SERIOUS, "2020-06-01", "2022-07-01"),
        L(LK_ABNORMAL, "2024-03-05", NULL),
        L(LK_ABNORMAL, "2025-01-01", "2025-07-01"), /* removed: does not restart */
        L(LK_ABNORMAL, "2023-01-10", NULL),
    };
    lc_event ev[4];
    isodate today = D("2024-05-01");
    assert_int_equal(lc_events(all, 4, 3, &today, ev), 3);
    check_event(&ev[0], LC_RESTART, "2024-03-05", 3, 1, 1);
    check_event(&ev[1], LC_AUTO_REMOVAL, "2024-09-05", 3, 0, 1);
    check_event(&ev[2], LC_ESCALATION, "2026-03-05", 3, 0, 1);

    /* the later listing itself runs from its own date */
    assert_int_equal(lc_events(all, 4, 1, &today, ev), 2);
    check_event(&ev[0], LC_AUTO_REMOVAL, "2024-09-05", 3, 0, 0);
    check_event(&ev[1], LC_ESCALATION, "2026-03-05", 3, 0, 0);

    /* removed 异常, removed 严重: history only */
    assert_int_equal(lc_events(all, 4, 2, &today, ev), 0);
    assert_int_equal(lc_events(all, 4, 0, &today, ev), 0);
}

static void test_events_other(void **state)
{
    (void)state;
    lc_event ev[4];
    isodate today = D("2024-05-01");

    lc_listing removed[] = {L(LK_ABNORMAL, "2023-01-10", "2023-07-10")};
    assert_int_equal(lc_events(removed, 1, 0, &today, ev), 0);

    lc_listing serious[] = {L(LK_SERIOUS, "2023-03-18", NULL)};
    assert_int_equal(lc_events(serious, 1, 0, &today, ev), 1);
    check_event(&ev[0], LC_SERIOUS_REMOVAL, "2025-03-18", 3, 0, 0);
    today = D("2025-03-18");
    assert_int_equal(lc_events(serious, 1, 0, &today, ev), 1);
    assert_int_equal(ev[0].reached, 1);

    /* month precision stays month precision; the current month counts as reached */
    lc_listing month[] = {L(LK_ABNORMAL, "2023-03", NULL)};
    today = D("2023-09-01");
    assert_int_equal(lc_events(month, 1, 0, &today, ev), 2);
    check_event(&ev[0], LC_AUTO_REMOVAL, "2023-09", 2, 1, 0);
    check_event(&ev[1], LC_ESCALATION, "2025-03", 2, 0, 0);
    today = D("2023-08-31");
    assert_int_equal(lc_events(month, 1, 0, &today, ev), 2);
    assert_int_equal(ev[0].reached, 0);

    lc_listing others[] = {L(LK_SUSPECTED, "2021-02-18", NULL), L(LK_BANNED, "2024-01-01", NULL),
                           L(LK_SITE_CLOSED, "2021-06-01", NULL),
                           L(LK_ELDERCARE, "2022-01-01", NULL), L(LK_ABNORMAL, NULL, NULL)};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(lc_events(others, 5, i, &today, ev), 0);
}

/* Runs lc_check and checks its level and message. */
static void check_lc(const lc_listing *all, size_t n, size_t i, int ground, int reason,
                     int level, const char *text)
{
    char msg[256];
    memset(msg, 'x', sizeof msg);
    assert_int_equal(lc_check(all, n, i, ground, reason, msg, sizeof msg), level);
    assert_string_equal(msg, text);
}

static void test_check(void **state)
{
    (void)state;
    lc_listing a[] = {
        L(LK_ABNORMAL, "2024-01-15", "2023-12-01"), /* 0: removed before listed */
        L(LK_ABNORMAL, "2024-01-15", "2024-03-01"), /* 1: under 6 months */
        L(LK_ABNORMAL, "2024-01-15", "2024-07-15"), /* 2: exactly 6 months */
        L(LK_SERIOUS, "2022-01-15", "2023-06-01"),  /* 3: under 2 years */
        L(LK_SERIOUS, "2022-01-15", "2024-01-15"),  /* 4: 2 years */
        L(LK_ABNORMAL, "2024-01-15", NULL),         /* 5: open */
        L(LK_ABNORMAL, "2024-01", "2024-07-03"),    /* 6: cannot tell at month precision */
        L(LK_SUSPECTED, "2024-01-15", "2024-01-20"), /* 7: not a credit list */
    };
    check_lc(a, 8, 0, 0, 0, 2, "移出日期早于列入日期");
    check_lc(a, 8, 0, 0, 1, 2, "移出日期早于列入日期"); /* a reason does not fix the dates */
    check_lc(a, 8, 1, 0, 0, 1, "列入不满6个月即移出，应有移出事由");
    check_lc(a, 8, 1, 0, 1, 0, "");
    check_lc(a, 8, 2, 0, 0, 0, "");
    check_lc(a, 8, 3, 0, 0, 1, "列入不满2年即移出，应有移出事由");
    check_lc(a, 8, 3, 0, 1, 0, "");
    check_lc(a, 8, 4, 0, 0, 0, "");
    check_lc(a, 8, 5, 0, 0, 0, "");
    check_lc(a, 8, 6, 0, 0, 0, "");
    check_lc(a, 8, 7, 0, 0, 0, "");
    check_lc(a, 8, 8, 0, 0, 0, ""); /* out of range */

    /* ground 1 needs an 异常 listing at least 2 years earlier */
    lc_listing with[] = {L(LK_ABNORMAL, "2021-03-01", "2023-03-20"),
                         L(LK_SERIOUS, "2023-03-18", NULL)};
    check_lc(with, 2, 1, 1, 0, 0, "");
    check_lc(with, 2, 1, 2, 0, 0, ""); /* another ground: no such requirement */
    lc_listing too_recent[] = {L(LK_ABNORMAL, "2022-01-10", NULL),
                               L(LK_SERIOUS, "2023-03-18", NULL)};
    check_lc(too_recent, 2, 1, 1, 0, 1,
             "依据第一项列入严重违法失信名单，但没有满2年的活动异常名录记录");
    check_lc(too_recent, 2, 1, 5, 0, 0, "");
    lc_listing none[] = {L(LK_SUSPECTED, "2020-01-01", NULL), L(LK_SERIOUS, "2023-03-18", NULL)};
    check_lc(none, 2, 1, 1, 0, 1, "依据第一项列入严重违法失信名单，但没有满2年的活动异常名录记录");
    lc_listing exact[] = {L(LK_SERIOUS, "2023-03-18", NULL), L(LK_ABNORMAL, "2021-03-18", NULL)};
    check_lc(exact, 2, 0, 1, 0, 0, "");
    lc_listing month[] = {L(LK_ABNORMAL, "2021-03", NULL), L(LK_SERIOUS, "2023-03-18", NULL)};
    check_lc(month, 2, 1, 1, 0, 0, ""); /* cannot tell at month precision: no warning */

    /* an error comes before a warning on the same listing */
    lc_listing both[] = {L(LK_SERIOUS, "2023-03-18", "2023-01-01")};
    check_lc(both, 1, 0, 1, 0, 2, "移出日期早于列入日期");

    /* small buffers truncate; no buffer is fine */
    char small[4];
    assert_int_equal(lc_check(a, 8, 0, 0, 0, small, sizeof small), 2);
    assert_int_equal(strlen(small), 3);
    assert_int_equal(lc_check(a, 8, 1, 0, 0, NULL, 0), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_kind_forms),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_events_abnormal),
        cmocka_unit_test(test_events_restart),
        cmocka_unit_test(test_events_other),
        cmocka_unit_test(test_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
