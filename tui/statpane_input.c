/* What is typed into the 统计 pane, read into a selection (tui/statpane.h): indicators by
 * code, name, alias or part of a name, regions by name, short name or the 地名 look-up,
 * periods and ranges of years, 下级/各地 for a region's subregions, and all of them
 * written together (北京城市低保人数2021). Apart from tui/pane_stats.c so the reading can be
 * followed on its own: the tokens are pure, the look-ups read the pane's lists and a few
 * indexed rows on the console's connection. */
#include "statpane.h"

#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first and last day of a year (1949..2100). */
void sp_year_days(int year, char first[11], char last[11])
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
    sp_year_days(y1, from, NULL);
    sp_year_days(y2, NULL, to);
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
        return sp_reg_by_code(s, STAT_NATIONAL) ? (int)(sp_reg_by_code(s, STAT_NATIONAL) - s->regs) : -1;
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
        sp_sel_add_ind(q, one.code);
        statq_ind_free(&one);
        return 1;
    }
    size_t n = 0;
    for (size_t i = 0; i < s->ninds; i++)
        if (strstr(s->inds[i].name, text)) {
            sp_sel_add_ind(q, s->inds[i].code);
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
        if (sp_reg_by_code(s, r.hits[i].code)) {
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
            sp_sel_add_reg(q, s->regs[r].code);
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
            sp_sel_add_reg(q, s->regs[r].code);
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
                sp_sel_add_reg(q, code);
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

/* What is typed, read into a new selection *q; without an indicator, those of the
 * selection shown stay. Returns 0, or -1 with *why for the status line (*q then empty). */
int sp_read(stats_pane *s, app *a, const char *text, ssel *q, char **why)
{
    memset(q, 0, sizeof *q);
    snprintf(q->parent, sizeof q->parent, "%s", STAT_NATIONAL);
    if (parse(s, a, text, q, why) != 0) {
        sp_sel_free(q);
        return -1;
    }
    /* Without an indicator the ones shown stay: 北京 shows them for 北京. */
    for (size_t i = 0; !q->ninds && i < s->sel.ninds; i++)
        sp_sel_add_ind(q, s->sel.inds[i]);
    if (!q->ninds) {
        *why = xstrdup("先输入指标（如 城市低保人数），或按 F4 从列表选");
        sp_sel_free(q);
        return -1;
    }
    return 0;
}
