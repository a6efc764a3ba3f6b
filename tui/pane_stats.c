/* 统计: relief statistics (低保, 特困, 临时救助) as tables of indicator × region × period,
 * with the source of every number. What to show is typed (城市低保人数, 低保 北京,
 * 农村低保平均保障标准 2021) or picked (F4: 指标 / 地区 / 时期, ←→ between them, Enter
 * picks); the table follows every keystroke. From what is asked the pane chooses the
 * table:
 *   one indicator, no region        regions (the parent's total pinned on top) × periods
 *   one region (any indicators)     periods × indicators: the region's series
 *   several indicators, no region   regions × indicators for one period (the latest)
 *   several regions, one indicator  regions × periods
 * t swaps rows and columns. The table (tui/statview.h) has a frozen first column, ←/→
 * move a column cursor and scroll, s sorts by the cursor's column (again: reversed; on the
 * first column: the table's order); the footnote names the source of the cell under the
 * cursor, how a derived cell (*) was derived and what the loader flagged (!); the
 * engine's notes (refusals such as 元/人·年 against 元/人·月) stand above it. y cycles
 * 原值 / 同比 / 环比, m allows 月/年 conversion, v shows the cursor's column as bars
 * (and a series as sparklines; tui/statchart.h), c copies the cell with its source, C the
 * table as TSV. Enter drills: a region into its subregions (on the pinned total: its
 * series), a period into its ranking, an indicator into its own table; Backspace goes
 * back. Tables are built by the worker thread (statq_table); the lists of indicators and
 * regions and the look-ups of what is typed are a few indexed reads on the console's own
 * connection. */
#include "app.h"
#include "clipboard.h"
#include "divcode.h"
#include "docpane.h"
#include "paths.h"
#include "statchart.h"
#include "statview.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEL 32   /* indicators or regions in one request */
#define BACK_MAX 16  /* drills Backspace goes back through */
#define CODE_BUF 16

typedef struct {
    char code[CODE_BUF];
    char *name;       /* as tables name it: 北京市, 示例市（示例） */
    char *core;       /* without a bracketed remark: 示例市; or NULL */
    char *shortn;     /* 北京 (suffix off), or NULL */
    char parent[CODE_BUF]; /* STAT_NATIONAL for a province, "" for 全国 */
} sregion;

/* What is asked: the request being built. */
typedef struct {
    char *inds[MAX_SEL];
    size_t ninds;
    char *regs[MAX_SEL];  /* regions asked for; none: the parent and its subregions */
    size_t nregs;
    char parent[CODE_BUF];
    int ptype_set;
    enum stat_ptype ptype;
    char from[11], to[11]; /* "" open */
    char *focus;          /* a back entry: the row key the cursor was on */
} ssel;

/* The modes, kept apart from what is asked (they survive typing). */
typedef struct {
    int change;           /* enum stat_change */
    int convert;
    int transpose;
} smodes;

enum { TAB_IND = 0, TAB_REGION, TAB_PERIOD, NTABS };
static const char *const tab_names[NTABS] = {"指标", "地区", "时期"};

typedef struct {
    char *text;
    char *code;           /* indicator or region */
    int children;         /* region: its subregions rather than itself */
    int kind;             /* period: 0 a type, 1 a year of the current type */
    enum stat_ptype ptype;
    int year;
    int current;
} pitem;

typedef struct {
    int loaded;
    char *load_err;
    stat_ind *inds;
    size_t ninds;
    sregion *regs;
    size_t nregs;
    char *as_of;

    ssel sel;
    int have_sel;
    smodes modes;
    ssel back[BACK_MAX];
    int nback;

    /* How the table shown is laid out, and (next_*) the one asked for last, which
     * becomes it when its answer arrives. */
    enum stat_axis rows, cols, next_rows, next_cols;
    int pinned, next_pinned;
    char *where, *next_where; /* 北京市及所辖地区: what the engine's title leaves out */

    stat_table t;
    int have_t;
    size_t *colmap;       /* view column -> table column (empty columns of indicators hidden) */
    statview v;
    enum convert_script script;
    char *problem;        /* why there is no table (shown in its place) */
    double ms;

    int chart;
    int picking, tab;
    pitem *items;
    size_t nitems, psel, ptop;

    char *query;
    int view_h;
    char *focus;          /* put the cursor on this row key when the table arrives */
    /* Look-ups kept for the session (the database does not change under the console):
     * the periods of an indicator in a region, the regions under a parent. */
    struct centry {
        char *key;
        stat_period *periods;
        char **codes, **parents;
        size_t n;
    } *cache;
    size_t ncache, capcache;
    char **req_regs;      /* the regions of the request sent last */
    size_t nreq_regs;
} stats_pane;

/* ---- small helpers ------------------------------------------------------------------------ */

static void sel_free(ssel *s)
{
    for (size_t i = 0; i < s->ninds; i++)
        free(s->inds[i]);
    for (size_t i = 0; i < s->nregs; i++)
        free(s->regs[i]);
    free(s->focus);
    memset(s, 0, sizeof *s);
}

static void sel_copy(ssel *dst, const ssel *src)
{
    *dst = *src;
    for (size_t i = 0; i < src->ninds; i++)
        dst->inds[i] = xstrdup(src->inds[i]);
    for (size_t i = 0; i < src->nregs; i++)
        dst->regs[i] = xstrdup(src->regs[i]);
    dst->focus = src->focus ? xstrdup(src->focus) : NULL;
}

static void sel_add_ind(ssel *s, const char *code)
{
    for (size_t i = 0; i < s->ninds; i++)
        if (!strcmp(s->inds[i], code))
            return;
    if (s->ninds < MAX_SEL)
        s->inds[s->ninds++] = xstrdup(code);
}

static void sel_add_reg(ssel *s, const char *code)
{
    for (size_t i = 0; i < s->nregs; i++)
        if (!strcmp(s->regs[i], code))
            return;
    if (s->nregs < MAX_SEL)
        s->regs[s->nregs++] = xstrdup(code);
}

/* Corpus text for the screen: sanitised, in the display script. */
static char *shown(const stats_pane *s, const char *text)
{
    char *clean = u8_sanitize(text ? text : "", text ? strlen(text) : 0, 0);
    if (s->script == CONVERT_ORIGINAL)
        return clean;
    char *conv = convert_text(s->script, clean, strlen(clean), NULL);
    free(clean);
    return conv;
}

static const stat_ind *ind_by_code(const stats_pane *s, const char *code)
{
    for (size_t i = 0; i < s->ninds; i++)
        if (!strcmp(s->inds[i].code, code))
            return &s->inds[i];
    return NULL;
}

static const sregion *reg_by_code(const stats_pane *s, const char *code)
{
    for (size_t i = 0; i < s->nregs; i++)
        if (!strcmp(s->regs[i].code, code))
            return &s->regs[i];
    return NULL;
}

/* 示例市（示例） → 示例市; NULL when there is no bracketed remark at the end. */
static char *core_name(const char *name)
{
    size_t len = strlen(name);
    static const char *const close[] = {"）", ")"}, *const open[] = {"（", "("};
    for (int k = 0; k < 2; k++) {
        size_t cl = strlen(close[k]);
        if (len <= cl || strcmp(name + len - cl, close[k]))
            continue;
        const char *o = NULL;
        for (const char *p = strstr(name, open[k]); p; p = strstr(p + 1, open[k]))
            o = p;
        if (o && o > name)
            return xstrndup(name, (size_t)(o - name));
    }
    return NULL;
}

/* 北京市 → 北京, 广西壮族自治区 → 广西; NULL when nothing comes off. */
static char *short_name(const char *name)
{
    static const char *const suffixes[] = {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区",
                                           "自治区",       "自治州",     "省",         "市",
                                           "地区",         "盟"};
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t n = strlen(suffixes[i]);
        if (len > n && !strcmp(name + len - n, suffixes[i]) && u8_count(name, len - n) >= 2)
            return xstrndup(name, len - n);
    }
    return NULL;
}

/* ---- loading: indicators and regions, once ------------------------------------------------ */

