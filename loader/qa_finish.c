/* Q&A finishing: basis references against the regulations (core/reg.h, the machinery
 * the organisation lists' basis.RULE citations use), outdated detection, search units.
 *
 * A reference resolves to the version in force of its regulation (reg_resolve's choice:
 * in force first, then newest) and the article, 款 or 项 it names there. The item rests
 * on the version the reference names ("（2014年版）"), else on the version in force when the
 * item was last updated or published, else on the current one. It is possibly_outdated
 * when that version's text of the article differs from the current text (or the article
 * is missing there), or when the regulation itself is no longer in force. */
#include "qa_finish.h"

#include "isodate.h"
#include "reg.h"
#include "regref.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *col(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

char *qa_basis_split(const char *ref, char version[11])
{
    version[0] = '\0';
    for (const char *p = ref; *p; p++) {
        int wide = !strncmp(p, "（", 3);
        if (*p != '(' && !wide)
            continue;
        const char *in = p + (wide ? 3 : 1);
        const char *close = NULL;
        for (const char *q = in; *q; q++)
            if (*q == ')' || !strncmp(q, "）", 3)) {
                close = q;
                break;
            }
        if (!close)
            break;
        isodate d;
        const char *rest;
        if (!(*in >= '0' && *in <= '9') || !isodate_parse(in, &d, &rest) || rest > close)
            continue;
        isodate_format(&d, version);
        size_t after = (size_t)(close - ref) + (*close == ')' ? 1 : 3);
        buf_t b;
        buf_init(&b);
        buf_add(&b, ref, (size_t)(p - ref));
        buf_adds(&b, ref + after);
        return buf_take(&b);
    }
    return xstrdup(ref);
}

/* Titles already looked up: the regulation reg_resolve chose, or why there is none. */
typedef struct {
    char *title;
    long long reg_id; /* 0 when unresolved */
    char *err;
} title_hit;

static title_hit *hits;
static size_t nhits, hit_cap;

static const title_hit *find_title(gk_db *db, const char *title)
{
    for (size_t i = 0; i < nhits; i++)
        if (!strcmp(hits[i].title, title))
            return &hits[i];
    reg_info r;
    reg_node_t node;
    char *err = NULL;
    hits = xgrow(hits, &hit_cap, nhits + 1, sizeof *hits);
    title_hit *h = &hits[nhits++];
    h->title = xstrdup(title);
    h->reg_id = 0;
    h->err = NULL;
    if (reg_resolve(db, title, NULL, &r, &node, &err) != 0) {
        h->err = err ? err : xstrdup("找不到该法规");
        return h;
    }
    h->reg_id = r.id;
    reg_info_free(&r);
    reg_node_free(&node);
    return h;
}

static void forget_titles(void)
{
    for (size_t i = 0; i < nhits; i++) {
        free(hits[i].title);
        free(hits[i].err);
    }
    free(hits);
    hits = NULL;
    nhits = hit_cap = 0;
}

typedef struct {
    load_ctx *c;
    gk_db db;
    sqlite3_stmt *upd, *mark, *node, *body;
} qa_run;

/* The text of a node while loading: reg_nodes() reads article texts from doc, which is
 * filled only after every kind finished, so they are taken from the staged units here
 * (a 款/项/目 is a slice of its article's text). NULL when there is none. */
static char *node_text(qa_run *q, long long id)
{
    long long unit = 0, start = -1, end = -1;
    for (int depth = 0; id && depth < 8 && !unit; depth++) {
        sqlite3_stmt *s = q->node;
        sqlite3_bind_int64(s, 1, id);
        id = 0;
        if (sqlite3_step(s) == SQLITE_ROW) {
            const char *kind = col(s, 0);
            if (!strcmp(kind, "条") || !strcmp(kind, "段") || !strcmp(kind, "题注"))
                unit = sqlite3_column_int64(s, 4);
            else {
                if (start < 0 && sqlite3_column_type(s, 2) != SQLITE_NULL) {
                    start = sqlite3_column_int64(s, 2);
                    end = sqlite3_column_int64(s, 3);
                }
                id = sqlite3_column_int64(s, 1);
            }
        }
        sqlite3_reset(s);
    }
    if (!unit)
        return NULL;
    char *text = NULL;
    sqlite3_bind_int64(q->body, 1, unit);
    if (sqlite3_step(q->body) == SQLITE_ROW) {
        const char *b = col(q->body, 0);
        size_t len = strlen(b);
        if (start < 0)
            text = xstrdup(b);
        else if (start <= end && (size_t)end <= len)
            text = xstrndup(b + start, (size_t)(end - start));
    }
    sqlite3_reset(q->body);
    return text;
}

