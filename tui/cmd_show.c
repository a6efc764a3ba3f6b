/* `gongkai show reg`: a regulation as a whole (header block and text), or one part of it
 * with its citation line; also the "open N" of the line-mode console. */
#include "cli.h"

#include "output.h"
#include "reg.h"
#include "regref.h"
#include "u8.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai show reg TITLE [ARTICLE] [--version DATE] [--format text|json]\n"
          "                           [--script simplified|traditional|original]\n"
          "  TITLE      full or short title, Traditional or Simplified, or a unique part\n"
          "  ARTICLE    第十一条, 11, 第十一条第二款, 第二章 ... (also written after the\n"
          "             title in one argument: \"社会救助暂行办法 第十一条\")\n"
          "  --version  the version of that date (YYYY-MM-DD, or a prefix such as 2014)\n"
          "Only regulations can be shown for now (show reg).\n"
          "Exit status: 0 shown, 1 not found, 2 error.\n",
          f);
}

static void msg(const char *text)
{
    char *clean = u8_sanitize(text, strlen(text), U8_SAN_KEEP_NL);
    fprintf(stderr, "gongkai: %s\n", clean);
    free(clean);
}

/* Appends corpus text: sanitised (line breaks kept) and converted. */
static void add(buf_t *b, const char *s, enum convert_script script)
{
    if (s)
        out_append(b, s, strlen(s), U8_SAN_KEEP_NL, script);
}

static int is_heading(const reg_node_t *n)
{
    return !strcmp(n->kind, "编") || !strcmp(n->kind, "分编") || !strcmp(n->kind, "章") ||
           !strcmp(n->kind, "节");
}

/* A 条 or 段 as its own lines: "第十一条 text", further paragraphs below. */
static void add_unit(buf_t *b, const reg_node_t *n, enum convert_script script)
{
    const char *text = n->text ? n->text : "";
    int numbered = !strcmp(n->kind, "条") || (!strcmp(n->kind, "段") && n->num > 0);
    size_t ll = n->label ? strlen(n->label) : 0;
    if (numbered && ll && strncmp(text, n->label, ll)) { /* the label is not in the text */
        add(b, n->label, script);
        buf_addc(b, ' ');
    }
    add(b, text, script);
    buf_addc(b, '\n');
}

/* The text of nodes [from, to) in reading form: headings on their own lines between
 * blank lines, then each article or item. 款/项/目 are slices of their article's text. */
static void add_body(buf_t *b, const reg_node_t *v, int from, int to, enum convert_script script)
{
    for (int i = from; i < to; i++) {
        const reg_node_t *n = &v[i];
        if (is_heading(n)) {
            buf_addc(b, '\n');
            if (n->label && *n->label)
                add(b, n->label, script);
            if (n->heading) {
                if (n->label && *n->label)
                    buf_addc(b, ' ');
                add(b, n->heading, script);
            }
            buf_adds(b, "\n\n");
        } else if (!strcmp(n->kind, "条") || !strcmp(n->kind, "段")) {
            add_unit(b, n, script);
        }
    }
}

/* End of the nodes below v[i] (they follow it in document order). */
static int subtree_end(const reg_node_t *v, int n, int i)
{
    long long *inside = xmalloc((size_t)n * sizeof *inside);
    size_t k = 0;
    inside[k++] = v[i].id;
    int j = i + 1;
    for (; j < n; j++) {
        int below = 0;
        for (size_t m = k; m-- > 0 && !below;)
            below = v[j].parent_id == inside[m];
        if (!below)
            break;
        inside[k++] = v[j].id;
    }
    free(inside);
    return j;
}

/* The text of a part: an article's or slice's own text, or the whole content of a
 * chapter. Returns 0, or 2 on a database error. */
static int add_part_text(buf_t *b, gk_db *db, const reg_info *r, const reg_node_t *node,
                         enum convert_script script)
{
    if (node->text) {
        add(b, node->text, script);
        buf_addc(b, '\n');
        return 0;
    }
    reg_node_t *v;
    int n = reg_nodes(db, r->id, &v);
    if (n < 0)
        return 2;
    for (int i = 0; i < n; i++)
        if (v[i].id == node->id) {
            add_body(b, v, i + 1, subtree_end(v, n, i), script);
            break;
        }
    reg_nodes_free(v, n);
    return 0;
}

/* Citation line, then the part's text. */
static int add_part(buf_t *b, gk_db *db, const reg_info *r, const reg_node_t *node,
                    enum convert_script script)
{
    char *cite = reg_citation(r, node);
    add(b, cite, script);
    buf_addc(b, '\n');
    free(cite);
    return add_part_text(b, db, r, node, script);
}