static void free_codes(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* The regions with values for an indicator (NULL: any) just under parent. Under 全国
 * these are the provinces with values and, for a province without any, the regions
 * under it that have them (a city's own tables without the province's: 示例市 under
 * 浙江省). Code order; *parents (may be NULL) gets each one's parent. */
static char **regions_under_db(app *a, const char *ind, const char *parent, size_t *n,
                               char ***parents)
{
    char provinces[40][DIV_BUF];
    size_t nprov = div_provinces(provinces, 40);
    sqlite3 *db = app_db(a)->h;
    char **top = NULL, *err = NULL;
    size_t ntop = 0;
    if (statq_regions(db, ind, parent, &top, &ntop, &err) != 0) {
        free(err);
        top = NULL;
        ntop = 0;
    }
    size_t capo = 0, capp = 0, k = 0;
    char **out = NULL, **par = NULL;
    int national = !parent || !strcmp(parent, STAT_NATIONAL);
    size_t t = 0;
    for (size_t p = 0; p <= (national ? nprov : 0); p++) {
        const char *prov = national && p < nprov ? provinces[p] : NULL;
        /* The listed regions before this province (and all of them after the last). */
        while (t < ntop && (!prov || strncmp(top[t], prov, 2) <= 0)) {
            out = xgrow(out, &capo, k + 1, sizeof *out);
            par = xgrow(par, &capp, k + 1, sizeof *par);
            out[k] = top[t];
            par[k++] = xstrdup(national ? STAT_NATIONAL : parent);
            t++;
        }
        if (!prov)
            break;
        int listed = 0;
        for (size_t i = 0; i < ntop; i++)
            listed |= !strncmp(top[i], prov, 2);
        if (listed)
            continue;
        char **kids = NULL;
        size_t nk = 0;
        if (statq_regions(db, ind, prov, &kids, &nk, &err) != 0) {
            free(err);
            err = NULL;
            continue;
        }
        for (size_t i = 0; i < nk; i++) {
            out = xgrow(out, &capo, k + 1, sizeof *out);
            par = xgrow(par, &capp, k + 1, sizeof *par);
            out[k] = kids[i];
            par[k++] = xstrdup(prov);
        }
        free(kids);
    }
    free(top);
    *n = k;
    if (parents)
        *parents = par;
    else
        free_codes(par, k);
    return out;
}

static void add_region(stats_pane *s, app *a, const char *code, const char *parent,
                       size_t *cap)
{
    if (reg_by_code(s, code))
        return;
    s->regs = xgrow(s->regs, cap, s->nregs + 1, sizeof *s->regs);
    sregion *r = &s->regs[s->nregs++];
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", code);
    snprintf(r->parent, sizeof r->parent, "%s", parent);
    r->name = statq_region_name(app_db(a)->h, code);
    r->core = core_name(r->name);
    r->shortn = short_name(r->core ? r->core : r->name);
}

static void load(stats_pane *s, app *a)
{
    if (s->loaded)
        return;
    s->loaded = 1;
    sqlite3 *db = app_db(a)->h;
    char *err = NULL;
    if (statq_indicators(db, 0, &s->inds, &s->ninds, &err) != 0) {
        s->load_err = err ? err : xstrdup("读取统计指标失败");
        s->inds = NULL;
        s->ninds = 0;
        return;
    }
    s->as_of = db_meta(db, "as_of");
    if (!s->ninds)
        return;
    size_t cap = 0;
    add_region(s, a, STAT_NATIONAL, "", &cap);
    char **top, **parents;
    size_t ntop;
    top = regions_under_db(a, NULL, STAT_NATIONAL, &ntop, &parents);
    for (size_t i = 0; i < ntop; i++) {
        add_region(s, a, top[i], parents[i], &cap);
        char **kids, *err2 = NULL;
        size_t nkids = 0;
        if (statq_regions(db, NULL, top[i], &kids, &nkids, &err2) == 0) {
            for (size_t k = 0; k < nkids; k++)
                add_region(s, a, kids[k], top[i], &cap);
            free_codes(kids, nkids);
        } else {
            free(err2);
        }
    }
    free_codes(top, ntop);
    free_codes(parents, ntop);
}

static struct centry *cache_find(stats_pane *s, const char *key)
{
    for (size_t i = 0; i < s->ncache; i++)
        if (!strcmp(s->cache[i].key, key))
            return &s->cache[i];
    return NULL;
}

static struct centry *cache_add(stats_pane *s, char *key)
{
    s->cache = xgrow(s->cache, &s->capcache, s->ncache + 1, sizeof *s->cache);
    struct centry *e = &s->cache[s->ncache++];
    memset(e, 0, sizeof *e);
    e->key = key;
    return e;
}

static char **copy_codes(char *const *v, size_t n)
{
    char **out = xcalloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = xstrdup(v[i]);
    return out;
}

/* regions_under_db, kept for the session. */
static char **regions_under(stats_pane *s, app *a, const char *ind, const char *parent,
                            size_t *n, char ***parents)
{
    char *key = xasprintf("r|%s|%s", ind ? ind : "", parent ? parent : "");
    struct centry *e = cache_find(s, key);
    if (e) {
        free(key);
    } else {
        char **par = NULL;
        size_t k = 0;
        char **codes = regions_under_db(a, ind, parent, &k, &par);
        e = cache_add(s, key);
        e->codes = codes;
        e->parents = par;
        e->n = k;
    }
    *n = e->n;
    if (parents)
        *parents = copy_codes(e->parents, e->n);
    return copy_codes(e->codes, e->n);
}

/* ---- state --------------------------------------------------------------------------------- */

static void drop_table(stats_pane *s)
{
    if (s->have_t)
        statq_table_free(&s->t);
    s->have_t = 0;
    free(s->colmap);
    s->colmap = NULL;
}

static void set_problem(stats_pane *s, const char *msg)
{
    free(s->problem);
    s->problem = msg ? xstrdup(msg) : NULL;
}

static void free_items(stats_pane *s)
{
    for (size_t i = 0; i < s->nitems; i++) {
        free(s->items[i].text);
        free(s->items[i].code);
    }
    free(s->items);
    s->items = NULL;
    s->nitems = 0;
}

static void *init(app *a)
{
    stats_pane *s = xcalloc(1, sizeof *s);
    sv_init(&s->v);
    s->script = app_script(a);
    return s;
}

static void done(void *st)
{
    stats_pane *s = st;
    drop_table(s);
    sv_free(&s->v);
    statq_indicators_free(s->inds, s->ninds);
    for (size_t i = 0; i < s->nregs; i++) {
        free(s->regs[i].name);
        free(s->regs[i].core);
        free(s->regs[i].shortn);
    }
    free(s->regs);
    sel_free(&s->sel);
    for (int i = 0; i < s->nback; i++)
        sel_free(&s->back[i]);
    free_items(s);
    free(s->problem);
    free(s->load_err);
    free(s->as_of);
    free(s->query);
    free(s->focus);
    free(s->where);
    free(s->next_where);
    for (size_t i = 0; i < s->ncache; i++) {
        free(s->cache[i].key);
        free(s->cache[i].periods);
        for (size_t k = 0; s->cache[i].codes && k < s->cache[i].n; k++) {
            free(s->cache[i].codes[k]);
            free(s->cache[i].parents[k]);
        }
        free(s->cache[i].codes);
        free(s->cache[i].parents);
    }
    free(s->cache);
    for (size_t i = 0; i < s->nreq_regs; i++)
        free(s->req_regs[i]);
    free(s->req_regs);
    free(s);
}

/* ---- periods and the shape of the table ------------------------------------------------- */

/* The periods of a type with values for an indicator in a region (NULL: anywhere, a slow
 * scan of the indicator's values: callers name regions), oldest first; kept. */
static const stat_period *periods_of(stats_pane *s, app *a, const char *ind, const char *region,
                                     enum stat_ptype type, size_t *n)
{
    char *key = xasprintf("p|%s|%s|%d", ind ? ind : "", region ? region : "*", (int)type);
    struct centry *e = cache_find(s, key);
    if (e) {
        free(key);
    } else {
        e = cache_add(s, key);
        char *err = NULL;
        if (statq_periods(app_db(a)->h, ind, region, type, &e->periods, &e->n, &err) != 0) {
            free(err);
            e->periods = NULL;
            e->n = 0;
        }
    }
    *n = e->n;
    return e->periods;
}

static int period_order(const void *x, const void *y)
{
    return stat_period_cmp(x, y);
}

/* The periods of a type that an indicator has in any of the regions (none: anywhere),
 * within the selection's [from, to], oldest first. New array. */
static stat_period *periods_over(stats_pane *s, app *a, const char *ind, char *const *regions,
                                 size_t nregions, enum stat_ptype type, size_t *n)
{
    stat_period *out = NULL;
    size_t k = 0, cap = 0;
    for (size_t r = 0; r < (nregions ? nregions : 1); r++) {
        size_t m;
        const stat_period *p = periods_of(s, a, ind, nregions ? regions[r] : NULL, type, &m);
        for (size_t i = 0; i < m; i++) {
            if ((*s->sel.from && strcmp(p[i].end, s->sel.from) < 0) ||
                (*s->sel.to && strcmp(p[i].end, s->sel.to) > 0))
                continue;
            out = xgrow(out, &cap, k + 1, sizeof *out);
            out[k++] = p[i];
        }
    }
    if (k > 1)
        qsort(out, k, sizeof *out, period_order);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || stat_period_cmp(&out[u - 1], &out[i]))
            out[u++] = out[i];
    *n = u;
    return out;
}

/* The period type with the most years covered by the selected indicators (ties: more
 * periods, then the longer type), judged on the first few indicators and regions. */
static enum stat_ptype choose_ptype(stats_pane *s, app *a, char *const *regions, size_t nregions)
{
    static const enum stat_ptype order[] = {SP_YEAR, SP_HALF, SP_QUARTER, SP_MONTH};
    enum stat_ptype best = SP_YEAR;
    size_t best_years = 0, best_n = 0;
    size_t nr = nregions < 6 ? nregions : 6;
    for (size_t t = 0; t < 4; t++) {
        size_t years = 0, total = 0;
        for (size_t i = 0; i < s->sel.ninds && i < 4; i++) {
            size_t n;
            stat_period *p = periods_over(s, a, s->sel.inds[i], regions, nr, order[t], &n);
            int last = 0;
            for (size_t k = 0; k < n; k++) {
                if (p[k].year != last)
                    years++;
                last = p[k].year;
            }
            total += n;
            free(p);
        }
        if (years > best_years || (years == best_years && total > best_n)) {
            best = order[t];
            best_years = years;
            best_n = total;
        }
    }
    return best;
}

/* The regions a table of subregions shows: the parent itself first, then the regions
 * under it that have values for any of the indicators, in code order. */
static char **subregions(stats_pane *s, app *a, const char *parent, size_t *n)
{
    size_t cap = 8, k = 0;
    char **out = xcalloc(cap, sizeof *out);
    out[k++] = xstrdup(parent);
    for (size_t i = 0; i < s->sel.ninds; i++) {
        size_t nc = 0;
        char **codes = regions_under(s, a, s->sel.inds[i], parent, &nc, NULL);
        for (size_t j = 0; j < nc; j++) {
            size_t at = 1;
            while (at < k && strcmp(out[at], codes[j]) < 0)
                at++;
            if (at < k && !strcmp(out[at], codes[j])) {
                free(codes[j]);
                continue;
            }
            out = xgrow(out, &cap, k + 1, sizeof *out);
            memmove(out + at + 1, out + at, (k - at) * sizeof *out);
            out[at] = codes[j];
            k++;
        }
        free(codes);
    }
    *n = k;
    return out;
}

static void set_count(stats_pane *s, app *a);

