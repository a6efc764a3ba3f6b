#include "lifecycle.h"

#include "fold.h"
#include "foldview.h"
#include "utf8dec.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <uchar.h>

/* ---- list kinds ---------------------------------------------------------------------- */

static const struct {
    const char *id, *name, *label;
    int credit;
} kinds[LK_COUNT] = {
    [LK_ABNORMAL] = {"abnormal", "活动异常名录", "异常", 1},
    [LK_SERIOUS] = {"serious", "严重违法失信名单", "失信", 1},
    [LK_SUSPECTED] = {"suspected", "涉嫌非法社会组织名单", "涉嫌非法", 0},
    [LK_BANNED] = {"banned", "已取缔的非法社会组织", "取缔", 0},
    [LK_SITE_CLOSED] = {"site_closed", "被关停网站的非法社会组织", "关停网站", 0},
    [LK_ELDERCARE] = {"eldercare", "养老服务领域联合惩戒对象名单", "养老惩戒", 0},
};

/* Written forms without their trailing 名单/名录 (parsing strips one). 经营异常 is
 * deliberately absent: it is the business register's list, not ours. */
static const struct {
    enum list_kind kind;
    const char32_t *form;
} forms[] = {
    {LK_ABNORMAL, U"活动异常"},
    {LK_ABNORMAL, U"异常"},
    {LK_ABNORMAL, U"abnormal"},
    {LK_SERIOUS, U"严重违法失信"},
    {LK_SERIOUS, U"失信"},
    {LK_SERIOUS, U"serious"},
    {LK_SUSPECTED, U"涉嫌非法社会组织"},
    {LK_SUSPECTED, U"涉嫌非法"},
    {LK_SUSPECTED, U"suspected"},
    {LK_BANNED, U"已取缔的非法社会组织"},
    {LK_BANNED, U"已取缔非法社会组织"},
    {LK_BANNED, U"取缔非法社会组织"},
    {LK_BANNED, U"已取缔"},
    {LK_BANNED, U"取缔"},
    {LK_BANNED, U"banned"},
    {LK_SITE_CLOSED, U"被关停网站的非法社会组织"},
    {LK_SITE_CLOSED, U"关停网站的非法社会组织"},
    {LK_SITE_CLOSED, U"被关停网站"},
    {LK_SITE_CLOSED, U"关停网站"},
    {LK_SITE_CLOSED, U"site_closed"},
    {LK_ELDERCARE, U"养老服务领域联合惩戒对象"},
    {LK_ELDERCARE, U"养老服务领域联合惩戒"},
    {LK_ELDERCARE, U"养老服务联合惩戒"},
    {LK_ELDERCARE, U"养老惩戒"},
    {LK_ELDERCARE, U"联合惩戒"},
    {LK_ELDERCARE, U"eldercare"},
};

const char *list_kind_id(enum list_kind k)
{
    return (unsigned)k < LK_COUNT ? kinds[k].id : "";
}

const char *list_kind_name(enum list_kind k)
{
    return (unsigned)k < LK_COUNT ? kinds[k].name : "";
}

const char *list_kind_short(enum list_kind k)
{
    return (unsigned)k < LK_COUNT ? kinds[k].label : "";
}

int list_kind_is_credit(enum list_kind k)
{
    return (unsigned)k < LK_COUNT && kinds[k].credit;
}

/* Does the folded text t[0..n) spell form (folded the same way)? */
static int same(const uint32_t *t, size_t n, const char32_t *form)
{
    size_t k = 0;
    for (; form[k]; k++)
        if (k >= n || t[k] != fold_cp(form[k]))
            return 0;
    return k == n;
}

int list_kind_parse(const char *s, enum list_kind *out)
{
    uint32_t t[48]; /* longer than any form: more than that is not a list name */
    size_t n = 0, len, i = 0;
    if (!s)
        return -1;
    len = strlen(s);
    while (i < len) {
        uint32_t c;
        int valid;
        i += (size_t)u8_decode((const unsigned char *)s + i, (const unsigned char *)s + len,
                               &c, &valid);
        c = fold_cp(c);
        if (foldview_is_space(c))
            continue;
        if (n == sizeof t / sizeof *t)
            return -1;
        t[n++] = c;
    }
    if (n > 2 && t[n - 2] == fold_cp(U'名') &&
        (t[n - 1] == fold_cp(U'单') || t[n - 1] == fold_cp(U'录')))
        n -= 2;
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        if (same(t, n, forms[f].form)) {
            if (out)
                *out = forms[f].kind;
            return 0;
        }
    }
    return -1;
}

/* ---- rules --------------------------------------------------------------------------- */

static const lc_rule rules[LC_RULE_COUNT] = {
    {LC_AUTO_REMOVAL, "auto_removal", 6, "最早自动移出日期（无需整改时）"},
    {LC_ESCALATION, "escalation", 24, "应转入严重违法失信名单"},
    {LC_SERIOUS_REMOVAL, "serious_removal", 24, "最早可申请移出日期"},
    {LC_RESTART, "restart", 0, "列入期限重新计算"},
};

