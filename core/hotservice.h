/* Service lines of hotlines (issue 7): the schema's eight values (data/schema.sql,
 * hotline.service_line) and the words sources and operators write for them (儿童保护 ->
 * 儿童救助保护, 救助 -> 社会救助, 12349 -> 儿童救助保护 ...). Shared by the loader (kind
 * hotlines, loader/hotline_fields.c) and the routing engine (core/hotroute.c). Pure. */
#ifndef GONGKAI_HOTSERVICE_H
#define GONGKAI_HOTSERVICE_H

#include <stddef.h>

/* The schema's service line for what a source writes, compared without ASCII or
 * ideographic spaces; NULL when unknown. Numbers are not service lines here. */
const char *hotservice_line(const char *text);

/* hotservice_line, else a national service number for its line (12349 儿童救助保护,
 * 12345 综合); NULL when unknown. */
const char *hotservice_line_or_number(const char *text);

/* The service lines the schema allows, "、"-joined (for messages). */
const char *hotservice_lines_label(void);

/* The position of a service line in the schema's order (社会救助 0 ... 综合 7); 8 when
 * it is none of them. */
int hotservice_rank(const char *line);

#endif
