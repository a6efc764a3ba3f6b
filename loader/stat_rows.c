/* One value of relief statistics, checked and staged (loader/stat_rows.h). */
#include "stat_rows.h"

#include "isodate.h"
#include "stat_indicators.h"
#include "statunit.h"
#include "xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int stat_rows_begin(load_ctx *c)
{
    char *err = NULL;
    /* base and tol are in the dimension's base unit (人, 元): values of one indicator in
     * 万人 and 人 compare without knowing either; tol is half a unit of the last decimal
     * published (rounding). end_day orders periods for the window of the cumulative
     * check; prev_start finds the period before for the jump check. */
    if (sqlite3_exec(c->db,
                     "CREATE TEMP TABLE stat_stage(id INTEGER PRIMARY KEY, "
                     "indicator TEXT NOT NULL, region_code TEXT, region_key TEXT, "
                     "region_name TEXT NOT NULL, period_type TEXT NOT NULL, "
                     "period_start TEXT NOT NULL, period_end TEXT NOT NULL, "
                     "end_day INTEGER NOT NULL, prev_start TEXT, value REAL NOT NULL, "
                     "value_raw TEXT NOT NULL, unit TEXT NOT NULL, dim INTEGER NOT NULL, "
                     "scale REAL NOT NULL, decimals INTEGER NOT NULL, base REAL NOT NULL, "
                     "tol REAL NOT NULL, source_doc TEXT, source_url TEXT, published TEXT, "
                     "note TEXT, derived INTEGER NOT NULL, derivation TEXT, "
                     "revised INTEGER NOT NULL, source_id INTEGER, line INTEGER)",
                     NULL, NULL, &err) != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "statistics staging: %s", err);
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

/* ---- parts ------------------------------------------------------------------------ */

/* The ASCII for one character of a number (full-width digits and signs), or 0. Spaces
 * (ASCII, U+3000, U+00A0) give ' '. *len gets the bytes read. */
static char number_char(const unsigned char *p, size_t *len)
{
    *len = 1;
    if (*p < 0x80)
        return (char)*p;
    if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x8B && p[2] <= 0x99) {
        *len = 3; /* U+FF0B + , - . / 0-9 */
        return (char)('+' + (p[2] - 0x8B));
    }
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
        *len = 3;
        return ' ';
    }
    if (p[0] == 0xC2 && p[1] == 0xA0) {
        *len = 2;
        return ' ';
    }
    return 0;
}

int stat_number_parse(const char *text, double *out, int *decimals)
{
    char buf[64];
    size_t n = 0;
    int dec = -1, digits = 0, in_space_tail = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        size_t len;
        char ch = number_char(p, &len);
        p += len;
        if (ch == ' ' || ch == '\t') {
            in_space_tail = n > 0;
            continue;
        }
        if (in_space_tail || n + 1 >= sizeof buf)
            return 0; /* "1 701": a space inside */
        if (ch >= '0' && ch <= '9') {
            digits++;
            if (dec >= 0)
                dec++;
            buf[n++] = ch;
        } else if (ch == ',' && digits && dec < 0) {
            continue; /* thousands: 1,701.1 */
        } else if (ch == '.' && dec < 0) {
            dec = 0;
            buf[n++] = '.';
        } else if ((ch == '-' || ch == '+') && n == 0) {
            buf[n++] = ch;
        } else {
            return 0;
        }
    }
    buf[n] = '\0';
    if (!digits)
        return 0;
    char *end;
    double v = strtod(buf, &end);
    if (*end || !isfinite(v))
        return 0;
    *out = v;
    if (decimals)
        *decimals = dec < 0 ? 0 : dec;
    return 1;
}

int stat_ptype_hint(const char *hint, enum stat_ptype *out)
{
    /* Lower case, without a remark in brackets and the end marks. */
    char h[64];
    size_t n = 0;
    for (const char *p = hint; *p && n + 1 < sizeof h; p++) {
        if (*p == '(' || !strncmp(p, "（", 3))
            break;
        h[n++] = (char)tolower((unsigned char)*p);
    }
    h[n] = '\0';
    while (n && h[n - 1] == ' ')
        h[--n] = '\0';
    char *s = h;
    while (*s == ' ')
        s++;
    static const struct {
        const char *word;
        enum stat_ptype t;
    } words[] = {
        {"year", SP_YEAR},       {"year-end", SP_YEAR},     {"year end", SP_YEAR},
        {"annual", SP_YEAR},     {"yearly", SP_YEAR},       {"年", SP_YEAR},
        {"年末", SP_YEAR},       {"年底", SP_YEAR},         {"年度", SP_YEAR},
        {"month", SP_MONTH},     {"month-end", SP_MONTH},   {"month end", SP_MONTH},
        {"monthly", SP_MONTH},   {"月", SP_MONTH},          {"月末", SP_MONTH},
        {"月底", SP_MONTH},      {"月度", SP_MONTH},        {"quarter", SP_QUARTER},
        {"quarter-end", SP_QUARTER}, {"quarter end", SP_QUARTER}, {"quarterly", SP_QUARTER},
        {"季", SP_QUARTER},      {"季度", SP_QUARTER},      {"季末", SP_QUARTER},
        {"季度末", SP_QUARTER},  {"half", SP_HALF},         {"half-year", SP_HALF},
        {"half year", SP_HALF},  {"半年", SP_HALF},         {"半年末", SP_HALF},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(s, words[i].word)) {
            *out = words[i].t;
            return 1;
        }
    return 0;
}

