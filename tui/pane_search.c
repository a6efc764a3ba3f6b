/* 搜索: search everything as you type. Results are grouped by domain under a header line;
 * each hit shows its title and a snippet with the matches highlighted. Enter opens the
 * hit in its own pane (a regulation article in 法规). Places and statistics are not
 * documents: the worker also looks the same text up as a place (place_lookup) and as
 * statistics indicators (statq_match: names and aliases holding it, with their latest
 * national value), and the first few head the list as a 地名 and a 统计 group; Enter opens
 * a place in 地名, an indicator's table in 统计.
 *
 * Enter on a 问答 (Q&A) hit opens the item in a view of this pane (tui/qaview.h: question,
 * 【可能过时】 with the reason, answer, bases as links); Enter on a basis opens its article
 * in 法规, Backspace or Esc goes back to the results. It is a view, not a tab: an item is
 * reached from a search, and its bases lead to 法规.
 *
 * F4 (qa-browse) picks a Q&A category (qa_categories, with counts; 全部 first) and lists
 * that category's items (qa_browse: current before possibly outdated, newest first) in
 * the same list as 问答 hits, so Enter opens each in the 问答 view; typing a query leaves
 * the category.
 *
 * Selection and items use one flat index: the places first (0 .. np-1), then the
 * indicators (np .. np+ni-1), then the search hits (np + ni + i for r.hits[i]). */
#include "app.h"
#include "docpane.h"
#include "qaview.h"
#include "output.h"
#include "qa.h"
#include "statfmt.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 30  /* hits asked for at a time (a screenful and some); more come on scrolling */
#define PLACES 3 /* places shown above the documents */
#define INDICATORS 3 /* statistics indicators shown above the documents */

typedef struct {
    int header;       /* a domain header line, else a hit */
    int hit;          /* flat index: a place, an indicator or a search hit (see above) */
    char domain[16];  /* header: the domain, "place" for the places, "indicator" for the
                         statistics indicators */
    long long count;  /* header: hits of that domain */
} item;

typedef struct {
    char *title, *snippet; /* prepared for display (sanitised, converted) */
    hl_spans title_spans, snippet_spans;
} shown;

typedef struct {
    char *title, *detail; /* a place or an indicator prepared for display */
} shown_place;

typedef struct {
    char *query;          /* the query of the results shown */
    search_result r;      /* r.hits hold every page fetched so far */
    int have;             /* r is valid */
    place_result places;  /* the text looked up as a place (its first PLACES) */
    int have_places;
    shown_place *pshown;
    stat_match inds;      /* the statistics indicators the text names (their first
                             INDICATORS) */
    int have_inds;
    shown_place *ishown;
    int places_fresh, inds_fresh; /* delivered for the search result that comes next */
    shown *shown;
    item *items;
    int nitems;
    int sel;              /* selected item's flat index (see above), -1 when none */
    int top;              /* first item shown */
    int loading_more;
    int nothing_to_search; /* the query had no searchable text (search_run returned 1) */
    enum convert_script script; /* of the prepared texts */
    const char *error;
    int qa_open;          /* the 问答 view shows one item (qa_doc) instead of the results */
    orgdoc qa_doc;
    int qa_view_h;
    char *qa_status;      /* status line of the 问答 view */
    char *browse;         /* the list shows a Q&A category (F4): its name, "" for every
                             category; NULL for a search */
    char *browse_status;  /* status line of that list */
    qa_category *cats;    /* the categories offered by the open picker (raw names) */
    int ncats;
} search_pane;

static void free_shown(search_pane *s)
{
    for (size_t i = 0; s->shown && i < s->r.n; i++) {
        free(s->shown[i].title);
        free(s->shown[i].snippet);
        hl_spans_free(&s->shown[i].title_spans);
        hl_spans_free(&s->shown[i].snippet_spans);
    }
    free(s->shown);
    s->shown = NULL;
}

static size_t nplaces(const search_pane *s)
{
    return s->have_places ? s->places.n : 0;
}

static size_t ninds(const search_pane *s)
{
    return s->have_inds ? s->inds.n : 0;
}