static void mark_outdated(qa_run *q, long long qa_id, const char *reason)
{
    sqlite3_bind_text(q->mark, 1, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q->mark, 2, qa_id);
    sqlite3_step(q->mark);
    sqlite3_reset(q->mark);
}

/* The version of r's work the item rests on: named (version "2016" or "2016-03-16"), else
 * in force on date (YYYY[-MM[-DD]]), else r. NULL when none fits (*why set when a named
 * version is missing). The caller frees the result with reg_info_free and free. */
static reg_info *cited_version(qa_run *q, const reg_info *r, const char *version,
                               const char *date, char **why)
{
    reg_info *vs;
    int n = reg_versions(&q->db, r, &vs);
    if (n <= 0) {
        free(vs);
        return NULL;
    }
    int pick = -1;
    if (*version) {
        for (int i = 0; i < n && pick < 0; i++) /* newest first */
            if (vs[i].version_date && !strncmp(vs[i].version_date, version, strlen(version)))
                pick = i;
        if (pick < 0)
            *why = xasprintf("没有载入《%s》%s 版", r->title, version);
    } else if (*date) {
        /* A date of year or month precision sorts before the versions of that year or
         * month: the older version is taken, so a change is not missed. */
        for (int i = 0; i < n && pick < 0; i++)
            if (vs[i].version_date && strcmp(vs[i].version_date, date) <= 0)
                pick = i;
    } else {
        for (int i = 0; i < n && pick < 0; i++)
            if (vs[i].id == r->id)
                pick = i;
    }
    reg_info *out = NULL;
    if (pick >= 0) {
        out = xcalloc(1, sizeof *out);
        *out = vs[pick];
        memset(&vs[pick], 0, sizeof vs[pick]);
    }
    reg_infos_free(vs, n);
    return out;
}

/* One basis row: resolve, store, and mark its item when the basis changed. */
static void resolve_one(qa_run *q, long long rowid, const char *ref_text, long long qa_id,
                        const char *date, const char *file, long line)
{
    char version[11];
    char *ref_s = qa_basis_split(ref_text, version);
    regref ref;
    int has_ref = regref_parse(ref_s, &ref) == 0;
    const char *title = ref.title; /* the whole text when there is no reference */
    char *problem = NULL, *reason = NULL;
    reg_info r;
    memset(&r, 0, sizeof r);
    reg_node_t node, old;
    memset(&node, 0, sizeof node);
    memset(&old, 0, sizeof old);
    reg_info *cited = NULL;
    const title_hit *h = *title ? find_title(&q->db, title) : NULL;
    if (!h) {
        problem = xstrdup("没有写明法规名称");
    } else if (!h->reg_id) {
        problem = xstrdup(h->err);
    } else if (reg_get(&q->db, h->reg_id, &r) != 0) {
        problem = xstrdup("读取法规失败");
    } else if (!has_ref) {
        problem = xasprintf("只写了《%s》，没有写明条文", r.title);
    } else {
        char *err = NULL;
        if (reg_lookup(&q->db, &r, &ref, &node, &err) != 0) {
            problem = err ? err : xstrdup("找不到该条文");
        } else {
            char *why = NULL;
            cited = cited_version(q, &r, version, date, &why);
            if (why) {
                diag_warn(q->c->d, file, line, "依据“%s”：%s，按现行版本核对", ref_text, why);
                free(why);
            }
            if (cited && cited->id != r.id) {
                char *label = regref_label(&ref);
                char *err2 = NULL;
                if (reg_lookup(&q->db, cited, &ref, &old, &err2) != 0)
                    reason = xasprintf("问答依据的《%s》%s 版没有%s，现行 %s 版的%s可能不是所指条文",
                                       r.title, cited->version_date ? cited->version_date : "旧",
                                       label, r.version_date ? r.version_date : "", label);
                else {
                    char *was = node_text(q, old.id), *now = node_text(q, node.id);
                    if (strcmp(was ? was : "", now ? now : ""))
                        reason = xasprintf("《%s》%s在 %s 版中有改动（问答依据 %s 版）", r.title,
                                           label, r.version_date ? r.version_date : "现行",
                                           cited->version_date ? cited->version_date : "旧");
                    free(was);
                    free(now);
                }
                free(err2);
                free(label);
            }
        }
        const char *st = reg_status_today(r.status, r.effective);
        if (!reason && (!strcmp(st, "repealed") || !strcmp(st, "expired") ||
                        !strcmp(st, "amended") || !strcmp(st, "partly_invalid")))
            reason = xasprintf("《%s》%s", r.title, reg_status_label(st));
    }
    if (problem)
        diag_warn(q->c->d, file, line, "依据“%s”未能对应到条文：%s", ref_text, problem);
    sqlite3_stmt *u = q->upd;
    if (r.id)
        sqlite3_bind_int64(u, 1, r.id);
    if (node.id)
        sqlite3_bind_int64(u, 2, node.id);
    if (cited)
        sqlite3_bind_int64(u, 3, cited->id);
    if (problem)
        sqlite3_bind_text(u, 4, problem, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(u, 5, rowid);
    sqlite3_step(u);
    sqlite3_reset(u);
    sqlite3_clear_bindings(u);
    if (reason)
        mark_outdated(q, qa_id, reason);
    free(reason);
    free(problem);
    free(ref_s);
    reg_info_free(&r);
    reg_node_free(&node);
    reg_node_free(&old);
    if (cited) {
        reg_info_free(cited);
        free(cited);
    }
}

static int has_rows(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    int yes = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK)
        yes = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    return yes;
}

