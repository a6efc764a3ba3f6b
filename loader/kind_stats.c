/* kind = stats: relief statistics (低保, 特困, 临时救助; domain.md §6) from tables, into
 * stat_value with the catalogue of indicators (docs/data-formats.md).
 *
 * Two layouts. Tall (the default): one value per row, its indicator, region, period,
 * value and unit in columns named by map.FIELD. Wide (`layout = wide`, the official
 * quarterly tables): the region, period and sources in mapped columns, and every other
 * column one indicator whose header names it with its unit, 城市低保人数（万人）.
 *
 * A value is checked alone while its file is read (stat_rows.c) and staged; when every
 * corpus is read, and the division table is finished (this kind finishes after the
 * division kinds), names of regions are resolved (stat_regions.c), duplicates settled
 * (stat_dups.c), the values written, and the checks that need all of them run
 * (stat_checks.c). The built-in catalogue is written at the start of every load, so a
 * database without statistics still names the indicators. */
#include "kinds.h"

#include "csvmap.h"
#include "stat_checks.h"
#include "stat_dups.h"
#include "stat_indicators.h"
#include "stat_regions.h"
#include "stat_rows.h"
#include "statunit.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {
    "indicator", "indicator_code", "region",     "period",    "period_type", "period_start",
    "period_end", "value",         "unit",       "source",    "source_doc",  "source_url",
    "published",  "note",          "revised",    "derived",   "derivation",  NULL};
enum { F_IND, F_IND_CODE, F_REGION, F_PERIOD, F_PTYPE, F_PSTART, F_PEND, F_VALUE, F_UNIT,
       F_SOURCE, F_DOC, F_URL, F_PUBLISHED, F_NOTE, F_REVISED, F_DERIVED, F_DERIVATION };

static const char *const keys[] = {"layout", "region.", NULL};

static long staged;                /* values staged in this load */
static const mf_section *last_sec; /* the section of the file before */

/* The fields of a row every value of it shares. */
static stat_in row_in(const csvmap *m, const stat_region_map *regions)
{
    const char *const *v = m->v;
    return (stat_in){
        .indicator = v[F_IND],
        .indicator_code = v[F_IND_CODE],
        .unit = v[F_UNIT],
        .value = v[F_VALUE],
        .region = v[F_REGION],
        .regions = regions,
        .period = v[F_PERIOD],
        .period_type = v[F_PTYPE],
        .period_start = v[F_PSTART],
        .period_end = v[F_PEND],
        .source = v[F_SOURCE],
        .source_doc = v[F_DOC],
        .source_url = v[F_URL],
        .published = v[F_PUBLISHED],
        .note = v[F_NOTE],
        .revised = v[F_REVISED],
        .derived = v[F_DERIVED],
        .derivation = v[F_DERIVATION],
        .line = m->line,
    };
}

static int stage(load_ctx *c, const stat_in *in)
{
    int rc = stat_row_stage(c, in);
    staged += rc > 0;
    return rc;
}

static int load_tall(load_ctx *c, csvmap *m, const stat_region_map *regions)
{
    if (!csvmap_mapped(m, F_IND) && !csvmap_mapped(m, F_IND_CODE)) {
        diag_error(c->d, c->m->file, c->sec->line,
                   "[%s] needs map.indicator = COLUMN (or map.indicator_code)", c->sec->name);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(m, c)) {
        stat_in in = row_in(m, regions);
        if (stage(c, &in) < 0)
            return -1;
    }
    return c->d->stop ? -1 : 0;
}

/* ---- wide tables ---------------------------------------------------------------- */

typedef struct {
    int col;
    char *header;
    const stat_ind_def *ind;
    int marked;
    char *unit;
} wide_col;

/* 名称（单位） or 名称(单位): the name and the unit, new strings; 0 when not so written. */
static int split_header(const char *h, char **name, char **unit)
{
    size_t n = strlen(h);
    while (n && h[n - 1] == ' ')
        n--;
    size_t close;
    if (n >= 3 && !memcmp(h + n - 3, "）", 3))
        close = n - 3;
    else if (n && h[n - 1] == ')')
        close = n - 1;
    else
        return 0;
    /* the last opening bracket: 临时救助人次（累计）（万人次） */
    for (size_t i = close; i-- > 0;) {
        size_t olen = h[i] == '(' ? 1 : i + 3 <= close && !memcmp(h + i, "（", 3) ? 3 : 0;
        if (!olen)
            continue;
        if (!i)
            return 0; /* no name before it */
        *name = xstrndup(h, i);
        *unit = xstrndup(h + i + olen, close - i - olen);
        return 1;
    }
    return 0;
}

/* The indicator columns of a header: every column no field maps. A column that names no
 * indicator or no unit it may be given in is reported at the header line and skipped. */