/* The flat index of the first search hit. */
static int hits_at(const search_pane *s)
{
    return (int)(nplaces(s) + ninds(s));
}

/* Places, indicators and hits: the flat indexes selection moves over. */
static int nflat(const search_pane *s)
{
    return hits_at(s) + (s->have ? (int)s->r.n : 0);
}

static void free_places(search_pane *s)
{
    for (size_t i = 0; s->pshown && i < nplaces(s); i++) {
        free(s->pshown[i].title);
        free(s->pshown[i].detail);
    }
    free(s->pshown);
    s->pshown = NULL;
    if (s->have_places)
        place_result_free(&s->places);
    s->have_places = 0;
}

static void free_inds(search_pane *s)
{
    for (size_t i = 0; s->ishown && i < ninds(s); i++) {
        free(s->ishown[i].title);
        free(s->ishown[i].detail);
    }
    free(s->ishown);
    s->ishown = NULL;
    if (s->have_inds)
        statq_match_free(&s->inds);
    s->have_inds = 0;
}

static void clear(search_pane *s)
{
    free_shown(s);
    if (s->have)
        search_result_free(&s->r);
    s->have = 0;
    free(s->items);
    s->items = NULL;
    s->nitems = 0;
    s->sel = -1;
    s->top = 0;
    free(s->browse);
    free(s->browse_status);
    s->browse = s->browse_status = NULL;
}

static void *init(app *a)
{
    (void)a;
    search_pane *s = xcalloc(1, sizeof *s);
    s->sel = -1;
    orgdoc_init(&s->qa_doc);
    return s;
}

static void done(void *st)
{
    search_pane *s = st;
    clear(s);
    free_places(s);
    free_inds(s);
    free(s->query);
    orgdoc_free(&s->qa_doc);
    free(s->qa_status);
    qa_categories_free(s->cats, s->ncats);
    free(s);
}

/* Two lines for the screen, sanitised and in the display script. */
static shown_place two_lines(char *t, char *d, enum convert_script script)
{
    out_text a, b;
    out_text_make(&a, t, 0, strlen(t), NULL, 0, script);
    out_text_make(&b, d, 0, strlen(d), NULL, 0, script);
    free(t);
    free(d);
    hl_spans_free(&a.spans);
    hl_spans_free(&b.spans);
    return (shown_place){a.s, b.s};
}

/* Corpus text for the screen: sanitised, in the display script. */
static char *display(const char *text, enum convert_script script)
{
    out_text t;
    out_text_make(&t, text, 0, strlen(text), NULL, 0, script);
    hl_spans_free(&t.spans);
    return t.s;
}

/* A place as two display lines: "【已撤销】南川县 512323 县级·县", then its path and
 * why it matched. */
static shown_place place_shown(const place_hit *h, enum convert_script script)
{
    char *t = xasprintf("%s%s  %s  %s%s%s", h->ended ? "【已撤销】" : "", h->name, h->code,
                        place_level_label(h->level), *h->type ? "·" : "", h->type);
    char *d = xasprintf("%s · %s", h->path_text, place_reason_label(h->reason));
    return two_lines(t, d, script);
}

/* Display forms of every hit, converted to the current script. */
static void prepare(search_pane *s, app *a)
{
    free_shown(s);
    s->script = app_script(a);
    s->shown = xcalloc(s->r.n ? s->r.n : 1, sizeof *s->shown);
    for (size_t i = 0; i < s->r.n; i++) {
        const search_hit *h = &s->r.hits[i];
        out_text t;
        out_text_make(&t, h->title, 0, strlen(h->title), &h->title_spans, 0, s->script);
        s->shown[i].title = t.s;
        s->shown[i].title_spans = t.spans;
        out_snippet(&t, h->body, h->snip_start, h->snip_end, &h->body_spans, s->script,
                    term_unicode_frame() ? "…" : "..");
        s->shown[i].snippet = t.s;
        s->shown[i].snippet_spans = t.spans;
    }
    if (nplaces(s) && !s->pshown)
        s->pshown = xcalloc(nplaces(s), sizeof *s->pshown);
    for (size_t i = 0; s->pshown && i < nplaces(s); i++) {
        free(s->pshown[i].title);
        free(s->pshown[i].detail);
        s->pshown[i] = place_shown(&s->places.hits[i], s->script);
    }
    if (ninds(s) && !s->ishown)
        s->ishown = xcalloc(ninds(s), sizeof *s->ishown);
    for (size_t i = 0; s->ishown && i < ninds(s); i++) {
        free(s->ishown[i].title);
        free(s->ishown[i].detail);
        const stat_match_hit *h = &s->inds.hits[i];
        s->ishown[i] = two_lines(sf_match_title(h), sf_match_detail(h), s->script);
    }
}