int qa_finish(load_ctx *c)
{
    sqlite3_stmt *sel = NULL;
    qa_run q = {.c = c, .db = {.h = c->db}};
    int rc = -1;
    if (!has_rows(c->db, "SELECT 1 FROM qa_item LIMIT 1"))
        return 0;
    /* Article texts are looked up by node in the staged units. */
    if (sqlite3_exec(c->db, "CREATE INDEX temp.qa_doc_stage_ref ON doc_stage(domain, ref_id)",
                     NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT b.rowid, b.ref_text, q.id, coalesce(q.updated, q.published, ''), "
                           "coalesce(s.path, ''), q.line FROM qa_basis b "
                           "JOIN qa_item q ON q.id = b.qa_id LEFT JOIN source s ON s.id = q.source_id "
                           "ORDER BY q.id, b.ord",
                           -1, &sel, NULL) != SQLITE_OK)
        goto fail;
    if (sqlite3_prepare_v2(c->db,
                           "UPDATE qa_basis SET reg_id = ?1, node_id = ?2, cited_reg_id = ?3, "
                           "problem = ?4 WHERE rowid = ?5",
                           -1, &q.upd, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "UPDATE qa_item SET status = 'possibly_outdated', status_reason = "
                           "coalesce(status_reason || '；', '') || ?1 WHERE id = ?2",
                           -1, &q.mark, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "SELECT kind, coalesce(parent_id, 0), text_start, text_end, id "
                           "FROM reg_node WHERE id = ?1",
                           -1, &q.node, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "SELECT body FROM temp.doc_stage WHERE domain = 'reg' AND ref_id = ?1",
                           -1, &q.body, NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(sel) == SQLITE_ROW)
        resolve_one(&q, sqlite3_column_int64(sel, 0), col(sel, 1), sqlite3_column_int64(sel, 2),
                    col(sel, 3), col(sel, 4), (long)sqlite3_column_int64(sel, 5));
    /* One search unit per item: the question as title, the colloquial forms and the answer
     * as body; possibly outdated items rank after current ones. */
    rc = load_stage_docs_sql(
        c, "SELECT 'qa', id, CASE status WHEN 'current' THEN 0 ELSE 1 END, "
           "coalesce(updated, published), id, 0, question, "
           "coalesce(variants || char(10), '') || answer FROM qa_item");
    if (0) {
fail:
        diag_error(c->d, "gongkai", 0, "finishing the Q&A items failed: %s", sqlite3_errmsg(c->db));
    }
    sqlite3_finalize(sel);
    sqlite3_finalize(q.upd);
    sqlite3_finalize(q.mark);
    sqlite3_finalize(q.node);
    sqlite3_finalize(q.body);
    sqlite3_exec(c->db, "DROP INDEX IF EXISTS temp.qa_doc_stage_ref", NULL, NULL, NULL);
    forget_titles();
    return rc;
}
