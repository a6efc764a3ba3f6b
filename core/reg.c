#include "reg.h"

#include "cnnum.h"
#include "fold.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct {
    const char *status, *label;
    int rank;
} statuses[] = {
    {"in_force", "现行有效", 0}, {"not_yet_effective", "尚未生效", 1},
    {"partly_invalid", "部分失效", 2}, {"amended", "已修改", 3},
    {"expired", "已失效", 4},      {"repealed", "已废止", 5},
};

const char *reg_status_label(const char *status)
{
    for (size_t i = 0; status && i < sizeof statuses / sizeof *statuses; i++)
        if (!strcmp(status, statuses[i].status))
            return statuses[i].label;
    return "状态不明";
}

static int status_rank(const char *status)
{
    for (size_t i = 0; status && i < sizeof statuses / sizeof *statuses; i++)
        if (!strcmp(status, statuses[i].status))
            return statuses[i].rank;
    return 9;
}

static char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

#define REG_COLUMNS                                                                        \
    "r.id, r.title, r.short_title, r.edition_label, r.version_date, r.level, "              \
    "r.issuing_organs, r.doc_number, r.adopted_date, r.promulgated_date, r.effective_date, " \
    "r.amended_dates, r.status, r.status_raw, r.superseded_by, r.preamble, s.path, s.url, "  \
    "s.retrieved, r.work_key"

static void today(char out[11])
{
    const char *fixed = getenv("GONGKAI_TODAY");
    if (fixed && strlen(fixed) == 10) {
        memcpy(out, fixed, 11);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static void fill_info(sqlite3_stmt *st, reg_info *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->title = col(st, 1);
    r->short_title = col(st, 2);
    r->edition_label = col(st, 3);
    r->version_date = col(st, 4);
    r->level = col(st, 5);
    r->issuing_organs = col(st, 6);
    r->doc_number = col(st, 7);
    r->adopted = col(st, 8);
    r->promulgated = col(st, 9);
    r->effective = col(st, 10);
    r->amended = col(st, 11);
    r->status = col(st, 12);
    r->status_raw = col(st, 13);
    r->superseded_by = sqlite3_column_int64(st, 14);
    r->preamble = col(st, 15);
    r->source_path = col(st, 16);
    r->source_url = col(st, 17);
    r->retrieved = col(st, 18);
    const char *now_status = reg_status_today(r->status, r->effective);
    if (r->status && now_status != r->status) {
        char *s = xstrdup(now_status);
        free(r->status);
        r->status = s;
    }
}

const char *reg_status_today(const char *status, const char *effective)
{
    /* In force on paper but not yet in effect today. */
    char now[11];
    today(now);
    if (status && !strcmp(status, "in_force") && effective && strcmp(effective, now) > 0)
        return "not_yet_effective";
    return status;
}

int reg_get(gk_db *db, long long id, reg_info *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT " REG_COLUMNS " FROM regulation r LEFT JOIN source s "
                           "ON s.id = r.source_id WHERE r.id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        fill_info(st, out);
        rc = 0;
    }
    sqlite3_finalize(st);
    return rc;
}

typedef struct {
    reg_info info;
    char *work_key;
    int level; /* 0 exact, 1 short, 2 folded equal, 3 folded substring */
} candidate;

static int cand_cmp(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->level != y->level)
        return x->level - y->level;
    int rx = status_rank(x->info.status), ry = status_rank(y->info.status);
    if (rx != ry)
        return rx - ry;
    const char *dx = x->info.version_date ? x->info.version_date : "";
    const char *dy = y->info.version_date ? y->info.version_date : "";
    return -strcmp(dx, dy);
}

static char *strip_title(const char *t)
{
    /* 《》 and surrounding spaces are not part of a title. */
    size_t len = strlen(t);
    while (len && (t[0] == ' ')) {
        t++;
        len--;
    }
    if (len >= 3 && !memcmp(t, "《", 3)) {
        t += 3;
        len -= 3;
    }
    while (len && t[len - 1] == ' ')
        len--;
    if (len >= 3 && !memcmp(t + len - 3, "》", 3))
        len -= 3;
    return xstrndup(t, len);
}