/* Header lines where the domain changes. */
static void build_items(search_pane *s)
{
    size_t np = nplaces(s), ni = ninds(s), nh = s->have ? s->r.n : 0;
    free(s->items);
    s->items = xcalloc(nh * 2 + np + ni + 3, sizeof *s->items);
    s->nitems = 0;
    if (np) {
        item *it = &s->items[s->nitems++];
        it->header = 1;
        snprintf(it->domain, sizeof it->domain, "place");
        it->count = (long long)s->places.total;
        for (size_t i = 0; i < np; i++)
            s->items[s->nitems++].hit = (int)i;
    }
    if (ni) {
        item *it = &s->items[s->nitems++];
        it->header = 1;
        snprintf(it->domain, sizeof it->domain, "indicator");
        it->count = (long long)s->inds.total;
        for (size_t i = 0; i < ni; i++)
            s->items[s->nitems++].hit = (int)(np + i);
    }
    for (size_t i = 0; i < nh; i++) {
        const search_hit *h = &s->r.hits[i];
        if (!i || strcmp(h->domain, s->r.hits[i - 1].domain)) {
            item *it = &s->items[s->nitems++];
            it->header = 1;
            snprintf(it->domain, sizeof it->domain, "%s", h->domain);
            for (size_t c = 0; c < s->r.ncounts; c++)
                if (!strcmp(s->r.counts[c].domain, h->domain))
                    it->count = s->r.counts[c].count;
        }
        item *it = &s->items[s->nitems++];
        it->hit = (int)(np + ni + i);
    }
}

static void set_status(search_pane *s, app *a)
{
    char line[256];
    if (!s->have) {
        app_set_count(a, "");
        return;
    }
    if (s->browse_status) {
        app_set_count(a, s->browse_status);
        return;
    }
    if (s->nothing_to_search) {
        app_set_count(a, s->r.note ? s->r.note : "");
        return;
    }
    char places[64] = "", inds[48] = "";
    if (nplaces(s))
        snprintf(places, sizeof places, "；地名 %s%zu 处", s->places.total_capped ? "约 " : "",
                 s->places.total);
    if (ninds(s))
        snprintf(inds, sizeof inds, "；统计 %zu 项", s->inds.total);
    snprintf(line, sizeof line, "找到 %lld%s 条%s%s（%.1f ms）%s%s", s->r.total,
             s->r.capped ? "+" : "", places, inds,
             s->r.ms + (nplaces(s) ? s->places.ms : 0) + (ninds(s) ? s->inds.ms : 0),
             s->r.note ? "  " : "", s->r.note ? s->r.note : "");
    app_set_count(a, line);
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    search_pane *s = st;
    /* Enter on the query already shown keeps the results and the selection. */
    if (submitted && s->query && !strcmp(s->query, text))
        return;
    /* Nor does Enter on an empty line under a Q&A category's list. */
    if (submitted && !*text && s->browse)
        return;
    s->qa_open = 0; /* a new query shows its results */
    free(s->query);
    s->query = xstrdup(text);
    s->error = NULL;
    if (!*text) {
        app_cancel_search(a);
        clear(s);
        free_places(s);
        free_inds(s);
        app_set_count(a, "");
        return;
    }
    search_opts o = {.limit = PAGE, .snippet_chars = (size_t)app_config(a)->snippet_chars,
                     .or_mode = app_config(a)->search_mode == CONFIG_MODE_OR};
    s->loading_more = 0;
    app_search_with_groups(a, text, &o, PLACES, INDICATORS);
}