static void add_field(buf_t *b, const char *label, const char *value, enum convert_script script)
{
    if (!value || !*value)
        return;
    add(b, label, script);
    add(b, value, script);
    buf_addc(b, '\n');
}

static void add_header(buf_t *b, const reg_info *r, const reg_info *vs, int nv,
                       enum convert_script script)
{
    buf_adds(b, "《");
    add(b, r->title, script);
    buf_adds(b, "》\n");
    add_field(b, "效力位阶：", r->level, script);
    add_field(b, "制定机关：", r->issuing_organs, script);
    add_field(b, "文号：", r->doc_number, script);
    add_field(b, "通过：", r->adopted, script);
    add_field(b, "公布：", r->promulgated, script);
    add_field(b, "施行：", r->effective, script);
    add_field(b, "修改：", r->amended, script);
    add(b, "状态：", script);
    add(b, reg_status_label(r->status), script);
    if (r->status_raw && strcmp(r->status_raw, reg_status_label(r->status))) {
        buf_adds(b, "（");
        add(b, r->status_raw, script);
        buf_adds(b, "）");
    }
    buf_addc(b, '\n');
    if (nv > 0) {
        add(b, "版本：\n", script);
        for (int i = 0; i < nv; i++) {
            buf_adds(b, vs[i].id == r->id ? "  * " : "    ");
            add(b, vs[i].version_date ? vs[i].version_date : "日期不明", script);
            buf_addc(b, ' ');
            add(b, vs[i].edition_label, script);
            if (vs[i].edition_label)
                buf_addc(b, ' ');
            add(b, reg_status_label(vs[i].status), script);
            if (vs[i].id == r->id)
                add(b, "（本版）", script);
            buf_addc(b, '\n');
        }
    }
    if (r->source_path || r->source_url) {
        add(b, "来源：", script);
        add(b, r->source_path, CONVERT_ORIGINAL); /* a file name is not prose */
        if (r->source_url) {
            buf_adds(b, r->source_path ? " " : "");
            add(b, r->source_url, CONVERT_ORIGINAL);
        }
        if (r->retrieved) {
            add(b, "（取得于 ", script);
            add(b, r->retrieved, script);
            buf_adds(b, "）");
        }
        buf_addc(b, '\n');
    }
    if (r->preamble && *r->preamble) {
        buf_addc(b, '\n');
        add(b, r->preamble, script);
        buf_addc(b, '\n');
    }
}

/* ---- JSON ---------------------------------------------------------------------------- */

/* "key":"sanitised, converted value" (or null), preceded by a comma unless first. */
static void json_field(buf_t *b, const char *key, const char *value, enum convert_script script,
                       int first)
{
    buf_printf(b, "%s\"%s\":", first ? "" : ",", key);
    if (!value) {
        buf_adds(b, "null");
        return;
    }
    out_text t;
    out_text_make(&t, value, 0, strlen(value), NULL, U8_SAN_KEEP_NL, script);
    out_json_string(b, t.s, t.len);
    out_text_free(&t);
}

static void json_info(buf_t *b, const reg_info *r, enum convert_script script)
{
    buf_printf(b, "\"id\":%lld", r->id);
    json_field(b, "title", r->title, script, 0);
    json_field(b, "short_title", r->short_title, script, 0);
    json_field(b, "version_date", r->version_date, script, 0);
    json_field(b, "edition", r->edition_label, script, 0);
    json_field(b, "level", r->level, script, 0);
    json_field(b, "issuing_organs", r->issuing_organs, script, 0);
    json_field(b, "doc_number", r->doc_number, script, 0);
    json_field(b, "adopted", r->adopted, script, 0);
    json_field(b, "promulgated", r->promulgated, script, 0);
    json_field(b, "effective", r->effective, script, 0);
    json_field(b, "amended", r->amended, script, 0);
    json_field(b, "status", r->status, CONVERT_ORIGINAL, 0);
    json_field(b, "status_label", reg_status_label(r->status), script, 0);
    json_field(b, "status_raw", r->status_raw, script, 0);
}

static void json_node(buf_t *b, const reg_node_t *n, enum convert_script script)
{
    buf_printf(b, "{\"id\":%lld", n->id);
    json_field(b, "kind", n->kind, CONVERT_ORIGINAL, 0);
    json_field(b, "label", n->label, script, 0);
    json_field(b, "heading", n->heading, script, 0);
    json_field(b, "path", n->path, script, 0);
    json_field(b, "text", n->text, script, 0);
    buf_addc(b, '}');
}