/* Builds the request from what is asked and sends it to the worker. */
static void ask(stats_pane *s, app *a)
{
    if (!s->have_sel || !s->sel.ninds) {
        app_cancel_search(a);
        drop_table(s);
        set_problem(s, s->have_sel ? "先输入或选择一个指标（F4）" : NULL);
        set_count(s, a);
        return;
    }
    ssel *q = &s->sel;
    /* The regions: as asked, or the parent and the regions under it. */
    char **regs;
    size_t nregs;
    int pinned = 0;
    if (q->nregs) {
        regs = copy_codes(q->regs, q->nregs);
        nregs = q->nregs;
    } else {
        regs = subregions(s, a, *q->parent ? q->parent : STAT_NATIONAL, &nregs);
        pinned = 1;
    }
    for (size_t i = 0; i < s->nreq_regs; i++)
        free(s->req_regs[i]);
    free(s->req_regs);
    s->req_regs = copy_codes(regs, nregs);
    s->nreq_regs = nregs;
    if (!q->ptype_set)
        q->ptype = choose_ptype(s, a, regs, nregs);
    /* Of several indicators, those with values of the type in these regions, and the
     * latest period any of them has. */
    const char *use[MAX_SEL];
    size_t nuse = 0;
    stat_period latest;
    memset(&latest, 0, sizeof latest);
    int have_latest = 0;
    for (size_t i = 0; i < q->ninds; i++) {
        size_t n = 0;
        stat_period *p = q->ninds > 1
                             ? periods_over(s, a, q->inds[i], regs, nregs, q->ptype, &n)
                             : NULL;
        if (n && (!have_latest || stat_period_cmp(&p[n - 1], &latest) > 0)) {
            latest = p[n - 1];
            have_latest = 1;
        }
        if (n || q->ninds == 1)
            use[nuse++] = q->inds[i];
        free(p);
    }
    if (!nuse) {
        free_codes(regs, nregs);
        drop_table(s);
        set_problem(s, "所选指标在所选时期没有数值");
        set_count(s, a);
        return;
    }
    stat_request rq;
    memset(&rq, 0, sizeof rq);
    rq.indicators = use;
    rq.nindicators = nuse;
    rq.ptype = q->ptype;
    snprintf(rq.from, sizeof rq.from, "%s", q->from);
    snprintf(rq.to, sizeof rq.to, "%s", q->to);
    rq.convert_period = s->modes.convert;
    rq.convert_hint = "按 m 键可";
    rq.change = (enum stat_change)s->modes.change;
    rq.unit = NULL; /* the engine shows each indicator in the unit it was published in */
    rq.regions = (const char *const *)regs;
    rq.nregions = nregs;
    if (q->nregs == 1) {
        rq.rows = SA_PERIOD;
        rq.cols = SA_INDICATOR;
    } else {
        rq.rows = SA_REGION;
        if (nuse == 1) {
            rq.cols = SA_PERIOD;
        } else {
            /* Several indicators side by side: one period, the latest with values. */
            rq.cols = SA_INDICATOR;
            rq.periods = &latest;
            rq.nperiods = 1;
        }
    }
    if (s->modes.transpose) {
        enum stat_axis t = rq.rows;
        rq.rows = rq.cols;
        rq.cols = t;
        pinned = 0;
    }
    s->next_rows = rq.rows;
    s->next_cols = rq.cols;
    s->next_pinned = pinned;
    free(s->next_where);
    s->next_where = NULL;
    if (!q->nregs) {
        const char *p = *q->parent ? q->parent : STAT_NATIONAL;
        const sregion *pr = reg_by_code(s, p);
        char *name = pr ? xstrdup(pr->name) : statq_region_name(app_db(a)->h, p);
        s->next_where = !strcmp(p, STAT_NATIONAL) ? xstrdup("全国及各地")
                                              : xasprintf("%s及所辖地区", name);
        free(name);
    }
    app_query_stats(a, &rq);
    free_codes(regs, nregs);
}

/* ---- the view ------------------------------------------------------------------------------ */

static const char *axis_word(enum stat_axis x)
{
    return x == SA_REGION ? "地区" : x == SA_PERIOD ? "时期" : "指标";
}

/* A row's label for the screen: rows of indicators carry their unit. */
static char *row_label(const stats_pane *s, size_t r)
{
    const stat_table *t = &s->t;
    if (s->rows == SA_INDICATOR && t->row_units && *t->row_units[r].name) {
        char *both = xasprintf("%s（%s）", t->row_labels[r], t->row_units[r].name);
        char *l = shown(s, both);
        free(both);
        return l;
    }
    return shown(s, t->row_labels[r]);
}

/* Fills the view from the table: labels for the screen, cells as text, empty indicator
 * columns hidden. keep: keep the cursor and the sort where the labels match. */
static void fill_view(stats_pane *s)
{
    stat_table *t = &s->t;
    free(s->colmap);
    s->colmap = xcalloc(t->ncols ? t->ncols : 1, sizeof *s->colmap);
    size_t nvis = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        int any = 0;
        for (size_t r = 0; r < t->nrows && !any; r++)
            any = t->cells[r * t->ncols + c].present;
        if (any || s->cols != SA_INDICATOR || t->ncols == 1)
            s->colmap[nvis++] = c;
    }
    sv_begin(&s->v, t->nrows, nvis);
    s->v.corner = xstrdup(axis_word(s->rows));
    s->v.npinned = s->pinned && t->nrows > 1 ? 1 : 0;
    for (size_t r = 0; r < t->nrows; r++) {
        s->v.row_labels[r] = row_label(s, r);
    }
    for (size_t c = 0; c < nvis; c++) {
        size_t tc = s->colmap[c];
        s->v.col_labels[c] = shown(s, t->col_labels[tc]);
        s->v.col_units[c] = shown(s, s->rows != SA_INDICATOR && t->col_units ? t->col_units[tc].name : "");
        for (size_t r = 0; r < t->nrows; r++) {
            const stat_cell *x = &t->cells[r * t->ncols + tc];
            sv_cell *y = &s->v.cells[r * nvis + c];
            y->present = (unsigned char)(x->present != 0);
            if (!x->present)
                continue;
            char buf[48];
            y->text = xstrdup(statq_format_value(x, buf));
            y->value = x->value;
            y->derived = (unsigned char)(x->derived != 0);
            y->flagged = (unsigned char)(x->flags && *x->flags);
        }
    }
    int kept = sv_end(&s->v);
    /* A new table: the newest period in view. */
    if (!(kept & SV_KEPT_COL) && s->cols == SA_PERIOD && nvis)
        s->v.col = (int)nvis - 1;
    if (!(kept & SV_KEPT_ROW) && s->rows == SA_PERIOD && t->nrows)
        s->v.row = t->nrows - 1;
    /* Back from a drill: the cursor on the row one came from. */
    for (size_t r = 0; s->focus && r < t->nrows; r++)
        if (!strcmp(t->row_keys[r], s->focus))
            for (size_t i = 0; i < s->v.nrows; i++)
                if (sv_table_row(&s->v, i) == r)
                    s->v.row = i;
    free(s->focus);
    s->focus = NULL;
}

/* The labels again in another display script; cursor and order stay. */
static void relabel(stats_pane *s)
{
    if (!s->have_t)
        return;
    for (size_t r = 0; r < s->t.nrows && r < s->v.nrows; r++) {
        free(s->v.row_labels[r]);
        s->v.row_labels[r] = row_label(s, r);
    }
    for (size_t c = 0; c < s->v.ncols; c++) {
        size_t tc = s->colmap[c];
        free(s->v.col_labels[c]);
        free(s->v.col_units[c]);
        s->v.col_labels[c] = shown(s, s->t.col_labels[tc]);
        s->v.col_units[c] = shown(s, s->rows != SA_INDICATOR && s->t.col_units ? s->t.col_units[tc].name : "");
    }
}

/* The table cell under the cursor (NULL on the label column or without a table). */
static const stat_cell *current_cell(const stats_pane *s)
{
    if (!s->have_t || s->v.col < 0 || (size_t)s->v.col >= s->v.ncols || !s->v.nrows)
        return NULL;
    size_t r = sv_table_row(&s->v, s->v.row);
    return &s->t.cells[r * s->t.ncols + s->colmap[s->v.col]];
}

static void set_count(stats_pane *s, app *a)
{
    if (!s->have_t) {
        app_set_count(a, "");
        return;
    }
    char *sort = sv_sort_text(&s->v);
    char *msg = xasprintf("%zu 行 %zu 列%s%s；数据截至 %s（%.1f ms）", s->v.nrows, s->v.ncols,
                          *sort ? "；" : "", sort, s->as_of && *s->as_of ? s->as_of : "未知",
                          s->ms);
    app_set_count(a, msg);
    free(msg);
    free(sort);
}

static void on_result(void *st, app *a, stat_table *t, double ms, int rc, const char *err)
{
    stats_pane *s = st;
    if (rc < 0) {
        statq_table_free(t);
        drop_table(s);
        sv_clear(&s->v);
        set_problem(s, err ? err : "查询失败");
        set_count(s, a);
        return;
    }
    drop_table(s);
    s->t = *t;
    s->have_t = 1;
    s->ms = ms;
    s->rows = s->next_rows;
    s->cols = s->next_cols;
    s->pinned = s->next_pinned;
    free(s->where);
    s->where = s->next_where ? xstrdup(s->next_where) : NULL;
    s->script = app_script(a);
    set_problem(s, NULL);
    fill_view(s);
    set_count(s, a);
}

/* ---- what is typed ------------------------------------------------------------------------- */

/* The first and last day of a year (1949..2100). */
static void year_days(int year, char first[11], char last[11])
{
    unsigned y = (unsigned)year % 10000u;
    if (first)
        snprintf(first, 11, "%04u-01-01", y);
    if (last)
        snprintf(last, 11, "%04u-12-31", y);
}

/* A year range (2019-2021, 2019至2021, 2019—2021, 2019~2021): 1 and the bounds. */
static int year_range(const char *tok, char from[11], char to[11])
{
    int y1, y2, n = 0;
    char sep[16];
    if (sscanf(tok, "%4d%15[^0-9]%4d%n", &y1, sep, &y2, &n) != 3 || tok[n])
        return 0;
    if (strcmp(sep, "-") && strcmp(sep, "~") && strcmp(sep, "至") && strcmp(sep, "到") &&
        strcmp(sep, "—") && strcmp(sep, "－") && strcmp(sep, "年至") && strcmp(sep, "年-"))
        return 0;
    if (y1 < 1949 || y2 > 2100 || y1 > y2)
        return 0;
    year_days(y1, from, NULL);
    year_days(y2, NULL, to);
    return 1;
}

