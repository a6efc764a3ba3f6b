/* kind = reg_index: a CSV/TSV table of regulation metadata (level, status, dates, 文号)
 * applied to the regulation files after they are read. Columns are named by the
 * manifest: map.title = 名称, map.version_date = 版本日期, map.level, map.status,
 * map.repealed (a 0/1 flag column, as in LawRefBook's "expired"), map.effective,
 * map.promulgated, map.doc_number, map.organ. Only map.title is required. */
#include "kinds.h"

#include "csvmap.h"
#include "isodate.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"title",     "version_date", "level",      "status",
                                     "repealed",  "effective",    "promulgated", "doc_number",
                                     "organ",     NULL};

int reg_status_parse(const char *s, const char **canonical)
{
    static const struct {
        const char *word, *status;
    } words[] = {
        {"in_force", "in_force"},      {"现行有效", "in_force"},     {"有效", "in_force"},
        {"amended", "amended"},        {"已修改", "amended"},        {"已被修改", "amended"},
        {"repealed", "repealed"},      {"已废止", "repealed"},       {"废止", "repealed"},
        {"失效", "repealed"},          {"not_yet_effective", "not_yet_effective"},
        {"尚未生效", "not_yet_effective"}, {"expired", "expired"},   {"已失效", "expired"},
        {"partly_invalid", "partly_invalid"}, {"部分失效", "partly_invalid"},
    };
    while (*s == ' ')
        s++;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(s, words[i].word)) {
            *canonical = words[i].status;
            return 0;
        }
    return -1;
}

static int parse_flag(const char *s, int *out)
{
    if (!strcmp(s, "1") || !strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcmp(s, "是")) {
        *out = 1;
        return 0;
    }
    if (!*s || !strcmp(s, "0") || !strcasecmp(s, "false") || !strcasecmp(s, "no") ||
        !strcmp(s, "否")) {
        *out = 0;
        return 0;
    }
    return -1;
}

/* YYYY-MM-DD and a real date; empty is allowed (unknown). */
static int valid_date(const char *s)
{
    isodate d;
    return !*s || (strlen(s) == 10 && isodate_parse_all(s, &d) && d.prec == ISODATE_DAY);
}

static int load_index_file(load_ctx *c, const char *text, size_t len)
{
    static sqlite3_stmt *st;
    static const char *const required[] = {"title", NULL};
    csvmap m;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(&m, c)) {
        long line = m.line;
        const char *const *v = m.v;
        const char *status = NULL;
        int repealed = 0;
        const char *problem = NULL;
        if (!*v[0])
            problem = "empty title";
        else if (*v[3] && reg_status_parse(v[3], &status) != 0)
            problem = "unknown status (现行有效, 已修改, 已废止, 尚未生效, 已失效, 部分失效)";
        else if (parse_flag(v[4], &repealed) != 0)
            problem = "the repealed flag must be 0 or 1";
        int bad_date = !valid_date(v[1]) ? 1 : !valid_date(v[5]) ? 5 : !valid_date(v[6]) ? 6 : 0;
        if (!problem && bad_date) {
            /* Name the field and the value: "2022-02-30" says more than "a date". */
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, line, "%s '%s' is not YYYY-MM-DD (or not a real date)",
                           fields[bad_date], v[bad_date]))
                break;
            continue;
        }
        if (problem) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, line, "%s", problem))
                break;
            continue;
        }
        if (repealed && !status)
            status = "repealed";
        char *key = reg_work_key(v[0]);
        sqlite3_stmt *s = load_stmt(c, &st,
                                    "INSERT INTO temp.reg_index_stage(work_key, title, version_date, "
                                    "level, status, effective, promulgated, doc_number, organ, file, "
                                    "line, used) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,0)");
        if (!s) {
            free(key);
            break;
        }
        sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, v[0], -1, SQLITE_TRANSIENT);
        for (int f = 1; f <= 2; f++)
            if (*v[f])
                sqlite3_bind_text(s, f + 2, v[f], -1, SQLITE_TRANSIENT);
        if (status)
            sqlite3_bind_text(s, 5, status, -1, SQLITE_STATIC);
        for (int f = 5; f <= 8; f++)
            if (*v[f])
                sqlite3_bind_text(s, f + 1, v[f], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 10, c->relpath, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 11, line);
        free(key);
        if (sqlite3_step(s) != SQLITE_DONE) {
            diag_error(c->d, c->relpath, line, "cannot store the row");
            break;
        }
        c->records++;
    }
    csvmap_close(&m);
    return 0;
}

static int begin_index(load_ctx *c)
{
    return sqlite3_exec(c->db,
                        "CREATE TEMP TABLE IF NOT EXISTS reg_index_stage(work_key TEXT, title TEXT, "
                        "version_date TEXT, level TEXT, status TEXT, effective TEXT, "
                        "promulgated TEXT, doc_number TEXT, organ TEXT, file TEXT, line INTEGER, "
                        "used INTEGER)",
                        NULL, NULL, NULL);
}

const load_kind kind_reg_index = {
    .name = "reg_index",
    .keys = NULL,
    .csv_fields = fields,
    .begin = begin_index,
    .load_file = load_index_file,
    .finish = NULL,
};
