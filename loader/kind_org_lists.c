/* kind = org_lists: published lists of organisations, one entry per row, whatever the
 * list: 活动异常名录 and 严重违法失信名单 (民政部令第60号), batches of 涉嫌非法 / 已取缔 /
 * 关停网站 organisations, and the 养老服务领域联合惩戒 list (机构 and 人员). The list of a
 * row comes from a column (map.list; `list.VALUE = KIND` maps a publisher's wording) or
 * from value.list for a file of one list. Section keys basis.RULE name the article each
 * computed date rests on (core/lifecycle.h). Entries are linked to organisations when
 * the load finishes (loader/org_finish.c). */
#include "kinds.h"
#include "org_finish.h"

#include "cnnum.h"
#include "csvmap.h"
#include "lifecycle.h"
#include "org_fields.h"
#include "orgname.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {
    "list",          "name",       "uscc",          "batch",          "issuer",
    "published",     "batch_complete", "seq",       "listed_date",    "reason",
    "ground",        "listed_by",  "doc_no",        "removed_date",   "removed_reason",
    "removed_by",    "note",       "enforcement_body", "illegal_facts", "measures",
    "subject_kind",  "id_number",  "region_code",   "url",            "as_of",
    NULL};
enum {
    F_LIST, F_NAME, F_USCC, F_BATCH, F_ISSUER, F_PUBLISHED, F_COMPLETE, F_SEQ, F_LISTED,
    F_REASON, F_GROUND, F_LISTED_BY, F_DOC_NO, F_REMOVED, F_REMOVED_REASON, F_REMOVED_BY,
    F_NOTE, F_ENFORCEMENT, F_FACTS, F_MEASURES, F_SUBJECT, F_ID, F_REGION, F_URL, F_AS_OF,
    F_COUNT
};

static const char *const keys[] = {"list.", "basis.", NULL};

/* Batches met so far in this load: a batch is one (list, issuer, batch, date). */
typedef struct {
    char *key;
    long long id;
} batch_ref;
static batch_ref *batches;
static size_t nbatches, batch_cap;

static int list_of(load_ctx *c, const char *raw, enum list_kind *out)
{
    char key[256];
    snprintf(key, sizeof key, "list.%s", raw);
    const char *mapped = mf_get(c->sec, key);
    return list_kind_parse(mapped ? mapped : raw, out);
}

/* 1 / 是 / yes ... at the start ("no (7 of 10 visible)" is 0); -1 unknown. */
static int flag_of(const char *s)
{
    static const char *const yes[] = {"yes", "1", "是", "完整", "true", NULL};
    static const char *const no[] = {"no", "0", "否", "不完整", "false", NULL};
    for (size_t i = 0; no[i]; i++)
        if (!strncasecmp(s, no[i], strlen(no[i])))
            return 0;
    for (size_t i = 0; yes[i]; i++)
        if (!strncasecmp(s, yes[i], strlen(yes[i])))
            return 1;
    return -1;
}