/* A period or a range of years: fills the selection's period. */
static int period_token(const char *tok, ssel *q)
{
    char from[11], to[11];
    if (year_range(tok, from, to)) {
        memcpy(q->from, from, 11);
        memcpy(q->to, to, 11);
        return 1;
    }
    stat_period p;
    if (!stat_period_parse(tok, &p))
        return 0;
    if (p.type == SP_YEAR) { /* 2021: whatever periods 2021 has */
        memcpy(q->from, p.start, 11);
        memcpy(q->to, p.end, 11);
    } else { /* 2021年3月: that month exactly */
        q->ptype = p.type;
        q->ptype_set = 1;
        memcpy(q->from, p.end, 11);
        memcpy(q->to, p.end, 11);
    }
    return 1;
}

/* A region by its name or short name (北京市, 北京), else -1. */
static int region_named(const stats_pane *s, const char *tok)
{
    if (!strcmp(tok, "全国") || !strcmp(tok, "全國"))
        return reg_by_code(s, STAT_NATIONAL) ? (int)(reg_by_code(s, STAT_NATIONAL) - s->regs) : -1;
    for (size_t i = 0; i < s->nregs; i++)
        if (!strcmp(s->regs[i].name, tok) || (s->regs[i].core && !strcmp(s->regs[i].core, tok)) ||
            (s->regs[i].shortn && !strcmp(s->regs[i].shortn, tok)))
            return (int)i;
    return -1;
}

/* The longest region name inside tok: its index, *at and *len its bytes; -1 when none. */
static int region_inside(const stats_pane *s, const char *tok, size_t *at, size_t *len)
{
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < s->nregs; i++) {
        const char *names[4] = {s->regs[i].name, s->regs[i].core, s->regs[i].shortn,
                                !strcmp(s->regs[i].code, STAT_NATIONAL) ? "全国" : NULL};
        for (int k = 0; k < 4; k++) {
            if (!names[k] || u8_count(names[k], strlen(names[k])) < 2)
                continue;
            const char *p = strstr(tok, names[k]);
            if (p && strlen(names[k]) > best_len) {
                best = (int)i;
                best_len = strlen(names[k]);
                *at = (size_t)(p - tok);
            }
        }
    }
    *len = best_len;
    return best;
}

/* Indicators matching text: exact (code, name, alias), else those whose name holds it.
 * Returns how many were added. */
static size_t match_indicators(stats_pane *s, app *a, const char *text, ssel *q)
{
    stat_ind one;
    int got = statq_indicator(app_db(a)->h, text, &one);
    if (got > 0) {
        sel_add_ind(q, one.code);
        statq_ind_free(&one);
        return 1;
    }
    size_t n = 0;
    for (size_t i = 0; i < s->ninds; i++)
        if (strstr(s->inds[i].name, text)) {
            sel_add_ind(q, s->inds[i].code);
            n++;
        }
    return n;
}

/* A period written at the start or the end of tok (2021年北京, 北京2021): removes it. */
static int strip_period(char *tok, ssel *q)
{
    size_t len = strlen(tok);
    for (size_t i = 0; i < len; i = u8_next(tok, len, i)) {
        if (i && period_token(tok + i, q)) {
            tok[i] = '\0';
            return 1;
        }
    }
    for (size_t i = len; i > 0; i = u8_prev(tok, i)) {
        char *head = xstrndup(tok, i);
        int ok = i < len && period_token(head, q);
        free(head);
        if (ok) {
            memmove(tok, tok + i, len - i + 1);
            return 1;
        }
    }
    return 0;
}

static int is_children_word(const char *tok)
{
    static const char *const words[] = {"下级", "各地", "所辖", "各省", "各省份", "分省",
                                        "各市", "各区县", "各县", "下属"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(tok, words[i]))
            return 1;
    return 0;
}

/* A region by the 地名 look-up (pinyin, other names): its code if it has values. */
static int region_by_place(stats_pane *s, app *a, const char *tok, char code[CODE_BUF])
{
    place_opts o = PLACE_OPTS_INIT;
    o.limit = 3;
    o.include_ended = 0;
    place_result r;
    char *err = NULL;
    if (place_lookup(app_db(a), tok, &o, &r, &err) != 0) {
        free(err);
        return 0;
    }
    int found = 0;
    for (size_t i = 0; i < r.n && !found; i++) {
        if (reg_by_code(s, r.hits[i].code)) {
            snprintf(code, CODE_BUF, "%s", r.hits[i].code);
            found = 1;
            continue;
        }
        size_t n = 0;
        for (int t = SP_MONTH; t <= SP_YEAR && !n; t++) {
            stat_period *p = NULL;
            char *e = NULL;
            if (statq_periods(app_db(a)->h, NULL, r.hits[i].code, (enum stat_ptype)t, &p, &n,
                              &e) != 0) {
                free(e);
                n = 0;
            }
            free(p);
        }
        if (n) {
            snprintf(code, CODE_BUF, "%s", r.hits[i].code);
            found = 1;
        }
    }
    place_result_free(&r);
    return found;
}

/* Reads what is typed into q. Returns 0, or -1 with *why for the status line. */
static int parse(stats_pane *s, app *a, const char *text, ssel *q, char **why)
{
    char *norm = u8_normalize_input(text, strlen(text));
    int children = 0, rc = 0;
    for (char *save = NULL, *tok = strtok_r(norm, " ", &save); tok && rc == 0;
         tok = strtok_r(NULL, " ", &save)) {
        if (period_token(tok, q))
            continue;
        int r = region_named(s, tok);
        if (r >= 0) {
            sel_add_reg(q, s->regs[r].code);
            continue;
        }
        if (is_children_word(tok)) {
            children = 1;
            continue;
        }
        if (match_indicators(s, a, tok, q))
            continue;
        /* Written together: 北京城市低保人数2021. */
        char *rest = xstrdup(tok);
        size_t at, len;
        int found = 0;
        if ((r = region_inside(s, rest, &at, &len)) >= 0) {
            sel_add_reg(q, s->regs[r].code);
            memmove(rest + at, rest + at + len, strlen(rest + at + len) + 1);
            found = 1;
        }
        found |= strip_period(rest, q);
        if (*rest && found && match_indicators(s, a, rest, q))
            ;
        else if (*rest && found && is_children_word(rest))
            children = 1;
        else if (*rest) {
            char code[CODE_BUF];
            if (!found && region_by_place(s, a, rest, code)) {
                sel_add_reg(q, code);
            } else {
                *why = xasprintf("不认识“%s”：不是指标、地区或时期（F4 可从列表选）", rest);
                rc = -1;
            }
        }
        free(rest);
    }
    if (children && q->nregs) {
        snprintf(q->parent, sizeof q->parent, "%s", q->regs[q->nregs - 1]);
        for (size_t i = 0; i < q->nregs; i++)
            free(q->regs[i]);
        q->nregs = 0;
    }
    free(norm);
    return rc;
}

static void clear_back(stats_pane *s)
{
    for (int i = 0; i < s->nback; i++)
        sel_free(&s->back[i]);
    s->nback = 0;
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    stats_pane *s = st;
    load(s, a);
    if (!s->ninds)
        return;
    if (submitted && s->query && !strcmp(s->query, text) && s->have_t)
        return;
    free(s->query);
    s->query = xstrdup(text);
    s->picking = 0;
    char *norm = u8_normalize_input(text, strlen(text));
    int empty = !*norm;
    free(norm);
    if (empty)
        return; /* the table stays */
    ssel q;
    memset(&q, 0, sizeof q);
    snprintf(q.parent, sizeof q.parent, "%s", STAT_NATIONAL);
    char *why = NULL;
    if (parse(s, a, text, &q, &why) != 0) {
        app_message(a, 1, "%s", why);
        free(why);
        sel_free(&q);
        return;
    }
    /* Without an indicator the ones shown stay: 北京 shows them for 北京. */
    for (size_t i = 0; !q.ninds && i < s->sel.ninds; i++)
        sel_add_ind(&q, s->sel.inds[i]);
    if (!q.ninds) {
        app_message(a, 1, "先输入指标（如 城市低保人数），或按 F4 从列表选");
        sel_free(&q);
        return;
    }
    clear_back(s);
    sel_free(&s->sel);
    s->sel = q;
    s->have_sel = 1;
    ask(s, a);
}

/* Another pane (搜索's 统计 group) opens an indicator: its table for 全国 and the regions
 * under it, as picking it from a fresh indicator list shows it; the modes stay. */
void pane_stats_open(void *st, app *a, const char *indicator_code)
{
    stats_pane *s = st;
    load(s, a);
    if (!s->ninds)
        return; /* the pane says there are no statistics */
    const stat_ind *d = ind_by_code(s, indicator_code);
    if (!d) {
        app_message(a, 1, "这个指标没有数值");
        return;
    }
    s->picking = 0;
    free_items(s);
    clear_back(s);
    sel_free(&s->sel);
    snprintf(s->sel.parent, sizeof s->sel.parent, "%s", STAT_NATIONAL);
    sel_add_ind(&s->sel, d->code);
    s->have_sel = 1;
    set_problem(s, NULL);
    sv_clear(&s->v);
    /* The input line names what is shown, so typing goes on from it. */
    free(s->query);
    s->query = u8_sanitize(d->name, strlen(d->name), 0);
    app_set_input(a, s->query);
    ask(s, a);
}

/* ---- drilling and going back --------------------------------------------------------------- */

static void push(stats_pane *s)
{
    if (!s->have_sel)
        return;
    if (s->nback == BACK_MAX) {
        sel_free(&s->back[0]);
        memmove(s->back, s->back + 1, (BACK_MAX - 1) * sizeof *s->back);
        s->nback--;
    }
    ssel *b = &s->back[s->nback++];
    sel_copy(b, &s->sel);
    free(b->focus);
    b->focus = s->have_t && s->v.nrows ? xstrdup(s->t.row_keys[sv_table_row(&s->v, s->v.row)]) : NULL;
}

static int go_back(stats_pane *s, app *a)
{
    if (!s->nback)
        return PR_IGNORED;
    sel_free(&s->sel);
    s->sel = s->back[--s->nback];
    memset(&s->back[s->nback], 0, sizeof s->back[s->nback]);
    free(s->focus);
    s->focus = s->sel.focus;
    s->sel.focus = NULL;
    s->have_sel = 1;
    sv_clear(&s->v); /* another table: the cursor starts afresh */
    ask(s, a);
    return PR_HANDLED;
}