static void on_result(void *st, app *a, search_result *r, int rc, const char *err)
{
    search_pane *s = st;
    if (rc < 0) {
        search_result_free(r);
        app_message(a, 1, "%s", err ? err : "查询失败");
        return;
    }
    if (s->loading_more && s->have && rc == 0) {
        /* Append the next page. */
        size_t n = s->r.n + r->n;
        s->r.hits = xrealloc(s->r.hits, n * sizeof *s->r.hits);
        memcpy(s->r.hits + s->r.n, r->hits, r->n * sizeof *r->hits);
        free_shown(s);
        s->r.n = n;
        r->n = 0;
        search_result_free(r);
        s->loading_more = 0;
    } else {
        /* Groups that did not come with this result belong to an earlier query. */
        if (!s->places_fresh)
            free_places(s);
        if (!s->inds_fresh)
            free_inds(s);
        clear(s);
        s->r = *r;
        s->have = 1;
        s->sel = nflat(s) ? 0 : -1;
        s->nothing_to_search = rc == 1;
    }
    s->places_fresh = s->inds_fresh = 0;
    prepare(s, a);
    build_items(s);
    set_status(s, a);
}

/* The places of a new query: they arrive just before its search result. */
static void on_places(void *st, app *a, place_result *r, int rc, const char *err)
{
    search_pane *s = st;
    (void)a;
    (void)rc;
    (void)err;
    free_places(s);
    s->places_fresh = 1;
    if (!r->n) {
        place_result_free(r);
        return;
    }
    s->places = *r;
    s->have_places = 1;
}

/* The statistics indicators of a new query: they arrive just before its search result. */
static void on_indicators(void *st, app *a, stat_match *m)
{
    search_pane *s = st;
    (void)a;
    free_inds(s);
    s->inds_fresh = 1;
    if (!m->n) {
        statq_match_free(m);
        return;
    }
    s->inds = *m;
    s->have_inds = 1;
}

static int item_height(const item *it)
{
    return it->header ? 1 : 2;
}

static int item_of_hit(const search_pane *s, int hit)
{
    for (int i = 0; i < s->nitems; i++)
        if (!s->items[i].header && s->items[i].hit == hit)
            return i;
    return 0;
}

/* Scrolls so that the selected hit is visible in h rows. */
static void keep_visible(search_pane *s, int h)
{
    if (s->sel < 0)
        return;
    int it = item_of_hit(s, s->sel);
    if (it > 0 && s->items[it - 1].header)
        it--; /* show the header above the first hit of a group */
    if (it < s->top)
        s->top = it;
    for (;;) {
        int used = 0, last = item_of_hit(s, s->sel);
        for (int i = s->top; i <= last && i < s->nitems; i++)
            used += item_height(&s->items[i]);
        if (used <= h || s->top >= last)
            break;
        s->top++;
    }
}

static enum attr_kind status_attr(const char *status)
{
    if (!status)
        return AT_DIM;
    if (!strcmp(status, "现行有效") || !strcmp(status, "未列入"))
        return AT_GOOD;
    if (!strcmp(status, "已废止") || !strcmp(status, "已失效") || !strcmp(status, "在列"))
        return AT_BAD;
    return AT_WARN;
}

static void draw_welcome(search_pane *s, app *a, const rect *r)
{
    const char *lines[] = {
        "输入查询词，结果随输入更新；Enter 打开选中的结果。",
        "例如：低保　规范性文件　养老服务 2022　社会救助暂行办法 第十一条",
        "简体、繁体、台湾用语（入口網站 = 门户网站）、全角半角都能找到。",
        "F1 帮助　F3 法规目录　F5 简繁显示　F10 退出",
    };
    (void)a;
    if (s->error) {
        draw_str(r->y + 1, r->x + 2, r->w - 4, s->error, AT_ERROR);
        return;
    }
    if (s->have && s->nothing_to_search) {
        draw_str(r->y + 1, r->x + 2, r->w - 4, s->r.note ? s->r.note : "", AT_WARN);
        return;
    }
    if (s->query && *s->query && s->have) {
        char msg[512];
        snprintf(msg, sizeof msg, "未找到「%s」。", s->query);
        draw_str(r->y + 1, r->x + 2, r->w - 4, msg, AT_WARN);
        if (s->r.note)
            draw_str(r->y + 2, r->x + 2, r->w - 4, s->r.note, AT_DIM);
        draw_str(r->y + 4, r->x + 2, r->w - 4, "试试更短的词、别的说法，或去掉一个词。", AT_DIM);
        return;
    }
    for (size_t i = 0; i < sizeof lines / sizeof *lines && (int)i * 2 + 1 < r->h; i++)
        draw_str(r->y + 1 + (int)i * 2, r->x + 2, r->w - 4, lines[i], i ? AT_DIM : AT_NORMAL);
}

