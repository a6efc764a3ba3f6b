/* kind = regulations: Markdown (the layout of the LawRefBook corpus) or plain-text
 * regulations and normative documents. Each file is one version; versions of a work
 * (same short title) are linked when the load finishes: the newest is in force, older
 * ones amended, unless the manifest (status =) or a reg_index row says otherwise.
 *
 * Section keys: format (auto|markdown|text), title (plain text only), level, status,
 * organ, doc_number, date (version date when the file name has none). */
#include "kinds.h"

#include "fold.h"
#include "reg_parse.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const reg_keys[] = {"format", "title", "level", "status", "organ",
                                       "doc_number", "date", NULL};

char *reg_work_key(const char *title)
{
    const char *t = title;
    while (*t == ' ')
        t++;
    if (!strncmp(t, "《", 3))
        t += 3;
    if (!strncmp(t, "中华人民共和国", strlen("中华人民共和国")) ||
        !strncmp(t, "中華人民共和國", strlen("中華人民共和國")))
        t += strlen("中华人民共和国");
    char *f = fold_utf8(t, strlen(t));
    /* Keep letters, digits and CJK only: spaces, brackets and 《》 do not tell works apart. */
    const unsigned char *p = (const unsigned char *)f, *end = p + strlen(f);
    buf_t b;
    buf_init(&b);
    while (p < end) {
        uint32_t cp;
        int valid;
        int n = u8_decode(p, end, &cp, &valid);
        if (valid && fold_class_of(cp) != FOLD_SEP)
            buf_add(&b, (const char *)p, (size_t)n);
        p += n;
    }
    free(f);
    return buf_take(&b);
}

static const char *short_title(const char *title)
{
    if (!strncmp(title, "中华人民共和国", strlen("中华人民共和国")) &&
        title[strlen("中华人民共和国")])
        return title + strlen("中华人民共和国");
    return title;
}

/* "社会救助暂行办法(2019-03-02).md" -> 2019-03-02 */
static int date_from_name(const char *path, char out[11])
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (const char *p = base; *p; p++) {
        if (*p != '(' && strncmp(p, "（", 3))
            continue;
        const char *d = (*p == '(') ? p + 1 : p + 3;
        if (strlen(d) >= 10 && d[4] == '-' && d[7] == '-') {
            int ok = 1;
            for (int i = 0; i < 10; i++)
                if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
                    ok = 0;
            if (ok) {
                memcpy(out, d, 10);
                out[10] = '\0';
                return 1;
            }
        }
    }
    return 0;
}

static const char *node_kind(enum reg_kind k)
{
    switch (k) {
    case REG_PART:
        return "编";
    case REG_SUBPART:
        return "分编";
    case REG_CHAPTER:
        return "章";
    case REG_SECTION:
        return "节";
    case REG_HEADING:
        return "标题";
    case REG_ARTICLE:
        return "条";
    case REG_UNIT:
        return "段";
    case REG_PARAGRAPH:
        return "款";
    case REG_ITEM:
        return "项";
    case REG_SUBITEM:
    default:
        return "目";
    }
}

struct diag_bridge {
    load_ctx *c;
    int fatal;
};

static void on_parse_diag(void *ctx, int line, int is_error, const char *msg)
{
    struct diag_bridge *b = ctx;
    if (is_error) {
        b->fatal = 1;
        diag_error(b->c->d, b->c->relpath, line, "%s", msg);
    } else {
        diag_warn(b->c->d, b->c->relpath, line, "%s", msg);
    }
}

static sqlite3_stmt *reg_insert, *node_insert;

/* Binds text, leaving NULL for a missing or empty value. */
static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static long long insert_node(load_ctx *c, long long reg_id, long long parent, const char *kind,
                             const char *label, long num, int num_sub, int ordinal,
                             const char *heading, const char *path, long long start,
                             long long end, int line)
{
    sqlite3_stmt *s = load_stmt(c, &node_insert,
                                "INSERT INTO reg_node(reg_id, parent_id, kind, label, num, num_sub, "
                                "ordinal, heading, path, text_start, text_end, line) "
                                "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, reg_id);
    if (parent > 0)
        sqlite3_bind_int64(s, 2, parent);
    sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, label, -1, SQLITE_STATIC);
    if (num)
        sqlite3_bind_int64(s, 5, num);
    sqlite3_bind_int(s, 6, num_sub);
    sqlite3_bind_int(s, 7, ordinal);
    if (heading)
        sqlite3_bind_text(s, 8, heading, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, path, -1, SQLITE_STATIC);
    if (start >= 0) {
        sqlite3_bind_int64(s, 10, start);
        sqlite3_bind_int64(s, 11, end);
    }
    sqlite3_bind_int(s, 12, line);
    if (sqlite3_step(s) != SQLITE_DONE)
        return -1;
    return sqlite3_last_insert_rowid(c->db);
}