const lc_rule *lc_rule_get(enum lc_rule_id id)
{
    return (unsigned)id < LC_RULE_COUNT ? &rules[id] : NULL;
}

int lc_rule_find(const char *key, enum lc_rule_id *out)
{
    for (int r = 0; key && r < LC_RULE_COUNT; r++) {
        if (strcmp(rules[r].key, key) == 0) {
            if (out)
                *out = rules[r].id;
            return 0;
        }
    }
    return -1;
}

/* ---- events -------------------------------------------------------------------------- */

static void emit(lc_event *out, size_t *k, enum lc_rule_id rule, isodate date,
                 const isodate *today, int restarted)
{
    lc_event *e = &out[(*k)++];
    e->rule = rule;
    e->date = date;
    /* isodate_cmp works at the coarser precision, so "2024-05" is reached in May 2024 */
    e->reached = today && today->prec != ISODATE_INVALID && isodate_cmp(&date, today) <= 0;
    e->restarted = restarted;
}

size_t lc_events(const lc_listing *all, size_t n, size_t i, const isodate *today,
                 lc_event out[4])
{
    size_t k = 0;
    if (!all || i >= n)
        return 0;
    const lc_listing *li = &all[i];
    /* a removed listing is history; one without a listing date has no clock to run */
    if (li->listed.prec == ISODATE_INVALID || li->removed.prec != ISODATE_INVALID)
        return 0;
    if (li->kind == LK_ABNORMAL) {
        /* a new ground while listed restarts the period: count from the latest open one */
        const isodate *start = &li->listed;
        int restarted = 0;
        for (size_t j = 0; j < n; j++) {
            const lc_listing *lj = &all[j];
            if (j == i || lj->kind != LK_ABNORMAL || lj->removed.prec != ISODATE_INVALID ||
                lj->listed.prec == ISODATE_INVALID)
                continue;
            if (isodate_cmp(&lj->listed, start) > 0) {
                start = &lj->listed;
                restarted = 1;
            }
        }
        if (restarted)
            emit(out, &k, LC_RESTART, *start, today, 1);
        emit(out, &k, LC_AUTO_REMOVAL, isodate_add_months(*start, rules[LC_AUTO_REMOVAL].months),
             today, restarted);
        emit(out, &k, LC_ESCALATION, isodate_add_months(*start, rules[LC_ESCALATION].months),
             today, restarted);
    } else if (li->kind == LK_SERIOUS) {
        emit(out, &k, LC_SERIOUS_REMOVAL,
             isodate_add_months(li->listed, rules[LC_SERIOUS_REMOVAL].months), today, 0);
    }
    return k;
}

/* ---- load-time checks ---------------------------------------------------------------- */

static int report(char *msg, size_t msgsz, int level, const char *text)
{
    if (msg && msgsz)
        snprintf(msg, msgsz, "%s", text);
    return level;
}

int lc_check(const lc_listing *all, size_t n, size_t i, int listed_ground,
             int has_removed_reason, char *msg, size_t msgsz)
{
    if (msg && msgsz)
        msg[0] = '\0';
    if (!all || i >= n)
        return 0;
    const lc_listing *li = &all[i];
    int listed = li->listed.prec != ISODATE_INVALID;
    int removed = li->removed.prec != ISODATE_INVALID;

    if (listed && removed && isodate_cmp(&li->removed, &li->listed) < 0)
        return report(msg, msgsz, 2, "移出日期早于列入日期");

    /* early removal is lawful on application after rectification, so it is only
     * suspicious when the source gives no reason */
    if (listed && removed && !has_removed_reason) {
        isodate due;
        if (li->kind == LK_ABNORMAL) {
            due = isodate_add_months(li->listed, rules[LC_AUTO_REMOVAL].months);
            if (isodate_cmp(&li->removed, &due) < 0)
                return report(msg, msgsz, 1, "列入不满6个月即移出，应有移出事由");
        } else if (li->kind == LK_SERIOUS) {
            due = isodate_add_months(li->listed, rules[LC_SERIOUS_REMOVAL].months);
            if (isodate_cmp(&li->removed, &due) < 0)
                return report(msg, msgsz, 1, "列入不满2年即移出，应有移出事由");
        }
    }

    /* ground 1 is 2 full years on the 异常 list, so such a listing must be on record;
     * dates that cannot be told apart at their precision get the benefit of the doubt */
    if (li->kind == LK_SERIOUS && listed_ground == 1 && listed) {
        for (size_t j = 0; j < n; j++) {
            const lc_listing *lj = &all[j];
            if (j == i || lj->kind != LK_ABNORMAL || lj->listed.prec == ISODATE_INVALID)
                continue;
            isodate due = isodate_add_months(lj->listed, rules[LC_ESCALATION].months);
            if (isodate_cmp(&due, &li->listed) <= 0)
                return 0;
        }
        return report(msg, msgsz, 1,
                      "依据第一项列入严重违法失信名单，但没有满2年的活动异常名录记录");
    }
    return 0;
}