static int json_whole(buf_t *b, gk_db *db, const reg_info *r, const reg_info *vs, int nv,
                      enum convert_script script)
{
    reg_node_t *v;
    int n = reg_nodes(db, r->id, &v);
    if (n < 0)
        return 2;
    buf_addc(b, '{');
    json_info(b, r, script);
    json_field(b, "preamble", r->preamble, script, 0);
    buf_adds(b, ",\"source\":{");
    json_field(b, "path", r->source_path, CONVERT_ORIGINAL, 1);
    json_field(b, "url", r->source_url, CONVERT_ORIGINAL, 0);
    json_field(b, "retrieved", r->retrieved, CONVERT_ORIGINAL, 0);
    buf_adds(b, "},\"versions\":[");
    for (int i = 0; i < nv; i++) {
        buf_adds(b, i ? ",{" : "{");
        json_info(b, &vs[i], script);
        buf_printf(b, ",\"shown\":%s}", vs[i].id == r->id ? "true" : "false");
    }
    buf_adds(b, "],\"nodes\":[");
    for (int i = 0; i < n; i++) {
        buf_adds(b, i ? ",\n" : "\n");
        json_node(b, &v[i], script);
    }
    buf_adds(b, "]}\n");
    reg_nodes_free(v, n);
    return 0;
}

static int json_part(buf_t *b, gk_db *db, const reg_info *r, const reg_node_t *node,
                     enum convert_script script)
{
    buf_t text;
    buf_init(&text);
    int rc = add_part_text(&text, db, r, node, CONVERT_ORIGINAL);
    while (text.len && text.s[text.len - 1] == '\n')
        text.s[--text.len] = '\0';
    char *cite = reg_citation(r, node);
    buf_adds(b, "{");
    json_field(b, "citation", cite, script, 1);
    buf_adds(b, ",\"regulation\":{");
    json_info(b, r, script);
    buf_adds(b, "},\"node\":");
    json_node(b, node, script);
    json_field(b, "text", text.s ? text.s : "", script, 0);
    buf_adds(b, "}\n");
    free(cite);
    buf_free(&text);
    return rc;
}

/* ---- entry points -------------------------------------------------------------------- */

/* Replaces *r (and *node, when an article was asked for) with the version dated `version`.
 * Returns 0, 1 when there is no such version, 2 on a database error. */
static int pick_version(gk_db *db, const char *spec, const char *version, reg_info *r,
                        reg_node_t *node)
{
    reg_info *vs;
    int nv = reg_versions(db, r, &vs);
    if (nv < 0)
        return 2;
    int k = -1;
    for (int i = 0; i < nv && k < 0; i++)
        if (vs[i].version_date && !strncmp(vs[i].version_date, version, strlen(version)))
            k = i;
    if (k < 0) {
        buf_t m;
        buf_init(&m);
        buf_printf(&m, "《%s》没有 %s 的版本（no such version）；现有版本：", r->title, version);
        for (int i = 0; i < nv; i++)
            buf_printf(&m, "%s%s", i ? "、" : "", vs[i].version_date ? vs[i].version_date : "?");
        msg(m.s);
        buf_free(&m);
        reg_infos_free(vs, nv);
        return 1;
    }
    int rc = 0;
    if (vs[k].id != r->id) {
        reg_info_free(r);
        *r = vs[k];
        memset(&vs[k], 0, sizeof vs[k]);
        if (node->id) {
            regref ref;
            char *err = NULL;
            reg_node_free(node);
            if (regref_parse(spec, &ref) != 0 || reg_lookup(db, r, &ref, node, &err) != 0) {
                msg(err ? err : "没有找到该条（not found）");
                free(err);
                rc = 1;
            }
        }
    }
    reg_infos_free(vs, nv);
    return rc;
}

int show_reg(gk_db *db, textenc_out *o, const char *spec, const char *version, int json,
             enum convert_script script)
{
    reg_info r;
    reg_node_t node;
    char *err = NULL;
    if (reg_resolve(db, spec, NULL, &r, &node, &err) != 0) {
        msg(err ? err : "没有找到（not found）");
        free(err);
        return 1;
    }
    int rc = version && *version ? pick_version(db, spec, version, &r, &node) : 0;
    buf_t b;
    buf_init(&b);
    if (rc == 0 && node.id) {
        rc = json ? json_part(&b, db, &r, &node, script) : add_part(&b, db, &r, &node, script);
    } else if (rc == 0) {
        reg_info *vs = NULL;
        int nv = reg_versions(db, &r, &vs);
        if (nv < 0) {
            rc = 2;
        } else if (json) {
            rc = json_whole(&b, db, &r, vs, nv, script);
        } else {
            reg_node_t *v;
            int n = reg_nodes(db, r.id, &v);
            if (n < 0) {
                rc = 2;
            } else {
                add_header(&b, &r, vs, nv, script);
                add_body(&b, v, 0, n, script);
                reg_nodes_free(v, n);
            }
        }
        reg_infos_free(vs, nv < 0 ? 0 : nv);
    }
    if (rc == 2)
        msg(db_error_text(sqlite3_errcode(db->h)));
    else
        out_flush(o, &b);
    buf_free(&b);
    reg_node_free(&node);
    reg_info_free(&r);
    return rc;
}

