/* 地名: what is this place called, what is its code, where is it and what was it before?
 * One input line takes a name (either script), a code (2 to 12 digits, or its start) or
 * pinyin (full or initials); the answer follows every keystroke, each place with its full
 * path. Three views:
 *   results   the look-up's places (tui/placeview.c, two lines each);
 *   children  one code's children: Enter on a place drills down into its children,
 *             Backspace climbs to the parent's (the cursor on where one came from), and
 *             from the provinces back to the results;
 *   detail    one place: path, code structure, every name, where it came from and what it
 *             became (d or F6; Enter on a village, which has no children). Enter on a code
 *             in it opens that code; Backspace goes back.
 * F4 limits the results to one level (or drops codes no longer in force), a (F7) sets the
 * date a caller asks about, c (F8) copies the place for the record. */
#include "app.h"
#include "docpane.h"
#include "orgdoc.h"
#include "placeview.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHILDREN_SHOWN PLACE_MAX_LIMIT
#define DETAIL_BACK 16 /* codes Backspace goes back through in the detail view */

enum view { V_RESULTS = 0, V_CHILDREN, V_DETAIL };

typedef struct {
    char *query;            /* the text the results are for (NULL: nothing asked yet) */
    place_result res;       /* the look-up */
    int have_res;
    place_result kids;      /* the children view */
    int have_kids;
    place_result parent;    /* the look-up of the children's parent (its hit 0), if any */
    int have_parent;
    place_result one;       /* the detail view: the look-up of one code (its hit 0) */
    int have_one;
    enum view view, detail_from;
    char back[DETAIL_BACK][DIV_BUF]; /* detail codes visited before this one */
    int nback;
    place_opts opts;        /* the results' filters */
    char as_of[11];         /* the date a caller asks about ("" none) */
    orgdoc doc;
    int view_h;
} places_pane;

static void *init(app *a)
{
    (void)a;
    places_pane *s = xcalloc(1, sizeof *s);
    place_opts o = PLACE_OPTS_INIT;
    s->opts = o;
    orgdoc_init(&s->doc);
    return s;
}

static void drop(place_result *r, int *have)
{
    if (*have)
        place_result_free(r);
    *have = 0;
}

static void done(void *st)
{
    places_pane *s = st;
    drop(&s->res, &s->have_res);
    drop(&s->kids, &s->have_kids);
    drop(&s->parent, &s->have_parent);
    drop(&s->one, &s->have_one);
    orgdoc_free(&s->doc);
    free(s->query);
    free(s);
}

/* The result the current view shows. */
static const place_result *shown(const places_pane *s)
{
    switch (s->view) {
    case V_CHILDREN:
        return s->have_kids ? &s->kids : NULL;
    case V_DETAIL:
        return s->have_one ? &s->one : NULL;
    default:
        return s->have_res ? &s->res : NULL;
    }
}

static void set_status(places_pane *s, app *a)
{
    const place_result *r = shown(s);
    char *sum = NULL;
    if (r && s->view == V_DETAIL)
        sum = xasprintf("区划 %s 详情；数据截至 %s", r->n ? r->hits[0].code : "",
                        *r->as_of ? r->as_of : "未知");
    else if (r)
        sum = pv_summary(r, s->view == V_CHILDREN);
    app_set_count(a, sum ? sum : "");
    free(sum);
}

/* Lays out the current view; the cursor goes to the place coded select, if given. */
static void build(places_pane *s, app *a, const char *select)
{
    ov_lines lines = {0};
    const place_result *r = shown(s);
    if (s->view == V_RESULTS && r) {
        pv_filters(&lines, s->opts.level, s->opts.include_ended, s->as_of);
        pv_lookup(&lines, r);
    } else if (s->view == V_CHILDREN && r) {
        pv_children(&lines, s->have_parent && s->parent.n ? &s->parent.hits[0] : NULL, r);
    } else if (s->view == V_DETAIL && r && r->n) {
        pv_detail(&lines, &r->hits[0], r->as_of, r->date);
    }
    orgdoc_set(&s->doc, &lines);
    for (size_t i = 0; select && r && i < s->doc.lines.n; i++) {
        const ov_line *l = &s->doc.lines.v[i];
        if (l->style == OV_TITLE && l->subject < r->n && !strcmp(r->hits[l->subject].code, select)) {
            s->doc.cursor = i;
            break;
        }
    }
    set_status(s, a);
}