static char *edition_label(const preamble_info *info)
{
    /* The latest 修正/修订 event names the edition ("2019修订"). */
    for (size_t i = info->n_events; i-- > 0;) {
        const preamble_event *e = &info->events[i];
        if (e->type == PREAMBLE_AMENDED || e->type == PREAMBLE_REVISED)
            return xasprintf("%.4s%s", e->date, e->type == PREAMBLE_AMENDED ? "修正" : "修订");
    }
    return NULL;
}

static int load_reg_file(load_ctx *c, const char *text, size_t len)
{
    const char *fmt = mf_get(c->sec, "format");
    enum reg_format f;
    if (!fmt || !strcmp(fmt, "auto")) {
        const char *dot = strrchr(c->path, '.');
        f = (dot && (!strcmp(dot, ".md") || !strcmp(dot, ".markdown"))) ? REG_MARKDOWN : REG_TEXT;
    } else if (!strcmp(fmt, "markdown")) {
        f = REG_MARKDOWN;
    } else if (!strcmp(fmt, "text")) {
        f = REG_TEXT;
    } else {
        return diag_error(c->d, c->m->file, mf_line(c->sec, "format"),
                          "format must be auto, markdown or text")
                   ? -1
                   : 0;
    }
    const char *status = NULL;
    const char *st_value = mf_get(c->sec, "status");
    if (st_value && reg_status_parse(st_value, &status) != 0)
        return diag_error(c->d, c->m->file, mf_line(c->sec, "status"),
                          "unknown status '%s' (in_force, amended, repealed, not_yet_effective, "
                          "expired, partly_invalid or 现行有效, 已修改, 已废止 ...)",
                          st_value)
                   ? -1
                   : 0;
    reg_doc doc;
    struct diag_bridge bridge = {c, 0};
    if (reg_parse(text, len, f, mf_get(c->sec, "title"), &doc, on_parse_diag, &bridge) != 0) {
        c->d->skipped++;
        return c->d->stop ? -1 : 0;
    }
    if (!doc.title[0]) {
        /* Point at the first line with text: that is where a title was looked for. */
        long line = 1;
        for (size_t i = 0; i < len && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' ||
                                       text[i] == '\t');
             i++)
            line += text[i] == '\n';
        diag_error(c->d, c->relpath, line,
                   "no title found (a Markdown file begins with a \"# 标题\" line; or give "
                   "title = in the manifest)");
        c->d->skipped++;
        reg_doc_free(&doc);
        return c->d->stop ? -1 : 0;
    }

    char version[11] = "";
    if (!date_from_name(c->path, version)) {
        const char *d = mf_get(c->sec, "date");
        if (d && strlen(d) == 10)
            memcpy(version, d, 11);
        else if (doc.info.n_amended)
            memcpy(version, doc.info.amended_dates[doc.info.n_amended - 1], 11);
        else if (doc.info.promulgated_date[0])
            memcpy(version, doc.info.promulgated_date, 11);
        else if (doc.info.adopted_date[0])
            memcpy(version, doc.info.adopted_date, 11);
    }
    buf_t amended;
    buf_init(&amended);
    for (size_t i = 0; i < doc.info.n_amended; i++)
        buf_printf(&amended, "%s%s", i ? "," : "", doc.info.amended_dates[i]);
    char *key = reg_work_key(doc.title);
    char *edition = edition_label(&doc.info);
    const char *effective = doc.info.effective_date[0] ? doc.info.effective_date
                                                       : doc.effective_in_text;
    const char *organ = mf_get(c->sec, "organ") ? mf_get(c->sec, "organ") : doc.info.issuer;
    const char *docnum = mf_get(c->sec, "doc_number") ? mf_get(c->sec, "doc_number")
                                                       : doc.info.doc_number;
    sqlite3_stmt *s = load_stmt(c, &reg_insert,
                                "INSERT INTO regulation(work_key, title, short_title, edition_label, "
                                "version_date, level, issuing_organs, doc_number, doc_number_norm, "
                                "adopted_date, promulgated_date, effective_date, amended_dates, "
                                "status, status_source, preamble, source_id, line) VALUES "
                                "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)");
    int rc = -1;
    long long reg_id = -1;
    if (s) {
#define BIND_OPT(i, v) bind_opt(s, i, v)
        sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, doc.title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 3, short_title(doc.title), -1, SQLITE_TRANSIENT);
        BIND_OPT(4, edition);
        BIND_OPT(5, version);
        BIND_OPT(6, mf_get(c->sec, "level"));
        BIND_OPT(7, organ);
        BIND_OPT(8, docnum);
        BIND_OPT(9, doc.info.doc_number);
        BIND_OPT(10, doc.info.adopted_date);
        BIND_OPT(11, doc.info.promulgated_date);
        BIND_OPT(12, effective);
        BIND_OPT(13, amended.s);
        sqlite3_bind_text(s, 14, status ? status : "in_force", -1, SQLITE_STATIC);
        if (status)
            sqlite3_bind_text(s, 15, "manifest", -1, SQLITE_STATIC);
        BIND_OPT(16, doc.preamble);
        sqlite3_bind_int64(s, 17, c->source_id);
        sqlite3_bind_int(s, 18, doc.title_line);
