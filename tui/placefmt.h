/* Place look-ups (core/place.h) as TSV, CSV and JSON for `gongkai place`: one row per
 * division (or per history link), CSV through the formula guard of output.h, JSON with
 * every field a script needs. With an as-of date (r->date, date) the answer as of it
 * follows in columns and fields after the others; without one the output is as before.
 * The text for people is in placetext.c. */
#ifndef GONGKAI_PLACEFMT_H
#define GONGKAI_PLACEFMT_H

#include "convert.h"
#include "place.h"
#include "xalloc.h"

/* 被取代 / 拆分为 / 并入 / 更名 / 部分划归, or the relation itself when unknown. */
const char *pf_relation_label(const char *relation);

/* Names of h other than name, joined by "、" (new string; "" when none). ended picks the
 * rows in force (0), the ended ones (1) or all (-1). */
char *pf_other_names(const place_history_t *h, const char *name, int ended);

/* The name the code of h goes by now when h is an earlier name of a code still in force
 * (a rename: 桥西区 → 信都区, same code), else NULL. */
const char *pf_renamed_to(const place_hit *h);

/* Where an ended hit is now: "130503 信都区" for a rename, else the codes in force its
 * successors end at, joined by "；" (new string; "" when none). */
char *pf_now_text(const place_hit *h);

/* The codes in force at the as-of date (h->then): "512323 南川县", joined by "；" (new
 * string; "" when none). */
char *pf_then_text(const place_history_t *h);

/* Header and one row per hit (TSV, or CSV with CRLF when csv is set). */
void pf_hits_table(buf_t *b, const place_result *r, int csv, enum convert_script script);

/* Header and one row per name, link and code in force of a history; with a date (not
 * "") also the columns date and at, and rows of kind 当时 for the codes in force then. */
void pf_history_table(buf_t *b, const place_history_t *h, const char *as_of,
                      const char *date, int csv, enum convert_script script);

/* One JSON object ending in a newline. mode is "lookup" or "children". */
void pf_hits_json(buf_t *b, const place_result *r, const char *mode);
void pf_history_json(buf_t *b, const place_history_t *h, int known, const char *as_of,
                     const char *date);

#endif
