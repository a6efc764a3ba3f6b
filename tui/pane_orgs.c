/* 社会组织: is this organisation on a list? One input line takes a name or a 统一社会信用
 * 代码; the answer updates as you type: a verdict per organisation (在列 / 曾列入 / 未列入),
 * why it matched, its listings with the dates 60号令 makes of them and the article each
 * rests on, look-alike warnings, provenance and the data's date. Up/Down move between
 * the lines Enter acts on: an organisation (shows all of it, or less), an article (opens
 * it in 法规), a look-alike (checks that organisation). F4 filters by list, by "listed
 * now" and by region; with no name it lists the organisations listed most recently. */
#include "app.h"
#include "docpane.h"
#include "orgdoc.h"
#include "output.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY 16 /* answers Esc goes back through */

typedef struct {
    char *query;          /* the text the answer is for (NULL: nothing asked yet) */
    oc_result r;
    int have;
    orgdoc doc;
    unsigned char *brief; /* per subject: shown briefly (Enter on its name toggles) */
    oc_opts opts;         /* filters */
    char region[16];
    /* What Esc goes back to after a look-alike jump: a typed query (org_id 0) or an
     * organisation opened by id. shown_org says which the current answer is. */
    struct {
        char *query;
        long long org_id;
    } back[HISTORY];
    int nback;
    long long shown_org;
    int view_h;           /* rows of the answer at the last draw */
} orgs_pane;

static void *init(app *a)
{
    (void)a;
    orgs_pane *s = xcalloc(1, sizeof *s);
    orgdoc_init(&s->doc);
    return s;
}

static void forget_back(orgs_pane *s)
{
    for (int i = 0; i < s->nback; i++)
        free(s->back[i].query);
    s->nback = 0;
}

static void drop(orgs_pane *s)
{
    if (s->have)
        oc_result_free(&s->r);
    s->have = 0;
    free(s->brief);
    s->brief = NULL;
    orgdoc_free(&s->doc);
}

static void done(void *st)
{
    orgs_pane *s = st;
    drop(s);
    forget_back(s);
    free(s->query);
    free(s);
}

static int filtering(const orgs_pane *s)
{
    return s->opts.kinds || s->opts.current_only || s->region[0];
}

/* The answer as lines: a few organisations in full, more of them briefly (Enter on one
 * shows it in full). */
static void build(orgs_pane *s)
{
    ov_lines lines = {0};
    ov_result(&lines, &s->r, s->brief);
    size_t keep = s->doc.cursor != OD_NONE && s->doc.cursor < s->doc.lines.n
                      ? s->doc.lines.v[s->doc.cursor].subject
                      : OD_NONE;
    orgdoc_set(&s->doc, &lines);
    /* Keep the cursor on the same organisation's name when it is rebuilt. */
    for (size_t i = 0; keep != OD_NONE && i < s->doc.lines.n; i++)
        if (s->doc.lines.v[i].style == OV_TITLE && s->doc.lines.v[i].subject == keep) {
            s->doc.cursor = i;
            break;
        }
}

static void set_status(orgs_pane *s, app *a)
{
    if (!s->have) {
        app_set_count(a, "");
        return;
    }
    char *sum = ov_summary(&s->r, false);
    app_set_count(a, sum);
    free(sum);
}

static void show(orgs_pane *s, app *a, oc_result *r)
{
    drop(s);
    s->r = *r;
    s->have = 1;
    s->brief = xcalloc(s->r.n + 1, 1);
    for (size_t i = 0; i < s->r.n; i++)
        s->brief[i] = s->r.n > 3;
    build(s);
    set_status(s, a);
}

static void ask(orgs_pane *s, app *a, const char *text)
{
    s->opts.region = s->region[0] ? s->region : NULL;
    if (!*text && !filtering(s)) {
        app_cancel_search(a);
        drop(s);
        app_set_count(a, "");
        return;
    }
    app_check_org(a, text, &s->opts);
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    orgs_pane *s = st;
    if (submitted && s->query && !strcmp(s->query, text))
        return;
    free(s->query);
    s->query = xstrdup(text);
    s->shown_org = 0;
    forget_back(s);
    ask(s, a, text);
}

static void on_result(void *st, app *a, oc_result *r, int rc, const char *err)
{
    orgs_pane *s = st;
    if (rc < 0) {
        oc_result_free(r);
        app_message(a, 1, "%s", err ? err : "查询失败");
        return;
    }
    show(s, a, r);
}

