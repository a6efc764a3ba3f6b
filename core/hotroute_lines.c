/* Reading hotlines for the routing engine, their open-now and verification age, and the
 * holiday calendar (core/hotroute.h, core/hotroute_int.h). */
#include "hotroute_int.h"

#include "isodate.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t && *t ? xstrdup((const char *)t) : NULL;
}

static int fail(gk_db *db, char **err, const char *what)
{
    if (err)
        *err = xasprintf("热线查询失败（%s）：%s", what, sqlite3_errmsg(db->h));
    return -1;
}

int hr_stmts_prepare(gk_db *db, hr_stmts *s, char **err)
{
    memset(s, 0, sizeof *s);
    if (sqlite3_prepare_v2(
            db->h,
            "SELECT h.id, coalesce(h.display, h.number), h.number, h.via_platform, "
            "h.service_line, h.operator, h.admin_level, coalesce(h.division_code, ''), "
            "CASE WHEN h.division_code = '000000' THEN '全国' ELSE "
            "(SELECT d.name FROM division d WHERE d.code = h.division_code "
            "ORDER BY d.ended, d.valid_from DESC LIMIT 1) END, "
            "h.hours, h.address, h.note, h.status, "
            "(SELECT coalesce(x.display, x.number) FROM hotline x WHERE x.id = h.replaced_by), "
            "h.published, h.verified, src.path, h.line "
            "FROM hotline_area a JOIN hotline h ON h.id = a.hotline_id "
            "LEFT JOIN source src ON src.id = h.source_id "
            "WHERE a.division_code = ?1 ORDER BY h.id",
            -1, &s->lines, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->h,
                           "SELECT name, level, coalesce(parent_code, ''), ended FROM division "
                           "WHERE code = ?1 ORDER BY ended, valid_from DESC LIMIT 1",
                           -1, &s->div, NULL) != SQLITE_OK) {
        fail(db, err, "准备语句");
        hr_stmts_finalize(s);
        return -1;
    }
    return 0;
}

void hr_stmts_finalize(hr_stmts *s)
{
    sqlite3_finalize(s->lines);
    sqlite3_finalize(s->div);
    s->lines = s->div = NULL;
}

int hr_read_lines(gk_db *db, hr_stmts *s, const char *code, hr_line **v, size_t *n,
                  size_t *cap, char **err)
{
    sqlite3_stmt *q = s->lines;
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, code, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(q, 0);
        int seen = 0;
        for (size_t i = 0; i < *n && !seen; i++)
            seen = (*v)[i].id == id;
        if (seen)
            continue;
        *v = xgrow(*v, cap, *n + 1, sizeof **v);
        hr_line *l = &(*v)[(*n)++];
        memset(l, 0, sizeof *l);
        l->id = id;
        l->display = col_dup(q, 1);
        l->number = col_dup(q, 2);
        l->via_platform = col_dup(q, 3);
        l->service_line = col_dup(q, 4);
        l->operator_name = col_dup(q, 5);
        l->admin_level = col_dup(q, 6);
        const unsigned char *dc = sqlite3_column_text(q, 7);
        snprintf(l->division, sizeof l->division, "%s", dc ? (const char *)dc : "");
        l->division_name = col_dup(q, 8);
        l->hours = col_dup(q, 9);
        l->address = col_dup(q, 10);
        l->note = col_dup(q, 11);
        l->status = col_dup(q, 12);
        if (!l->status)
            l->status = xstrdup("active");
        l->replaced_by = col_dup(q, 13);
        l->published = col_dup(q, 14);
        l->verified = col_dup(q, 15);
        const unsigned char *path = sqlite3_column_text(q, 16);
        if (path)
            l->source = xasprintf("%s:%lld", (const char *)path, sqlite3_column_int64(q, 17));
        if (!l->display)
            l->display = xstrdup(l->number ? l->number : "");
        if (!l->service_line)
            l->service_line = xstrdup("");
        snprintf(l->served_at, sizeof l->served_at, "%s", code);
        l->stale_days = -1;
        l->open.state = HS_UNSURE;
        l->open.why = "";
        l->open.next_minutes = -1;
    }
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? 0 : fail(db, err, "读取热线");
}

