#include "lineedit.h"

#include "u8.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void le_init(lineedit *le, size_t max)
{
    memset(le, 0, sizeof *le);
    le->max = max ? max : 256;
    le->hist_pos = -1;
}

void le_free(lineedit *le)
{
    free(le->buf);
    free(le->saved);
    memset(le, 0, sizeof *le);
}

static void reserve(lineedit *le, size_t n)
{
    le->buf = xgrow(le->buf, &le->cap, n, sizeof *le->buf);
}

/* Bidi controls are printable to wcwidth (zero width) but would reach the terminal raw
 * and reorder what the clerk sees (issue 8). */
static int acceptable(uint32_t cp)
{
    return u8_cp_printable(cp) && cp != '\n' && cp != '\t' && !u8_cp_bidi_control(cp);
}

void le_set(lineedit *le, const char *utf8)
{
    le->len = le->cur = le->scroll = 0;
    /* The text may be the corpus's (an organisation's name opened from a look-alike):
     * an escape sequence goes whole, not just its ESC with "[2J" left to read. */
    char *clean = u8_sanitize(utf8, strlen(utf8), 0);
    const unsigned char *p = (const unsigned char *)clean, *end = p + strlen(clean);
    while (p < end && le->len < le->max) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        if (!valid || !acceptable(cp))
            continue;
        reserve(le, le->len + 1);
        le->buf[le->len++] = cp;
    }
    free(clean);
    le->cur = le->len;
}

char *le_text(const lineedit *le)
{
    char *out = xmalloc(le->len * 4 + 1);
    size_t o = 0;
    for (size_t i = 0; i < le->len; i++)
        o += (size_t)u8_encode(le->buf[i], out + o);
    out[o] = '\0';
    return out;
}

int le_empty(const lineedit *le)
{
    return le->len == 0;
}

enum le_result le_insert(lineedit *le, uint32_t cp)
{
    if (!acceptable(cp) || le->len >= le->max)
        return LE_IGNORED;
    reserve(le, le->len + 1);
    memmove(le->buf + le->cur + 1, le->buf + le->cur, (le->len - le->cur) * sizeof *le->buf);
    le->buf[le->cur++] = cp;
    le->len++;
    return LE_CHANGED;
}

static enum le_result delete_range(lineedit *le, size_t from, size_t to)
{
    if (from >= to)
        return LE_IGNORED;
    memmove(le->buf + from, le->buf + to, (le->len - to) * sizeof *le->buf);
    le->len -= to - from;
    le->cur = from;
    return LE_CHANGED;
}

/* History: Up shows older entries, Down newer ones and finally the line being typed. */
static enum le_result browse(lineedit *le, hist_t *h, int older)
{
    if (!h)
        return LE_IGNORED;
    int n = hist_count(h);
    int pos = le->hist_pos + (older ? 1 : -1);
    if (pos >= n || pos < -1)
        return LE_IGNORED;
    if (le->hist_pos == -1) {
        free(le->saved);
        le->saved = le_text(le);
    }
    le->hist_pos = pos;
    if (pos == -1) {
        le_set(le, le->saved ? le->saved : "");
    } else {
        const char *e = hist_entry(h, pos);
        le_set(le, e ? e : "");
    }
    return LE_CHANGED;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == 0x3000;
}

enum le_result le_key(lineedit *le, const gk_key *k, hist_t *h)
{
    enum le_result r = LE_IGNORED;
    if (k->alt)
        return LE_IGNORED;
    switch (k->code) {
    case KEYC_CHAR:
        r = le_insert(le, k->ch);
        break;
    case KEYC_ENTER:
        return LE_SUBMIT;
    case KEYC_ESC:
        return LE_CANCEL;
    case KEYC_LEFT:
        if (le->cur > 0) {
            le->cur--;
            r = LE_MOVED;
        }
        break;
    case KEYC_RIGHT:
        if (le->cur < le->len) {
            le->cur++;
            r = LE_MOVED;
        }
        break;
    case KEYC_HOME:
        le->cur = 0;
        r = LE_MOVED;
        break;
    case KEYC_END:
        le->cur = le->len;
        r = LE_MOVED;
        break;
    case KEYC_BACKSPACE:
        r = le->cur ? delete_range(le, le->cur - 1, le->cur) : LE_IGNORED;
        break;
    case KEYC_DELETE:
        r = delete_range(le, le->cur, le->cur < le->len ? le->cur + 1 : le->cur);
        break;
    case KEYC_UP:
        return browse(le, h, 1);
    case KEYC_DOWN:
        return browse(le, h, 0);
    case KEYC_CTRL:
        switch (k->ch) {
        case 'a':
            le->cur = 0;
            return LE_MOVED;
        case 'e':
            le->cur = le->len;
            return LE_MOVED;
        case 'b':
            return le_key(le, &(gk_key){.code = KEYC_LEFT}, h);
        case 'f':
            return le_key(le, &(gk_key){.code = KEYC_RIGHT}, h);
        case 'h':
            return le_key(le, &(gk_key){.code = KEYC_BACKSPACE}, h);
        case 'd':
            return le_key(le, &(gk_key){.code = KEYC_DELETE}, h);
        case 'p':
            return browse(le, h, 1);
        case 'n':
            return browse(le, h, 0);
        case 'k':
            r = le->cur < le->len ? delete_range(le, le->cur, le->len) : LE_IGNORED;
            break;
        case 'u':
            r = delete_range(le, 0, le->cur);
            break;
        case 'w': {
            /* back over spaces, then over the word before them */
            size_t i = le->cur;
            while (i > 0 && is_space(le->buf[i - 1]))
                i--;
            while (i > 0 && !is_space(le->buf[i - 1]))
                i--;
            r = delete_range(le, i, le->cur);
            break;
        }
        default:
            return LE_IGNORED;
        }
        break;
    default:
        return LE_IGNORED;
    }
    if (r == LE_CHANGED)
        le->hist_pos = -1; /* editing an entry makes it the new line */
    return r;
}

static size_t width_of(const lineedit *le, size_t from, size_t to)
{
    size_t w = 0;
    for (size_t i = from; i < to; i++)
        w += (size_t)u8_cp_width(le->buf[i]);
    return w;
}

void le_layout(lineedit *le, size_t width, le_view *v)
{
    if (width < 2)
        width = 2;
    size_t context = width / 4; /* characters kept visible beyond the cursor when scrolling */
    if (le->cur < le->scroll)
        le->scroll = le->cur > context ? le->cur - context : 0;
    /* The cursor needs one column of its own after the last character. */
    while (le->scroll < le->cur && width_of(le, le->scroll, le->cur) + 1 > width)
        le->scroll++;
    if (le->scroll > le->len)
        le->scroll = le->len;
    /* Pull the view back when the text before the cursor fits again. */
    while (le->scroll > 0 && width_of(le, le->scroll - 1, le->len) + 1 <= width)
        le->scroll--;
    size_t end = le->scroll, used = 0;
    while (end < le->len && used + (size_t)u8_cp_width(le->buf[end]) <= width) {
        used += (size_t)u8_cp_width(le->buf[end]);
        end++;
    }
    v->start = le->scroll;
    v->end = end;
    v->cursor_col = width_of(le, le->scroll, le->cur);
    v->more_left = le->scroll > 0;
    v->more_right = end < le->len;
}
