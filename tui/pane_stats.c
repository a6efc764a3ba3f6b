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
 * connection. The pane's files: this one holds its state, the query flow (what is asked
 * becomes a request, its answer the table), drilling and going back, actions and mouse;
 * tui/statpane_input.c reads what is typed, tui/statpane_pick.c makes the F4 picker's
 * items and picks one, tui/statpane_draw.c draws; tui/statpane.h is what they share. */
#include "statpane.h"

#include "clipboard.h"
#include "divcode.h"
#include "docpane.h"
#include "paths.h"
#include "u8.h"
#include "xalloc.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- small helpers ------------------------------------------------------------------------ */

void sp_sel_free(ssel *s)
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

void sp_sel_add_ind(ssel *s, const char *code)
{
    for (size_t i = 0; i < s->ninds; i++)
        if (!strcmp(s->inds[i], code))
            return;
    if (s->ninds < MAX_SEL)
        s->inds[s->ninds++] = xstrdup(code);
}

void sp_sel_add_reg(ssel *s, const char *code)
{
    for (size_t i = 0; i < s->nregs; i++)
        if (!strcmp(s->regs[i], code))
            return;
    if (s->nregs < MAX_SEL)
        s->regs[s->nregs++] = xstrdup(code);
}

/* Corpus text for the screen: sanitised, in the display script. */
char *sp_shown(const stats_pane *s, const char *text)
{
    char *clean = u8_sanitize(text ? text : "", text ? strlen(text) : 0, 0);
    if (s->script == CONVERT_ORIGINAL)
        return clean;
    char *conv = convert_text(s->script, clean, strlen(clean), NULL);
    free(clean);
    return conv;
}

const stat_ind *sp_ind_by_code(const stats_pane *s, const char *code)
{
    for (size_t i = 0; i < s->ninds; i++)
        if (!strcmp(s->inds[i].code, code))
            return &s->inds[i];
    return NULL;
}

const sregion *sp_reg_by_code(const stats_pane *s, const char *code)
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
    if (sp_reg_by_code(s, code))
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

void sp_load(stats_pane *s, app *a)
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
    sp_sel_free(&s->sel);
    for (int i = 0; i < s->nback; i++)
        sp_sel_free(&s->back[i]);
    sp_free_items(s);
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
stat_period *sp_periods_over(stats_pane *s, app *a, const char *ind, char *const *regions,
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
            stat_period *p = sp_periods_over(s, a, s->sel.inds[i], regions, nr, order[t], &n);
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
void sp_ask(stats_pane *s, app *a)
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
                             ? sp_periods_over(s, a, q->inds[i], regs, nregs, q->ptype, &n)
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
        const sregion *pr = sp_reg_by_code(s, p);
        char *name = pr ? xstrdup(pr->name) : statq_region_name(app_db(a)->h, p);
        s->next_where = !strcmp(p, STAT_NATIONAL) ? xstrdup("全国及各地")
                                              : xasprintf("%s及所辖地区", name);
        free(name);
    }
    app_query_stats(a, &rq);
    free_codes(regs, nregs);
}

/* ---- the view ------------------------------------------------------------------------------ */

const char *sp_axis_word(enum stat_axis x)
{
    return x == SA_REGION ? "地区" : x == SA_PERIOD ? "时期" : "指标";
}

/* A row's label for the screen: rows of indicators carry their unit. */
static char *row_label(const stats_pane *s, size_t r)
{
    const stat_table *t = &s->t;
    if (s->rows == SA_INDICATOR && t->row_units && *t->row_units[r].name) {
        char *both = xasprintf("%s（%s）", t->row_labels[r], t->row_units[r].name);
        char *l = sp_shown(s, both);
        free(both);
        return l;
    }
    return sp_shown(s, t->row_labels[r]);
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
    s->v.corner = xstrdup(sp_axis_word(s->rows));
    s->v.npinned = s->pinned && t->nrows > 1 ? 1 : 0;
    for (size_t r = 0; r < t->nrows; r++) {
        s->v.row_labels[r] = row_label(s, r);
    }
    for (size_t c = 0; c < nvis; c++) {
        size_t tc = s->colmap[c];
        s->v.col_labels[c] = sp_shown(s, t->col_labels[tc]);
        s->v.col_units[c] = sp_shown(s, s->rows != SA_INDICATOR && t->col_units ? t->col_units[tc].name : "");
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
void sp_relabel(stats_pane *s)
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
        s->v.col_labels[c] = sp_shown(s, s->t.col_labels[tc]);
        s->v.col_units[c] = sp_shown(s, s->rows != SA_INDICATOR && s->t.col_units ? s->t.col_units[tc].name : "");
    }
}

/* The table cell under the cursor (NULL on the label column or without a table). */
const stat_cell *sp_current_cell(const stats_pane *s)
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

static void clear_back(stats_pane *s)
{
    for (int i = 0; i < s->nback; i++)
        sp_sel_free(&s->back[i]);
    s->nback = 0;
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    stats_pane *s = st;
    sp_load(s, a);
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
    char *why = NULL;
    if (sp_read(s, a, text, &q, &why) != 0) {
        app_message(a, 1, "%s", why);
        free(why);
        return;
    }
    clear_back(s);
    sp_sel_free(&s->sel);
    s->sel = q;
    s->have_sel = 1;
    sp_ask(s, a);
}

