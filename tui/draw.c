#include "draw.h"

#include "u8.h"
#include "utf8dec.h"

#include <curses.h>
#include <string.h>

static void set_attr(enum attr_kind at)
{
    attrset((attr_t)term_attr(at));
}

static void put_cp(uint32_t cp)
{
    wchar_t w[2] = {(wchar_t)cp, 0};
    addnwstr(w, 1);
}

int draw_text(int y, int x, int cols, const char *text, size_t len, enum attr_kind at,
              const hl_spans *spans, enum attr_kind hl, int marker)
{
    if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
        return 0;
    if (x + cols > COLS)
        cols = COLS - x;
    int fits_all = u8_width(text, len) <= (size_t)cols;
    int budget = (marker && !fits_all) ? cols - 1 : cols;
    move(y, x);
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    int used = 0;
    size_t si = 0; /* next span to consider */
    while (p < end) {
        size_t off = (size_t)(p - (const unsigned char *)text);
        uint32_t cp;
        int valid;
        int n = u8_decode(p, end, &cp, &valid);
        if (!valid || !u8_cp_printable(cp))
            cp = '?';
        int w = u8_cp_width(cp);
        if (w == 0) { /* combining marks ride on the previous cell */
            p += n;
            continue;
        }
        if (used + w > budget)
            break;
        while (spans && si < spans->n && spans->v[si].end <= off)
            si++;
        int in_span = spans && si < spans->n && spans->v[si].start <= off && off < spans->v[si].end;
        set_attr(in_span ? hl : at);
        put_cp(cp);
        used += w;
        p += n;
    }
    if (marker && !fits_all && used < cols) {
        set_attr(at); /* in the row's own attribute: no hole in a selection bar */
        addch('>');
        used++;
    }
    set_attr(AT_NORMAL);
    return used;
}

int draw_str(int y, int x, int cols, const char *s, enum attr_kind at)
{
    return draw_text(y, x, cols, s, strlen(s), at, NULL, at, 0);
}

void draw_fill(int y, int x, int cols, enum attr_kind at)
{
    if (y < 0 || y >= LINES || x >= COLS || cols <= 0)
        return;
    if (x + cols > COLS)
        cols = COLS - x;
    set_attr(at);
    mvhline(y, x, ' ', cols);
    set_attr(AT_NORMAL);
}

void draw_clear(const rect *r)
{
    for (int i = 0; i < r->h; i++)
        draw_fill(r->y + i, r->x, r->w, AT_NORMAL);
}

void draw_vline(int y, int x, int h)
{
    set_attr(AT_FRAME);
    for (int i = 0; i < h; i++) {
        if (term_unicode_frame())
            mvaddwstr(y + i, x, L"\u2502");
        else
            mvaddch(y + i, x, '|');
    }
    set_attr(AT_NORMAL);
}

int draw_lineedit(int y, int x, int cols, const char *prompt, lineedit *le, int focused)
{
    draw_fill(y, x, cols, AT_NORMAL);
    /* The column after the prompt holds the '<' scroll marker, so it is the gap too. */
    size_t plen = strlen(prompt);
    while (plen && prompt[plen - 1] == ' ')
        plen--;
    int pw = draw_text(y, x, cols, prompt, plen, AT_PROMPT, NULL, AT_PROMPT, 0);
    int field = cols - pw - 2; /* one column each for the < and > scroll markers */
    if (field < 2)
        return x + pw;
    le_view v;
    le_layout(le, (size_t)field, &v);
    int fx = x + pw + 1;
    if (v.more_left)
        draw_str(y, fx - 1, 1, "<", AT_DIM);
    move(y, fx);
    set_attr(focused ? AT_INPUT : AT_DIM);
    for (size_t i = v.start; i < v.end; i++) {
        /* The line already refuses these (le_set, le_insert); the draw layer keeps its
         * rule anyway: nothing unprintable or reordering reaches the terminal. */
        uint32_t cp = le->buf[i];
        if (u8_cp_bidi_control(cp))
            continue;
        put_cp(u8_cp_printable(cp) ? cp : '?');
    }
    set_attr(AT_NORMAL);
    if (v.more_right)
        draw_str(y, fx + field, 1, ">", AT_DIM);
    return fx + (int)v.cursor_col;
}