/* ---- asking ------------------------------------------------------------------------------ */

static void ask(places_pane *s, app *a)
{
    const char *text = s->query ? s->query : "";
    s->view = V_RESULTS;
    if (!*text) {
        app_cancel_search(a);
        drop(&s->res, &s->have_res);
        build(s, a, NULL);
        return;
    }
    s->opts.date = s->as_of;
    app_lookup_place(a, text, &s->opts);
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    places_pane *s = st;
    if (submitted && s->query && !strcmp(s->query, text) && s->view == V_RESULTS)
        return;
    free(s->query);
    s->query = xstrdup(text);
    ask(s, a);
}

static void on_result(void *st, app *a, place_result *r, int rc, const char *err)
{
    places_pane *s = st;
    if (rc < 0) {
        place_result_free(r);
        app_message(a, 1, "%s", err ? err : "查询失败");
        return;
    }
    drop(&s->res, &s->have_res);
    s->res = *r;
    s->have_res = 1;
    if (s->view == V_RESULTS)
        build(s, a, NULL);
}

/* A look-up of one code done here, not by the worker: the keys that follow act on it. */
static int lookup_code(places_pane *s, app *a, const char *code, place_result *out)
{
    place_opts o = PLACE_OPTS_INIT;
    o.date = s->as_of;
    o.gazetteer = 1; /* the detail view shows them */
    char *err = NULL;
    if (place_lookup(app_db(a), code, &o, out, &err) != 0) {
        app_message(a, 1, "%s", err ? err : "查询失败");
        free(err);
        return -1;
    }
    /* The code's own rows come first (代码一致); anything else is not this code. */
    if (!out->n || strcmp(out->hits[0].code, code)) {
        app_message(a, 1, "数据库中没有区划代码 %s", code);
        place_result_free(out);
        return -1;
    }
    return 0;
}

/* Shows the children of code ("" for the provinces), the cursor on select. */
static void show_children(places_pane *s, app *a, const char *code, const char *select)
{
    place_result kids, parent;
    int have_parent = 0;
    if (*code) {
        if (lookup_code(s, a, code, &parent) != 0)
            return;
        have_parent = 1;
    }
    place_opts o = PLACE_OPTS_INIT;
    o.limit = CHILDREN_SHOWN;
    o.date = s->as_of;
    char *err = NULL;
    if (place_children(app_db(a), code, &o, &kids, &err) != 0 || *kids.problem) {
        app_message(a, 1, "%s", err ? err : *kids.problem ? kids.problem : "查询失败");
        free(err);
        place_result_free(&kids);
        if (have_parent)
            place_result_free(&parent);
        return;
    }
    drop(&s->kids, &s->have_kids);
    drop(&s->parent, &s->have_parent);
    s->kids = kids;
    s->have_kids = 1;
    if (have_parent) {
        s->parent = parent;
        s->have_parent = 1;
    }
    s->view = V_CHILDREN;
    build(s, a, select);
}

static void show_detail(places_pane *s, app *a, const char *code, int remember)
{
    place_result one;
    if (lookup_code(s, a, code, &one) != 0)
        return;
    if (s->view != V_DETAIL) {
        s->detail_from = s->view;
        s->nback = 0;
    } else if (remember && s->have_one && s->one.n) {
        if (s->nback == DETAIL_BACK) { /* the oldest goes */
            memmove(s->back, s->back + 1, (DETAIL_BACK - 1) * sizeof *s->back);
            s->nback--;
        }
        snprintf(s->back[s->nback++], DIV_BUF, "%s", s->one.hits[0].code);
    }
    drop(&s->one, &s->have_one);
    s->one = one;
    s->have_one = 1;
    s->view = V_DETAIL;
    build(s, a, NULL);
}

/* From elsewhere (a 搜索 hit): the code in detail; Backspace then shows the results
 * typed here before, or with none the code among its siblings. */