int stat_yesno(const char *text, int *out)
{
    static const char *const yes[] = {"1", "是", "yes", "y", "true", "√", NULL};
    static const char *const no[] = {"", "0", "否", "no", "n", "false", NULL};
    char t[16];
    size_t n = 0;
    for (const char *p = text; *p && n + 1 < sizeof t; p++)
        if (*p != ' ')
            t[n++] = (char)tolower((unsigned char)*p);
    t[n] = '\0';
    for (size_t i = 0; yes[i]; i++)
        if (!strcmp(t, yes[i]))
            return *out = 1, 1;
    for (size_t i = 0; no[i]; i++)
        if (!strcmp(t, no[i]))
            return *out = 0, 1;
    return 0;
}

/* ---- one value ----------------------------------------------------------------- */

__attribute__((format(printf, 4, 0)))
static int report(load_ctx *c, const stat_in *in, int row, const char *fmt, va_list ap)
{
    char msg[600];
    vsnprintf(msg, sizeof msg, fmt, ap);
    c->d->skipped++;
    if (row && in->row_problem)
        *in->row_problem = 1;
    int stop = in->column && !row
                   ? diag_error(c->d, c->relpath, in->line, "列“%s”：%s", in->column, msg)
                   : diag_error(c->d, c->relpath, in->line, "%s", msg);
    return stop ? -1 : 0;
}

/* A problem of the value (indicator, unit, number): in a wide table, of its column. */
static int reject(load_ctx *c, const stat_in *in, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int reject(load_ctx *c, const stat_in *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = report(c, in, 0, fmt, ap);
    va_end(ap);
    return rc;
}

/* A problem of the row (period, dates, region): every value of it shares it. */
static int reject_row(load_ctx *c, const stat_in *in, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int reject_row(load_ctx *c, const stat_in *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = report(c, in, 1, fmt, ap);
    va_end(ap);
    return rc;
}

static const char *trimmed(const char *s, char *buf, size_t size)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* The indicator a row names: by name or code, and by official code; both must agree. */
static const stat_ind_def *row_indicator(load_ctx *c, const stat_in *in, int *marked, int *rc)
{
    *rc = 0;
    *marked = in->marked;
    if (in->ind)
        return in->ind;
    const stat_ind_def *by_name = NULL, *by_code = NULL;
    if (*in->indicator && !(by_name = stat_ind_find(in->indicator, marked))) {
        *rc = reject(c, in, "指标“%s”不在指标目录中（data/indicators.csv）", in->indicator);
        return NULL;
    }
    if (*in->indicator_code && !(by_code = stat_ind_find(in->indicator_code, NULL))) {
        *rc = reject(c, in, "指标代码“%s”不在指标目录中", in->indicator_code);
        return NULL;
    }
    if (by_name && by_code && by_name != by_code) {
        *rc = reject(c, in, "指标“%s”与指标代码“%s”（%s）不是同一指标", in->indicator,
                     in->indicator_code, by_code->name);
        return NULL;
    }
    if (!by_name && !by_code) {
        *rc = reject(c, in, "缺少指标名称或代码");
        return NULL;
    }
    return by_name ? by_name : by_code;
}

/* An explicit first or last day: "" when not given, else YYYY-MM-DD; -1 when not a day. */
static int day_of(const char *text, char out[11])
{
    out[0] = '\0';
    char t[40];
    trimmed(text, t, sizeof t);
    if (!*t)
        return 0;
    isodate d;
    if (!isodate_parse_all(t, &d) || d.prec != ISODATE_DAY)
        return -1;
    isodate_format(&d, out);
    return 1;
}

static int bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    return v && *v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s, i);
}

static int is_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