static int wide_columns(load_ctx *c, const csvmap *m, wide_col **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    size_t cap = 0;
    for (size_t col = 0; col < m->header_fields; col++) {
        int mapped = 0;
        for (size_t f = 0; f < m->nfields; f++)
            mapped |= m->col[f] == (int)col;
        if (mapped)
            continue;
        const char *h = m->row.fields[col];
        char *name = NULL, *unit = NULL;
        const char *why = NULL;
        char allowed[96], msg[400];
        stat_unit u;
        const stat_ind_def *ind = NULL;
        int marked = 0;
        if (!split_header(h, &name, &unit))
            why = "列名应为“指标名称（单位）”，如“城市低保人数（万人）”";
        else if (!(ind = stat_ind_find(name, &marked))) {
            snprintf(msg, sizeof msg, "指标“%s”不在指标目录中（data/indicators.csv）", name);
            why = msg;
        } else if (!stat_unit_parse(unit, &u)) {
            snprintf(msg, sizeof msg, "单位“%s”无法识别", unit);
            why = msg;
        } else if (!statcat_unit_allowed(ind->units, u.name)) {
            snprintf(msg, sizeof msg, "单位“%s”不适用于“%s”（可用：%s）", unit, ind->name,
                     stat_ind_units_label(ind, allowed));
            why = msg;
        } else if (marked && ind->measure != SM_CUMULATIVE) {
            snprintf(msg, sizeof msg, "“%s”标为累计数，但“%s”是%s，不是累计数", name,
                     ind->name, stat_measure_label(ind->measure));
            why = msg;
        }
        free(name);
        if (why) {
            free(unit);
            if (diag_error(c->d, c->relpath, (long)m->row.line, "列“%s”：%s；此列未载入", h, why))
                return -1;
            continue;
        }
        *out = xgrow(*out, &cap, *nout + 1, sizeof **out);
        (*out)[(*nout)++] = (wide_col){(int)col, xstrdup(h), ind, marked, unit};
    }
    return 0;
}

/* A cell that holds no value: empty, or a dash as tables print for 无. */
static int no_value(const char *cell)
{
    while (*cell == ' ')
        cell++;
    static const char *const dashes[] = {"", "-", "—", "－", "–", "——", NULL};
    for (size_t i = 0; dashes[i]; i++)
        if (!strcmp(cell, dashes[i]))
            return 1;
    return 0;
}

static int load_wide(load_ctx *c, csvmap *m, const stat_region_map *regions)
{
    static const int not_in_wide[] = {F_IND, F_IND_CODE, F_VALUE, F_UNIT};
    for (size_t i = 0; i < sizeof not_in_wide / sizeof *not_in_wide; i++)
        if (csvmap_mapped(m, (size_t)not_in_wide[i])) {
            char key[40];
            snprintf(key, sizeof key, "map.%s", fields[not_in_wide[i]]);
            diag_error(c->d, c->m->file, mf_line(c->sec, key),
                       "[%s] layout = wide：指标和单位取自列名，不用 %s（或 value.%s）",
                       c->sec->name, key, fields[not_in_wide[i]]);
            return c->d->stop ? -1 : 0;
        }
    wide_col *cols;
    size_t ncols;
    int rc = wide_columns(c, m, &cols, &ncols);
    while (!rc && csvmap_next(m, c)) {
        stat_in in = row_in(m, regions);
        int row_problem = 0;
        in.row_problem = &row_problem;
        for (size_t i = 0; i < ncols && !row_problem; i++) {
            const char *cell = m->row.fields[cols[i].col];
            if (no_value(cell))
                continue;
            in.ind = cols[i].ind;
            in.marked = cols[i].marked;
            in.indicator = "";
            in.unit = cols[i].unit;
            in.value = cell;
            in.column = cols[i].header;
            if (stage(c, &in) < 0) {
                rc = -1;
                break;
            }
        }
    }
    for (size_t i = 0; i < ncols; i++) {
        free(cols[i].header);
        free(cols[i].unit);
    }
    free(cols);
    return rc < 0 || c->d->stop ? -1 : 0;
}

static int load_stats_file(load_ctx *c, const char *text, size_t len)
{
    static const char *const tall_required[] = {"region", "period", "value", "unit", NULL};
    static const char *const wide_required[] = {"region", "period", NULL};
    const char *layout = mf_get(c->sec, "layout");
    int wide = layout && !strcmp(layout, "wide");
    if (layout && !wide && strcmp(layout, "tall"))
        return diag_error(c->d, c->m->file, mf_line(c->sec, "layout"),
                          "[%s] layout = %s：应为 tall（每行一个值）或 wide（每列一个指标）",
                          c->sec->name, layout)
                   ? -1
                   : 0;
    stat_region_map regions;
    int first = last_sec != c->sec;
    last_sec = c->sec;
    if (stat_region_map_read(c, &regions, first) != 0)
        return -1;
    csvmap m;
    int rc = 0;
    if (csvmap_open(&m, c, text, len, fields, wide ? wide_required : tall_required) != 0)
        rc = c->d->stop ? -1 : 0;
    else
        rc = wide ? load_wide(c, &m, &regions) : load_tall(c, &m, &regions);
    csvmap_close(&m);
    stat_region_map_free(&regions);
    return rc;
}

static int stats_begin(load_ctx *c)
{
    staged = 0;
    last_sec = NULL;
    return stat_ind_begin(c) == 0 && stat_rows_begin(c) == 0 ? SQLITE_OK : SQLITE_ERROR;
}

static int stats_finish(load_ctx *c)
{
    int rc = 0;
    if (!c->d->stop && staged) {
        long errors = c->d->errors;
        rc = stat_regions_finish(c);
        if (!rc)
            rc = stat_dups_finish(c);
        if (!rc)
            rc = stat_rows_commit(c);
        if (!rc)
            rc = stat_checks_run(c);
        /* A failure of the database, not of the data, leaves a half-written set: stop
         * (the old database stays) rather than load it. */
        if (rc && errors == c->d->errors)
            diag_error(c->d, "gongkai", 0, "statistics: %s", sqlite3_errmsg(c->db));
        if (rc)
            c->d->stop = 1;
    }
    stat_ind_end();
    /* The staging tables are not part of the database: their space goes back now. */
    sqlite3_exec(c->db, "DROP TABLE IF EXISTS temp.stat_stage; "
                        "DROP TABLE IF EXISTS temp.stat_region_fail;", NULL, NULL, NULL);
    return rc;
}

const load_kind kind_stats = {
    .name = "stats",
    .keys = keys,
    .csv_fields = fields,
    .begin = stats_begin,
    .load_file = load_stats_file,
    .finish = stats_finish,
};