/* Another pane (搜索's 统计 group) opens an indicator: its table for 全国 and the regions
 * under it, as picking it from a fresh indicator list shows it; the modes stay. */
void pane_stats_open(void *st, app *a, const char *indicator_code)
{
    stats_pane *s = st;
    sp_load(s, a);
    if (!s->ninds)
        return; /* the pane says there are no statistics */
    const stat_ind *d = sp_ind_by_code(s, indicator_code);
    if (!d) {
        app_message(a, 1, "这个指标没有数值");
        return;
    }
    s->picking = 0;
    sp_free_items(s);
    clear_back(s);
    sp_sel_free(&s->sel);
    snprintf(s->sel.parent, sizeof s->sel.parent, "%s", STAT_NATIONAL);
    sp_sel_add_ind(&s->sel, d->code);
    s->have_sel = 1;
    set_problem(s, NULL);
    sv_clear(&s->v);
    /* The input line names what is shown, so typing goes on from it. */
    free(s->query);
    s->query = u8_sanitize(d->name, strlen(d->name), 0);
    app_set_input(a, s->query);
    sp_ask(s, a);
}

/* ---- drilling and going back --------------------------------------------------------------- */

void sp_push(stats_pane *s)
{
    if (!s->have_sel)
        return;
    if (s->nback == BACK_MAX) {
        sp_sel_free(&s->back[0]);
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
    sp_sel_free(&s->sel);
    s->sel = s->back[--s->nback];
    memset(&s->back[s->nback], 0, sizeof s->back[s->nback]);
    free(s->focus);
    s->focus = s->sel.focus;
    s->sel.focus = NULL;
    s->have_sel = 1;
    sv_clear(&s->v); /* another table: the cursor starts afresh */
    sp_ask(s, a);
    return PR_HANDLED;
}

/* The parent a region's ranking is among: its parent as listed, else by its code, else
 * 全国. */
static void parent_of(const stats_pane *s, const char *code, char out[CODE_BUF])
{
    const sregion *r = sp_reg_by_code(s, code);
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
    sp_push(s);
    ssel *q = &s->sel;
    if (axis == SA_REGION) {
        int is_total = s->pinned && sv_table_row(&s->v, s->v.row) == 0;
        for (size_t i = 0; i < q->nregs; i++)
            free(q->regs[i]);
        q->nregs = 0;
        if (!is_total && has_subregions(s, a, k)) {
            snprintf(q->parent, sizeof q->parent, "%.15s", k);
        } else {
            sp_sel_add_reg(q, k);
        }
    } else if (axis == SA_PERIOD) {
        /* The period's ranking among the region's peers. */
        stat_period p;
        const char *region = q->nregs == 1 ? q->regs[0] : STAT_NATIONAL;
        if (!stat_period_parse(k, &p)) {
            /* Keys are written by the engine; a label parses too. */
            if (!stat_period_parse(s->t.row_labels[sv_table_row(&s->v, s->v.row)], &p)) {
                sp_sel_free(&s->back[--s->nback]);
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
        sp_sel_add_ind(q, k);
    }
    s->modes.transpose = 0;
    sv_clear(&s->v);
    sp_ask(s, a);
    return PR_HANDLED;
}

/* ---- actions -------------------------------------------------------------------------------- */

static void copy_cell(stats_pane *s, app *a)
{
    const stat_cell *c = sp_current_cell(s);
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
        /* 0600 like the history: what was looked at is nobody else's business. */
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!f && fd >= 0)
            close(fd);
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

static int action(void *st, app *a, enum action act)
{
    stats_pane *s = st;
    sp_load(s, a);
    if (!s->ninds)
        return PR_IGNORED;
    if (s->picking)
        return sp_picker_action(s, a, act);
    switch (act) {
    case ACT_FILTER:
        sp_open_tab(s, a, s->tab);
        return PR_HANDLED;
    case ACT_BACK:
        return go_back(s, a);
    case ACT_CHANGE:
        s->modes.change = (s->modes.change + 1) % 3;
        app_message(a, 0, "%s", s->modes.change == SC_YOY ? "同比：与上年同期相比（百分比；%指标为百分点）"
                                : s->modes.change == SC_POP ? "环比：与上一期相比（累计数跨年不比）"
                                                            : "原值");
        sp_ask(s, a);
        return PR_HANDLED;
    case ACT_CONVERT_PERIOD:
        s->modes.convert = !s->modes.convert;
        app_message(a, 0, "%s", s->modes.convert ? "月/年换算：允许（元/人月乘 12 为元/人年，换算的单元格标 *）"
                                                 : "月/年换算：不允许（单位不同的数值不并列，见注）");
        sp_ask(s, a);
        return PR_HANDLED;
    case ACT_TRANSPOSE:
        s->modes.transpose = !s->modes.transpose;
        sv_clear(&s->v);
        sp_ask(s, a);
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
            sp_pick(s, a);
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
    sp_load(s, a);
    app_set_input(a, s->query ? s->query : "");
    set_count(s, a);
    /* The first time: what there is to show. */
    if (s->ninds && !s->have_sel && !s->picking)
        sp_open_tab(s, a, TAB_IND);
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
    .draw = sp_draw,
    .action = action,
    .query = on_query,
    .stat_result = on_result,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