#undef BIND_OPT
        if (sqlite3_step(s) == SQLITE_DONE) {
            reg_id = sqlite3_last_insert_rowid(c->db);
            rc = 0;
        }
    }
    free(key);
    free(edition);
    buf_free(&amended);

    /* The tree: a 题注 node first, then every parsed node with its path. */
    long long *ids = xcalloc(doc.n_nodes + 1, sizeof *ids);
    char **paths = xcalloc(doc.n_nodes + 1, sizeof *paths);
    if (rc == 0) {
        char *head_title = doc.subtitle ? xasprintf("%s %s", doc.title, doc.subtitle)
                                        : xstrdup(doc.title);
        long long head = insert_node(c, reg_id, 0, "题注", doc.title, 0, 0, 0, NULL, "题注", -1,
                                     -1, doc.title_line);
        if (head < 0 ||
            load_stage_doc(c, "reg", head, 0, version, reg_id, 0, head_title, doc.preamble) != 0)
            rc = -1;
        free(head_title);
    }
    for (size_t i = 0; rc == 0 && i < doc.n_nodes; i++) {
        const reg_node *n = &doc.nodes[i];
        const char *kind = node_kind(n->kind);
        const char *label = n->label[0] ? n->label : (n->heading ? n->heading : kind);
        paths[i] = n->parent >= 0 ? xasprintf("%s/%s", paths[n->parent], label) : xstrdup(label);
        long long parent = n->parent >= 0 ? ids[n->parent] : 0;
        int sliced = n->kind == REG_PARAGRAPH || n->kind == REG_ITEM || n->kind == REG_SUBITEM;
        ids[i] = insert_node(c, reg_id, parent, kind, label, n->num, n->num_sub, (int)i + 1,
                             n->heading, paths[i], sliced ? (long long)n->start : -1,
                             sliced ? (long long)n->end : -1, n->line);
        if (ids[i] < 0) {
            rc = -1;
            break;
        }
        if (n->text && (n->kind == REG_ARTICLE || n->kind == REG_UNIT)) {
            char *title = xasprintf("%s %s", doc.title, label);
            if (load_stage_doc(c, "reg", ids[i], 0, version, reg_id, (long)i + 1, title,
                               n->text) != 0)
                rc = -1;
            free(title);
        }
    }
    for (size_t i = 0; i < doc.n_nodes; i++)
        free(paths[i]);
    free(paths);
    free(ids);
    reg_doc_free(&doc);
    if (rc != 0)
        return diag_error(c->d, c->relpath, 0, "cannot store the regulation: %s",
                          sqlite3_errmsg(c->db))
                   ? -1
                   : 0;
    c->records++;
    return 0;
}

