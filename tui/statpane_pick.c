/* The 统计 pane's F4 picker (tui/statpane.h): the items of its three tabs (指标: every
 * indicator with its unit, measure and count; 地区: 全国 and each listed region, itself or
 * with its subregions; 时期: the period types with values and the years of the current
 * one), picking one into the selection, and the keys while it is open. Apart from
 * tui/pane_stats.c because the lists are their own model; tui/statpane_draw.c draws them. */
#include "statpane.h"

#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sp_free_items(stats_pane *s)
{
    for (size_t i = 0; i < s->nitems; i++) {
        free(s->items[i].text);
        free(s->items[i].code);
    }
    free(s->items);
    s->items = NULL;
    s->nitems = 0;
}

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
        char *name = sp_shown(s, d->name);
        char *fit = sp_pad_to(name, namew);
        char *unit = sp_pad_to(d->unit.name, 10);
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
        if (*r->parent && strcmp(r->parent, STAT_NATIONAL) && sp_reg_by_code(s, r->parent))
            continue; /* a listed region's subregions: by Enter in its table, or typed */
        char *name = sp_shown(s, r->name);
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
        stat_period *p = sp_periods_over(s, a, ind, regs, nregs, order[t], &n);
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
    stat_period *p = sp_periods_over(s, a, ind, regs, nregs, q->ptype, &n);
    int last = 0;
    for (size_t i = n; i-- > 0;) {
        if (p[i].year == last)
            continue;
        last = p[i].year;
        char y0[11], y1[11];
        sp_year_days(last, y0, y1);
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

void sp_open_tab(stats_pane *s, app *a, int tab)
{
    sp_free_items(s);
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

void sp_pick(stats_pane *s, app *a)
{
    if (s->psel >= s->nitems)
        return;
    const pitem *it = &s->items[s->psel];
    sp_push(s);
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
        sp_sel_add_ind(q, it->code);
        q->ptype_set = 0;
    } else if (s->tab == TAB_REGION) {
        for (size_t i = 0; i < q->nregs; i++)
            free(q->regs[i]);
        q->nregs = 0;
        if (it->children)
            snprintf(q->parent, sizeof q->parent, "%s", it->code);
        else
            sp_sel_add_reg(q, it->code);
        q->ptype_set = 0;
    } else if (it->kind == 0) {
        q->ptype = it->ptype;
        q->ptype_set = 1;
        q->from[0] = q->to[0] = '\0';
    } else {
        q->ptype = it->ptype;
        q->ptype_set = 1;
        sp_year_days(it->year, q->from, q->to);
    }
    s->picking = 0;
    sp_free_items(s);
    sp_ask(s, a);
}

int sp_picker_action(stats_pane *s, app *a, enum action act)
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
        sp_pick(s, a);
        return PR_HANDLED;
    case ACT_FILTER:
    case ACT_COLUMN_RIGHT:
        sp_open_tab(s, a, s->tab + 1);
        return PR_HANDLED;
    case ACT_COLUMN_LEFT:
        sp_open_tab(s, a, s->tab - 1);
        return PR_HANDLED;
    case ACT_BACK:
        s->picking = 0;
        sp_free_items(s);
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}