int reg_find(gk_db *db, const char *title, reg_info **out, char **err)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT " REG_COLUMNS " FROM regulation r LEFT JOIN source s "
                           "ON s.id = r.source_id",
                           -1, &st, NULL) != SQLITE_OK) {
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
        return -1;
    }
    char *want = strip_title(title);
    char *fwant = fold_utf8(want, strlen(want));
    candidate *c = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 1);
        const char *s = (const char *)sqlite3_column_text(st, 2);
        if (!t)
            continue;
        int level = -1;
        if (!strcmp(t, want))
            level = 0;
        else if (s && !strcmp(s, want))
            level = 1;
        else {
            char *ft = fold_utf8(t, strlen(t));
            char *fs = s ? fold_utf8(s, strlen(s)) : NULL;
            if (!strcmp(ft, fwant) || (fs && !strcmp(fs, fwant)))
                level = 2;
            else if (*fwant && strstr(ft, fwant))
                level = 3;
            free(ft);
            free(fs);
        }
        if (level < 0)
            continue;
        c = xgrow(c, &cap, n + 1, sizeof *c);
        fill_info(st, &c[n].info);
        c[n].work_key = col(st, 19);
        c[n].level = level;
        n++;
    }
    sqlite3_finalize(st);
    free(want);
    free(fwant);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; i < n; i++) {
            reg_info_free(&c[i].info);
            free(c[i].work_key);
        }
        free(c);
        *err = xstrdup(db_error_text(rc));
        return -1;
    }
    if (n > 1)
        qsort(c, n, sizeof *c, cand_cmp);
    /* Keep only the best match level. */
    size_t keep = 0;
    while (keep < n && c[keep].level == c[0].level)
        keep++;
    reg_info *v = xcalloc(keep ? keep : 1, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        if (i < keep)
            v[i] = c[i].info;
        else
            reg_info_free(&c[i].info);
        free(c[i].work_key);
    }
    free(c);
    *out = v;
    return (int)keep;
}

int reg_versions(gk_db *db, const reg_info *r, reg_info **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT " REG_COLUMNS " FROM regulation r LEFT JOIN source s "
                           "ON s.id = r.source_id WHERE r.work_key = "
                           "(SELECT work_key FROM regulation WHERE id = ?1) "
                           "ORDER BY r.version_date DESC, r.id DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, r->id);
    size_t n = 0, cap = 0;
    reg_info *v = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        v = xgrow(v, &cap, n + 1, sizeof *v);
        fill_info(st, &v[n++]);
    }
    sqlite3_finalize(st);
    *out = v;
    return (int)n;
}

static void fill_node(sqlite3_stmt *st, reg_node_t *n)
{
    memset(n, 0, sizeof *n);
    n->id = sqlite3_column_int64(st, 0);
    n->parent_id = sqlite3_column_int64(st, 1);
    const char *k = (const char *)sqlite3_column_text(st, 2);
    snprintf(n->kind, sizeof n->kind, "%s", k ? k : "");
    n->label = col(st, 3);
    n->num = (long)sqlite3_column_int64(st, 4);
    n->num_sub = sqlite3_column_int(st, 5);
    n->ordinal = sqlite3_column_int(st, 6);
    n->heading = col(st, 7);
    n->path = col(st, 8);
    n->line = sqlite3_column_int(st, 11);
}

#define NODE_QUERY                                                                         \
    "SELECT n.id, coalesce(n.parent_id, 0), n.kind, n.label, n.num, n.num_sub, n.ordinal, "  \
    "n.heading, n.path, n.text_start, n.text_end, n.line, d.body FROM reg_node n "           \
    "LEFT JOIN doc d ON d.domain = 'reg' AND d.ref_id = n.id "

static int is_unit(const char *kind)
{
    return !strcmp(kind, "条") || !strcmp(kind, "段") || !strcmp(kind, "题注");
}