/* The parent a region's ranking is among: its parent as listed, else by its code, else
 * 全国. */
static void parent_of(const stats_pane *s, const char *code, char out[CODE_BUF])
{
    const sregion *r = reg_by_code(s, code);
    char p[DIV_BUF];
    if (r && *r->parent)
        snprintf(out, CODE_BUF, "%s", r->parent);
    else if (strcmp(code, STAT_NATIONAL) && div_parent(code, 0, p) > 0 && *p)
        snprintf(out, CODE_BUF, "%s", p);
    else
        snprintf(out, CODE_BUF, "%s", STAT_NATIONAL);
}

static int has_subregions(stats_pane *s, app *a, const char *code)
{
    for (size_t i = 0; i < s->sel.ninds; i++) {
        char **codes = NULL, *err = NULL;
        size_t n = 0;
        if (statq_regions(app_db(a)->h, s->sel.inds[i], code, &codes, &n, &err) != 0) {
            free(err);
            continue;
        }
        free_codes(codes, n);
        if (n)
            return 1;
    }
    return 0;
}

/* Enter on a row (or the cursor's column when the columns are what one drills into). */
static int drill(stats_pane *s, app *a)
{
    if (!s->have_t || !s->v.nrows)
        return PR_IGNORED;
    enum stat_axis axis = s->rows;
    const char *key = s->t.row_keys[sv_table_row(&s->v, s->v.row)];
    char k[64];
    snprintf(k, sizeof k, "%s", key);
    push(s);
    ssel *q = &s->sel;
    if (axis == SA_REGION) {
        int is_total = s->pinned && sv_table_row(&s->v, s->v.row) == 0;
        for (size_t i = 0; i < q->nregs; i++)
            free(q->regs[i]);
        q->nregs = 0;
        if (!is_total && has_subregions(s, a, k)) {
            snprintf(q->parent, sizeof q->parent, "%.15s", k);
        } else {
            sel_add_reg(q, k);
        }
    } else if (axis == SA_PERIOD) {
        /* The period's ranking among the region's peers. */
        stat_period p;
        const char *region = q->nregs == 1 ? q->regs[0] : STAT_NATIONAL;
        if (!stat_period_parse(k, &p)) {
            /* Keys are written by the engine; a label parses too. */
            if (!stat_period_parse(s->t.row_labels[sv_table_row(&s->v, s->v.row)], &p)) {
                sel_free(&s->back[--s->nback]);
                return PR_HANDLED;
            }
        }
        parent_of(s, region, q->parent);
        for (size_t i = 0; i < q->nregs; i++)
            free(q->regs[i]);
        q->nregs = 0;
        q->ptype = p.type;
        q->ptype_set = 1;
        memcpy(q->from, p.end, 11);
        memcpy(q->to, p.end, 11);
    } else {
        for (size_t i = 0; i < q->ninds; i++)
            free(q->inds[i]);
        q->ninds = 0;
        sel_add_ind(q, k);
    }
    s->modes.transpose = 0;
    sv_clear(&s->v);
    ask(s, a);
    return PR_HANDLED;
}

/* ---- the picker ---------------------------------------------------------------------------- */

static void add_item(stats_pane *s, size_t *cap, char *text, const char *code, int current)
{
    s->items = xgrow(s->items, cap, s->nitems + 1, sizeof *s->items);
    pitem *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->text = text;
    it->code = code ? xstrdup(code) : NULL;
    it->current = current;
}

static int sel_has_ind(const ssel *q, const char *code)
{
    for (size_t i = 0; i < q->ninds; i++)
        if (!strcmp(q->inds[i], code))
            return 1;
    return 0;
}

/* s padded with spaces to cols display columns (cut with '>' when wider). */
static char *pad_to(const char *s, int cols)
{
    char *fit = u8_truncate(s, strlen(s), (size_t)(cols > 0 ? cols : 0), ">");
    int pad = cols - (int)u8_width(fit, strlen(fit));
    char *out = xasprintf("%s%*s", fit, pad > 0 ? pad : 0, "");
    free(fit);
    return out;
}

static void items_indicators(stats_pane *s, size_t *cap)
{
    int namew = 0;
    for (size_t i = 0; i < s->ninds; i++) {
        int w = (int)u8_width(s->inds[i].name, strlen(s->inds[i].name));
        if (w > namew)
            namew = w;
    }
    if (namew > 28)
        namew = 28;
    for (size_t i = 0; i < s->ninds; i++) {
        const stat_ind *d = &s->inds[i];
        char *name = shown(s, d->name);
        char *fit = pad_to(name, namew);
        char *unit = pad_to(d->unit.name, 10);
        char *text = xasprintf("%s  %s %s，%ld 个数值", fit, unit, stat_measure_label(d->measure),
                               d->nvalues);
        add_item(s, cap, text, d->code, sel_has_ind(&s->sel, d->code));
        free(name);
        free(fit);
        free(unit);
    }
}

static void items_regions(stats_pane *s, size_t *cap)
{
    const ssel *q = &s->sel;
    for (size_t i = 0; i < s->nregs; i++) {
        const sregion *r = &s->regs[i];
        int top = !strcmp(r->code, STAT_NATIONAL);
        if (*r->parent && strcmp(r->parent, STAT_NATIONAL) && reg_by_code(s, r->parent))
            continue; /* a listed region's subregions: by Enter in its table, or typed */
        char *name = shown(s, r->name);
        int one = q->nregs == 1 && !strcmp(q->regs[0], r->code);
        int under = !q->nregs && !strcmp(*q->parent ? q->parent : STAT_NATIONAL, r->code);
        /* 全国 first with its provinces, then each province and its subregions. */
        if (top) {
            add_item(s, cap, xstrdup("全国和各地（省级，及上级无数字的地区）"), r->code, under);
            s->items[s->nitems - 1].children = 1;
            add_item(s, cap, xstrdup("全国（各期）"), r->code, one);
        } else {
            add_item(s, cap, xasprintf("%s（各期）", name), r->code, one);
            int has = 0;
            for (size_t k = 0; k < s->nregs; k++)
                has |= !strcmp(s->regs[k].parent, r->code);
            if (has) {
                add_item(s, cap, xasprintf("%s和所辖地区", name), r->code, under);
                s->items[s->nitems - 1].children = 1;
            }
        }
        free(name);
    }
}

static const char *ptype_word(enum stat_ptype t)
{
    static const char *const w[] = {"月度", "季度", "半年度", "年度"};
    return (unsigned)t <= SP_YEAR ? w[t] : "";
}

static void items_periods(stats_pane *s, app *a, size_t *cap)
{
    const ssel *q = &s->sel;
    const char *ind = q->ninds ? q->inds[0] : NULL;
    char *const *regs = s->req_regs;
    size_t nregs = s->nreq_regs;
    char from[11], to[11];
    memcpy(from, s->sel.from, 11);
    memcpy(to, s->sel.to, 11);
    s->sel.from[0] = s->sel.to[0] = '\0'; /* every period, not only those in range */
    static const enum stat_ptype order[] = {SP_YEAR, SP_HALF, SP_QUARTER, SP_MONTH};
    for (size_t t = 0; t < 4; t++) {
        size_t n;
        stat_period *p = periods_over(s, a, ind, regs, nregs, order[t], &n);
        if (n) {
            char l0[32], l1[32];
            stat_period_label(&p[0], l0);
            stat_period_label(&p[n - 1], l1);
            char *text = n == 1 ? xasprintf("%s数据：%s", ptype_word(order[t]), l0)
                                : xasprintf("%s数据：%zu 期，%s至%s", ptype_word(order[t]), n,
                                            l0, l1);
            add_item(s, cap, text, NULL, q->ptype == order[t] && !*from && !*to);
            s->items[s->nitems - 1].ptype = order[t];
        }
        free(p);
    }
    /* The years of the current type, newest first. */
    size_t n;
    stat_period *p = periods_over(s, a, ind, regs, nregs, q->ptype, &n);
    int last = 0;
    for (size_t i = n; i-- > 0;) {
        if (p[i].year == last)
            continue;
        last = p[i].year;
        char y0[11], y1[11];
        year_days(last, y0, y1);
        int current = !strcmp(from, y0) && !strcmp(to, y1);
        char *text = q->ptype == SP_YEAR ? xasprintf("%d年", last)
                                         : xasprintf("%d年%s数据", last, ptype_word(q->ptype));
        add_item(s, cap, text, NULL, current);
        pitem *it = &s->items[s->nitems - 1];
        it->kind = 1;
        it->ptype = q->ptype;
        it->year = last;
    }
    free(p);
    memcpy(s->sel.from, from, 11);
    memcpy(s->sel.to, to, 11);
}

static void open_tab(stats_pane *s, app *a, int tab)
{
    free_items(s);
    size_t cap = 0;
    s->tab = (tab % NTABS + NTABS) % NTABS;
    if (s->tab == TAB_IND)
        items_indicators(s, &cap);
    else if (s->tab == TAB_REGION)
        items_regions(s, &cap);
    else
        items_periods(s, a, &cap);
    s->psel = s->ptop = 0;
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].current) {
            s->psel = i;
            break;
        }
    s->picking = 1;
}

static void pick(stats_pane *s, app *a)
{
    if (s->psel >= s->nitems)
        return;
    const pitem *it = &s->items[s->psel];
    push(s);
    ssel *q = &s->sel;
    if (!s->have_sel) {
        memset(q, 0, sizeof *q);
        snprintf(q->parent, sizeof q->parent, "%s", STAT_NATIONAL);
        s->have_sel = 1;
    }
    if (s->tab == TAB_IND) {
        for (size_t i = 0; i < q->ninds; i++)
            free(q->inds[i]);
        q->ninds = 0;
        sel_add_ind(q, it->code);
        q->ptype_set = 0;
    } else if (s->tab == TAB_REGION) {
        for (size_t i = 0; i < q->nregs; i++)
            free(q->regs[i]);
        q->nregs = 0;
        if (it->children)
            snprintf(q->parent, sizeof q->parent, "%s", it->code);
        else
            sel_add_reg(q, it->code);
        q->ptype_set = 0;
    } else if (it->kind == 0) {
        q->ptype = it->ptype;
        q->ptype_set = 1;
        q->from[0] = q->to[0] = '\0';
    } else {
        q->ptype = it->ptype;
        q->ptype_set = 1;
        year_days(it->year, q->from, q->to);
    }
    s->picking = 0;
    free_items(s);
    ask(s, a);
}

