/* kind = divisions: 行政区划 rows from a table (NBS 统计用区划代码, a GB/T 2260 version
 * table, a province's township list): code, name and what the source gives besides (type,
 * parent, 城乡分类, validity), columns named by map.FIELD (docs/data-formats.md). Codes are
 * checked and stored canonical (core/divcode.h); the parent a row does not give, the
 * folded name keys and the name index are made when the load finishes
 * (division_finish in loader/division_rows.c). */
#include "kinds.h"

#include "csvmap.h"
#include "divcode.h"
#include "division_rows.h"

#include <string.h>

static const char *const fields[] = {"code",       "name",     "type",    "parent_code",
                                     "urban_rural", "valid_from", "valid_to", "ended",
                                     "seat_name",  "as_of",    NULL};
enum { F_CODE, F_NAME, F_TYPE, F_PARENT, F_URBAN, F_FROM, F_TO, F_ENDED, F_SEAT, F_AS_OF };

static int load_divisions_file(load_ctx *c, const char *text, size_t len)
{
    static const char *const required[] = {"code", "name", NULL};
    csvmap m;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(&m, c)) {
        const char *const *v = m.v;
        div_row r = {
            .code = v[F_CODE],
            .name = v[F_NAME],
            .type = v[F_TYPE],
            .parent = v[F_PARENT],
            .urban_rural = v[F_URBAN],
            .valid_from = v[F_FROM],
            .valid_to = v[F_TO],
            .ended = v[F_ENDED],
            .seat = v[F_SEAT],
            .as_of = v[F_AS_OF],
            .line = m.line,
        };
        if (div_row_store(c, &r) < 0)
            break;
    }
    csvmap_close(&m);
    return 0;
}

const load_kind kind_divisions = {
    .name = "divisions",
    .keys = NULL,
    .csv_fields = fields,
    .begin = NULL,
    .load_file = load_divisions_file,
    .finish = division_finish,
};
