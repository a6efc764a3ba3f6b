/* What 民政部令第60号 (社会组织信用信息管理办法) makes of a listing, computed: the earliest
 * automatic removal from the 活动异常名录, the date it must move to the 严重违法失信名单,
 * the earliest removal from that list, and restarts when a new ground arises while
 * listed (domain.md §4.3). No official system shows these; the console does. Also the
 * load-time checks of a listing (domain.md §12, "Credit listing"). Pure: dates in, events
 * and messages out. */
#ifndef GONGKAI_LIFECYCLE_H
#define GONGKAI_LIFECYCLE_H

#include <stddef.h>

#include "isodate.h"

enum list_kind {
    LK_ABNORMAL = 0, /* 活动异常名录 */
    LK_SERIOUS,      /* 严重违法失信名单 */
    LK_SUSPECTED,    /* 涉嫌非法社会组织名单 */
    LK_BANNED,       /* 已取缔的非法社会组织 */
    LK_SITE_CLOSED,  /* 被关停网站的非法社会组织 */
    LK_ELDERCARE,    /* 养老服务领域联合惩戒对象名单 */
    LK_COUNT
};

/* The ASCII id stored in the database (listing.list_kind): abnormal, serious, suspected,
 * banned, site_closed, eldercare; "" for an unknown kind. */
const char *list_kind_id(enum list_kind k);
/* Canonical Chinese name ("活动异常名录" ...); "" for an unknown kind. */
const char *list_kind_name(enum list_kind k);
/* Short label for narrow columns ("异常", "失信", "涉嫌非法", "取缔", "关停网站",
 * "养老惩戒"); "" for an unknown kind. */
const char *list_kind_short(enum list_kind k);
/* Parses every usual written form: the canonical names, the short labels, 活动异常名录,
 * 异常名录, 严重违法失信名单, 严重违法失信, 涉嫌非法社会组织名单, 涉嫌非法, 取缔, 已取缔,
 * 取缔非法社会组织, 被关停网站的非法社会组织名单, 关停网站, 联合惩戒, 养老服务联合惩戒, and
 * the ASCII ids "abnormal", "serious", "suspected", "banned", "site_closed",
 * "eldercare" (any case). Matching ignores spaces, Traditional/full-width forms (folded)
 * and one trailing 名单/名录. 经营异常名录 is the business register's list, not a social
 * organisation list, and is rejected. Returns 0 and sets *out, or -1. */
int list_kind_parse(const char *s, enum list_kind *out);
/* 1 for the two credit lists of 60号令 (removal and escalation rules apply). */
int list_kind_is_credit(enum list_kind k);

/* The rules, with the months they count. The article each rests on is data (the corpus
 * says which article of which text) because article numbers differ between the draft
 * and the final text. */
enum lc_rule_id {
    LC_AUTO_REMOVAL = 0, /* 异常: moved out automatically 6 months after listing when
                            nothing had to be rectified */
    LC_ESCALATION,       /* 异常: 2 full years on the list -> 严重违法失信名单 */
    LC_SERIOUS_REMOVAL,  /* 严重: eligible for removal after 2 full years without new grounds */
    LC_RESTART,          /* 异常: a new ground while listed restarts the period */
    LC_RULE_COUNT
};
typedef struct {
    enum lc_rule_id id;
    const char *key;     /* "auto_removal", "escalation", "serious_removal", "restart":
                            manifest keys and database rows */
    int months;          /* 6, 24, 24, 0 */
    const char *label;   /* "最早自动移出日期（无需整改时）", "应转入严重违法失信名单",
                            "最早可申请移出日期", "列入期限重新计算" */
} lc_rule;
const lc_rule *lc_rule_get(enum lc_rule_id id); /* NULL when out of range */
int lc_rule_find(const char *key, enum lc_rule_id *out); /* by key; 0 or -1 */

typedef struct {
    enum list_kind kind;
    isodate listed;
    isodate removed;       /* prec 0 when still listed */
} lc_listing;

typedef struct {
    enum lc_rule_id rule;
    isodate date;          /* when it happens / happened (precision of the listing date) */
    int reached;           /* 1 when date <= today (at the coarser precision: a month-precision
                              date in the current month counts as reached) */
    int restarted;         /* the period counts from a later listing (LC_RESTART applied) */
} lc_event;

/* Events for listing i of one organisation's listings (all kinds, any order):
 *   - 异常, still listed: LC_AUTO_REMOVAL (start + 6 months) and LC_ESCALATION
 *     (start + 24 months). start is i's listing date, unless another open 异常 listing
 *     has a later listing date: then start is the latest such date, every event gets
 *     restarted = 1, and an LC_RESTART event dated that listing date comes first;
 *   - 异常, removed: no events (history only);
 *   - 严重, still listed: LC_SERIOUS_REMOVAL (listed + 24 months);
 *   - other kinds, or no listing date: none.
 * Returns the number of events written (max 4). today has day precision; with today
 * NULL or invalid nothing counts as reached. */
size_t lc_events(const lc_listing *all, size_t n, size_t i, const isodate *today,
                 lc_event out[4]);

/* Load-time checks of one listing against the rules (checklist in domain.md §12):
 *   removed before listed -> error "移出日期早于列入日期";
 *   异常 removed before 6 months -> warning "列入不满6个月即移出，应有移出事由", 严重
 *   removed before 24 months -> warning "列入不满2年即移出，应有移出事由" (both only when
 *   has_removed_reason is 0, and only when the dates tell at their precision);
 *   严重 with listed_ground 1 (2 years on the 异常 list) but no 异常 listing among all[]
 *   listed at least 24 months earlier -> warning
 *   "依据第一项列入严重违法失信名单，但没有满2年的活动异常名录记录".
 * all[] holds one organisation's listings. Writes the first problem (errors before
 * warnings) into msg (Chinese; "" when fine; msg may be NULL when msgsz is 0) and returns
 * 2 for an error, 1 for a warning, 0 when fine. */
int lc_check(const lc_listing *all, size_t n, size_t i, int listed_ground,
             int has_removed_reason, char *msg, size_t msgsz);

#endif
