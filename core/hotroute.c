/* Routing a caller to hotlines (core/hotroute.h): the place → its division → the chain of
 * divisions above it (the division table's parent codes, summaries such as 110100 市辖区
 * skipped; div_parent where a row names none) → the lines whose areas hold each, nearest
 * first, then the national lines (area 000000). The fallback is per service line: a
 * service line is offered at the nearest division that has an active line of it (a
 * county with its own 社会救助 line but no 婚姻登记 line takes the city's 婚姻登记 line
 * only). Merged and retired lines only when asked, at their own distance up to that
 * one. Each line's open-now from its stored hours and the holiday table, and its
 * verification age at the date asked. */
#include "hotroute_int.h"

#include "hotservice.h"
#include "isodate.h"
#include "place.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HR_CHAIN_MAX 8

typedef struct {
    char code[DIV_BUF];
    char *name;
    int level;
} chain_item;

const char *hotroute_service(const char *text)
{
    return hotservice_line_or_number(text);
}

static int municipality(const char *code)
{
    return !strncmp(code, "11", 2) || !strncmp(code, "12", 2) || !strncmp(code, "31", 2) ||
           !strncmp(code, "50", 2);
}

/* s ends with suffix, a bracketed remark at the end left out: 示例县（示例） ends with 县. */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    static const char close[] = "）", open[] = "（";
    if (n > 3 && !strcmp(s + n - 3, close)) {
        for (size_t i = n - 3; i-- > 0;)
            if (!strncmp(s + i, open, 3)) {
                n = i;
                break;
            }
    }
    return n >= m && !strncmp(s + n - m, suffix, m);
}

/* 本县, 本区, 本市 ... for the division asked about. */
static const char *own_word(const chain_item *c)
{
    const char *n = c->name ? c->name : "";
    switch (c->level) {
    case 1:
        if (municipality(c->code))
            return "本市";
        return ends_with(n, "自治区") ? "本自治区" : ends_with(n, "特别行政区") ? "本特区" : "本省";
    case 2:
        return ends_with(n, "地区") ? "本地区" : ends_with(n, "州") ? "本州" : ends_with(n, "盟") ? "本盟" : "本市";
    case 3:
        return ends_with(n, "区") ? "本区" : ends_with(n, "旗") ? "本旗" : ends_with(n, "市") ? "本市" : "本县";
    case 4:
        return ends_with(n, "街道") ? "本街道" : ends_with(n, "镇") ? "本镇" : "本乡镇";
    case 5:
        return "本村（社区）";
    default:
        return "本地";
    }
}

/* 省级, 市级 ... for a division a line was found at. */
static const char *level_word(const chain_item *c)
{
    switch (c->level) {
    case 1:
        return municipality(c->code) ? "市级" : "省级";
    case 2:
        return "市级";
    case 3:
        return "县级";
    case 4:
        return "乡镇级";
    default:
        return "村级";
    }
}

static int is_active(const hr_line *l)
{
    return !l->status || !strcmp(l->status, "active");
}

static int state_rank(enum hours_state s)
{
    return s == HS_OPEN ? 0 : s == HS_UNSURE ? 1 : 2;
}

/* A line with its distance: 0 the division itself ... nitems the nation. */
typedef struct {
    hr_line line;
    int dist;
} cand;

static int cmp_lines(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->line.reason != b->line.reason)
        return a->line.reason < b->line.reason ? -1 : 1;
    if (a->dist != b->dist)
        return a->dist < b->dist ? -1 : 1;
    int aa = is_active(&a->line), ba = is_active(&b->line);
    if (aa != ba)
        return aa ? -1 : 1;
    int so = state_rank(a->line.open.state), sb = state_rank(b->line.open.state);
    if (so != sb)
        return so < sb ? -1 : 1;
    int ra = hotservice_rank(a->line.service_line), rb = hotservice_rank(b->line.service_line);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return a->line.id < b->line.id ? -1 : a->line.id > b->line.id;
}

/* The date and minute asked: o->date / o->minute, else the local clock. 0, or -1 with a
 * problem. */
static int when(const hr_opts *o, char date[11], int *minute, char **problem)
{
    if (o && o->date && *o->date) {
        isodate d;
        if (!isodate_parse_all(o->date, &d) || d.prec != ISODATE_DAY) {
            *problem = xasprintf("日期“%s”无法识别（应为 YYYY-MM-DD）", o->date);
            return -1;
        }
        isodate_format(&d, date);
    } else {
        isodate d = isodate_today();
        isodate_format(&d, date);
    }
    if (o && o->minute >= 0) {
        if (o->minute > 1439) {
            *problem = xasprintf("时刻应在 00:00 至 23:59 之间");
            return -1;
        }
        *minute = o->minute;
    } else {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        *minute = tm.tm_hour * 60 + tm.tm_min;
    }
    return 0;
}