static int begin_regs(load_ctx *c)
{
    /* reg_index may not appear in the manifest; finish reads its table anyway. */
    return kind_reg_index.begin(c);
}

static int exec_or_report(load_ctx *c, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(c->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        diag_error(c->d, "gongkai", 0, "linking regulations failed: %s", msg ? msg : "");
    sqlite3_free(msg);
    return rc;
}

/* Index rows that matched no regulation are reported, not silently dropped. */
static void report_unused_index_rows(load_ctx *c)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT file, line, title, coalesce(version_date, '') FROM "
                           "temp.reg_index_stage WHERE used = 0 ORDER BY file, line",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(st) == SQLITE_ROW)
        diag_warn(c->d, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                  "index row %s %s matches no regulation file", sqlite3_column_text(st, 2),
                  sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
}

static int finish_regs(load_ctx *c)
{
    /* 1. Index rows: by work and version date, or by work alone when it has one version. */
    if (exec_or_report(
            c,
            "UPDATE temp.reg_index_stage SET used = 1 WHERE EXISTS (SELECT 1 FROM regulation r "
            "WHERE r.work_key = reg_index_stage.work_key AND (reg_index_stage.version_date IS NULL "
            "OR r.version_date = reg_index_stage.version_date));"
            "UPDATE regulation AS r SET "
            " level = coalesce(i.level, r.level),"
            " status = coalesce(i.status, r.status),"
            " status_raw = coalesce(i.status, r.status_raw),"
            " status_source = CASE WHEN i.status IS NOT NULL THEN 'index' ELSE r.status_source END,"
            " effective_date = coalesce(i.effective, r.effective_date),"
            " promulgated_date = coalesce(i.promulgated, r.promulgated_date),"
            " doc_number = coalesce(i.doc_number, r.doc_number),"
            " issuing_organs = coalesce(i.organ, r.issuing_organs) "
            "FROM temp.reg_index_stage AS i WHERE i.work_key = r.work_key AND "
            "(i.version_date = r.version_date OR (i.version_date IS NULL AND "
            " (SELECT count(*) FROM regulation x WHERE x.work_key = r.work_key) = 1));") != SQLITE_OK)
        return -1;
    report_unused_index_rows(c);

    /* 2. Versions of one work: each older version was amended by the next one. Explicit
     *    statuses (manifest, index) are kept. */
    if (exec_or_report(
            c,
            "UPDATE regulation AS r SET superseded_by = (SELECT n.id FROM regulation n WHERE "
            " n.work_key = r.work_key AND coalesce(n.version_date, '') > coalesce(r.version_date, '') "
            " ORDER BY n.version_date, n.id LIMIT 1);"
            "UPDATE regulation SET status = 'amended', status_source = 'derived' "
            "WHERE superseded_by IS NOT NULL AND status_source IS NULL;") != SQLITE_OK)
        return -1;

    /* 3. In force on paper but effective after today: 尚未生效. */
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db,
                           "UPDATE regulation SET status = 'not_yet_effective', "
                           "status_source = 'derived' WHERE status = 'in_force' AND "
                           "status_source IS NULL AND effective_date > ?1",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, c->today, -1, SQLITE_STATIC);
        sqlite3_step(st);
        sqlite3_finalize(st);
    }
    if (exec_or_report(c, "UPDATE regulation SET status_source = 'derived' "
                          "WHERE status_source IS NULL;") != SQLITE_OK)
        return -1;

    /* 4. The search units take their regulation's status and date. */
    return exec_or_report(
               c, "UPDATE temp.doc_stage AS d SET rank_group = CASE r.status "
                  " WHEN 'in_force' THEN 0 WHEN 'not_yet_effective' THEN 1 "
                  " WHEN 'partly_invalid' THEN 2 WHEN 'amended' THEN 3 WHEN 'expired' THEN 4 "
                  " ELSE 5 END, date = coalesce(r.version_date, r.promulgated_date, d.date) "
                  "FROM regulation AS r WHERE d.domain = 'reg' AND r.id = d.group_key;") == SQLITE_OK
               ? 0
               : -1;
}

const load_kind kind_regulations = {
    .name = "regulations",
    .keys = reg_keys,
    .begin = begin_regs,
    .load_file = load_reg_file,
    .finish = finish_regs,
};