/* ---- drawing ------------------------------------------------------------------------------- */

typedef struct {
    char *text;
    enum attr_kind at;
    int prio;  /* 1 kept first */
} fline;

typedef struct {
    fline v[16];
    int n;
} flines;

static void fl_add(flines *f, int prio, enum attr_kind at, char *text)
{
    if (f->n < 16)
        f->v[f->n++] = (fline){text, at, prio};
    else
        free(text);
}

/* Wraps text into at most max lines of width columns, each added with its prio. */
static void fl_wrap(flines *f, int prio, int more_prio, enum attr_kind at, const char *text,
                    int width, int max)
{
    u8_line_t *lines;
    size_t n = u8_wrap(text, strlen(text), (size_t)(width > 1 ? width : 1), &lines);
    for (size_t i = 0; i < n && (int)i < max; i++) {
        size_t len = lines[i].end - lines[i].start;
        int last = (int)i == max - 1 && i + 1 < n;
        char *t = xstrndup(text + lines[i].start, len);
        if (last) { /* more than fits: cut with a marker */
            char *rest = xasprintf("%s%s", t, text + lines[i].end);
            free(t);
            t = u8_truncate(rest, strlen(rest), (size_t)width, ">");
            free(rest);
        }
        fl_add(f, i ? more_prio : prio, at, t);
    }
    free(lines);
}

static void fl_free(flines *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->v[i].text);
    f->n = 0;
}

/* The footnote: the table's notes, then the cell under the cursor with its source, how it
 * was derived and what was flagged. */
static void footnote(stats_pane *s, flines *f, int width)
{
    for (size_t i = 0; i < s->t.nnotes; i++) {
        char *n = shown(s, s->t.notes[i]);
        char *t = xasprintf("注：%s", n);
        fl_wrap(f, i ? 4 : 2, 5, AT_WARN, t, width, 2);
        free(t);
        free(n);
    }
    if (!s->v.nrows)
        return;
    size_t tr = sv_table_row(&s->v, s->v.row);
    const char *rl = s->v.row_labels[tr];
    const stat_cell *c = current_cell(s);
    if (!c) {
        char *t = xasprintf("%s（%s；s 按此列排序，Enter 展开）", rl, axis_word(s->rows));
        fl_wrap(f, 1, 3, AT_NORMAL, t, width, 2);
        free(t);
        return;
    }
    const char *cl = s->v.col_labels[s->v.col];
    const char *unit = s->v.col_units[s->v.col];
    char *t;
    if (!c->present) {
        t = xasprintf("%s，%s：无数据", rl, cl);
    } else {
        char buf[48];
        statq_format_value(c, buf);
        char *raw = c->raw && !c->derived ? shown(s, c->raw) : NULL;
        char *u = shown(s, unit && *unit ? unit : c->unit.name);
        t = xasprintf("%s，%s：%s %s%s%s%s", rl, cl, buf, u, raw ? "（原文 " : "", raw ? raw : "",
                      raw ? "）" : "");
        free(u);
        free(raw);
    }
    fl_wrap(f, 1, 3, AT_NORMAL, t, width, 2);
    free(t);
    if (!c->present)
        return;
    if (c->derivation && *c->derivation) {
        char *d = shown(s, c->derivation);
        t = xasprintf("* %s", d);
        fl_wrap(f, 2, 5, AT_DIM, t, width, 2);
        free(t);
        free(d);
    }
    if (c->flags && *c->flags) {
        char *d = shown(s, c->flags);
        t = xasprintf("! %s", d);
        fl_wrap(f, 2, 5, AT_WARN, t, width, 2);
        free(t);
        free(d);
    }
    /* The source without the derivation and the flags: they have their lines above. */
    stat_cell bare = *c;
    bare.derivation = NULL;
    bare.flags = NULL;
    char *src = statq_cell_source(&bare);
    char *clean = shown(s, src);
    fl_wrap(f, 1, 3, AT_DIM, clean, width, 2);
    free(clean);
    free(src);
}

/* Keeps the lines of the best priorities that fit in max rows, in their order. */
static int fl_fit(flines *f, int max)
{
    int keep[16] = {0}, n = 0;
    for (int p = 1; p <= 5 && n < max; p++)
        for (int i = 0; i < f->n && n < max; i++)
            if (f->v[i].prio == p && !keep[i]) {
                keep[i] = 1;
                n++;
            }
    int w = 0;
    for (int i = 0; i < f->n; i++) {
        if (keep[i])
            f->v[w++] = f->v[i];
        else
            free(f->v[i].text);
    }
    f->n = w;
    return w;
}

/* The pane's first line: the table's title, and the modes on the right. */
static void draw_header(stats_pane *s, const rect *r)
{
    const char *change = s->modes.change == SC_YOY ? "同比" : s->modes.change == SC_POP ? "环比" : "原值";
    char *state = xasprintf("[%s] [月/年%s]%s", change, s->modes.convert ? "换算" : "不换算",
                            s->chart ? " [图]" : "");
    int sw = (int)u8_width(state, strlen(state));
    if (sw > r->w / 3) { /* narrow: the title first, the modes short */
        free(state);
        state = xasprintf("[%s]%s%s", change, s->modes.convert ? "[换算]" : "", s->chart ? "[图]" : "");
        sw = (int)u8_width(state, strlen(state));
    }
    char *full = s->where ? xasprintf("%s；%s", s->t.title ? s->t.title : "", s->where)
                          : xstrdup(s->t.title ? s->t.title : "");
    char *title = shown(s, full);
    free(full);
    int room = r->w - 2 - sw - 2;
    if (room < 8) {
        draw_text(r->y, r->x + 1, r->w - 2, title, strlen(title), AT_HEADER, NULL, AT_HEADER, 1);
    } else {
        draw_text(r->y, r->x + 1, room, title, strlen(title), AT_HEADER, NULL, AT_HEADER, 1);
        draw_str(r->y, r->x + r->w - 1 - sw, sw, state, AT_DIM);
    }
    free(title);
    free(state);
}

static void draw_footer(flines *f, const rect *r, int rows)
{
    for (int i = 0; i < f->n; i++) {
        int y = r->y + r->h - rows + i;
        draw_text(y, r->x + 1, r->w - 2, f->v[i].text, strlen(f->v[i].text), f->v[i].at, NULL,
                  f->v[i].at, 1);
    }
}

/* Rows left for the footnote at a pane height. */
static int footer_budget(int h)
{
    return h >= 30 ? 7 : h >= 16 ? 4 : h >= 10 ? 2 : h >= 7 ? 1 : 0;
}

/* The label column of display row i at y. */
static void draw_label(stats_pane *s, int y, int x, size_t i, int sel)
{
    size_t tr = sv_table_row(&s->v, i);
    const char *l = s->v.row_labels[tr];
    enum attr_kind at = sel ? (s->v.col == SV_LABEL_COL ? AT_SEL_HL : AT_SEL)
                            : tr < s->v.npinned ? AT_HEADER : AT_NORMAL;
    draw_text(y, x, s->v.label_w, l, strlen(l), at, NULL, at, 1);
}

static void draw_table(stats_pane *s, const rect *r, int body, int y0)
{
    statview *v = &s->v;
    int x0 = r->x + 1;
    int first, end;
    sv_visible(v, &first, &end);
    /* Headers: labels and units; < and > where columns are hidden. */
    draw_str(y0, x0, v->label_w, v->corner, v->col == SV_LABEL_COL ? AT_SEL_HL : AT_HEADER);
    for (int c = first; c < end; c++) {
        int w;
        int x = sv_col_x(v, c, &w);
        if (x < 0)
            continue;
        for (int line = 0; line < 2; line++) {
            char *h = sv_header_text(v, c, line);
            enum attr_kind at = c == v->col ? AT_SEL_HL : line ? AT_DIM : AT_HEADER;
            draw_text(y0 + line, x0 + x, w, h, strlen(h), at, NULL, at, 0);
            free(h);
        }
    }
    if (first > 0)
        draw_str(y0, x0 + v->label_w, 1, "<", AT_DIM);
    if (end < (int)v->ncols) {
        int w, x = sv_col_x(v, end - 1, &w);
        int at = x >= 0 && x + w + 1 < v->width ? x + w + 1 : v->width - 1;
        draw_str(y0, x0 + at, 1, ">", AT_DIM);
    }
    for (int i = 0; i < body; i++) {
        size_t dr = v->top + (size_t)i;
        if (dr >= v->nrows)
            break;
        int y = y0 + 2 + i;
        int sel = dr == v->row;
        if (sel)
            draw_fill(y, r->x, r->w, AT_SEL);
        draw_label(s, y, x0, dr, sel);
        for (int c = first; c < end; c++) {
            int w;
            int x = sv_col_x(v, c, &w);
            if (x < 0)
                continue;
            const sv_cell *cell = sv_cell_at(v, dr, c);
            char *t = sv_cell_text(v, dr, c);
            enum attr_kind at = sel && c == v->col ? AT_SEL_HL
                                : sel                ? AT_SEL
                                : cell->flagged      ? AT_WARN
                                : !cell->present     ? AT_DIM
                                                     : AT_NORMAL;
            draw_text(y, x0 + x, w, t, strlen(t), at, NULL, at, 0);
            free(t);
        }
    }
}

/* Bars of the cursor's column, one row per table row; for a series (rows are periods) a
 * sparkline per column above them, and for regions × periods each row's trend. */