static char *at_label(gk_db *db, const char *date, int minute, const hours_calendar *cal)
{
    static const char *const wd[] = {"星期一", "星期二", "星期三", "星期四",
                                     "星期五", "星期六", "星期日"};
    isodate d, monday = {2000, 1, 3, ISODATE_DAY};
    isodate_parse_all(date, &d);
    long n = isodate_days_between(&monday, &d) % 7;
    if (n < 0)
        n += 7;
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s %02d:%02d（%s", date, minute / 60, minute % 60, wd[n]);
    sqlite3_stmt *q = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db->h, "SELECT kind, coalesce(name, '') FROM holiday WHERE date = ?1 "
                                  "ORDER BY kind LIMIT 1",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, date, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) {
            const char *k = (const char *)sqlite3_column_text(q, 0);
            const char *name = (const char *)sqlite3_column_text(q, 1);
            char *clean = u8_sanitize(name, strlen(name), 0);
            buf_printf(&b, "，%s%s", clean, !strcmp(k, "holiday") ? "放假" : "调休上班");
            free(clean);
            found = 1;
        }
    }
    sqlite3_finalize(q);
    if (!found && (!cal || strcmp(date, cal->first) < 0 || strcmp(date, cal->last) > 0))
        buf_adds(&b, "，放假安排未覆盖此日");
    buf_adds(&b, "）");
    return buf_take(&b);
}

/* The chain from code up: code first, then its parents nearest first, summaries skipped.
 * Returns how many; items[0] always is code (its name NULL when it has no row). */
