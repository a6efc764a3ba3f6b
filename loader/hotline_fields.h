/* The words of a hotline row (kind = hotlines, docs/data-formats.md): service lines,
 * statuses and administrative levels as sources write them, turned into the schema's
 * values; the place an operator's name begins with (长春市救助管理站 -> 长春市). Pure. */
#ifndef GONGKAI_HOTLINE_FIELDS_H
#define GONGKAI_HOTLINE_FIELDS_H

#include <stddef.h>

/* The schema's service line for what a source writes (儿童保护 -> 儿童救助保护, 救助 ->
 * 社会救助 ...), compared without spaces; NULL when unknown. */
const char *hotline_service_line(const char *text);

/* The service lines the schema allows, "、"-joined (for messages). */
const char *hotline_service_lines_label(void);

/* active / merged / retired for what a source writes (在用, 已并入, 停用 ...; "" is
 * active); NULL when unknown. */
const char *hotline_status(const char *text);

/* 部 / 省 / 市 / 县 / 乡 for what a source writes (省级, 地市级, 区县 ...); NULL when
 * unknown. */
const char *hotline_admin_level(const char *text);

/* The level for a division code's level (0 the nation: 部). */
const char *hotline_level_of(int div_level);

/* The places an operator's name begins with, longest first: the prefixes that end with
 * a division's suffix (省 市 区 县 旗 州 盟) and leave a name after them: 铁岭市清河区救助管理站
 * -> 铁岭市清河区, 铁岭市. Writes at most max new strings, returns how many. */
size_t hotline_operator_places(const char *op, char **out, size_t max);

#endif
