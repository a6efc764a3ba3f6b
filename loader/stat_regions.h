/* Regions of relief statistics (kind stats): what a source writes in its region column
 * turned into a division code. 全国, 中国 and 000000 are the nation (000000); a code in any
 * form core/divcode.h reads is taken as it is; a name goes through the section's
 * `region.NAME = CODE` entries, else waits for the division table, which is complete only
 * when the load finishes: then a name is matched against the current divisions (folded, so
 * 北京市, 北京 and Traditional forms agree), or read as a path (福建省三明市: a division's
 * name followed by a child's). What matches nothing, or more than one division, is an
 * error at the row's file:line. */
#ifndef GONGKAI_STAT_REGIONS_H
#define GONGKAI_STAT_REGIONS_H

#include "divcode.h"
#include "load.h"

#define STAT_REGION_NATIONAL "000000"
#define STAT_REGION_WHY 512 /* bytes of a reason for people */

/* A section's region.NAME = CODE entries: NAME folded, CODE canonical. */
typedef struct {
    char **keys;
    char (*codes)[DIV_BUF];
    size_t n;
} stat_region_map;

/* Reads the current section's entries; a CODE that is no division code (nor 000000) is
 * left out, and with report an error at the manifest's line (a section's files share its
 * entries: the caller reports them with the first). Returns 0, -1 when the load must
 * stop. */
int stat_region_map_read(load_ctx *c, stat_region_map *m, int report);
void stat_region_map_free(stat_region_map *m);

/* What the text says without the division table: 1 with code filled (the nation, a code,
 * an entry of the map), 0 for a name to look up when the load finishes, -1 with why (for
 * people) when it cannot be a region (empty, a malformed code). */
int stat_region_early(const stat_region_map *m, const char *text, char code[DIV_BUF],
                      char why[STAT_REGION_WHY]);

/* The key a region name is matched by: folded (繁简, width) like division.name_key, without
 * spaces. New string. */
char *stat_region_key(const char *text);

/* When the divisions are finished: every staged row still without a code (a name) gets
 * the code its name resolves to; the rows whose name does not resolve are reported with
 * their file:line and the reason, and dropped. Returns 0, -1 when the load must stop. */
int stat_regions_finish(load_ctx *c);

#endif