static int read_chain(gk_db *db, hr_stmts *s, const char *code, chain_item *items,
                      size_t *nitems, char **err)
{
    *nitems = 0;
    char cur[DIV_BUF];
    snprintf(cur, sizeof cur, "%s", code);
    for (int step = 0; step < HR_CHAIN_MAX && *cur; step++) {
        char parent[DIV_BUF] = "";
        int has_row = 0;
        sqlite3_reset(s->div);
        sqlite3_bind_text(s->div, 1, cur, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(s->div);
        chain_item it = {{0}, NULL, div_level(cur)};
        snprintf(it.code, sizeof it.code, "%s", cur);
        if (rc == SQLITE_ROW) {
            has_row = 1;
            it.name = xstrdup((const char *)sqlite3_column_text(s->div, 0));
            it.level = sqlite3_column_int(s->div, 1);
            snprintf(parent, sizeof parent, "%s", (const char *)sqlite3_column_text(s->div, 2));
        } else if (rc != SQLITE_DONE) {
            *err = xasprintf("热线查询失败（区划）：%s", sqlite3_errmsg(db->h));
            sqlite3_reset(s->div);
            return -1;
        }
        sqlite3_reset(s->div);
        if (step == 0 || (has_row && !div_is_summary(cur)))
            items[(*nitems)++] = it;
        else
            free(it.name);
        char canon[DIV_BUF] = "";
        if (!*parent || !div_normalize(parent, canon) || !strcmp(canon, cur))
            div_parent(cur, 0, canon);
        snprintf(cur, sizeof cur, "%s", canon);
    }
    return 0;
}

static char *path_text(const chain_item *items, size_t n)
{
    buf_t b;
    buf_init(&b);
    for (size_t i = n; i-- > 0;) {
        if (b.len)
            buf_adds(&b, " / ");
        buf_adds(&b, items[i].name ? items[i].name : items[i].code);
    }
    return buf_take(&b);
}

static char *reason_for(const cand *c, const chain_item *items, size_t nitems, const char *asked_service)
{
    const hr_line *l = &c->line;
    const chain_item *own = &items[0];
    if (l->reason == HR_NATIONAL) {
        if (asked_service && strcmp(asked_service, l->service_line))
            return xasprintf("全国统一热线（本地未登记%s专线）", asked_service);
        return xstrdup("全国统一热线");
    }
    if (l->reason == HR_SERVES) {
        if (!*l->division || !strcmp(l->division, own->code))
            return xasprintf("%s热线", own_word(own));
        if (l->admin_level)
            return xasprintf("服务范围含%s（%s级热线）", own_word(own), l->admin_level);
        return xasprintf("服务范围含%s", own_word(own));
    }
    const chain_item *at = &items[c->dist < (int)nitems ? c->dist : 0];
    return xasprintf("%s无%s专线，使用%s热线（%s）", own_word(own), l->service_line,
                     level_word(at), at->name ? at->name : at->code);
}

/* The lines for code (canonical) into r. */
static int route(gk_db *db, const char *code, const hr_opts *o, const char *date, int minute,
                 hr_result *r, char **err)
{
    hr_stmts s;
    if (hr_stmts_prepare(db, &s, err) != 0)
        return -1;
    chain_item items[HR_CHAIN_MAX];
    size_t nitems = 0, n = 0, cap = 0;
    cand *cs = NULL;
    hr_line *v = NULL;
    int rc = -1;
    const char *service = NULL;
    r->minute = minute;
    if (o && o->service && *o->service && !(service = hotroute_service(o->service))) {
        r->problem = xasprintf("不认识的服务类别“%s”（可选：%s）", o->service,
                               hotservice_lines_label());
        hr_stmts_finalize(&s);
        return 0;
    }
    if (read_chain(db, &s, code, items, &nitems, err) != 0)
        goto out;
    snprintf(r->division, sizeof r->division, "%s", code);
    r->division_name = path_text(items, nitems);
    /* every line of the chain and the nation, nearest first; ends[i]: lines up to item i */
    size_t *ends = xcalloc(nitems + 1, sizeof *ends);
    for (size_t i = 0; i <= nitems; i++) {
        if (hr_read_lines(db, &s, i < nitems ? items[i].code : HOTROUTE_NATIONAL, &v, &n, &cap,
                          err) != 0) {
            free(ends);
            goto out;
        }
        ends[i] = n;
    }
    cs = xcalloc(n ? n : 1, sizeof *cs);
    for (size_t k = 0, i = 0; k < n; k++) {
        while (ends[i] <= k)
            i++;
        cs[k].line = v[k];
        cs[k].dist = (int)i;
        cs[k].line.reason = i == 0 ? HR_SERVES : i < nitems ? HR_PARENT : HR_NATIONAL;
    }
    free(ends);
    free(v);
    v = NULL;
    /* per service line: the nearest distance with an active line */
    int cover[9];
    for (int k = 0; k < 9; k++)
        cover[k] = -1;
    for (size_t k = 0; k < n; k++) {
        int sr = hotservice_rank(cs[k].line.service_line);
        if (is_active(&cs[k].line) && cover[sr] < 0)
            cover[sr] = cs[k].dist;
    }
    int any_asked = service && cover[hotservice_rank(service)] >= 0;
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        cand *c = &cs[k];
        int sr = hotservice_rank(c->line.service_line);
        int keep;
        if (service && strcmp(service, c->line.service_line)) {
            /* nothing of the asked line anywhere: the national 综合 lines (12345) take it */
            keep = !any_asked && c->line.reason == HR_NATIONAL && is_active(&c->line) &&
                   !strcmp(c->line.service_line, "综合");
        } else if (is_active(&c->line)) {
            keep = c->dist == cover[sr];
        } else {
            keep = o && o->include_inactive && (cover[sr] < 0 || c->dist <= cover[sr]);
        }
        if (keep)
            cs[kept++] = *c;
        else
            hr_line_free(&c->line);
    }
    n = kept;
    for (size_t k = 0; k < n; k++) {
        hr_line *l = &cs[k].line;
        l->reason_text = reason_for(&cs[k], items, nitems, service);
        hr_fill_stale(l, date);
    }
    r->lines = xcalloc(n ? n : 1, sizeof *r->lines);
    r->nlines = n;
    rc = 0;
    /* open-now needs the calendar */
    {
        hours_calendar cal;
        if (hotroute_calendar(db, &cal, err) != 0) {
            rc = -1;
        } else {
            const hours_calendar *calp = cal.nholidays + cal.nworkdays ? &cal : NULL;
            for (size_t k = 0; k < n; k++)
                hr_fill_open(&cs[k].line, calp, date, minute);
            qsort(cs, n, sizeof *cs, cmp_lines);
            for (size_t k = 0; k < n; k++)
                r->lines[k] = cs[k].line;
            r->at_label = at_label(db, date, minute, calp);
            hotroute_calendar_free(&cal);
            free(cs);
            cs = NULL;
        }
    }
    if (!n && !r->problem)
        r->problem = service ? xasprintf("%s及其上级、全国均无%s热线", r->division_name, service)
                             : xasprintf("%s及其上级、全国均无热线", r->division_name);
out:
    if (cs) {
        for (size_t k = 0; k < n; k++)
            hr_line_free(&cs[k].line);
        free(cs);
        if (rc != 0) {
            free(r->lines);
            r->lines = NULL;
            r->nlines = 0;
        }
    }
    if (v) {
        for (size_t k = 0; k < n; k++)
            hr_line_free(&v[k]);
        free(v);
    }
    for (size_t i = 0; i < nitems; i++)
        free(items[i].name);
    hr_stmts_finalize(&s);
    return rc;
}

