/* Drawing on the screen by columns: the only place besides term.c that includes curses.
 * Text is clipped to a column budget and never split inside a double-width character;
 * match spans are drawn with the highlight attribute; control characters become '?'.
 * Text from the corpus should already be sanitised (u8_sanitize, out_text_make). */
#ifndef GONGKAI_DRAW_H
#define GONGKAI_DRAW_H

#include <stddef.h>

#include "highlight.h"
#include "lineedit.h"
#include "term.h"

typedef struct {
    int y, x, h, w;
} rect;

/* Draws text[0..len) at (y, x) in at most cols columns with attribute at; spans (byte
 * offsets into text, may be NULL) use hl. When the text does not fit and marker is set,
 * the last column shows '>' instead. Returns the columns used. */
int draw_text(int y, int x, int cols, const char *text, size_t len, enum attr_kind at,
              const hl_spans *spans, enum attr_kind hl, int marker);

/* Same for a NUL-terminated string without spans. */
int draw_str(int y, int x, int cols, const char *s, enum attr_kind at);

/* Fills cols columns with spaces in attribute at. */
void draw_fill(int y, int x, int cols, enum attr_kind at);

/* Clears a rectangle. */
void draw_clear(const rect *r);

/* A vertical separator ('|', or '│' with ui.borders = unicode). */
void draw_vline(int y, int x, int h);

/* The input line: prompt, then the visible part of le; returns the screen column of the
 * cursor (for term_update). */
int draw_lineedit(int y, int x, int cols, const char *prompt, lineedit *le, int focused);

#endif
