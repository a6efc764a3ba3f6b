/* 法规: the regulations list (filters, sort, type to filter by title) and the document
 * view (article tree, wrapped text with highlights, 第X条 jumps, matches, citations,
 * versions). The models are reglist.c and regdoc.c; this file draws them and handles keys. */
#include "app.h"
#include "clipboard.h"
#include "output.h"
#include "reglist.h"
#include "regdoc.h"
#include "u8.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TREE_MIN_COLS 70 /* narrower panes hide the article tree */

typedef struct {
    reglist list;
    int loaded;

    regdoc *doc;                /* the document view when doc_view is set */
    int doc_view;
    int tree_on;                /* the user's choice; narrow panes hide it anyway */
    int ttop;                   /* first tree entry shown */
    int text_h, text_w, pane_w; /* text area and pane width at the last draw */
    rect tree_rect;             /* where the tree was drawn (w 0: hidden) */

    hl_matcher *qm;             /* the query the document was opened with */
    char *qtext;
    hl_matcher *fm;             /* in-document find */
    char *ftext;

    long long *vers;            /* versions offered by the picker */
    int nvers;
    int pick_dim;               /* dimension whose values are being picked */
    char **pick_values;         /* its values (item i + 1 is value i) */
    int npick;
} regs_pane;

static enum attr_kind status_attr(const char *status)
{
    if (status && !strcmp(status, "in_force"))
        return AT_GOOD;
    if (status && (!strcmp(status, "repealed") || !strcmp(status, "expired")))
        return AT_BAD;
    return AT_WARN;
}

static char *shown_text(const char *s, enum convert_script script)
{
    out_text t;
    out_text_make(&t, s ? s : "", 0, s ? strlen(s) : 0, NULL, 0, script);
    hl_spans_free(&t.spans);
    return t.s;
}

/* ---- state ----------------------------------------------------------------------------- */

static void free_picks(regs_pane *s)
{
    reglist_strv_free(s->pick_values, s->npick);
    s->pick_values = NULL;
    s->npick = 0;
}

static void *init(app *a)
{
    (void)a;
    regs_pane *s = xcalloc(1, sizeof *s);
    reglist_init(&s->list);
    s->tree_on = 1;
    s->text_h = 17;
    s->text_w = 57;
    s->ftext = xstrdup("");
    return s;
}

static void done(void *st)
{
    regs_pane *s = st;
    reglist_free(&s->list);
    regdoc_free(s->doc);
    hl_matcher_free(s->qm);
    hl_matcher_free(s->fm);
    free(s->qtext);
    free(s->ftext);
    free(s->vers);
    free_picks(s);
    free(s);
}

static void set_list_status(regs_pane *s, app *a)
{
    buf_t b;
    buf_init(&b);
    reglist_describe(&s->list, &b);
    app_set_count(a, b.s);
    buf_free(&b);
}

static void ensure_loaded(regs_pane *s, app *a)
{
    if (s->loaded)
        return;
    char *err = NULL;
    s->loaded = 1;
    if (reglist_load(&s->list, app_db(a), &err) != 0) {
        app_message(a, 1, "读取法规目录失败：%s", err);
        free(err);
    }
}

/* ---- opening documents ----------------------------------------------------------------- */

static void set_matcher(regs_pane *s)
{
    if (s->doc)
        regdoc_set_matcher(s->doc, s->ftext && *s->ftext ? s->fm : s->qm);
}

/* Replaces the document by regulation id; 0 or -1 (message shown). */
static int load_doc(regs_pane *s, app *a, long long id)
{
    char *err = NULL;
    regdoc *d = regdoc_open(app_db(a), id, &err);
    if (!d) {
        app_message(a, 1, "%s", err);
        free(err);
        return -1;
    }
    regdoc_free(s->doc);
    s->doc = d;
    set_matcher(s);
    regdoc_layout(d, s->text_w, app_script(a));
    return 0;
}

static void clear_find(regs_pane *s)
{
    hl_matcher_free(s->fm);
    s->fm = NULL;
    free(s->ftext);
    s->ftext = xstrdup("");
}

static void enter_doc(regs_pane *s, app *a)
{
    s->doc_view = 1;
    s->ttop = 0;
    app_set_input(a, s->ftext);
}