int reg_nodes(gk_db *db, long long reg_id, reg_node_t **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, NODE_QUERY "WHERE n.reg_id = ?1 ORDER BY n.ordinal", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, reg_id);
    size_t n = 0, cap = 0;
    reg_node_t *v = NULL;
    const char *unit_text = NULL; /* text of the current 条/段, which 款/项/目 slice */
    while (sqlite3_step(st) == SQLITE_ROW) {
        v = xgrow(v, &cap, n + 1, sizeof *v);
        reg_node_t *node = &v[n];
        fill_node(st, node);
        if (is_unit(node->kind)) {
            node->text = col(st, 12);
            unit_text = node->text;
        } else if (sqlite3_column_type(st, 9) != SQLITE_NULL && unit_text) {
            size_t s = (size_t)sqlite3_column_int64(st, 9), e = (size_t)sqlite3_column_int64(st, 10);
            size_t len = strlen(unit_text);
            if (s <= e && e <= len)
                node->text = xstrndup(unit_text + s, e - s);
        } else {
            unit_text = NULL; /* a heading ends the unit */
        }
        n++;
    }
    sqlite3_finalize(st);
    *out = v;
    return (int)n;
}

static const char *kind_of_ref(enum regref_kind k)
{
    switch (k) {
    case REGREF_CHAPTER:
        return "章";
    case REGREF_SECTION:
        return "节";
    case REGREF_PART:
        return "编";
    case REGREF_SUBPART:
        return "分编";
    case REGREF_ITEM:
        return "段";
    case REGREF_ARTICLE:
    default:
        return "条";
    }
}

