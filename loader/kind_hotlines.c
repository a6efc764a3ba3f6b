/* kind = hotlines: the hotline directory (domain.md §7) from tables, into hotline and
 * hotline_area (docs/data-formats.md). A row is checked alone while its file is read and
 * staged, one line per number when a cell holds several (loader/hotline_rows.c); when
 * every corpus is read and the division table is finished (this kind finishes after the
 * division kinds and area_codes), the places are resolved (hotline_places.c), then the
 * lines written, linked to the lines that replace them, checked against the area codes
 * and staged for search (hotline_finish.c). */
#include "kinds.h"

#include "csvmap.h"
#include "hotline_finish.h"
#include "hotline_places.h"
#include "hotline_rows.h"
#include "stat_regions.h"

#include <string.h>

static const char *const fields[] = {
    "number",   "extension", "via_platform", "service_line", "operator", "admin_level",
    "region",   "areas",     "province",     "hours",        "holiday_rule", "status",
    "replaced_by", "published", "verified",  "address",      "note",     NULL};
enum { F_NUMBER, F_EXT, F_VIA, F_SERVICE, F_OPERATOR, F_LEVEL, F_REGION, F_AREAS, F_PROVINCE,
       F_HOURS, F_HOLIDAY, F_STATUS, F_REPLACED, F_PUBLISHED, F_VERIFIED, F_ADDRESS, F_NOTE };

static const char *const keys[] = {"area_from", "region.", NULL};

static long staged;
static const mf_section *last_sec;

static int load_hotlines_file(load_ctx *c, const char *text, size_t len)
{
    static const char *const required[] = {"number", "service_line", NULL};
    const char *af = mf_get(c->sec, "area_from");
    int from_operator = af && !strcmp(af, "operator");
    if (af && !from_operator)
        return diag_error(c->d, c->m->file, mf_line(c->sec, "area_from"),
                          "[%s] area_from = %s：只能是 operator（从单位名称得出所在地区）",
                          c->sec->name, af)
                   ? -1
                   : 0;
    stat_region_map regions;
    int first = last_sec != c->sec;
    last_sec = c->sec;
    if (stat_region_map_read(c, &regions, first) != 0)
        return -1;
    csvmap m;
    int rc = 0;
    if (csvmap_open(&m, c, text, len, fields, required) != 0)
        rc = c->d->stop ? -1 : 0;
    else
        while (csvmap_next(&m, c)) {
            const char *const *v = m.v;
            hotline_in in = {
                .number = v[F_NUMBER],
                .extension = v[F_EXT],
                .via_platform = v[F_VIA],
                .service_line = v[F_SERVICE],
                .operator_name = v[F_OPERATOR],
                .admin_level = v[F_LEVEL],
                .region = v[F_REGION],
                .areas = v[F_AREAS],
                .province = v[F_PROVINCE],
                .hours = v[F_HOURS],
                .holiday_rule = v[F_HOLIDAY],
                .status = v[F_STATUS],
                .replaced_by = v[F_REPLACED],
                .published = v[F_PUBLISHED],
                .verified = v[F_VERIFIED],
                .address = v[F_ADDRESS],
                .note = v[F_NOTE],
                .area_from_operator = from_operator,
                .regions = &regions,
                .line = m.line,
            };
            int n = hotline_row_stage(c, &in);
            if (n < 0) {
                rc = -1;
                break;
            }
            staged += n;
        }
    if (c->d->stop)
        rc = -1;
    csvmap_close(&m);
    stat_region_map_free(&regions);
    return rc;
}

static int hotlines_begin(load_ctx *c)
{
    staged = 0;
    last_sec = NULL;
    return hotline_rows_begin(c) == 0 ? SQLITE_OK : SQLITE_ERROR;
}

static int hotlines_finish(load_ctx *c)
{
    int rc = 0;
    if (!c->d->stop && staged) {
        rc = hotline_places_resolve(c);
        if (!rc)
            rc = hotline_write(c);
    }
    sqlite3_exec(c->db, "DROP TABLE IF EXISTS temp.hotline_stage; "
                        "DROP TABLE IF EXISTS temp.hotline_area_stage; "
                        "DROP TABLE IF EXISTS temp.hotline_resolved;", NULL, NULL, NULL);
    return rc;
}

const load_kind kind_hotlines = {
    .name = "hotlines",
    .keys = keys,
    .csv_fields = fields,
    .begin = hotlines_begin,
    .load_file = load_hotlines_file,
    .finish = hotlines_finish,
};