static void draw(void *st, app *a, const rect *r)
{
    search_pane *s = st;
    if (s->qa_open) {
        docpane_draw(&s->qa_doc, a, r, &s->qa_view_h);
        return;
    }
    if (s->have && s->script != app_script(a))
        prepare(s, a); /* the 简/繁 toggle changed the display */
    if (!s->have || !nflat(s)) {
        draw_welcome(s, a, r);
        return;
    }
    keep_visible(s, r->h);
    int y = r->y, np = (int)nplaces(s), first = hits_at(s);
    for (int i = s->top; i < s->nitems && y < r->y + r->h; i++) {
        const item *it = &s->items[i];
        if (it->header) {
            char head[128];
            if (!strcmp(it->domain, "place")) {
                snprintf(head, sizeof head, "地名（%s%lld 处%s）",
                         s->places.total_capped ? "约 " : "", it->count,
                         it->count > np ? "，显示前 3 处；全部在 M-4 地名" : "");
            } else if (!strcmp(it->domain, "indicator")) {
                char *h = sf_match_header(&s->inds, "；全部在 M-5 统计");
                snprintf(head, sizeof head, "%s", h);
                free(h);
            } else if (s->browse) {
                char *cat = *s->browse ? display(s->browse, s->script) : xstrdup("全部类别");
                snprintf(head, sizeof head, "%s · %s（%lld 条%s）", search_domain_label(it->domain),
                         cat, it->count,
                         (long long)s->r.n < it->count ? "，只列出前面的" : "");
                free(cat);
            } else
                snprintf(head, sizeof head, "%s（%lld%s 条）", search_domain_label(it->domain),
                         it->count, s->r.capped ? "+" : "");
            draw_fill(y, r->x, r->w, AT_HEADER);
            draw_str(y, r->x + 1, r->w - 1, head, AT_HEADER);
            y++;
            continue;
        }
        int sel = it->hit == s->sel;
        if (it->hit < first) { /* a place or an indicator: two plain lines */
            const shown_place *sp = it->hit < np ? &s->pshown[it->hit] : &s->ishown[it->hit - np];
            draw_fill(y, r->x, r->w, sel ? AT_SEL : AT_NORMAL);
            draw_str(y, r->x + 1, r->w - 1, sp->title, sel ? AT_SEL : AT_NORMAL);
            if (++y >= r->y + r->h)
                break;
            draw_fill(y, r->x, r->w, sel ? AT_SEL : AT_NORMAL);
            draw_str(y, r->x + 4, r->w - 5, sp->detail, sel ? AT_SEL : AT_DIM);
            y++;
            continue;
        }
        const search_hit *h = &s->r.hits[it->hit - first];
        const shown *sh = &s->shown[it->hit - first];
        enum attr_kind base = sel ? AT_SEL : AT_NORMAL, hl = sel ? AT_SEL_HL : AT_HL;
        draw_fill(y, r->x, r->w, base);
        int x = r->x + 1;
        if (h->status) {
            char tag[32];
            snprintf(tag, sizeof tag, "[%s] ", h->status);
            x += draw_str(y, x, r->w - (x - r->x), tag, sel ? AT_SEL : status_attr(h->status));
        }
        int date_w = h->date ? (int)strlen(h->date) + 1 : 0;
        draw_text(y, x, r->w - (x - r->x) - date_w, sh->title, strlen(sh->title), base,
                  &sh->title_spans, hl, 1);
        if (h->date)
            draw_str(y, r->x + r->w - date_w, date_w, h->date, sel ? AT_SEL : AT_DIM);
        y++;
        if (y >= r->y + r->h)
            break;
        draw_fill(y, r->x, r->w, base);
        draw_text(y, r->x + 4, r->w - 5, sh->snippet, strlen(sh->snippet), base,
                  &sh->snippet_spans, hl, 1);
        y++;
    }
}