static void draw_chart(stats_pane *s, app *a, const rect *r, int body, int y0)
{
    statview *v = &s->v;
    int uni = app_config(a)->borders == CONFIG_BORDERS_UNICODE;
    int x0 = r->x + 1, width = r->w - 2;
    int c = v->col >= 0 ? v->col : 0;
    if (!v->ncols) {
        draw_str(y0, x0, width, "没有可画的列", AT_DIM);
        return;
    }
    const char *unit = v->col_units[c];
    char *what = xasprintf("条形图：%s%s%s%s（左右键换列，v 回到表格）", v->col_labels[c],
                           unit && *unit ? "（" : "", unit && *unit ? unit : "",
                           unit && *unit ? "）" : "");
    draw_text(y0, x0, width, what, strlen(what), AT_DIM, NULL, AT_DIM, 1);
    free(what);
    int y = y0 + 1;
    int lw = v->label_w;
    /* A series: each column's sparkline over the periods, oldest first. */
    if (s->rows == SA_PERIOD && v->nrows > 1) {
        int slw = lw;
        for (size_t k = 0; k < v->ncols; k++) {
            int w = (int)u8_width(v->col_labels[k], strlen(v->col_labels[k]));
            if (w > slw)
                slw = w;
        }
        if (slw > width / 3)
            slw = width / 3 > lw ? width / 3 : lw;
        int nspark = (int)v->ncols < 3 ? (int)v->ncols : 3;
        if (body - nspark < 3)
            nspark = body > 4 ? 1 : 0;
        double *vals = xcalloc(v->nrows, sizeof *vals);
        unsigned char *pr = xcalloc(v->nrows, 1);
        for (int k = 0; k < nspark; k++) {
            int col = nspark == (int)v->ncols ? k : (c + k) % (int)v->ncols;
            size_t last = 0;
            int have = 0;
            double mn = 0, mx = 0;
            for (size_t i = 0; i < v->nrows; i++) {
                const sv_cell *x = &v->cells[i * v->ncols + (size_t)col];
                vals[i] = x->value;
                pr[i] = x->present;
                if (x->present) {
                    if (!have || x->value < mn)
                        mn = x->value;
                    if (!have || x->value > mx)
                        mx = x->value;
                    have = 1;
                    last = i;
                }
            }
            int sw = width - slw - 2 - 30;
            if (sw > (int)v->nrows)
                sw = (int)v->nrows;
            if (sw < 4)
                sw = 4;
            char *sp = sc_spark(vals, pr, v->nrows, sw, uni);
            draw_text(y, x0, slw, v->col_labels[col], strlen(v->col_labels[col]), AT_HEADER, NULL,
                      AT_HEADER, 1);
            draw_str(y, x0 + slw + 2, width - slw - 2, sp, AT_GOOD);
            if (have) {
                /* min, max and the latest in the column's own text */
                const char *tmin = "", *tmax = "", *tlast = v->cells[last * v->ncols + (size_t)col].text;
                for (size_t i = 0; i < v->nrows; i++) {
                    const sv_cell *x = &v->cells[i * v->ncols + (size_t)col];
                    if (x->present && x->value == mn && !*tmin)
                        tmin = x->text;
                    if (x->present && x->value == mx && !*tmax)
                        tmax = x->text;
                }
                char *mm = xasprintf("最低 %s 最高 %s 最新 %s", tmin, tmax, tlast);
                int xx = x0 + slw + 2 + (int)u8_width(sp, strlen(sp)) + 2;
                if (xx < x0 + width)
                    draw_str(y, xx, x0 + width - xx, mm, AT_DIM);
                free(mm);
            }
            free(sp);
            y++;
        }
        free(vals);
        free(pr);
        body -= nspark;
    }
    /* Each row's trend across the columns when they are periods. */
    int trend = s->cols == SA_PERIOD && v->ncols > 1;
    int valw = v->col_w[c];
    int tw = trend ? ((int)v->ncols < 12 ? (int)v->ncols : 12) : 0;
    int barw = width - lw - 1 - valw - 1 - (trend ? tw + 2 : 0);
    if (barw < 6 && trend) {
        trend = 0;
        barw = width - lw - 1 - valw - 1;
    }
    if (barw < 1)
        barw = 1;
    sc_scale sc;
    sc_scale_init(&sc, barw);
    /* The pinned total (全国 above its provinces) would dwarf the others: it is shown
     * without a bar, off the scale. */
    for (size_t i = 0; i < v->nrows; i++) {
        const sv_cell *x = sv_cell_at(v, i, c);
        if (x->present && sv_table_row(v, i) >= v->npinned)
            sc_scale_add(&sc, x->value);
    }
    sv_keep_visible(v, body);
    double *vals = xcalloc(v->ncols, sizeof *vals);
    unsigned char *pr = xcalloc(v->ncols, 1);
    for (int i = 0; i < body; i++) {
        size_t dr = v->top + (size_t)i;
        if (dr >= v->nrows)
            break;
        int sel = dr == v->row;
        if (sel)
            draw_fill(y, r->x, r->w, AT_SEL);
        draw_label(s, y, x0, dr, sel);
        const sv_cell *x = sv_cell_at(v, dr, c);
        int total = sv_table_row(v, dr) < v->npinned;
        char *bar = total ? pad_to("（合计，不画条）", barw) : sc_bar(&sc, x->value, x->present, uni);
        draw_str(y, x0 + lw + 1, barw, bar, sel ? AT_SEL : total ? AT_DIM : AT_GOOD);
        free(bar);
        char *t = sv_cell_text(v, dr, c);
        enum attr_kind at = sel ? AT_SEL_HL : x->flagged ? AT_WARN : !x->present ? AT_DIM : AT_NORMAL;
        draw_str(y, x0 + lw + 1 + barw + 1, valw, t, at);
        free(t);
        if (trend) {
            size_t tr = sv_table_row(v, dr);
            for (size_t k = 0; k < v->ncols; k++) {
                vals[k] = v->cells[tr * v->ncols + k].value;
                pr[k] = v->cells[tr * v->ncols + k].present;
            }
            char *sp = sc_spark(vals, pr, v->ncols, tw, uni);
            draw_str(y, x0 + lw + 1 + barw + 1 + valw + 2, tw, sp, sel ? AT_SEL : AT_DIM);
            free(sp);
        }
        y++;
    }
    free(vals);
    free(pr);
}

static void draw_lines(const rect *r, const char *const *lines, size_t n, int y)
{
    for (size_t i = 0; i < n && y + (int)i < r->y + r->h; i++)
        draw_str(y + (int)i, r->x + 2, r->w - 4, lines[i], i ? AT_DIM : AT_NORMAL);
}

static void draw_empty(stats_pane *s, const rect *r)
{
    if (s->load_err) {
        const char *lines[] = {"读取统计数据失败：", s->load_err};
        draw_lines(r, lines, 2, r->y + 1);
        return;
    }
    static const char *const lines[] = {
        "这个数据库里没有统计数据（低保、特困、临时救助）。",
        "加载：在 corpus.ini 里写一节 kind = stats 的源（docs/data-formats.md），",
        "再运行 gongkai load --db 数据库 语料目录。演示语料 data/demo 带有示例统计：",
        "  gongkai load --db build/demo.db data/demo    （或 make run）",
    };
    draw_lines(r, lines, sizeof lines / sizeof *lines, r->y + 1);
}

static void draw_welcome(stats_pane *s, const rect *r)
{
    static const char *const lines[] = {
        "输入指标、地区和时期，表格随输入更新，例如：",
        "  城市低保人数                 各省级地区的各期",
        "  低保 北京                    北京的各项低保指标",
        "  农村低保平均保障标准 2021    2021 年各省级地区",
        "F4 选指标、地区、时期（左右键切换，Enter 选定）；Enter 展开一行，Backspace 返回。",
        "左右键换列，s 排序，v 图表，y 原值/同比/环比，m 月/年换算，t 行列互换，",
        "c 复制单元格及来源，C 复制整个表格（TSV）。",
    };
    int y = r->y + 1;
    if (s->problem) {
        char *p = shown(s, s->problem);
        draw_str(y, r->x + 2, r->w - 4, p, AT_WARN);
        free(p);
        y += 2;
    }
    draw_lines(r, lines, sizeof lines / sizeof *lines, y);
}

static void draw_picker(stats_pane *s, const rect *r)
{
    int x = r->x + 1;
    for (int t = 0; t < NTABS; t++) {
        char *l = xasprintf(" %s ", tab_names[t]);
        x += draw_str(r->y, x, r->x + r->w - x, l, t == s->tab ? AT_TAB_ACTIVE : AT_TAB);
        x += 1;
        free(l);
    }
    const char *hint = " 左右键切换  Enter 选定  Esc 返回";
    draw_str(r->y, x, r->x + r->w - x, hint, AT_DIM);
    int h = r->h - 2;
    if (h < 1)
        h = 1;
    if (!s->nitems) {
        draw_str(r->y + 2, r->x + 2, r->w - 4, "（没有可选的项）", AT_DIM);
        return;
    }
    if (s->psel < s->ptop)
        s->ptop = s->psel;
    if (s->psel >= s->ptop + (size_t)h)
        s->ptop = s->psel - (size_t)h + 1;
    for (int i = 0; i < h && s->ptop + (size_t)i < s->nitems; i++) {
        size_t k = s->ptop + (size_t)i;
        int sel = k == s->psel;
        int y = r->y + 1 + i;
        if (sel)
            draw_fill(y, r->x, r->w, AT_SEL);
        const pitem *it = &s->items[k];
        draw_str(y, r->x + 1, 2, it->current ? "*" : " ", sel ? AT_SEL : AT_GOOD);
        draw_text(y, r->x + 3, r->w - 4, it->text, strlen(it->text), sel ? AT_SEL : AT_NORMAL,
                  NULL, AT_NORMAL, 1);
    }
    /* What the indicator under the cursor is. */
    if (s->tab == TAB_IND && s->psel < s->nitems && r->h > 4) {
        const stat_ind *d = ind_by_code(s, s->items[s->psel].code);
        if (d) {
            int code = d->official_code && *d->official_code;
            int note = d->note && *d->note;
            char *t = xasprintf("可用单位 %s%s%s%s%s", d->units, code ? "；统计表代码 " : "",
                                code ? d->official_code : "", note ? "；" : "", note ? d->note : "");
            char *c = shown(s, t);
            draw_text(r->y + r->h - 1, r->x + 1, r->w - 2, c, strlen(c), AT_DIM, NULL, AT_DIM, 1);
            free(c);
            free(t);
        }
    }
    s->view_h = h;
}

