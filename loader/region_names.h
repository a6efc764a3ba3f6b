/* Names of divisions resolved against the finished division table, for the kinds that
 * read a place as sources write it (stats regions, hotline operators and areas): a name
 * matched folded against the current divisions (北京市, 北京 and Traditional forms agree;
 * a suffix the source leaves off is tried: 广西 for 广西壮族自治区), or read as a path
 * (福建省三明市: a division's name followed by a child's). A name no current division has
 * but a former one does (an ended row: 九台市 220181) is followed through the code history
 * (division_event_link, as place_history follows it) to the one division in force it ends
 * at (220113 九台区); a code split among several, or ended without a successor, leaves the
 * name unresolved with the reason. Only after the division kinds have finished
 * (loader/kinds.c orders the finishes). */
#ifndef GONGKAI_REGION_NAMES_H
#define GONGKAI_REGION_NAMES_H

#include "divcode.h"
#include "load.h"

/* key is folded (stat_region_key); under is a division code that must hold the match
 * (a former name: its old code or the current one), or "" for anywhere. Returns 1 with
 * code (a unique current division) and, when note is not NULL, *note: NULL, or for a
 * match by a former name a new string for a warning ("按曾用名 九台市（220181）归入 九台区
 * （220113）"); 0 with *why (new string, for people, after 地区“NAME”: found nowhere, the
 * candidates when several, or where a former name's history ends: such reasons begin
 * with 曾用名), -1 on a database error. */
int region_name_resolve(load_ctx *c, const char *key, const char *under, char code[DIV_BUF],
                        char **why, char **note);

/* Releases the cached statement; call when the kind's finish is done. */
void region_names_end(void);

#endif
