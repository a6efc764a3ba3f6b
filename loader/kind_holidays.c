/* kind = holidays: the public holidays and make-up working days (调休) the State Council
 * publishes each year (date, kind, name; docs/data-formats.md) into holiday, for "is the
 * line open now?" (core/hours.h). A date must be a real calendar day (2022-02-30 is
 * rejected with its file:line); kind is holiday (放假, 休息) or workday (调休上班, 上班,
 * 补班); a date given twice is an error at the second. */
#include "kinds.h"

#include "csvmap.h"
#include "isodate.h"

#include <stdio.h>
#include <string.h>

static const char *const fields[] = {"date", "kind", "name", NULL};
enum { F_DATE, F_KIND, F_NAME };

static const char *holiday_kind(const char *text)
{
    static const struct {
        const char *text, *kind;
    } words[] = {
        {"holiday", "holiday"}, {"放假", "holiday"},   {"休息", "holiday"},
        {"假日", "holiday"},    {"节假日", "holiday"}, {"休", "holiday"},
        {"workday", "workday"}, {"调休上班", "workday"}, {"上班", "workday"},
        {"补班", "workday"},    {"调休", "workday"},   {"班", "workday"},
        {NULL, NULL},
    };
    while (*text == ' ')
        text++;
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    for (size_t i = 0; words[i].text; i++)
        if (strlen(words[i].text) == n && !memcmp(words[i].text, text, n))
            return words[i].kind;
    return NULL;
}

static int row_error(load_ctx *c, long line, const char *what, const char *text)
{
    c->d->skipped++;
    return diag_error(c->d, c->relpath, line, "%s“%s”%s", what, text,
                      !strcmp(what, "类型")
                          ? "无法识别（可用：holiday/放假、workday/调休上班）"
                          : "不是有效日期（应为 YYYY-MM-DD 的实际日期）");
}

static int load_holidays_file(load_ctx *c, const char *text, size_t len)
{
    static const char *const required[] = {"date", "kind", NULL};
    static sqlite3_stmt *st, *dup;
    csvmap m;
    int rc = 0;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    sqlite3_stmt *s = load_stmt(c, &st,
                                "INSERT INTO holiday(date, kind, name, source_id, line) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)");
    sqlite3_stmt *d = load_stmt(c, &dup,
                                "SELECT h.line, coalesce(s.path, '?') FROM holiday h LEFT JOIN "
                                "source s ON s.id = h.source_id WHERE h.date = ?1");
    if (!s || !d)
        rc = -1;
    while (!rc && csvmap_next(&m, c)) {
        isodate dt;
        const char *kind = holiday_kind(m.v[F_KIND]);
        if (!isodate_parse_all(m.v[F_DATE], &dt) || dt.prec != ISODATE_DAY) {
            rc = row_error(c, m.line, "日期", m.v[F_DATE]) ? -1 : 0;
            continue;
        }
        if (!kind) {
            rc = row_error(c, m.line, "类型", m.v[F_KIND]) ? -1 : 0;
            continue;
        }
        char date[11];
        isodate_format(&dt, date);
        sqlite3_bind_text(d, 1, date, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(d) == SQLITE_ROW) {
            char where[600];
            snprintf(where, sizeof where, "%s:%lld", (const char *)sqlite3_column_text(d, 1),
                     sqlite3_column_int64(d, 0));
            sqlite3_reset(d);
            c->d->skipped++;
            rc = diag_error(c->d, c->relpath, m.line, "日期 %s 已在 %s 给出", date, where) ? -1
                                                                                          : 0;
            continue;
        }
        sqlite3_reset(d);
        const char *name = m.v[F_NAME];
        while (*name == ' ')
            name++;
        sqlite3_bind_text(s, 1, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
        if (*name)
            sqlite3_bind_text(s, 3, name, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(s, 3);
        sqlite3_bind_int64(s, 4, c->source_id);
        sqlite3_bind_int64(s, 5, m.line);
        int step = sqlite3_step(s);
        sqlite3_reset(s);
        if (step != SQLITE_DONE) {
            diag_error(c->d, c->relpath, m.line, "cannot store: %s", sqlite3_errmsg(c->db));
            rc = -1;
        }
        c->records++;
    }
    if (c->d->stop)
        rc = -1;
    csvmap_close(&m);
    return rc;
}

const load_kind kind_holidays = {
    .name = "holidays",
    .keys = NULL,
    .csv_fields = fields,
    .begin = NULL,
    .load_file = load_holidays_file,
    .finish = NULL,
};