static void result_init(hr_result *r, const char *input)
{
    memset(r, 0, sizeof *r);
    r->input = xstrdup(input ? input : "");
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A code without a current row: the code in force its history ends at (the first), with
 * how. 1 moved (now filled), 0 not. */
static int code_now(gk_db *db, const char *code, char now[DIV_BUF], char **how, char **err)
{
    place_history_t h;
    int rc = place_history(db, code, &h, err);
    int moved = 0;
    if (rc == 0) {
        int current = 0;
        for (size_t i = 0; i < h.nnames; i++)
            current |= !h.names[i].ended;
        if (!current && h.nnow) {
            snprintf(now, DIV_BUF, "%s", h.now[0].code);
            *how = xasprintf("代码已撤销（现为 %s %s%s）", h.now[0].code, h.now[0].name,
                             h.nnow > 1 ? " 等" : "");
            moved = 1;
        }
    }
    place_history_free(&h);
    return rc < 0 ? -1 : moved;
}

static int run_code(gk_db *db, const char *code, const hr_opts *o, hr_result *r, char **err,
                    char *how)
{
    char date[11];
    int minute;
    if (when(o, date, &minute, &r->problem) != 0) {
        free(how);
        return 0;
    }
    r->resolved_how = how;
    return route(db, code, o, date, minute, r, err);
}

int hotroute_code(gk_db *db, const char *code, const hr_opts *o, hr_result *r, char **err)
{
    double t0 = now_ms();
    result_init(r, code);
    char canon[DIV_BUF], now[DIV_BUF];
    div_info info;
    if (!div_parse(code, &info)) {
        r->problem = xasprintf("区划代码“%s”有误：%s", code ? code : "", info.problem);
        return 0;
    }
    snprintf(canon, sizeof canon, "%s", info.code);
    char *how = NULL;
    int moved = code_now(db, canon, now, &how, err);
    if (moved < 0)
        return -1;
    int rc = run_code(db, moved ? now : canon, o, r, err, how ? how : xstrdup("代码一致"));
    r->ms = now_ms() - t0;
    return rc;
}

int hotroute(gk_db *db, const char *input, const hr_opts *o, hr_result *r, char **err)
{
    double t0 = now_ms();
    char *text = u8_normalize_input(input ? input : "", input ? strlen(input) : 0);
    if (div_looks_like_code(text)) {
        char canon[DIV_BUF];
        if (div_normalize(text, canon)) {
            int rc = hotroute_code(db, canon, o, r, err);
            free(r->input);
            r->input = text;
            r->ms = now_ms() - t0;
            return rc;
        }
    }
    result_init(r, text);
    free(text);
    if (!*r->input) {
        r->problem = xstrdup("请输入地名、区划代码或拼音");
        return 0;
    }
    place_opts po = PLACE_OPTS_INIT;
    po.limit = 5;
    place_result pr;
    if (place_lookup(db, r->input, &po, &pr, err) != 0) {
        place_result_free(&pr);
        return -1;
    }
    if (!pr.n) {
        r->problem = pr.problem && *pr.problem ? xstrdup(pr.problem)
                                               : xasprintf("找不到地名“%s”", r->input);
        place_result_free(&pr);
        r->ms = now_ms() - t0;
        return 0;
    }
    const place_hit *best = &pr.hits[0];
    r->ncandidates = pr.total > 1 ? pr.total - 1 : pr.n - 1;
    char code[DIV_BUF];
    snprintf(code, sizeof code, "%s", best->code);
    char *how;
    if (best->ended) {
        const char *current = NULL;
        for (size_t i = 0; i < best->hist.nnames && !current; i++)
            if (!best->hist.names[i].ended)
                current = best->hist.names[i].name;
        if (current) {
            how = xasprintf("%s；曾用名“%s”（现为%s）", place_reason_label(best->reason),
                            best->name, current);
        } else if (best->hist.nnow) {
            snprintf(code, sizeof code, "%s", best->hist.now[0].code);
            how = xasprintf("%s；曾用名“%s”（%s，现为 %s %s%s）", place_reason_label(best->reason),
                            best->name, best->code, best->hist.now[0].code,
                            best->hist.now[0].name, best->hist.nnow > 1 ? " 等" : "");
        } else {
            how = xasprintf("%s；“%s”已撤销，无后继区划", place_reason_label(best->reason),
                            best->name);
        }
    } else {
        how = xstrdup(place_reason_label(best->reason));
    }
    place_result_free(&pr);
    int rc = run_code(db, code, o, r, err, how);
    r->ms = now_ms() - t0;
    return rc;
}

void hr_result_free(hr_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nlines; i++)
        hr_line_free(&r->lines[i]);
    free(r->lines);
    free(r->input);
    free(r->division_name);
    free(r->resolved_how);
    free(r->at_label);
    free(r->problem);
    memset(r, 0, sizeof *r);
}