void hr_fill_open(hr_line *l, const hours_calendar *cal, const char *date, int minute)
{
    l->open.state = HS_UNSURE;
    l->open.why = "";
    l->open.next_minutes = -1;
    hours_t h;
    const char *why = NULL;
    int parsed = l->hours && hours_parse(l->hours, &h, &why);
    if (parsed) {
        char buf[192];
        l->hours_label = xstrdup(hours_label(&h, buf));
    } else if (l->hours) {
        l->hours_label = xstrdup(l->hours);
    }
    if (l->status && !strcmp(l->status, "merged")) {
        l->open.state = HS_CLOSED;
        l->open.why = "已并入其他热线";
        return;
    }
    if (l->status && !strcmp(l->status, "retired")) {
        l->open.state = HS_CLOSED;
        l->open.why = "已停用";
        return;
    }
    if (!l->hours) {
        l->open.why = "来源未公布接听时间";
        return;
    }
    if (!parsed) {
        l->open.why = "接听时间无法识别";
        return;
    }
    if (!hours_open_at(&h, cal, date, minute, &l->open)) {
        l->open.state = HS_UNSURE;
        l->open.why = "日期无法识别";
        l->open.next_minutes = -1;
    }
}

void hr_fill_stale(hr_line *l, const char *date)
{
    const char *basis = l->verified ? l->verified : l->published;
    isodate at, b;
    l->stale = 1;
    l->stale_days = -1;
    if (!basis || !isodate_parse_all(date, &at) || !isodate_parse_all(basis, &b) ||
        b.prec != ISODATE_DAY || at.prec != ISODATE_DAY)
        return;
    l->stale_days = isodate_days_between(&b, &at);
    l->stale = l->stale_days > HR_STALE_DAYS;
}

void hr_line_free(hr_line *l)
{
    free(l->display);
    free(l->number);
    free(l->via_platform);
    free(l->service_line);
    free(l->operator_name);
    free(l->admin_level);
    free(l->division_name);
    free(l->hours);
    free(l->hours_label);
    free(l->address);
    free(l->note);
    free(l->status);
    free(l->replaced_by);
    free(l->published);
    free(l->verified);
    free(l->reason_text);
    free(l->source);
    memset(l, 0, sizeof *l);
}

/* ---- the calendar ---------------------------------------------------------------------- */

int hotroute_calendar(gk_db *db, hours_calendar *cal, char **err)
{
    memset(cal, 0, sizeof *cal);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT DISTINCT date, kind FROM holiday WHERE length(date) = 10 "
                           "ORDER BY date",
                           -1, &q, NULL) != SQLITE_OK)
        return fail(db, err, "放假安排");
    char **hol = xmalloc(sizeof *hol), **work = xmalloc(sizeof *work);
    size_t nh = 0, nw = 0, ch = 1, cw = 1;
    char first[11] = "", last[11] = "";
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(q, 0);
        const char *k = (const char *)sqlite3_column_text(q, 1);
        if (!d || !k)
            continue;
        if (!*first)
            snprintf(first, sizeof first, "%.4s-01-01", d);
        snprintf(last, sizeof last, "%.4s-12-31", d);
        if (!strcmp(k, "holiday")) {
            hol = xgrow(hol, &ch, nh + 1, sizeof *hol);
            hol[nh++] = xstrdup(d);
        } else {
            work = xgrow(work, &cw, nw + 1, sizeof *work);
            work[nw++] = xstrdup(d);
        }
    }
    sqlite3_finalize(q);
    cal->holidays = (const char *const *)hol;
    cal->nholidays = nh;
    cal->workdays = (const char *const *)work;
    cal->nworkdays = nw;
    cal->first = xstrdup(first);
    cal->last = xstrdup(last);
    if (rc != SQLITE_DONE) {
        hotroute_calendar_free(cal);
        return fail(db, err, "放假安排");
    }
    return 0;
}

void hotroute_calendar_free(hours_calendar *cal)
{
    for (size_t i = 0; i < cal->nholidays; i++)
        free((char *)cal->holidays[i]);
    for (size_t i = 0; i < cal->nworkdays; i++)
        free((char *)cal->workdays[i]);
    free((void *)cal->holidays);
    free((void *)cal->workdays);
    free((char *)cal->first);
    free((char *)cal->last);
    memset(cal, 0, sizeof *cal);
}