static void load_more(search_pane *s, app *a)
{
    if (s->loading_more || !s->have || (long long)s->r.n >= s->r.reachable || !s->query)
        return;
    search_opts o = {.limit = PAGE, .offset = s->r.n,
                     .snippet_chars = (size_t)app_config(a)->snippet_chars,
                     .or_mode = app_config(a)->search_mode == CONFIG_MODE_OR};
    s->loading_more = 1;
    app_search(a, s->query, &o);
}

/* The 问答 view: one item with its bases, the cursor on the first basis. */
static void open_qa(search_pane *s, app *a, long long id)
{
    qa_entry e;
    char *err = NULL;
    int rc = qa_get(app_db(a), id, &e, &err);
    if (rc != 0) {
        app_message(a, 1, "%s", rc < 0 && err ? err : "找不到这条问答（数据库可能已更新）");
        free(err);
        return;
    }
    ov_lines lines = {0};
    qv_item(&lines, &e, 0, 0);
    orgdoc_set(&s->qa_doc, &lines);
    if (s->qa_doc.cursor == 0) /* the question: go on to the first basis, if any */
        orgdoc_move(&s->qa_doc, 1);
    free(s->qa_status);
    size_t links = 0;
    for (size_t i = 0; i < e.nbases; i++)
        links += e.bases[i].node_id != 0;
    s->qa_status = xasprintf("问答%s · %s · 依据 %zu 条%s · Backspace 返回结果",
                             e.outdated ? "【可能过时】" : "", e.category ? e.category : "未分类",
                             e.nbases, links ? "（Enter 打开条文）" : "");
    app_set_count(a, s->qa_status);
    s->qa_open = 1;
    qa_entry_free(&e);
}

static int qa_action(search_pane *s, app *a, enum action act)
{
    switch (act) {
    case ACT_BACK:
        s->qa_open = 0;
        set_status(s, a);
        return PR_HANDLED;
    case ACT_OPEN: {
        const ov_line *l = orgdoc_current(&s->qa_doc);
        if (l && l->style == OV_LINK && l->node_id)
            app_open_reg_node(a, l->node_id, NULL);
        return PR_HANDLED;
    }
    default:
        return docpane_move(&s->qa_doc, act, s->qa_view_h);
    }
}

/* ---- browsing Q&A by category (F4) ----------------------------------------------------- */

/* Q&A items as 问答 hits of a search result: the question as the title, the start of the
 * answer as the snippet, 可能过时 as the status, the date of the newest version. */
static void qa_as_hits(qa_result *q, search_result *r, size_t snippet_chars)
{
    memset(r, 0, sizeof *r);
    r->hits = xcalloc(q->n ? q->n : 1, sizeof *r->hits);
    for (size_t i = 0; i < q->n; i++) {
        qa_entry *e = &q->items[i];
        search_hit *h = &r->hits[i];
        snprintf(h->domain, sizeof h->domain, "qa");
        h->ref_id = e->id;
        h->rank_group = e->outdated ? 1 : 0;
        /* Sanitised first, as search_run does: the snippet window counts what is shown. */
        const char *ques = e->question ? e->question : "", *ans = e->answer ? e->answer : "";
        h->title = u8_sanitize(ques, strlen(ques), 0);
        h->body = u8_sanitize(ans, strlen(ans), U8_SAN_KEEP_NL);
        h->status = e->outdated ? qa_status_label(e) : NULL;
        const char *date = e->updated ? e->updated : e->published;
        h->date = date ? xstrdup(date) : NULL;
        hl_snippet(h->body, strlen(h->body), &h->body_spans, snippet_chars, &h->snip_start,
                   &h->snip_end);
    }
    r->n = q->n;
    r->total = q->total;
    r->reachable = (long long)q->n; /* everything is here: no more pages */
    snprintf(r->counts[0].domain, sizeof r->counts[0].domain, "qa");
    r->counts[0].count = q->total;
    r->ncounts = 1;
    r->ms = q->ms;
}