int stat_row_stage(load_ctx *c, const stat_in *in)
{
    static sqlite3_stmt *st;
    int rc, marked;
    const stat_ind_def *ind = row_indicator(c, in, &marked, &rc);
    if (!ind)
        return rc;
    const char *shown = in->indicator && *in->indicator ? in->indicator : ind->name;
    if (marked && ind->measure != SM_CUMULATIVE)
        return reject(c, in, "“%s”标为累计数，但“%s”是%s，不是累计数", shown, ind->name,
                      stat_measure_label(ind->measure));

    /* The unit: one the indicator may be given in, stored in its canonical spelling. */
    stat_unit u;
    char ubuf[64], allowed[96];
    trimmed(in->unit, ubuf, sizeof ubuf);
    if (!*ubuf)
        return reject(c, in, "缺少单位（%s 可用：%s）", ind->name,
                      stat_ind_units_label(ind, allowed));
    if (!stat_unit_parse(ubuf, &u))
        return reject(c, in, "单位“%s”无法识别", ubuf);
    if (!statcat_unit_allowed(ind->units, u.name))
        return reject(c, in, "单位“%s”不适用于“%s”（可用：%s）", ubuf, ind->name,
                      stat_ind_units_label(ind, allowed));

    /* The number, kept as written too. */
    char vbuf[64];
    trimmed(in->value, vbuf, sizeof vbuf);
    double value;
    int decimals;
    if (!*vbuf)
        return reject(c, in, "缺少数值");
    if (!stat_number_parse(in->value, &value, &decimals))
        return reject(c, in, "数值“%s”不是数字", vbuf);

    /* The period, its type if the source says it, and an explicit span. */
    stat_period p;
    char pbuf[64], label[32];
    trimmed(in->period, pbuf, sizeof pbuf);
    if (!*pbuf)
        return reject_row(c, in, "缺少期别");
    if (!stat_period_parse(pbuf, &p))
        return reject_row(c, in,
                          "期别“%s”无法识别（可写 2021、2021-03、2021Q1、2021年第一季度、2021H1 等）",
                          pbuf);
    if (*in->period_type) {
        enum stat_ptype hint;
        if (!stat_ptype_hint(in->period_type, &hint))
            return reject_row(c, in,
                              "期别类型“%s”无法识别（year-end、month-end、quarter、年末、月末 等）",
                              in->period_type);
        if (hint != p.type)
            return reject_row(c, in, "期别类型“%s”与期别“%s”（%s）不符", in->period_type,
                              pbuf, stat_period_label(&p, label));
    }
    char start[11], end[11], given[11];
    if (ind->measure == SM_CUMULATIVE) {
        stat_period_ytd(&p, start, end); /* January 1 to the period's last day */
    } else {
        memcpy(start, p.start, sizeof start);
        memcpy(end, p.end, sizeof end);
    }
    int g = day_of(in->period_start, given);
    if (g < 0)
        return reject_row(c, in, "起始日期“%s”不是日期（YYYY-MM-DD）", in->period_start);
    if (g && strcmp(given, start))
        return ind->measure == SM_CUMULATIVE
                   ? reject(c, in, "累计数应自当年1月1日起：起始日期 %s 不是 %.4s-01-01（%s）",
                            given, start, ind->name)
                   : reject(c, in, "起始日期 %s 与期别%s（%s 起）不符", given,
                            stat_period_label(&p, label), start);
    g = day_of(in->period_end, given);
    if (g < 0)
        return reject_row(c, in, "截止日期“%s”不是日期（YYYY-MM-DD）", in->period_end);
    if (g && strcmp(given, end))
        return reject_row(c, in, "截止日期 %s 与期别%s（至 %s）不符", given,
                          stat_period_label(&p, label), end);

    /* The region: a code now, or a name resolved when the divisions are complete. */
    char code[DIV_BUF], why[STAT_REGION_WHY], rbuf[256];
    trimmed(in->region, rbuf, sizeof rbuf);
    int known = stat_region_early(in->regions, rbuf, code, why);
    if (known < 0)
        return reject_row(c, in, "%s", why);

    int revised = 0, derived = 0;
    if (!stat_yesno(in->revised, &revised))
        diag_warn(c->d, c->relpath, in->line, "修订标记“%s”不是 1/0、是/否、yes/no，按否处理",
                  in->revised);
    if (!stat_yesno(in->derived, &derived))
        diag_warn(c->d, c->relpath, in->line, "推算标记“%s”不是 1/0、是/否、yes/no，按否处理",
                  in->derived);
    if (*in->derivation)
        derived = 1;

    /* A source column holding a link is the link; otherwise it names the document. */
    const char *doc = in->source_doc, *url = in->source_url;
    char sbuf[1024];
    trimmed(in->source, sbuf, sizeof sbuf);
    if (*sbuf && is_url(sbuf) && !*url)
        url = sbuf;
    else if (*sbuf && !is_url(sbuf) && !*doc)
        doc = sbuf;

    stat_period prev;
    int jumps =
        ind->measure != SM_CUMULATIVE && u.dim != SD_PERCENT && stat_period_prev(&p, &prev);
    double tol = 0.5 * pow(10, -decimals) * u.scale;
    sqlite3_stmt *s = load_stmt(
        c, &st,
        "INSERT INTO temp.stat_stage(indicator, region_code, region_key, region_name, "
        "period_type, period_start, period_end, end_day, prev_start, value, value_raw, unit, "
        "dim, scale, decimals, base, tol, source_doc, source_url, published, note, derived, "
        "derivation, revised, source_id, line) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
        "?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, ind->code, -1, SQLITE_STATIC);
    if (known) {
        sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
    } else {
        /* The key the finish step matches: folded like division.name_key. */
        char *key = stat_region_key(rbuf);
        sqlite3_bind_text(s, 3, key, -1, free);
    }
    sqlite3_bind_text(s, 4, rbuf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, stat_ptype_key(p.type), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, end, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 8, atoi(end) * 10000LL + atoi(end + 5) * 100 + atoi(end + 8));
    if (jumps)
        sqlite3_bind_text(s, 9, prev.start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(s, 10, value);
    sqlite3_bind_text(s, 11, vbuf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 12, u.name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 13, (int)u.dim);
    sqlite3_bind_double(s, 14, u.scale);
    sqlite3_bind_int(s, 15, decimals);
    sqlite3_bind_double(s, 16, value * u.scale);
    sqlite3_bind_double(s, 17, tol);
    bind_opt(s, 18, doc);
    bind_opt(s, 19, url);
    char tbuf[64];
    bind_opt(s, 20, trimmed(in->published, tbuf, sizeof tbuf));
    bind_opt(s, 21, in->note);
    sqlite3_bind_int(s, 22, derived);
    bind_opt(s, 23, in->derivation);
    sqlite3_bind_int(s, 24, revised);
    sqlite3_bind_int64(s, 25, c->source_id);
    sqlite3_bind_int64(s, 26, in->line);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return diag_error(c->d, c->relpath, in->line, "cannot stage the value: %s",
                          sqlite3_errmsg(c->db))
                   ? -1
                   : 0;
    return 1;
}

/* ---- into stat_value ------------------------------------------------------------ */

static int exec(load_ctx *c, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(c->db, sql, NULL, NULL, &err) == SQLITE_OK)
        return 0;
    diag_error(c->d, "gongkai", 0, "statistics: %s", err);
    sqlite3_free(err);
    return -1;
}

int stat_rows_commit(load_ctx *c)
{
    /* stat_value's indexes (data/schema.sql), made before the kinds finish, are dropped
     * while the values go in and made again from their own definitions: building an index
     * from the finished table is faster than keeping it up to date row by row. */
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = 'stat_value' AND sql IS NOT NULL",
                           -1, &q, NULL) != SQLITE_OK)
        return diag_error(c->d, "gongkai", 0, "statistics: %s", sqlite3_errmsg(c->db)), -1;
    buf_t drop, make;
    buf_init(&drop);
    buf_init(&make);
    while (sqlite3_step(q) == SQLITE_ROW) {
        buf_printf(&drop, "DROP INDEX \"%s\";", (const char *)sqlite3_column_text(q, 0));
        buf_printf(&make, "%s;", (const char *)sqlite3_column_text(q, 1));
    }
    sqlite3_finalize(q);
    int rc = drop.len ? exec(c, drop.s) : 0;
    if (!rc)
        rc = exec(c, "INSERT INTO stat_value(id, indicator, region_code, region_name, "
                     "period_type, period_start, period_end, value, value_raw, unit, source_doc, "
                     "source_url, published, note, derived, derivation, revised, source_id, line) "
                     "SELECT id, indicator, region_code, region_name, period_type, period_start, "
                     "period_end, value, value_raw, unit, source_doc, source_url, published, note, "
                     "derived, derivation, revised, source_id, line FROM temp.stat_stage "
                     "ORDER BY id");
    if (!rc)
        c->records += (long)sqlite3_changes(c->db);
    if (!rc && make.len)
        rc = exec(c, make.s);
    buf_free(&drop);
    buf_free(&make);
    return rc;
}