int show_reg_node(gk_db *db, textenc_out *o, long long node_id, enum convert_script script)
{
    sqlite3_stmt *st;
    long long reg_id = 0;
    if (sqlite3_prepare_v2(db->h, "SELECT reg_id FROM reg_node WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK) {
        msg(db_error_text(sqlite3_errcode(db->h)));
        return 2;
    }
    sqlite3_bind_int64(st, 1, node_id);
    if (sqlite3_step(st) == SQLITE_ROW)
        reg_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    reg_info r;
    if (!reg_id || reg_get(db, reg_id, &r) != 0) {
        msg("没有找到该条（not found）");
        return 1;
    }
    reg_node_t *v;
    int n = reg_nodes(db, reg_id, &v), rc = 1;
    for (int i = 0; i < n; i++)
        if (v[i].id == node_id) {
            buf_t b;
            buf_init(&b);
            rc = add_part(&b, db, &r, &v[i], script);
            out_flush(o, &b);
            buf_free(&b);
            break;
        }
    if (n < 0)
        msg(db_error_text(sqlite3_errcode(db->h)));
    reg_nodes_free(v, n < 0 ? 0 : n);
    reg_info_free(&r);
    return n < 0 ? 2 : rc;
}

int cmd_show_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    if (argc < 1 || !strcmp(argv[0], "-h") || !strcmp(argv[0], "--help")) {
        usage(argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    if (strcmp(argv[0], "reg") && strcmp(argv[0], "regs") && strcmp(argv[0], "法规")) {
        fprintf(stderr, "gongkai show: 未知的类型 %s（unknown type; only \"reg\" for now）\n",
                argv[0]);
        usage(stderr);
        return 2;
    }
    const char *version = NULL;
    int json = 0, only_words = 0, words = 0;
    enum convert_script script = out_config_script(cfg->script);
    buf_t spec;
    buf_init(&spec);
    int rc = 0;
    for (int i = 1; i < argc && !rc; i++) {
        const char *a = argv[i];
        if (only_words || a[0] != '-' || !a[1]) {
            buf_printf(&spec, "%s%s", words++ ? " " : "", a);
            continue;
        }
        if (!strcmp(a, "--")) {
            only_words = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            buf_free(&spec);
            return 0;
        }
        int takes_value = !strcmp(a, "--version") || !strcmp(a, "--format") ||
                          !strcmp(a, "--script");
        const char *val = takes_value && i + 1 < argc ? argv[++i] : NULL;
        if (!takes_value) {
            fprintf(stderr, "gongkai show: unknown option %s\n", a);
            rc = 2;
        } else if (!val) {
            fprintf(stderr, "gongkai show: %s needs a value\n", a);
            rc = 2;
        } else if (!strcmp(a, "--version")) {
            version = val;
        } else if (!strcmp(a, "--format") ? strcmp(val, "text") && strcmp(val, "json")
                                           : convert_parse(val, &script) != 0) {
            fprintf(stderr, "gongkai show: bad value for %s: %s\n", a, val);
            rc = 2;
        } else if (!strcmp(a, "--format")) {
            json = !strcmp(val, "json");
        }
    }
    if (!rc && !words)
        rc = 2;
    if (rc) {
        usage(stderr);
        buf_free(&spec);
        return rc;
    }
    char *err = NULL;
    gk_db *db;
    if (db_open(db_path, &db, &err) != 0) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
        buf_free(&spec);
        return 2;
    }
    char encerr[160];
    textenc_out *o = textenc_out_open(stdout, "utf-8", encerr, sizeof encerr);
    rc = show_reg(db, o, spec.s, version, json, script);
    if (textenc_out_close(o) != 0) {
        fprintf(stderr, "gongkai show: 写出失败（write error）: %s\n", strerror(errno));
        rc = 2;
    }
    db_close(db);
    buf_free(&spec);
    return rc;
}
