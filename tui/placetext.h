/* The answers of a place look-up as text for people: one line per place (level, name,
 * code, path, children, type, reason; 已撤销 / 已更名 with what the code is now), a code's
 * children, a code's history; with an as-of date (place_result.date) a line under each
 * place says what it was then ("  1990-01-01 时：尚未设立（2006-10 起） · 当时有效：512323
 * 南川县"). Shared by `gongkai place` and the line mode (--cli); the
 * tables and JSON are in placefmt.c. */
#ifndef GONGKAI_PLACETEXT_H
#define GONGKAI_PLACETEXT_H

#include "convert.h"
#include "place.h"
#include "xalloc.h"

/* A hit at the as-of date, one line without a newline: "1990-01-01 时：尚未设立（2006-10
 * 起） · 当时有效：512323 南川县" (the console puts it under the hit). */
void pt_at(buf_t *b, const place_hit *h, const char *date, enum convert_script script);

/* A gazetteer record as one line: "六安市 · 行政区划 · 拼音 lu an · 来源 …" (new string). */
char *pt_gaz_line(const place_gaz *g);

void pt_lookup(buf_t *b, const place_result *r, enum convert_script script);
/* Only the places of a look-up, one line each as pt_lookup writes them (the line mode's
 * 地名 group above its search results). */
void pt_hits(buf_t *b, const place_result *r, enum convert_script script);
/* self: the look-up of the code itself (its path heads the list), r its children. */
void pt_children(buf_t *b, const place_result *self, const place_result *r,
                 enum convert_script script);
/* known: the code has rows; date: the as-of date of h (NULL or "": none), said in a
 * line after the names. */
void pt_history(buf_t *b, const place_history_t *h, int known, const char *as_of,
                const char *date, enum convert_script script);

#endif
