/* The check a counter clerk makes many times a day: is this organisation on any list,
 * since when, why, and what follows?
 *
 * Input is a name or a 统一社会信用代码 (told apart by its shape). A code is looked up
 * exactly; a code that fails its check, or finds nothing, also tries the codes one typo
 * away (uscc_suggest). A name is matched exactly, then with folding (繁简, 全角半角,
 * punctuation, spaces), without a 中国/中华/全国 prefix, as a part of longer names, as a
 * longer text containing a name, and as a similar name; each match says why. Every
 * organisation found comes with every listing, current and past, the dates 民政部令第60号
 * makes of them (with the article each rests on) and look-alike warnings. When nothing
 * matches, the result says so with what was searched and the data's as-of date: never
 * an empty answer. */
#ifndef GONGKAI_ORGCHECK_H
#define GONGKAI_ORGCHECK_H

#include <stddef.h>

#include "db.h"
#include "lifecycle.h"
#include "orgname.h"
#include "uscc.h"

#define OC_MAX_SUBJECTS 50 /* organisations returned (the total is counted further) */
#define OC_MAX_FIXES 6     /* typo suggestions shown for a code */

enum oc_verdict {
    OC_LISTED = 0,   /* 在列: some listing is current */
    OC_WAS_LISTED,   /* 曾列入: listed before, every listing removed */
    OC_NOT_LISTED,   /* 未列入 */
};
/* 在列 / 曾列入 / 未列入 */
const char *oc_verdict_label(enum oc_verdict v);

/* The article a computed date rests on (table rule_basis); node_id 0 when the corpus
 * does not hold it, citation "" when the corpus names none. */
typedef struct {
    char *citation;
    long long reg_id, node_id;
} oc_basis;

typedef struct {
    long long id;            /* listing.id */
    enum list_kind kind;
    int current;             /* not removed */
    char *name;              /* as listed */
    char *subject_kind;      /* 机构 / 人员 */
    char *uscc, *id_masked;
    char *batch_no, *issuer, *published; /* of its batch, if any */
    char *listed_date, *listed_raw, *listed_reason, *listed_by, *doc_no;
    int ground;              /* 60号令 ground number, 0 unknown */
    char *removed_date, *removed_reason, *removed_by;
    char *note, *confusable, *enforcement, *facts, *measures;
    char *source, *url, *as_of; /* file it came from, the page, data as of */
    lc_event events[4];
    size_t nevents;
} oc_listing;

typedef struct {
    long long org_id;
    char *name;
    int registered;
    int listed;              /* on some list now */
    char *why;               /* "名单注明：合法登记的为…", "名称相近" ... */
} oc_alike;

typedef struct {
    long long org_id;
    int registered;          /* in the registry (else known only from lists) */
    /* uscc: normalised; as given when uscc_check is "bad_format" */
    char *name, *uscc, *uscc_check, *org_type, *reg_authority, *supervisor, *legal_rep;
    char *founded, *capital, *status, *address, *scope, *region_code, *as_of, *source;
    int active;              /* 1 正常, 0 deregistered, -1 unknown */
    char **former;           /* other names: 曾用名 and names it was listed under */
    size_t nformer;
    enum orgname_match how;  /* why it matched a name query (ONM_EXACT for a code) */
    char *matched;           /* the name (or code) that matched */
    char *why;               /* the reason for people: "名称一致", "统一社会信用代码一致",
                                "第18位 H→K 后代码一致（可能录入错误）" ... */
    double similarity;       /* Dice of the cores, for ONM_SIMILAR */
    enum oc_verdict verdict;
    oc_listing *listings;    /* newest first */
    size_t nlistings;
    oc_alike *alikes;
    size_t nalikes;
} oc_subject;

typedef struct {
    unsigned kinds;          /* bit (1 << list_kind) for lists to show; 0 = all */
    int current_only;        /* only organisations listed now */
    const char *region;      /* region code prefix (33, 3399, 339900), NULL = anywhere */
    const char *today;       /* YYYY-MM-DD for the lifecycle; NULL = the clock */
    size_t limit;            /* organisations to return (default and cap OC_MAX_SUBJECTS) */
} oc_opts;

typedef struct {
    char *input;             /* as given, trimmed */
    int by_code;             /* the input was taken as a code */
    uscc_info code;          /* when by_code */
    uscc_fix fixes[OC_MAX_FIXES];
    int fix_found[OC_MAX_FIXES]; /* organisations carrying each suggested code */
    size_t nfixes;
    int browse;              /* empty input: the newest listings of the chosen lists */
    oc_subject *subjects;
    size_t n;
    size_t total;            /* organisations that matched before limit and filters */
    size_t filtered;         /* of those, hidden by kinds/current_only/region */
    char *as_of;             /* the database's 数据截至, "" if unknown */
    char *searched;          /* what was searched, for people (always set) */
    oc_basis basis[LC_RULE_COUNT];
    double ms;
} oc_result;

/* Runs a check. Returns 0 (r filled; r->n may be 0 and r->searched says what was tried),
 * or -1 on a database error (*err: a message for the user). */
int orgcheck_run(gk_db *db, const char *input, const oc_opts *o, oc_result *r, char **err);

/* One organisation by id, with everything a check shows (how = ONM_EXACT). Returns 0,
 * 1 when there is no such organisation, -1 on a database error. */
int orgcheck_subject(gk_db *db, long long org_id, const oc_opts *o, oc_result *r, char **err);

void oc_result_free(oc_result *r);

/* What decides the verdict, in one line: "涉嫌非法社会组织名单 2025-04-10 列入",
 * "活动异常名录 2025-01-10 列入，2025-04-02 移出", "不在任何名单上；登记状态 正常". */
char *oc_subject_detail(const oc_subject *s);
/* The verdict and the detail: "在列：涉嫌非法社会组织名单 2025-04-10 列入". */
char *oc_subject_summary(const oc_subject *s);

#endif