/* Index of node id in v (ids grow in document order, so binary search), or -1. */
static long index_of(const reg_node_t *v, int n, long long id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (v[mid].id == id)
            return mid;
        if (v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int is_below(const reg_node_t *v, int n, long i, long ancestor)
{
    for (long p = index_of(v, n, v[i].parent_id); p >= 0; p = index_of(v, n, v[p].parent_id))
        if (p == ancestor)
            return 1;
    return 0;
}

/* The first node of `kind` numbered num below nodes[parent] (descendants follow their
 * ancestor in document order), or -1. */
static long find_child(const reg_node_t *v, int n, long parent, const char *kind, long num)
{
    for (long i = parent + 1; i < n && is_below(v, n, i, parent); i++)
        if (!strcmp(v[i].kind, kind) && v[i].num == num)
            return i;
    return -1;
}

int reg_lookup(gk_db *db, const reg_info *r, const regref *ref, reg_node_t *out, char **err)
{
    memset(out, 0, sizeof *out);
    reg_node_t *v;
    int n = reg_nodes(db, r->id, &v);
    if (n < 0) {
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
        return -1;
    }
    const char *kind = kind_of_ref(ref->kind);
    int articles = 0;
    for (int i = 0; i < n; i++)
        articles += !strcmp(v[i].kind, "条");
    /* A document without articles is addressed by its items: "2" is （二）. */
    if (ref->kind == REGREF_ARTICLE && !articles)
        kind = "段";
    long found = -1;
    for (int i = 0; i < n && found < 0; i++)
        if (!strcmp(v[i].kind, kind) && v[i].num == ref->num && v[i].num_sub == ref->num_sub)
            found = i;
    char *label = regref_label(ref);
    if (found < 0) {
        if (!strcmp(kind, "条"))
            *err = xasprintf("《%s》没有%s（共 %d 条）", r->title, label, articles);
        else
            *err = xasprintf("《%s》没有%s", r->title, label);
        free(label);
        reg_nodes_free(v, n);
        return -1;
    }
    long pick = found;
    if (ref->kind == REGREF_ARTICLE && ref->kuan) {
        long k = find_child(v, n, found, "款", ref->kuan);
        if (k < 0) {
            *err = xasprintf("《%s》%s没有第%ld款", r->title, v[found].label, (long)ref->kuan);
            free(label);
            reg_nodes_free(v, n);
            return -1;
        }
        pick = k;
    }
    if (ref->kind == REGREF_ARTICLE && ref->xiang) {
        long x = find_child(v, n, pick, "项", ref->xiang);
        if (x < 0) {
            *err = xasprintf("《%s》%s没有该项", r->title, label);
            free(label);
            reg_nodes_free(v, n);
            return -1;
        }
        pick = x;
        if (ref->mu) {
            long m = find_child(v, n, pick, "目", ref->mu);
            if (m < 0) {
                *err = xasprintf("《%s》%s没有该目", r->title, label);
                free(label);
                reg_nodes_free(v, n);
                return -1;
            }
            pick = m;
        }
    }
    *out = v[pick];
    if (pick != found) {
        /* Label the slice with the whole reference (第十一条第二款). */
        free(out->label);
        out->label = xstrdup(label);
    }
    memset(&v[pick], 0, sizeof v[pick]);
    free(label);
    reg_nodes_free(v, n);
    return 0;
}

int reg_resolve(gk_db *db, const char *title, const char *article, reg_info *r, reg_node_t *node,
                char **err)
{
    memset(r, 0, sizeof *r);
    memset(node, 0, sizeof *node);
    regref ref;
    int has_ref;
    char *whole = article ? xasprintf("%s %s", title, article) : xstrdup(title);
    has_ref = regref_parse(whole, &ref) == 0;
    free(whole);
    const char *t = has_ref ? ref.title : title;
    if (has_ref && !*t) {
        *err = xstrdup("请给出法规名称（give the regulation's title）");
        return -1;
    }
    reg_info *cands;
    int n = reg_find(db, t, &cands, err);
    if (n < 0)
        return -1;
    if (n == 0) {
        *err = xasprintf("没有找到法规《%s》（no regulation with that title）", t);
        free(cands);
        return -1;
    }
    /* Several different works match: ask the user to choose. */
    int works = 1;
    for (int i = 1; i < n; i++)
        if (strcmp(cands[i].short_title ? cands[i].short_title : "",
                   cands[0].short_title ? cands[0].short_title : ""))
            works++;
    if (works > 1) {
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "《%s》可能指以下法规（ambiguous; be more precise）：", t);
        for (int i = 0; i < n && i < 20; i++)
            buf_printf(&b, "\n  %s（%s，%s）", cands[i].title,
                       cands[i].version_date ? cands[i].version_date : "日期不明",
                       reg_status_label(cands[i].status));
        *err = buf_take(&b);
        reg_infos_free(cands, n);
        return -1;
    }
    *r = cands[0];
    memset(&cands[0], 0, sizeof cands[0]);
    reg_infos_free(cands, n);
    if (has_ref && reg_lookup(db, r, &ref, node, err) != 0) {
        reg_info_free(r);
        return -1;
    }
    return 0;
}

char *reg_citation(const reg_info *r, const reg_node_t *n)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "《%s》", r->title ? r->title : "");
    if (n && n->label && strcmp(n->kind, "题注"))
        buf_adds(&b, n->label);
    buf_adds(&b, "（");
    if (r->doc_number)
        buf_printf(&b, "%s，", r->doc_number);
    if (r->version_date)
        buf_printf(&b, "%s 版，", r->version_date);
    buf_adds(&b, reg_status_label(r->status));
    buf_adds(&b, "）");
    return buf_take(&b);
}

void reg_info_free(reg_info *r)
{
    if (!r)
        return;
    char **f[] = {&r->title,    &r->short_title, &r->edition_label, &r->version_date,
                  &r->level,    &r->issuing_organs, &r->doc_number, &r->adopted,
                  &r->promulgated, &r->effective, &r->amended,    &r->status,
                  &r->status_raw, &r->preamble,  &r->source_path,   &r->source_url,
                  &r->retrieved};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        free(*f[i]);
        *f[i] = NULL;
    }
}

void reg_infos_free(reg_info *v, int n)
{
    for (int i = 0; i < n; i++)
        reg_info_free(&v[i]);
    free(v);
}

void reg_node_free(reg_node_t *n)
{
    if (!n)
        return;
    free(n->label);
    free(n->heading);
    free(n->path);
    free(n->text);
    memset(n, 0, sizeof *n);
}

void reg_nodes_free(reg_node_t *v, int n)
{
    for (int i = 0; i < n; i++)
        reg_node_free(&v[i]);
    free(v);
}