/* The query whose matches the next document shows (NULL: none); the find is cleared. */
static void set_query(regs_pane *s, const query *q)
{
    hl_matcher_free(s->qm);
    s->qm = q ? hl_matcher_new(q) : NULL;
    free(s->qtext);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; q && i < q->nterms; i++)
        if (q->terms[i].op != QUERY_NOT && q->terms[i].typed)
            buf_printf(&b, "%s%s", b.len ? " " : "", q->terms[i].typed);
    s->qtext = buf_take(&b);
    clear_find(s);
    set_matcher(s); /* the document shown must not keep the freed matchers */
}

static void open_selected(regs_pane *s, app *a)
{
    long long id = reglist_selected(&s->list);
    set_query(s, NULL);
    if (id && load_doc(s, a, id) == 0)
        enter_doc(s, a);
}

void pane_regs_open(void *st, app *a, long long node_id, const query *q)
{
    regs_pane *s = st;
    ensure_loaded(s, a);
    sqlite3_stmt *stmt;
    long long reg_id = 0;
    if (sqlite3_prepare_v2(app_db(a)->h, "SELECT reg_id FROM reg_node WHERE id = ?1", -1, &stmt,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_int64(stmt, 1, node_id);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            reg_id = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    if (!reg_id) {
        app_message(a, 1, "找不到这一条（数据库可能已更新）");
        return;
    }
    set_query(s, q);
    if (load_doc(s, a, reg_id) != 0)
        return;
    int line = regdoc_line_of_node(s->doc, node_id);
    regdoc_scroll_to(s->doc, line > 0 ? line : 0);
    int i = reglist_find(&s->list, reg_id);
    if (i >= 0)
        reglist_select(&s->list, i); /* Back shows it in the list */
    enter_doc(s, a);
}

/* ---- list view ------------------------------------------------------------------------- */

static void draw_list_row(regs_pane *s, int y, const rect *r, const reglist_cols *c, int vi)
{
    const reglist_row *row = &s->list.rows[s->list.vis[vi]];
    int sel = vi == s->list.sel;
    draw_fill(y, r->x, r->w, sel ? AT_SEL : AT_NORMAL);
    char tag[32];
    snprintf(tag, sizeof tag, "[%s]", reg_status_label(row->status));
    const char *cells[] = {tag, row->disp_title, row->disp_level, row->date ? row->date : "",
                           row->disp_number};
    int widths[] = {c->tag, c->title, c->level, c->date, c->num};
    for (int i = 0, x = r->x + 1; i < 5; x += widths[i] ? widths[i] + 1 : 0, i++) {
        enum attr_kind at = sel ? AT_SEL : i == 0 ? status_attr(row->status) : i == 1 ? AT_NORMAL
                                                                                    : AT_DIM;
        draw_text(y, x, widths[i], cells[i], strlen(cells[i]), at, NULL, at, 1);
    }
}

static void draw_list(regs_pane *s, app *a, const rect *r)
{
    reglist_display(&s->list, app_script(a));
    reglist_cols c = reglist_columns(&s->list, r->w);
    char head[64];
    snprintf(head, sizeof head, "标题（按%s）", reglist_sort_name(s->list.sort));
    const char *names[] = {"状态", head, "效力位阶", "日期", "文号"};
    int widths[] = {c.tag, c.title, c.level, c.date, c.num};
    draw_fill(r->y, r->x, r->w, AT_HEADER);
    for (int i = 0, x = r->x + 1; i < 5; x += widths[i] ? widths[i] + 1 : 0, i++)
        draw_str(r->y, x, widths[i], names[i], AT_HEADER);
    int h = r->h - 1;
    if (!s->list.nvis) {
        draw_str(r->y + 2, r->x + 2, r->w - 4, "没有符合条件的法规。", AT_WARN);
        draw_str(r->y + 4, r->x + 2, r->w - 4,
                 s->list.show_all ? "F4 筛选　Esc 清除标题筛选"
                                  : "F7 显示已修改、已废止的版本　F4 筛选　Esc 清除标题筛选",
                 AT_DIM);
        return;
    }
    int top = reglist_scroll(&s->list, h);
    for (int i = 0; i < h && top + i < s->list.nvis; i++)
        draw_list_row(s, r->y + 1 + i, r, &c, top + i);
}

static void on_pick_value(void *st, app *a, int index)
{
    regs_pane *s = st;
    if (index < 0 || index > s->npick)
        return;
    reglist_set_filter(&s->list, (enum reglist_dim)s->pick_dim,
                       index == 0 ? NULL : s->pick_values[index - 1]);
    free_picks(s);
    set_list_status(s, a);
}

static void on_pick_dim(void *st, app *a, int index)
{
    regs_pane *s = st;
    if (index < 0)
        return;
    if (index >= RL_NDIMS) { /* 清除筛选 */
        reglist_clear_filters(&s->list);
        set_list_status(s, a);
        return;
    }
    char **items;
    int selected;
    free_picks(s);
    s->pick_dim = index;
    s->npick = reglist_pick_items(&s->list, (enum reglist_dim)index, app_script(a), &items,
                                  &s->pick_values, &selected);
    char title[64];
    snprintf(title, sizeof title, "按%s筛选", reglist_dim_name((enum reglist_dim)index));
    app_pick(a, title, (const char *const *)items, s->npick + 1, selected, on_pick_value, s);
    reglist_strv_free(items, s->npick + 1);
}

static void filter_menu(regs_pane *s, app *a)
{
    const char *items[RL_NDIMS + 1];
    char *owned[RL_NDIMS];
    for (int d = 0; d < RL_NDIMS; d++) {
        const char *cur = s->list.filter[d];
        owned[d] = xasprintf("%s%s%s", reglist_dim_name((enum reglist_dim)d), cur ? "：" : "",
                             cur ? cur : "");
        items[d] = owned[d];
    }
    items[RL_NDIMS] = "清除筛选";
    app_pick(a, "筛选", items, RL_NDIMS + 1, 0, on_pick_dim, s);
    for (int d = 0; d < RL_NDIMS; d++)
        free(owned[d]);
}

static int list_action(regs_pane *s, app *a, enum action act)
{
    int page = s->text_h > 2 ? s->text_h - 1 : 1, sel = s->list.sel;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
    case ACT_FIRST:
    case ACT_LAST:
        reglist_select(&s->list, act == ACT_UP          ? sel - 1
                                 : act == ACT_DOWN      ? sel + 1
                                 : act == ACT_PAGE_UP   ? sel - page
                                 : act == ACT_PAGE_DOWN ? sel + page
                                 : act == ACT_FIRST     ? 0
                                                        : s->list.nvis - 1);
        return PR_HANDLED;
    case ACT_OPEN:
        open_selected(s, a);
        return PR_HANDLED;
    case ACT_BACK:
        if (!*s->list.text)
            return PR_IGNORED;
        reglist_set_text(&s->list, "");
        app_set_input(a, "");
        set_list_status(s, a);
        return PR_HANDLED;
    case ACT_FILTER:
        filter_menu(s, a);
        return PR_HANDLED;
    case ACT_SORT:
        s->list.sort = (enum reglist_sort)((s->list.sort + 1) % RL_NSORTS);
        reglist_refresh(&s->list);
        set_list_status(s, a);
        app_message(a, 0, "排序：按%s", reglist_sort_name(s->list.sort));
        return PR_HANDLED;
    case ACT_TOGGLE_REPEALED:
        s->list.show_all = !s->list.show_all;
        reglist_refresh(&s->list);
        set_list_status(s, a);
        app_message(a, 0, "%s", s->list.show_all ? "显示全部版本，含已修改、已废止、已失效"
                                                 : "只显示现行有效和尚未生效的");
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

/* ---- document view --------------------------------------------------------------------- */

static void doc_status(regs_pane *s, app *a)
{
    buf_t b;
    buf_init(&b);
    regdoc_describe(s->doc, s->text_h, *s->ftext ? s->ftext : s->qtext, &b);
    app_set_count(a, b.s);
    buf_free(&b);
}

static enum attr_kind line_attr(const regdoc *d, const rd_line *l, int label)
{
    switch (l->kind) {
    case RD_TITLE:
    case RD_HEADING:
        return AT_HEADER;
    case RD_META:
        return label ? status_attr(d->info.status) : AT_DIM;
    case RD_PREAMBLE:
        return AT_DIM;
    case RD_TEXT:
        return label ? AT_HEADER : AT_NORMAL;
    case RD_BLANK:
    default:
        return AT_NORMAL;
    }
}

static void draw_doc_line(regdoc *d, int li, int y, int x, int w, hl_spans *sp)
{
    const rd_line *l = &d->lines[li];
    if (l->unit < 0 || w <= l->indent)
        return;
    const char *text = d->units[l->unit].s + l->start;
    size_t len = l->end - l->start, lab = l->label_end - l->start;
    int cur = regdoc_line_spans(d, li, sp);
    x += l->indent;
    w -= l->indent;
    draw_text(y, x, w, text, len, line_attr(d, l, 0), sp, AT_HL, 1);
    if (lab)
        draw_text(y, x, w, text, lab, line_attr(d, l, 1), sp, AT_HL, 0);
    if (cur >= 0) {
        const hl_span *c = &sp->v[cur];
        int off = (int)u8_width(text, c->start);
        if (off < w)
            draw_text(y, x + off, w - off, text + c->start, c->end - c->start, AT_SEL_HL, NULL,
                      AT_SEL_HL, 0);
    }
}

static void draw_tree(regs_pane *s, const rect *t)
{
    regdoc *d = s->doc;
    int cur = d->top < d->nlines ? d->lines[d->top].entry : -1;
    if (cur >= 0) { /* keep the current entry in view, a few rows from the edges */
        int margin = t->h > 8 ? 2 : 0;
        if (cur < s->ttop + margin)
            s->ttop = cur - margin;
        if (cur >= s->ttop + t->h - margin)
            s->ttop = cur - t->h + margin + 1;
    }
    if (s->ttop > d->nentries - t->h)
        s->ttop = d->nentries - t->h;
    if (s->ttop < 0)
        s->ttop = 0;
    for (int i = 0; i < t->h && s->ttop + i < d->nentries; i++) {
        const rd_entry *e = &d->entries[s->ttop + i];
        int ind = e->depth > 3 ? 3 : e->depth;
        enum attr_kind at = s->ttop + i == cur ? AT_SEL : e->article ? AT_NORMAL : AT_HEADER;
        draw_fill(t->y + i, t->x, t->w, s->ttop + i == cur ? AT_SEL : AT_NORMAL);
        draw_text(t->y + i, t->x + ind, t->w - ind, e->label, strlen(e->label), at, NULL, at, 1);
    }
}

static void draw_doc(regs_pane *s, app *a, const rect *r)
{
    regdoc *d = s->doc;
    int tree = s->tree_on && r->w >= TREE_MIN_COLS && d->nentries > 0;
    int tw = r->w >= 110 ? 22 : 20;
    int tx = tree ? r->x + tw + 2 : r->x + 1;
    s->text_w = r->x + r->w - 1 - tx;
    s->text_h = r->h;
    s->pane_w = r->w;
    s->tree_rect = tree ? (rect){r->y, r->x, r->h, tw} : (rect){r->y, r->x, r->h, 0};
    regdoc_layout(d, s->text_w, app_script(a));
    if (tree) {
        draw_tree(s, &s->tree_rect);
        draw_vline(r->y, r->x + tw, r->h);
    }
    hl_spans sp = {0};
    for (int i = 0; i < r->h && d->top + i < d->nlines; i++)
        draw_doc_line(d, d->top + i, r->y + i, tx, s->text_w, &sp);
    hl_spans_free(&sp);
    doc_status(s, a);
}

static void on_goto(void *st, app *a, const char *answer)
{
    regs_pane *s = st;
    if (!answer || !*answer || !s->doc)
        return;
    regref ref;
    if (regref_parse(answer, &ref) != 0) {
        app_message(a, 1, "看不懂「%s」：请输入 11、第十一条、第十条之一、第十一条第二款或（二）", answer);
        return;
    }
    reg_node_t node;
    char *err = NULL;
    if (reg_lookup(app_db(a), &s->doc->info, &ref, &node, &err) != 0) {
        app_message(a, 1, "%s", err ? err : "没有这一条");
        free(err);
        return;
    }
    int line = regdoc_line_of_node(s->doc, node.id);
    if (line >= 0)
        regdoc_scroll_to(s->doc, line);
    reg_node_free(&node);
}

static void on_version(void *st, app *a, int index)
{
    regs_pane *s = st;
    if (index < 0 || index >= s->nvers || !s->doc || s->vers[index] == s->doc->info.id)
        return;
    /* The article at the top, to find again in the other version. */
    const reg_node_t *art = regdoc_article_at(s->doc, s->doc->top);
    reg_node_t like = {0};
    if (art) {
        snprintf(like.kind, sizeof like.kind, "%s", art->kind);
        like.num = art->num;
        like.num_sub = art->num_sub;
        like.label = xstrdup(art->label ? art->label : "");
    }
    if (load_doc(s, a, s->vers[index]) == 0) {
        int e = art ? regdoc_entry_like(s->doc, &like) : -1;
        regdoc_scroll_to(s->doc, e >= 0 ? s->doc->entries[e].line : 0);
        if (art && e < 0)
            app_message(a, 0, "这个版本没有%s，从头显示", like.label);
        s->ttop = 0;
    }
    reg_node_free(&like);
}

static void versions(regs_pane *s, app *a)
{
    reg_info *v;
    int n = reg_versions(app_db(a), &s->doc->info, &v);
    if (n <= 1) {
        app_message(a, 0, "这部法规只有这一个版本");
        reg_infos_free(v, n > 0 ? n : 0);
        return;
    }
    char **items = xcalloc((size_t)n, sizeof *items);
    free(s->vers);
    s->vers = xcalloc((size_t)n, sizeof *s->vers);
    s->nvers = n;
    int cur = 0;
    for (int i = 0; i < n; i++) {
        s->vers[i] = v[i].id;
        char *ed = v[i].edition_label ? shown_text(v[i].edition_label, app_script(a)) : NULL;
        items[i] = xasprintf("%s %s%s%s%s%s", v[i].version_date ? v[i].version_date : "日期不明",
                             reg_status_label(v[i].status), ed ? "（" : "", ed ? ed : "",
                             ed ? "）" : "", v[i].id == s->doc->info.id ? " ← 当前" : "");
        free(ed);
        if (v[i].id == s->doc->info.id)
            cur = i;
    }
    char title[64];
    snprintf(title, sizeof title, "版本（共 %d 个）", n);
    app_pick(a, title, (const char *const *)items, n, cur, on_version, s);
    reglist_strv_free(items, n);
    reg_infos_free(v, n);
}

static void copy_citation(regs_pane *s, app *a)
{
    char *c = regdoc_cite(s->doc, s->doc->top, app_script(a));
    if (clipboard_save_citation(c) != 0) {
        app_message(a, 1, "未能写入 citations.txt（%s）：%s", strerror(errno), c);
    } else {
        enum clip_result clip = clipboard_copy(c);
        app_message(a, 0, "%s：%s",
                    clip == CLIP_TOOL    ? "已复制到剪贴板和 citations.txt"
                    : clip == CLIP_OSC52 ? "已写入 citations.txt 并发往终端剪贴板"
                                         : "已复制到 citations.txt",
                    c);
    }
    free(c);
}

/* ---- document actions ------------------------------------------------------------------ */

static void find_message(regs_pane *s, app *a, int dir)
{
    regdoc *d = s->doc;
    int wrapped;
    int m = regdoc_find_match(d, s->text_h, dir, &wrapped);
    if (m < 0) {
        const char *what = *s->ftext ? s->ftext : s->qtext;
        if (what && *what)
            app_message(a, 1, "本文没有「%s」", what);
        else
            app_message(a, 0, "没有要找的词：直接输入文字即可在本文中查找");
        return;
    }
    if (wrapped)
        app_message(a, 0, "%s（第 %d/%d 处）", dir > 0 ? "已到末尾，从头开始" : "已到开头，从末尾开始",
                    m + 1, d->nmatches);
}

static int doc_action(regs_pane *s, app *a, enum action act)
{
    regdoc *d = s->doc;
    int h = s->text_h > 0 ? s->text_h : 1;
    regdoc_layout(d, s->text_w, app_script(a));
    int page = h > 2 ? h - 1 : 1;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
        regdoc_scroll_by(d, act == ACT_UP ? -1 : act == ACT_DOWN ? 1 : act == ACT_PAGE_UP ? -page : page, h);
        return PR_HANDLED;
    case ACT_FIRST:
        regdoc_scroll_to(d, 0);
        return PR_HANDLED;
    case ACT_LAST:
        regdoc_scroll_to(d, d->nlines - h > 0 ? d->nlines - h : 0);
        return PR_HANDLED;
    case ACT_NEXT_ARTICLE:
    case ACT_PREV_ARTICLE: {
        int dir = act == ACT_NEXT_ARTICLE ? 1 : -1;
        int line = regdoc_next_article(d, d->top, dir);
        if (line < 0)
            app_message(a, 0, "%s", dir > 0 ? "已是最后一条" : "已是第一条");
        else
            regdoc_scroll_to(d, line);
        return PR_HANDLED;
    }
    case ACT_NEXT_MATCH:
    case ACT_PREV_MATCH:
        find_message(s, a, act == ACT_NEXT_MATCH ? 1 : -1);
        return PR_HANDLED;
    case ACT_GOTO_ARTICLE:
        app_ask(a, "跳到（如 11、第十一条、（二））：", on_goto, s);
        return PR_HANDLED;
    case ACT_COPY_CITATION:
        copy_citation(s, a);
        return PR_HANDLED;
    case ACT_VERSIONS:
        versions(s, a);
        return PR_HANDLED;
    case ACT_TOGGLE_TREE:
        if (s->pane_w < TREE_MIN_COLS)
            app_message(a, 0, "窗口太窄（不足 %d 列），目录不显示", TREE_MIN_COLS);
        else
            s->tree_on = !s->tree_on;
        return PR_HANDLED;
    case ACT_BACK:
        s->doc_view = 0;
        app_set_input(a, s->list.text);
        set_list_status(s, a);
        return PR_HANDLED;
    case ACT_OPEN:
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

/* ---- pane ops -------------------------------------------------------------------------- */

static void draw(void *st, app *a, const rect *r)
{
    regs_pane *s = st;
    ensure_loaded(s, a);
    if (s->doc_view && s->doc)
        draw_doc(s, a, r);
    else {
        s->text_h = r->h - 1;
        draw_list(s, a, r);
    }
}

static int action(void *st, app *a, enum action act)
{
    regs_pane *s = st;
    ensure_loaded(s, a);
    return s->doc_view && s->doc ? doc_action(s, a, act) : list_action(s, a, act);
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    regs_pane *s = st;
    ensure_loaded(s, a);
    if (!s->doc_view || !s->doc) {
        if (strcmp(text, s->list.text))
            reglist_set_text(&s->list, text);
        set_list_status(s, a);
        if (submitted && s->list.nvis)
            open_selected(s, a);
        return;
    }
    if (strcmp(text, s->ftext)) {
        clear_find(s);
        free(s->ftext);
        s->ftext = xstrdup(text);
        if (*text) {
            query q;
            if (query_build(text, strlen(text), app_db(a)->vocab, 0, &q) == 0)
                s->fm = hl_matcher_new(&q);
            query_free(&q);
        }
        set_matcher(s);
    }
    if (submitted && *text) {
        regdoc_layout(s->doc, s->text_w, app_script(a));
        s->doc->cur_match = -1;
        find_message(s, a, 1);
    }
}

static size_t contexts(void *st, enum keymap_ctx *out, size_t max)
{
    regs_pane *s = st;
    int doc = s->doc_view && s->doc;
    if (max < 2)
        return 0;
    out[0] = doc ? KM_DOC : KM_REGS;
    out[1] = KM_LIST;
    return doc ? 1 : 2;
}

static int mouse(void *st, app *a, const rect *r, const gk_key *k)
{
    regs_pane *s = st;
    int wheel = k->mouse == MOUSE_WHEEL_UP ? -3 : k->mouse == MOUSE_WHEEL_DOWN ? 3 : 0;
    if (s->doc_view && s->doc) {
        if (wheel) {
            regdoc_scroll_by(s->doc, wheel, s->text_h);
            return PR_HANDLED;
        }
        const rect *t = &s->tree_rect;
        if (t->w && k->x >= t->x && k->x < t->x + t->w && k->y >= t->y && k->y < t->y + t->h) {
            int e = s->ttop + k->y - t->y;
            if (e < s->doc->nentries && s->doc->entries[e].line >= 0)
                regdoc_scroll_to(s->doc, s->doc->entries[e].line);
            return PR_HANDLED;
        }
        return PR_IGNORED;
    }
    if (wheel) {
        reglist_select(&s->list, s->list.sel + wheel);
        return PR_HANDLED;
    }
    int row = s->list.top + k->y - r->y - 1; /* below the column header */
    if (row < s->list.top || row >= s->list.nvis)
        return PR_IGNORED;
    if (row == s->list.sel)
        open_selected(s, a); /* a second click opens */
    else
        reglist_select(&s->list, row);
    return PR_HANDLED;
}

static void activate(void *st, app *a)
{
    regs_pane *s = st;
    ensure_loaded(s, a);
    if (s->doc_view && s->doc) {
        app_set_input(a, s->ftext);
    } else {
        app_set_input(a, s->list.text);
        set_list_status(s, a);
    }
}

static const char *prompt(void *st)
{
    regs_pane *s = st;
    return s->doc_view && s->doc ? "本文查找> " : "筛选标题> ";
}

const pane_ops pane_regs_ops = {
    .name = "regs",
    .show = ACT_PANE_REGS,
    .label = "法规",
    .init = init,
    .done = done,
    .draw = draw,
    .action = action,
    .query = on_query,
    .result = NULL,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