/* Lists the items of category (NULL: every category) in place of the results. */
static void browse_category(search_pane *s, app *a, const char *category)
{
    qa_result q;
    char *err = NULL;
    if (qa_browse(app_db(a), category, QA_MAX_LIMIT, &q, &err) != 0) {
        app_message(a, 1, "读取政策问答失败：%s", err ? err : "");
        free(err);
        return;
    }
    app_cancel_search(a); /* a search in flight must not replace the list */
    s->loading_more = 0;
    s->qa_open = 0;
    s->error = NULL;
    free_places(s);
    free_inds(s);
    clear(s);
    free(s->query);
    s->query = NULL;
    qa_as_hits(&q, &s->r, (size_t)app_config(a)->snippet_chars);
    s->have = 1;
    s->nothing_to_search = 0;
    s->sel = s->r.n ? 0 : -1;
    s->browse = xstrdup(category ? category : "");
    char *label = category ? display(category, app_script(a)) : NULL;
    char *sum = qv_summary(&q, NULL, label);
    s->browse_status = xasprintf("%s  Enter 打开  F4 换类别", sum);
    free(sum);
    free(label);
    qa_result_free(&q);
    prepare(s, a);
    build_items(s);
    set_status(s, a);
    app_set_input(a, "");
    app_leave_input(a); /* Down and Enter act on the list */
}

static void on_category(void *st, app *a, int index)
{
    search_pane *s = st;
    qa_category *cats = s->cats;
    int n = s->ncats;
    s->cats = NULL;
    s->ncats = 0;
    if (index == 0)
        browse_category(s, a, NULL);
    else if (index > 0 && index <= n)
        browse_category(s, a, cats[index - 1].name);
    qa_categories_free(cats, n);
}

/* The picker: 全部 first, then each category with its items (and possibly outdated ones),
 * most items first; the cursor on the category shown, if any. */