void pane_places_open(void *st, app *a, const char *code)
{
    places_pane *s = st;
    char c[DIV_BUF];
    snprintf(c, sizeof c, "%s", code);
    s->view = V_RESULTS;
    show_detail(s, a, c, 0);
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void draw_welcome(const rect *r)
{
    static const char *const lines[] = {
        "输入地名、区划代码或拼音，结果随输入更新。",
        "繁简、全半角都能对上；代码可输 2 到 12 位或只输开头；",
        "拼音可全拼（chongqing）或首字母（cq）；同名的地方全部列出，各附路径。",
        "Enter 进入下级，Backspace 回到上级；不输入时 Backspace 列出省级区划。",
        "d 详情（名称沿革、代码变更），a 按日期查，F4 按层级筛选，c 复制。",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines && (int)i * 2 + 1 < r->h; i++)
        draw_str(r->y + 1 + (int)i * 2, r->x + 2, r->w - 4, lines[i], i ? AT_DIM : AT_NORMAL);
}

static void draw(void *st, app *a, const rect *r)
{
    places_pane *s = st;
    if (!shown(s)) {
        draw_welcome(r);
        return;
    }
    docpane_draw(&s->doc, a, r, &s->view_h);
}

/* ---- actions ---------------------------------------------------------------------------- */

/* The place under the cursor (a title line), or NULL. */
static const place_hit *current_hit(const places_pane *s)
{
    const ov_line *l = orgdoc_current(&s->doc);
    const place_result *r = shown(s);
    if (!l || !r || l->style != OV_TITLE || l->subject >= r->n)
        return NULL;
    return &r->hits[l->subject];
}

static int open_current(places_pane *s, app *a)
{
    const ov_line *l = orgdoc_current(&s->doc);
    if (!l)
        return PR_IGNORED;
    if (l->ref) {
        char code[DIV_BUF];
        snprintf(code, sizeof code, "%s", l->ref);
        show_detail(s, a, code, 1);
        return PR_HANDLED;
    }
    const place_hit *h = current_hit(s);
    if (!h)
        return PR_IGNORED;
    char code[DIV_BUF];
    snprintf(code, sizeof code, "%s", h->code);
    if (h->children && !h->ended)
        show_children(s, a, code, NULL);
    else
        show_detail(s, a, code, 1);
    return PR_HANDLED;
}

/* Backspace: out of the detail view, or one level up. */
static int climb(places_pane *s, app *a)
{
    if (s->view == V_DETAIL) {
        if (s->nback) {
            char code[DIV_BUF];
            snprintf(code, sizeof code, "%s", s->back[--s->nback]);
            show_detail(s, a, code, 0);
            return PR_HANDLED;
        }
        char select[DIV_BUF] = "", up[DIV_BUF] = "";
        if (s->have_one && s->one.n) {
            snprintf(select, sizeof select, "%s", s->one.hits[0].code);
            snprintf(up, sizeof up, "%s", s->one.hits[0].parent);
        }
        if (s->detail_from == V_RESULTS && !s->have_res && *select) {
            show_children(s, a, up, select); /* opened from 搜索: its siblings */
            return PR_HANDLED;
        }
        s->view = s->detail_from;
        build(s, a, select);
        return PR_HANDLED;
    }
    if (s->view == V_CHILDREN) {
        if (!s->have_parent || !s->parent.n) { /* the provinces: back to the results */
            s->view = V_RESULTS;
            build(s, a, NULL);
            return PR_HANDLED;
        }
        char from[DIV_BUF], up[DIV_BUF];
        snprintf(from, sizeof from, "%s", s->parent.hits[0].code);
        snprintf(up, sizeof up, "%s", s->parent.hits[0].parent);
        show_children(s, a, up, from);
        return PR_HANDLED;
    }
    /* Results: the selected place among its siblings; with none, the provinces. */
    const place_hit *h = current_hit(s);
    char from[DIV_BUF] = "", up[DIV_BUF] = "";
    if (h) {
        snprintf(from, sizeof from, "%s", h->code);
        snprintf(up, sizeof up, "%s", h->parent);
    } else if (s->have_res && s->res.n) {
        return PR_IGNORED;
    }
    show_children(s, a, up, from);
    return PR_HANDLED;
}

static void copy_place(places_pane *s, app *a)
{
    const place_hit *h = s->view == V_DETAIL && s->have_one && s->one.n ? &s->one.hits[0]
                                                                        : current_hit(s);
    if (!h) {
        app_message(a, 1, "先选中一处地名");
        return;
    }
    const place_result *r = shown(s);
    char *line = pv_citation(h, r ? r->as_of : "");
    docpane_copy(a, line);
    free(line);
}

static const char *const level_items[] = {"全部层级", "省级", "地级", "县级", "乡级", "村级"};
#define NLEVELS (int)(sizeof level_items / sizeof *level_items)

static void on_filter(void *st, app *a, int index)
{
    places_pane *s = st;
    if (index < 0)
        return;
    if (index < NLEVELS)
        s->opts.level = index;
    else
        s->opts.include_ended = !s->opts.include_ended;
    ask(s, a);
}

static void filter_menu(places_pane *s, app *a)
{
    const char *items[NLEVELS + 1];
    char *owned[NLEVELS];
    for (int i = 0; i < NLEVELS; i++) {
        owned[i] = xasprintf("%s %s", s->opts.level == i ? "●" : "○", level_items[i]);
        items[i] = owned[i];
    }
    char *ended = xasprintf("包括已撤销、已更名的代码：%s", s->opts.include_ended ? "是" : "否");
    items[NLEVELS] = ended;
    app_pick(a, "筛选地名", items, NLEVELS + 1, s->opts.level, on_filter, s);
    for (int i = 0; i < NLEVELS; i++)
        free(owned[i]);
    free(ended);
}

/* The current view again (a new as-of date), the cursor on the same place. */
static void refresh(places_pane *s, app *a)
{
    const place_hit *h = NULL;
    char code[DIV_BUF] = "", select[DIV_BUF] = "";
    if (s->view == V_DETAIL && s->have_one && s->one.n) {
        snprintf(code, sizeof code, "%s", s->one.hits[0].code);
        show_detail(s, a, code, 0);
    } else if (s->view == V_CHILDREN) {
        if ((h = current_hit(s)) != NULL)
            snprintf(select, sizeof select, "%s", h->code);
        if (s->have_parent && s->parent.n)
            snprintf(code, sizeof code, "%s", s->parent.hits[0].code);
        show_children(s, a, code, select);
    } else {
        ask(s, a);
    }
}

static void on_as_of(void *st, app *a, const char *answer)
{
    places_pane *s = st;
    if (!answer)
        return;
    char date[11], *problem = NULL;
    int rc = place_date_parse(answer, date, &problem);
    if (rc < 0) {
        app_message(a, 1, "%s", problem);
        free(problem);
        return;
    }
    snprintf(s->as_of, sizeof s->as_of, "%s", rc ? date : "");
    refresh(s, a);
    app_message(a, 0, rc ? "按日期查：%s 时的区划（a 更改，空白回到现在）" : "按日期查：已取消，显示现在的区划%s",
                s->as_of);
}

static int action(void *st, app *a, enum action act)
{
    places_pane *s = st;
    switch (act) {
    case ACT_FILTER:
        filter_menu(s, a);
        return PR_HANDLED;
    case ACT_AS_OF:
        app_ask(a, "按日期查（如 1995-06-30；空白为现在）：", on_as_of, s);
        return PR_HANDLED;
    case ACT_COPY_CITATION:
        copy_place(s, a);
        return PR_HANDLED;
    case ACT_BACK:
        return climb(s, a);
    default:
        break;
    }
    if (!shown(s))
        return PR_IGNORED;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
    case ACT_FIRST:
    case ACT_LAST:
        return docpane_move(&s->doc, act, s->view_h);
    case ACT_OPEN:
        return open_current(s, a);
    case ACT_DETAIL: {
        const place_hit *h = current_hit(s);
        if (!h)
            return PR_IGNORED;
        char code[DIV_BUF];
        snprintf(code, sizeof code, "%s", h->code);
        show_detail(s, a, code, 1);
        return PR_HANDLED;
    }
    default:
        return PR_IGNORED;
    }
}

static size_t contexts(void *st, enum keymap_ctx *out, size_t max)
{
    (void)st;
    if (max < 2)
        return 0;
    out[0] = KM_PLACES;
    out[1] = KM_LIST;
    return 2;
}

static int mouse(void *st, app *a, const rect *r, const gk_key *k)
{
    places_pane *s = st;
    if (!shown(s))
        return PR_IGNORED;
    switch (docpane_mouse(&s->doc, r, k, s->view_h)) {
    case DP_CLICK_AGAIN:
        return open_current(s, a); /* a second click opens */
    case DP_CLICK_MOVED:
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

static void activate(void *st, app *a)
{
    places_pane *s = st;
    app_set_input(a, s->query ? s->query : "");
    set_status(s, a);
}

static const char *prompt(void *st)
{
    (void)st;
    return "地名、代码或拼音> ";
}

const pane_ops pane_places_ops = {
    .name = "places",
    .show = ACT_PANE_PLACES,
    .label = "地名",
    .init = init,
    .done = done,
    .draw = draw,
    .action = action,
    .query = on_query,
    .place_result = on_result,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
