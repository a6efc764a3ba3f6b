/* The places of staged hotlines resolved when the division table is finished (kind =
 * hotlines finishes after the division kinds): the province hint (a name or code that
 * scopes the others: 双阳区 within 吉林省), the operator's division (region, or with
 * `area_from = operator` the place its name begins with) and the divisions served
 * (areas; the region when none are given), through loader/region_names.h. A code must be
 * a current division; a name that matches none or several is an error at the row's
 * file:line and the row is dropped; a place derived from an operator's name that does
 * not resolve is a warning and the line is kept without a division. The level (部 省 市 县
 * 乡) is derived from the division when the source gives none. */
#ifndef GONGKAI_HOTLINE_PLACES_H
#define GONGKAI_HOTLINE_PLACES_H

#include "load.h"

/* Updates temp.hotline_stage (region_code, province_code, admin_level, dropped) and
 * temp.hotline_area_stage (code). 0, or -1 when the load must stop. */
int hotline_places_resolve(load_ctx *c);

#endif