static int category_menu(search_pane *s, app *a)
{
    qa_categories_free(s->cats, s->ncats);
    s->cats = NULL;
    s->ncats = 0;
    char *err = NULL;
    qa_category *cats = NULL;
    int n = qa_categories(app_db(a), &cats, &err);
    if (n < 0) {
        app_message(a, 1, "读取问答类别失败：%s", err ? err : "");
        free(err);
        return PR_HANDLED;
    }
    long long all = 0, outdated = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(app_db(a)->h,
                           "SELECT count(*), coalesce(sum(status = 'possibly_outdated'), 0) "
                           "FROM qa_item",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        all = sqlite3_column_int64(st, 0);
        outdated = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (!all) {
        qa_categories_free(cats, n);
        app_message(a, 0, "这个数据库里没有政策问答（kind = qa，见 docs/data-formats.md）");
        return PR_HANDLED;
    }
    char **owned = xcalloc((size_t)n + 1, sizeof *owned);
    int selected = 0;
    owned[0] = outdated ? xasprintf("全部类别（%lld 条，可能过时 %lld）", all, outdated)
                        : xasprintf("全部类别（%lld 条）", all);
    for (int i = 0; i < n; i++) {
        char *name = display(cats[i].name, app_script(a));
        owned[i + 1] = cats[i].outdated ? xasprintf("%s（%lld 条，可能过时 %lld）", name,
                                                    cats[i].count, cats[i].outdated)
                                        : xasprintf("%s（%lld 条）", name, cats[i].count);
        free(name);
        if (s->browse && *s->browse && !strcmp(s->browse, cats[i].name))
            selected = i + 1;
    }
    s->cats = cats;
    s->ncats = n;
    app_pick(a, "政策问答：选择类别", (const char *const *)owned, n + 1, selected, on_category,
             s);
    for (int i = 0; i <= n; i++)
        free(owned[i]);
    free(owned);
    return PR_HANDLED;
}

static int move_sel(search_pane *s, app *a, int to)
{
    int n = nflat(s);
    if (!s->have || !n)
        return PR_IGNORED;
    if (to < 0)
        to = 0;
    if (to >= n)
        to = n - 1;
    s->sel = to;
    if (s->r.n && to >= n - 5)
        load_more(s, a);
    return PR_HANDLED;
}

static int action(void *st, app *a, enum action act)
{
    search_pane *s = st;
    int page = 8;
    if (act == ACT_QA_BROWSE)
        return category_menu(s, a);
    if (s->qa_open)
        return qa_action(s, a, act);
    switch (act) {
    case ACT_UP:
        return move_sel(s, a, s->sel - 1);
    case ACT_DOWN:
        return move_sel(s, a, s->sel + 1);
    case ACT_PAGE_UP:
        return move_sel(s, a, s->sel - page);
    case ACT_PAGE_DOWN:
        return move_sel(s, a, s->sel + page);
    case ACT_FIRST:
        return move_sel(s, a, 0);
    case ACT_LAST:
        return move_sel(s, a, nflat(s) - 1);
    case ACT_OPEN: {
        if (!s->have || s->sel < 0 || s->sel >= nflat(s))
            return PR_HANDLED;
        int np = (int)nplaces(s), first = hits_at(s);
        if (s->sel < np) {
            app_open_place(a, s->places.hits[s->sel].code);
            return PR_HANDLED;
        }
        if (s->sel < first) {
            app_open_stats(a, s->inds.hits[s->sel - np].ind.code);
            return PR_HANDLED;
        }
        const search_hit *h = &s->r.hits[s->sel - first];
        if (!strcmp(h->domain, "reg"))
            app_open_reg_node(a, h->ref_id, &s->r.q);
        else if (!strcmp(h->domain, "org"))
            app_open_org(a, h->ref_id);
        else if (!strcmp(h->domain, "qa"))
            open_qa(s, a, h->ref_id);
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
    out[0] = KM_SEARCH;
    out[1] = KM_LIST;
    return 2;
}

static int mouse(void *st, app *a, const rect *r, const gk_key *k)
{
    search_pane *s = st;
    if (s->qa_open) {
        enum docpane_click c = docpane_mouse(&s->qa_doc, r, k, s->qa_view_h);
        return c == DP_CLICK_AGAIN ? qa_action(s, a, ACT_OPEN)
               : c == DP_CLICK_MOVED ? PR_HANDLED : PR_IGNORED;
    }
    if (k->mouse == MOUSE_WHEEL_UP)
        return move_sel(s, a, s->sel - 3);
    if (k->mouse == MOUSE_WHEEL_DOWN)
        return move_sel(s, a, s->sel + 3);
    if (!s->have)
        return PR_IGNORED;
    /* Find the hit drawn at that row. */
    int y = r->y;
    for (int i = s->top; i < s->nitems && y <= k->y; i++) {
        int h = item_height(&s->items[i]);
        if (k->y < y + h && !s->items[i].header) {
            int hit = s->items[i].hit;
            if (hit == s->sel)
                return action(s, a, ACT_OPEN); /* a second click opens */
            s->sel = hit;
            return PR_HANDLED;
        }
        y += h;
    }
    return PR_IGNORED;
}

/* The input line is shared by the panes: show this pane's own query again. */
static void activate(void *st, app *a)
{
    search_pane *s = st;
    app_set_input(a, s->query ? s->query : "");
    if (s->qa_open && s->qa_status)
        app_set_count(a, s->qa_status);
    else
        set_status(s, a); /* the status line is shared with the other panes too */
}

static const char *prompt(void *st)
{
    (void)st;
    return "查询> ";
}

const pane_ops pane_search_ops = {
    .name = "search",
    .show = ACT_PANE_SEARCH,
    .label = "搜索",
    .init = init,
    .done = done,
    .draw = draw,
    .action = action,
    .query = on_query,
    .result = on_result,
    .place_result = on_places,
    .indicator_result = on_indicators,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