static long long batch_id(load_ctx *c, enum list_kind k, const char *const *v, long line)
{
    static sqlite3_stmt *st;
    if (!*v[F_BATCH] && !*v[F_PUBLISHED])
        return 0;
    char *key = xasprintf("%d\x1f%s\x1f%s\x1f%s", (int)k, v[F_ISSUER], v[F_BATCH],
                          v[F_PUBLISHED]);
    for (size_t i = nbatches; i-- > 0;)
        if (!strcmp(batches[i].key, key)) {
            free(key);
            return batches[i].id;
        }
    char date[11];
    org_date_read(c, line, "发布日期", v[F_PUBLISHED], date);
    sqlite3_stmt *s = load_stmt(c, &st,
                                "INSERT INTO list_batch(list_kind, issuer, year, batch_no, "
                                "published_date, published_raw, complete, url, source_id) "
                                "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    if (!s) {
        free(key);
        return -1;
    }
    sqlite3_bind_text(s, 1, list_kind_id(k), -1, SQLITE_STATIC);
    if (*v[F_ISSUER])
        sqlite3_bind_text(s, 2, v[F_ISSUER], -1, SQLITE_STATIC);
    /* The year of a batch: "2021年第三批", else the publication date. */
    int year = atoi(v[F_BATCH]);
    if (year < 1900 && *date)
        year = atoi(date);
    if (year >= 1900)
        sqlite3_bind_int(s, 3, year);
    if (*v[F_BATCH])
        sqlite3_bind_text(s, 4, v[F_BATCH], -1, SQLITE_STATIC);
    if (*date)
        sqlite3_bind_text(s, 5, date, -1, SQLITE_STATIC);
    if (*v[F_PUBLISHED])
        sqlite3_bind_text(s, 6, v[F_PUBLISHED], -1, SQLITE_STATIC);
    int complete = *v[F_COMPLETE] ? flag_of(v[F_COMPLETE]) : -1;
    if (complete >= 0)
        sqlite3_bind_int(s, 7, complete);
    if (*v[F_URL])
        sqlite3_bind_text(s, 8, v[F_URL], -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 9, c->source_id);
    if (sqlite3_step(s) != SQLITE_DONE) {
        free(key);
        return -1;
    }
    batches = xgrow(batches, &batch_cap, nbatches + 1, sizeof *batches);
    batches[nbatches].key = key;
    batches[nbatches].id = sqlite3_last_insert_rowid(c->db);
    return batches[nbatches++].id;
}

/* A person's identity number is stored masked (first 6 and last 4 characters kept), as
 * lists publish it; one given in full is masked here rather than stored. */
static char *mask_id(const char *raw)
{
    size_t n = strlen(raw);
    /* An ID number keeps its first 6 and last 4; anything shorter is not a valid one and
     * is hidden whole rather than stored as given. */
    size_t head = n >= 10 ? 6 : 0, tail = n >= 10 ? 4 : 0;
    char *out = xstrdup(raw);
    for (size_t i = head; i + tail < n; i++)
        if ((out[i] >= '0' && out[i] <= '9') || out[i] == 'X' || out[i] == 'x')
            out[i] = '*';
    return out;
}

/* 60号令 grounds: "1", "（一）", "第一项", "一". 0 when empty, -1 when unreadable. */
static int ground_of(const char *s)
{
    while (*s == ' ')
        s++;
    if (!*s)
        return 0;
    if (!strncmp(s, "第", 3))
        s += 3;
    if (!strncmp(s, "（", 3) || *s == '(')
        s += *s == '(' ? 1 : 3;
    long n;
    size_t used;
    if (!cnnum_parse(s, strlen(s), &n, &used) || n < 1 || n > 20)
        return -1;
    return (int)n;
}

/* basis.RULE = CITATION, stored once per rule; two sections that disagree are an error. */
static int store_basis(load_ctx *c)
{
    static sqlite3_stmt *st, *chk;
    for (size_t i = 0; i < c->sec->nkv; i++) {
        const mf_kv *kv = &c->sec->kv[i];
        if (strncmp(kv->key, "basis.", 6))
            continue;
        enum lc_rule_id rule;
        if (lc_rule_find(kv->key + 6, &rule) != 0) {
            if (diag_error(c->d, c->m->file, kv->line,
                           "unknown rule '%s' (auto_removal, escalation, serious_removal, "
                           "restart)",
                           kv->key + 6))
                return -1;
            continue; /* the section's other rules still count */
        }
        sqlite3_stmt *q = load_stmt(c, &chk, "SELECT citation FROM rule_basis WHERE rule = ?1");
        sqlite3_stmt *s = load_stmt(c, &st,
                                    "INSERT OR IGNORE INTO rule_basis(rule, citation) VALUES (?1, ?2)");
        if (!q || !s)
            return -1;
        sqlite3_bind_text(q, 1, kv->key + 6, -1, SQLITE_STATIC);
        int clash = sqlite3_step(q) == SQLITE_ROW &&
                    strcmp((const char *)sqlite3_column_text(q, 0), kv->value);
        sqlite3_reset(q);
        if (clash && diag_error(c->d, c->m->file, kv->line,
                                "%s names another article than an earlier section", kv->key))
            return -1;
        sqlite3_bind_text(s, 1, kv->key + 6, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, kv->value, -1, SQLITE_STATIC);
        sqlite3_step(s);
        sqlite3_reset(s);
    }
    return 0;
}