/* Shows one organisation by id (a look-alike, a step back). */
static void open_org(orgs_pane *s, app *a, long long org_id)
{
    oc_result r;
    char *err = NULL;
    oc_opts o = {0};
    app_cancel_search(a);
    int rc = orgcheck_subject(app_db(a), org_id, &o, &r, &err);
    if (rc != 0) {
        oc_result_free(&r);
        app_message(a, 1, "%s", rc < 0 && err ? err : "没有这个组织");
        free(err);
        return;
    }
    free(s->query);
    s->query = xstrdup(r.input);
    s->shown_org = org_id;
    app_set_input(a, s->query);
    show(s, a, &r);
}

/* From elsewhere (a search hit): a fresh start, nothing to go back to. */
void pane_orgs_open(void *st, app *a, long long org_id)
{
    orgs_pane *s = st;
    forget_back(s);
    open_org(s, a, org_id);
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void draw_welcome(orgs_pane *s, const rect *r)
{
    static const char *const lines[] = {
        "输入组织名称或统一社会信用代码，结论随输入更新。",
        "繁简、全半角、标点空格、“中国”前缀不同都能对上；代码错一位也能找到。",
        "上下键在组织、条文依据和相近组织之间移动，Enter 打开。",
        "F4 按名单、在列、地区筛选；不输入名称则列出最近列入的组织。",
    };
    (void)s;
    for (size_t i = 0; i < sizeof lines / sizeof *lines && (int)i * 2 + 1 < r->h; i++)
        draw_str(r->y + 1 + (int)i * 2, r->x + 2, r->w - 4, lines[i], i ? AT_DIM : AT_NORMAL);
}

static void draw(void *st, app *a, const rect *r)
{
    orgs_pane *s = st;
    if (!s->have) {
        draw_welcome(s, r);
        return;
    }
    docpane_draw(&s->doc, a, r, &s->view_h);
}

/* ---- actions ---------------------------------------------------------------------------- */

static void rerun(orgs_pane *s, app *a)
{
    forget_back(s);
    s->shown_org = 0;
    ask(s, a, s->query ? s->query : "");
}

static const char *const list_items[] = {
    "全部名单", "活动异常名录", "严重违法失信名单", "涉嫌非法社会组织名单",
    "已取缔的非法社会组织", "被关停网站的非法社会组织", "养老服务领域联合惩戒对象名单",
};
#define NLIST_ITEMS (sizeof list_items / sizeof *list_items)

static void on_region(void *st, app *a, const char *answer)
{
    orgs_pane *s = st;
    if (!answer)
        return;
    while (*answer == ' ')
        answer++;
    if (*answer && (strspn(answer, "0123456789") != strlen(answer) || strlen(answer) > 12)) {
        app_message(a, 1, "地区代码只含数字，如 33 或 339900");
        return;
    }
    snprintf(s->region, sizeof s->region, "%s", answer);
    rerun(s, a);
}

static void on_filter(void *st, app *a, int index)
{
    orgs_pane *s = st;
    if (index < 0)
        return;
    if ((size_t)index < NLIST_ITEMS) {
        s->opts.kinds = index == 0 ? 0 : 1u << (index - 1);
    } else if ((size_t)index == NLIST_ITEMS) {
        s->opts.current_only = !s->opts.current_only;
    } else if ((size_t)index == NLIST_ITEMS + 1) {
        app_ask(a, "地区代码（如 33、339900；空白为不限）：", on_region, s);
        return;
    } else {
        s->opts.kinds = 0;
        s->opts.current_only = 0;
        s->region[0] = 0;
    }
    rerun(s, a);
}

static void filter_menu(orgs_pane *s, app *a)
{
    const char *items[NLIST_ITEMS + 3];
    char *owned[NLIST_ITEMS];
    int selected = 0;
    for (size_t i = 0; i < NLIST_ITEMS; i++) {
        int on = i == 0 ? !s->opts.kinds : (s->opts.kinds >> (i - 1)) & 1;
        if (on)
            selected = (int)i;
        owned[i] = xasprintf("%s %s", on ? "●" : "○", list_items[i]);
        items[i] = owned[i];
    }
    char *current = xasprintf("仅看在列：%s", s->opts.current_only ? "是" : "否");
    char *region = xasprintf("地区代码：%s", s->region[0] ? s->region : "不限");
    items[NLIST_ITEMS] = current;
    items[NLIST_ITEMS + 1] = region;
    items[NLIST_ITEMS + 2] = "清除筛选";
    app_pick(a, "筛选", items, (int)NLIST_ITEMS + 3, selected, on_filter, s);
    for (size_t i = 0; i < NLIST_ITEMS; i++)
        free(owned[i]);
    free(current);
    free(region);
}

/* The answer about the selected organisation as one line for the record. */
static void copy_answer(orgs_pane *s, app *a)
{
    /* The organisation under the cursor; with none selected (scrolled past every line
     * one can act on), the one at the top of the view. */
    const ov_line *l = orgdoc_current(&s->doc);
    for (size_t row = s->doc.top; !l && row < s->doc.nrows; row++)
        if (s->doc.lines.v[s->doc.rows[row].line].subject != OD_NONE)
            l = &s->doc.lines.v[s->doc.rows[row].line];
    size_t i = l && l->subject != OD_NONE ? l->subject : 0;
    if (!s->have || !s->r.n || i >= s->r.n) {
        app_message(a, 1, "没有可复制的结论");
        return;
    }
    const oc_subject *sub = &s->r.subjects[i];
    char *sum = oc_subject_summary(sub);
    char *line = xasprintf("%s%s%s%s：%s（数据截至 %s，gongkai 查询）", sub->name,
                           sub->uscc ? "（" : "", sub->uscc ? sub->uscc : "",
                           sub->uscc ? "）" : "", sum, *s->r.as_of ? s->r.as_of : "不详");
    free(sum);
    docpane_copy(a, line);
    free(line);
}

static int open_current(orgs_pane *s, app *a)
{
    const ov_line *l = orgdoc_current(&s->doc);
    if (!l)
        return PR_IGNORED;
    if (l->style == OV_LINK && l->node_id) {
        app_open_reg_node(a, l->node_id, NULL);
    } else if (l->org_id) {
        if (s->nback == HISTORY) { /* the oldest step goes */
            free(s->back[0].query);
            memmove(s->back, s->back + 1, (HISTORY - 1) * sizeof *s->back);
            s->nback--;
        }
        s->back[s->nback].query = s->shown_org ? NULL : xstrdup(s->query ? s->query : "");
        s->back[s->nback].org_id = s->shown_org;
        s->nback++;
        open_org(s, a, l->org_id);
    } else if (l->style == OV_TITLE && l->subject < s->r.n) {
        s->brief[l->subject] = !s->brief[l->subject];
        build(s);
    }
    return PR_HANDLED;
}

static int action(void *st, app *a, enum action act)
{
    orgs_pane *s = st;
    switch (act) {
    case ACT_FILTER:
        filter_menu(s, a);
        return PR_HANDLED;
    case ACT_COPY_CITATION:
        copy_answer(s, a);
        return PR_HANDLED;
    default:
        break;
    }
    if (!s->have)
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
    case ACT_BACK:
        if (!s->nback)
            return PR_IGNORED;
        {
            s->nback--;
            char *before = s->back[s->nback].query;
            long long org_id = s->back[s->nback].org_id;
            if (org_id) {
                open_org(s, a, org_id);
            } else {
                free(s->query);
                s->query = xstrdup(before);
                s->shown_org = 0;
                app_set_input(a, s->query);
                ask(s, a, s->query);
            }
            free(before);
        }
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

static size_t contexts(void *st, enum keymap_ctx *out, size_t max)
{
    (void)st;
    if (max < 2)
        return 0;
    out[0] = KM_ORGS;
    out[1] = KM_LIST;
    return 2;
}

static int mouse(void *st, app *a, const rect *r, const gk_key *k)
{
    orgs_pane *s = st;
    if (!s->have)
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
    orgs_pane *s = st;
    app_set_input(a, s->query ? s->query : "");
    set_status(s, a);
}

static const char *prompt(void *st)
{
    (void)st;
    return "名称或代码> ";
}

const pane_ops pane_orgs_ops = {
    .name = "orgs",
    .show = ACT_PANE_ORGS,
    .label = "组织",
    .init = init,
    .done = done,
    .draw = draw,
    .action = action,
    .query = on_query,
    .org_result = on_result,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