static void draw(void *st, app *a, const rect *r)
{
    stats_pane *s = st;
    load(s, a);
    if (!s->ninds) {
        draw_empty(s, r);
        return;
    }
    if (s->picking) {
        draw_picker(s, r);
        return;
    }
    if (!s->have_t) {
        draw_welcome(s, r);
        return;
    }
    if (s->script != app_script(a)) {
        s->script = app_script(a);
        relabel(s);
    }
    draw_header(s, r);
    int width = r->w - 2;
    sv_layout(&s->v, width);
    flines f = {0};
    footnote(s, &f, width);
    int budget = footer_budget(r->h);
    int frows = fl_fit(&f, budget);
    int body = r->h - 1 - (s->chart ? 1 : 2) - frows;
    if (body < 1) {
        body = 1;
        frows = 0;
    }
    s->view_h = body;
    sv_keep_visible(&s->v, body);
    if (s->chart)
        draw_chart(s, a, r, body, r->y + 1);
    else
        draw_table(s, r, body, r->y + 1);
    if (frows)
        draw_footer(&f, r, frows);
    fl_free(&f);
}

/* ---- actions -------------------------------------------------------------------------------- */

static void copy_cell(stats_pane *s, app *a)
{
    const stat_cell *c = current_cell(s);
    if (!c || !c->present) {
        app_message(a, 1, "先把光标移到一个有数值的单元格");
        return;
    }
    char buf[48];
    statq_format_value(c, buf);
    size_t tr = sv_table_row(&s->v, s->v.row);
    char *src = statq_cell_source(c);
    const char *unit = s->v.col_units[s->v.col];
    char *line = xasprintf("%s %s %s：%s %s%s%s（%s）", s->t.title ? s->t.title : "",
                           s->t.row_labels[tr], s->t.col_labels[s->colmap[s->v.col]], buf,
                           unit && *unit ? unit : c->unit.name, c->derived ? "，" : "",
                           c->derived && c->derivation ? c->derivation : "", src);
    docpane_copy(a, line);
    free(line);
    free(src);
}

static void copy_table(stats_pane *s, app *a)
{
    if (!s->have_t) {
        app_message(a, 1, "还没有表格");
        return;
    }
    char *tsv = sv_tsv(&s->v); /* its labels were sanitised for the screen */
    /* Kept in the state directory too: a clipboard may be missing or lose it. */
    int saved = -1;
    char *dir = paths_state_dir();
    if (dir && paths_mkdir_p(dir, 0700) == 0) {
        char *path = xasprintf("%s/last-table.tsv", dir);
        FILE *f = fopen(path, "w");
        if (f) {
            saved = fputs(tsv, f) >= 0 ? 0 : -1;
            if (fclose(f) != 0)
                saved = -1;
        }
        free(path);
    }
    free(dir);
    enum clip_result r = clipboard_copy(tsv);
    const char *file = saved == 0 ? "状态目录下的 last-table.tsv" : NULL;
    if (r == CLIP_NONE && !file)
        app_message(a, 1, "表格未能复制，也未能存入状态目录");
    else if (r == CLIP_NONE)
        app_message(a, 0, "表格（TSV，%zu 行 %zu 列）已存为%s；没有可用的剪贴板", s->v.nrows,
                    s->v.ncols, file);
    else
        app_message(a, 0, "表格（TSV，%zu 行 %zu 列）已%s%s%s", s->v.nrows, s->v.ncols,
                    r == CLIP_TOOL ? "复制到剪贴板" : "发往终端剪贴板", file ? "，并存为" : "",
                    file ? file : "");
    free(tsv);
}

static int picker_action(stats_pane *s, app *a, enum action act)
{
    size_t page = s->view_h > 2 ? (size_t)s->view_h - 1 : 1;
    switch (act) {
    case ACT_UP:
        if (s->psel)
            s->psel--;
        return PR_HANDLED;
    case ACT_DOWN:
        if (s->psel + 1 < s->nitems)
            s->psel++;
        return PR_HANDLED;
    case ACT_PAGE_UP:
        s->psel = s->psel > page ? s->psel - page : 0;
        return PR_HANDLED;
    case ACT_PAGE_DOWN:
        s->psel = s->psel + page < s->nitems ? s->psel + page : s->nitems ? s->nitems - 1 : 0;
        return PR_HANDLED;
    case ACT_FIRST:
        s->psel = 0;
        return PR_HANDLED;
    case ACT_LAST:
        s->psel = s->nitems ? s->nitems - 1 : 0;
        return PR_HANDLED;
    case ACT_OPEN:
        pick(s, a);
        return PR_HANDLED;
    case ACT_FILTER:
    case ACT_COLUMN_RIGHT:
        open_tab(s, a, s->tab + 1);
        return PR_HANDLED;
    case ACT_COLUMN_LEFT:
        open_tab(s, a, s->tab - 1);
        return PR_HANDLED;
    case ACT_BACK:
        s->picking = 0;
        free_items(s);
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

static int action(void *st, app *a, enum action act)
{
    stats_pane *s = st;
    load(s, a);
    if (!s->ninds)
        return PR_IGNORED;
    if (s->picking)
        return picker_action(s, a, act);
    switch (act) {
    case ACT_FILTER:
        open_tab(s, a, s->tab);
        return PR_HANDLED;
    case ACT_BACK:
        return go_back(s, a);
    case ACT_CHANGE:
        s->modes.change = (s->modes.change + 1) % 3;
        app_message(a, 0, "%s", s->modes.change == SC_YOY ? "同比：与上年同期相比（百分比；%指标为百分点）"
                                : s->modes.change == SC_POP ? "环比：与上一期相比（累计数跨年不比）"
                                                            : "原值");
        ask(s, a);
        return PR_HANDLED;
    case ACT_CONVERT_PERIOD:
        s->modes.convert = !s->modes.convert;
        app_message(a, 0, "%s", s->modes.convert ? "月/年换算：允许（元/人月乘 12 为元/人年，换算的单元格标 *）"
                                                 : "月/年换算：不允许（单位不同的数值不并列，见注）");
        ask(s, a);
        return PR_HANDLED;
    case ACT_TRANSPOSE:
        s->modes.transpose = !s->modes.transpose;
        sv_clear(&s->v);
        ask(s, a);
        return PR_HANDLED;
    default:
        break;
    }
    if (!s->have_t)
        return PR_IGNORED;
    int h = s->view_h > 0 ? s->view_h : 1;
    switch (act) {
    case ACT_UP:
        sv_move_row(&s->v, -1);
        return PR_HANDLED;
    case ACT_DOWN:
        sv_move_row(&s->v, 1);
        return PR_HANDLED;
    case ACT_PAGE_UP:
        sv_move_row(&s->v, -(long)(h > 1 ? h - 1 : 1));
        return PR_HANDLED;
    case ACT_PAGE_DOWN:
        sv_move_row(&s->v, h > 1 ? h - 1 : 1);
        return PR_HANDLED;
    case ACT_FIRST:
        sv_first(&s->v);
        return PR_HANDLED;
    case ACT_LAST:
        sv_last(&s->v);
        return PR_HANDLED;
    case ACT_COLUMN_LEFT:
        sv_move_col(&s->v, -1);
        return PR_HANDLED;
    case ACT_COLUMN_RIGHT:
        sv_move_col(&s->v, 1);
        return PR_HANDLED;
    case ACT_SORT:
        sv_sort(&s->v, s->v.col);
        set_count(s, a);
        return PR_HANDLED;
    case ACT_CHART:
        s->chart = !s->chart;
        return PR_HANDLED;
    case ACT_OPEN:
        return drill(s, a);
    case ACT_COPY_CITATION:
        copy_cell(s, a);
        return PR_HANDLED;
    case ACT_COPY_TABLE:
        copy_table(s, a);
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
    out[0] = KM_STATS;
    out[1] = KM_LIST;
    return 2;
}

static int mouse(void *st, app *a, const rect *r, const gk_key *k)
{
    stats_pane *s = st;
    if (!s->ninds)
        return PR_IGNORED;
    if (k->mouse == MOUSE_WHEEL_UP || k->mouse == MOUSE_WHEEL_DOWN) {
        enum action act = k->mouse == MOUSE_WHEEL_DOWN ? ACT_DOWN : ACT_UP;
        for (int i = 0; i < 3; i++)
            action(s, a, act);
        return PR_HANDLED;
    }
    if (k->mouse != MOUSE_CLICK)
        return PR_IGNORED;
    if (s->picking) {
        int i = k->y - r->y - 1;
        if (i < 0 || s->ptop + (size_t)i >= s->nitems)
            return PR_IGNORED;
        size_t at = s->ptop + (size_t)i;
        if (at == s->psel)
            pick(s, a);
        else
            s->psel = at;
        return PR_HANDLED;
    }
    if (!s->have_t || s->chart)
        return PR_IGNORED;
    int i = k->y - r->y - 3;
    if (i < 0 || i >= s->view_h || s->v.top + (size_t)i >= s->v.nrows)
        return PR_IGNORED;
    size_t row = s->v.top + (size_t)i;
    int col = SV_LABEL_COL, x = k->x - r->x - 1;
    for (int c = 0; c < (int)s->v.ncols; c++) {
        int w, cx = sv_col_x(&s->v, c, &w);
        if (cx >= 0 && x >= cx && x < cx + w)
            col = c;
    }
    if (row == s->v.row && col == s->v.col)
        return drill(s, a);
    s->v.row = row;
    s->v.col = col;
    return PR_HANDLED;
}

static void activate(void *st, app *a)
{
    stats_pane *s = st;
    load(s, a);
    app_set_input(a, s->query ? s->query : "");
    set_count(s, a);
    /* The first time: what there is to show. */
    if (s->ninds && !s->have_sel && !s->picking)
        open_tab(s, a, TAB_IND);
}

static const char *prompt(void *st)
{
    (void)st;
    return "指标 地区 时期> ";
}

const pane_ops pane_stats_ops = {
    .name = "stats",
    .show = ACT_PANE_STATS,
    .label = "统计",
    .init = init,
    .done = done,
    .draw = draw,
    .action = action,
    .query = on_query,
    .stat_result = on_result,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