/* Checks one row; returns NULL when it can be stored, else the reason it is rejected. */
static const char *row_problem(load_ctx *c, const csvmap *m, enum list_kind *kind,
                               const char **subject)
{
    const char *const *v = m->v;
    if (!*v[F_LIST])
        return "没有名单类别";
    if (list_of(c, v[F_LIST], kind) != 0)
        return NULL; /* reported by the caller with the value */
    if (!orgname_valid(v[F_NAME]))
        return "没有可用的名称";
    *subject = "机构";
    if (*v[F_SUBJECT]) {
        if (strstr(v[F_SUBJECT], "人员") || strstr(v[F_SUBJECT], "个人"))
            *subject = "人员";
        else if (!strstr(v[F_SUBJECT], "机构") && !strstr(v[F_SUBJECT], "单位") &&
                 !strstr(v[F_SUBJECT], "组织"))
            return "对象类型应为机构或人员";
    }
    return NULL;
}

static int load_lists_file(load_ctx *c, const char *text, size_t len)
{
    static sqlite3_stmt *st;
    static const char *const required[] = {"list", "name", NULL};
    if (store_basis(c) != 0)
        return -1;
    csvmap m;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(&m, c)) {
        const char *const *v = m.v;
        enum list_kind kind = LK_COUNT;
        const char *subject = "机构";
        const char *problem = row_problem(c, &m, &kind, &subject);
        if (!problem && kind == LK_COUNT) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, m.line,
                           "未知的名单“%s”（活动异常名录、严重违法失信名单、涉嫌非法、已取缔、"
                           "关停网站、养老服务联合惩戒；或在清单中写 list.%s = …）",
                           v[F_LIST], v[F_LIST]))
                break;
            continue;
        }
        char listed[11], removed[11];
        int have_listed = org_date_read(c, m.line, "列入日期", v[F_LISTED], listed);
        if (have_listed == 0)
            have_listed = org_date_read(c, m.line, "发布日期", v[F_PUBLISHED], listed);
        int have_removed = org_date_read(c, m.line, "移出日期", v[F_REMOVED], removed);
        if (!problem && have_listed > 0 && have_removed > 0) {
            isodate a, b;
            isodate_parse_all(listed, &a);
            isodate_parse_all(removed, &b);
            if (isodate_cmp(&b, &a) < 0)
                problem = "移出日期早于列入日期";
        }
        if (problem) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, m.line, "%s", problem))
                break;
            continue;
        }
        if (have_listed <= 0 && list_kind_is_credit(kind))
            diag_warn(c->d, c->relpath, m.line, "没有列入日期，无法推算移出和转入日期");
        org_code oc;
        org_code_read(c, m.line, v[F_USCC], &oc);
        int ground = ground_of(v[F_GROUND]);
        if (ground < 0)
            diag_warn(c->d, c->relpath, m.line, "列入情形“%s”不是序号", v[F_GROUND]);
        long long batch = batch_id(c, kind, v, m.line);
        char *key = orgname_key(v[F_NAME]);
        char *confusable = *v[F_NOTE] ? orgname_confusable_from_note(v[F_NOTE]) : NULL;
        char *masked = *v[F_ID] ? mask_id(v[F_ID]) : NULL;
        char as_of[11];
        if (org_date_read(c, m.line, "数据截至", v[F_AS_OF], as_of) <= 0 && c->m->as_of)
            snprintf(as_of, sizeof as_of, "%s", c->m->as_of);
        sqlite3_stmt *s = load_stmt(
            c, &st,
            "INSERT INTO listing(list_kind, batch_id, seq, subject_kind, name, name_key, uscc, "
            "id_masked, listed_date, listed_raw, listed_reason, listed_by, listed_ground, "
            "decision_doc_no, removed_date, removed_reason, removed_by, note, confusable_name, "
            "enforcement_body, illegal_facts, measures, region_code, as_of, url, source_id, "
            "line, confusable_key) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,"
            "?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28)");
        if (!s) {
            free(key);
            free(confusable);
            free(masked);
            break;
        }
        sqlite3_bind_text(s, 1, list_kind_id(kind), -1, SQLITE_STATIC);
        if (batch > 0)
            sqlite3_bind_int64(s, 2, batch);
        if (*v[F_SEQ])
            sqlite3_bind_int(s, 3, atoi(v[F_SEQ]));
        sqlite3_bind_text(s, 4, subject, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, v[F_NAME], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, oc.code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 8, masked, -1, SQLITE_STATIC);
        if (have_listed > 0)
            sqlite3_bind_text(s, 9, listed, -1, SQLITE_STATIC);
        const char *listed_raw = *v[F_LISTED] ? v[F_LISTED] : v[F_PUBLISHED];
        if (*listed_raw)
            sqlite3_bind_text(s, 10, listed_raw, -1, SQLITE_STATIC);
        /* Text columns in statement order; the issuer of a batch stands in for 作出决定机关. */
        const char *who[] = {v[F_REASON], *v[F_LISTED_BY] ? v[F_LISTED_BY] : v[F_ISSUER]};
        for (int i = 0; i < 2; i++)
            if (*who[i])
                sqlite3_bind_text(s, 11 + i, who[i], -1, SQLITE_STATIC);
        if (ground > 0)
            sqlite3_bind_int(s, 13, ground);
        if (*v[F_DOC_NO])
            sqlite3_bind_text(s, 14, v[F_DOC_NO], -1, SQLITE_STATIC);
        if (have_removed > 0)
            sqlite3_bind_text(s, 15, removed, -1, SQLITE_STATIC);
        const char *more[] = {v[F_REMOVED_REASON], v[F_REMOVED_BY], v[F_NOTE], confusable,
                              v[F_ENFORCEMENT],    v[F_FACTS],      v[F_MEASURES],
                              v[F_REGION]};
        for (int i = 0; i < 8; i++)
            if (more[i] && *more[i])
                sqlite3_bind_text(s, 16 + i, more[i], -1, SQLITE_STATIC);
        if (*as_of)
            sqlite3_bind_text(s, 24, as_of, -1, SQLITE_STATIC);
        if (*v[F_URL])
            sqlite3_bind_text(s, 25, v[F_URL], -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 26, c->source_id);
        sqlite3_bind_int64(s, 27, m.line);
        char *confusable_key = confusable ? orgname_key(confusable) : NULL;
        sqlite3_bind_text(s, 28, confusable_key, -1, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        free(confusable_key);
        free(key);
        free(confusable);
        free(masked);
        if (rc != SQLITE_DONE) {
            diag_error(c->d, c->relpath, m.line, "cannot store the row");
            break;
        }
        c->records++;
    }
    csvmap_close(&m);
    return 0;
}

static int finish_lists(load_ctx *c)
{
    for (size_t i = 0; i < nbatches; i++)
        free(batches[i].key);
    free(batches);
    batches = NULL;
    nbatches = batch_cap = 0;
    return org_finish(c);
}

const load_kind kind_org_lists = {
    .name = "org_lists",
    .keys = keys,
    .csv_fields = fields,
    .begin = org_names_begin,
    .load_file = load_lists_file,
    .finish = finish_lists,
};
