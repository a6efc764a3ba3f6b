#include "u8.h"

#include "utf8dec.h"
#include "xalloc.h"

#include <string.h>
#include <wchar.h>

int u8_cp_printable(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return 0;
    if (cp < 0x7F)
        return 1;
    /* Planes 2 and 3 are CJK ideographs; glibc's tables may predate the newest
     * extensions, which terminals still draw (double width). */
    if (cp >= 0x20000 && cp <= 0x3FFFD)
        return (cp & 0xFFFE) != 0xFFFE;
    return wcwidth((wchar_t)cp) >= 0;
}

int u8_cp_width(uint32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F)
        return 1;
    if (cp >= 0x4E00 && cp <= 0x9FFF) /* the bulk of the corpus: skip the table */
        return 2;
    if (!u8_cp_printable(cp))
        return 1;
    if (cp >= 0x20000 && cp <= 0x3FFFD)
        return 2;
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w > 2 ? 2 : w;
}

/* Decodes the character at s[i] (i < len): code point (U+FFFD for an invalid byte),
 * width and byte length. */
static size_t step(const char *s, size_t len, size_t i, uint32_t *cp, int *w)
{
    const unsigned char *p = (const unsigned char *)s;
    int valid;
    int n = u8_decode(p + i, p + len, cp, &valid);
    *w = valid ? u8_cp_width(*cp) : 1;
    return (size_t)n;
}

size_t u8_width(const char *s, size_t len)
{
    size_t i = 0, cols = 0;
    while (i < len) {
        uint32_t cp;
        int w;
        i += step(s, len, i, &cp, &w);
        cols += (size_t)w;
    }
    return cols;
}

size_t u8_fit(const char *s, size_t len, size_t cols, size_t *used_cols)
{
    size_t i = 0, used = 0;
    while (i < len) {
        uint32_t cp;
        int w;
        size_t n = step(s, len, i, &cp, &w);
        if ((size_t)w > cols - used)
            break;
        used += (size_t)w;
        i += n;
    }
    if (used_cols)
        *used_cols = used;
    return i;
}

size_t u8_trunc(const char *s, size_t len, size_t cols, int *cut, size_t *used_cols)
{
    size_t used;
    size_t n = u8_fit(s, len, cols, &used);
    *cut = 0;
    if (n < len && cols > 0) {
        *cut = 1;
        n = u8_fit(s, len, cols - 1, &used);
    }
    if (used_cols)
        *used_cols = used;
    return n;
}

char *u8_truncate(const char *s, size_t len, size_t cols, const char *marker)
{
    size_t n = u8_fit(s, len, cols, NULL);
    if (n == len)
        return xstrndup(s, len);
    size_t mlen = strlen(marker), mw = u8_width(marker, mlen);
    if (mw > cols) /* no room for the marker: plain cut */
        return xstrndup(s, n);
    n = u8_fit(s, len, cols - mw, NULL);
    char *out = xmalloc(n + mlen + 1);
    memcpy(out, s, n);
    memcpy(out + n, marker, mlen + 1);
    return out;
}

size_t u8_skip_cols(const char *s, size_t len, size_t skip, size_t *pad)
{
    size_t i = 0, col = 0, p = 0;
    while (i < len) {
        uint32_t cp;
        int w;
        size_t n = step(s, len, i, &cp, &w);
        /* Zero-width characters after the edge belong to the skipped character. */
        if (col >= skip && (w > 0 || i == 0))
            break;
        if (col < skip && col + (size_t)w > skip)
            p = col + (size_t)w - skip;
        col += (size_t)w;
        i += n;
    }
    if (pad)
        *pad = p;
    return i;
}

size_t u8_next(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len;
    const unsigned char *p = (const unsigned char *)s;
    uint32_t cp;
    int valid;
    return i + (size_t)u8_decode(p + i, p + len, &cp, &valid);
}

size_t u8_prev(const char *s, size_t i)
{
    const unsigned char *p = (const unsigned char *)s;
    if (i == 0)
        return 0;
    /* The nearest lead byte within reach starts the character only if it decodes to a
     * valid sequence ending exactly at i; otherwise byte i-1 is an invalid one. */
    size_t lim = i >= 4 ? i - 4 : 0, c = i - 1;
    while (c > lim && (p[c] & 0xC0) == 0x80)
        c--;
    if ((p[c] & 0xC0) == 0x80 || c == i - 1)
        return i - 1;
    uint32_t cp;
    int valid;
    int n = u8_decode(p + c, p + i, &cp, &valid);
    return valid && c + (size_t)n == i ? c : i - 1;
}

size_t u8_count(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    while (i < len) {
        i = u8_next(s, len, i);
        n++;
    }
    return n;
}

/* ---- wrapping -------------------------------------------------------------------- */

static const uint32_t closing_marks[] = {
    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D,
    0x300F, 0x3011, 0x3015, 0x201D, 0x2019, 0x2026, 0x3009, 0x3017, 0xFF3D, 0xFF5D,
    0xFF0E, ',', '.', ';', ':', '?', '!', ')', ']', '}',
};
static const uint32_t opening_marks[] = {
    0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x201C, 0x2018,
    0x3008, 0x3016, 0xFF3B, 0xFF5B, '(', '[', '{',
};

static int in_set(uint32_t cp, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

static int is_closing(uint32_t cp)
{
    return in_set(cp, closing_marks, sizeof closing_marks / sizeof *closing_marks);
}

static int is_opening(uint32_t cp)
{
    return in_set(cp, opening_marks, sizeof opening_marks / sizeof *opening_marks);
}

#define ZWSP 0x200Bu

/* Whether a line may end after a and the next begin with b. a is the last character
 * of non-zero width before b (or a zero-width space). */
static int can_break(uint32_t a, int aw, uint32_t b, int bw)
{
    if (b == ' ' || bw == 0 || is_closing(b) || is_opening(a))
        return 0;
    if (a == ' ' || a == ZWSP)
        return 1;
    return aw == 2 || bw == 2;
}

/* Whether a run too long for a line may be cut before position j, given the
 * characters on either side: keeps combining marks and 禁则 intact. */
static int can_cut(uint32_t a, uint32_t b, int bw)
{
    return bw > 0 && b != ' ' && !is_closing(b) && !is_opening(a);
}

typedef struct {
    u8_line_t *v;
    size_t n, cap;
} lines_t;

static void add_line(lines_t *l, size_t start, size_t end)
{
    l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n].start = start;
    l->v[l->n].end = end;
    l->n++;
}

/* End of a wrapped line [pos, end) without its trailing spaces. A line of nothing but
 * spaces (indentation of a paragraph's first line) keeps as many as fit. */
static size_t trim_end(const char *s, size_t pos, size_t end, size_t cols)
{
    size_t e = end;
    while (e > pos && s[e - 1] == ' ')
        e--;
    if (e == pos)
        e = pos + (end - pos < cols ? end - pos : cols);
    return e;
}

/* Where to cut a run that has no break opportunity, i being the first character that
 * does not fit: the last position in (pos, i] that respects 禁则, else i itself. */
static size_t emergency_cut(const char *s, size_t q, size_t pos, size_t i)
{
    for (size_t j = i; j > pos; j = u8_prev(s, j)) {
        uint32_t a, b;
        int aw, bw;
        step(s, q, j, &b, &bw);
        step(s, q, u8_prev(s, j), &a, &aw);
        if (can_cut(a, b, bw))
            return j;
    }
    return i;
}

/* Wraps one paragraph [p, q) (no '\n' inside). */
static void wrap_para(const char *s, size_t p, size_t q, size_t cols, lines_t *l)
{
    size_t pos = p;
    if (p == q) {
        add_line(l, p, p);
        return;
    }
    for (int first = 1;; first = 0) {
        if (!first) {
            while (pos < q && s[pos] == ' ')
                pos++;
            if (pos == q)
                return;
        }
        /* w: width up to the last non-space character; spaces only count once
         * something follows them, since trailing ones are dropped at a wrap. */
        size_t i = pos, w = 0, spaces = 0, brk = pos;
        uint32_t prev = 0;
        int prevw = 0, have_prev = 0;
        while (i < q) {
            uint32_t cp;
            int cw;
            size_t n = step(s, q, i, &cp, &cw);
            if (have_prev && can_break(prev, prevw, cp, cw))
                brk = i;
            if (cp == ' ') {
                spaces++;
            } else {
                /* A zero-width mark after spaces makes them count, so it can overflow. */
                if ((cw > 0 || spaces > 0) && w + spaces + (size_t)cw > cols)
                    break;
                w += spaces + (size_t)cw;
                spaces = 0;
            }
            if (cw > 0 || cp == ZWSP) {
                prev = cp;
                prevw = cw;
                have_prev = 1;
            }
            i += n;
        }
        if (i == q) {
            add_line(l, pos, w + spaces > cols ? trim_end(s, pos, q, cols) : q);
            return;
        }
        size_t next;
        if (brk > pos) {
            next = brk;
        } else if (i > pos) {
            next = emergency_cut(s, q, pos, i);
        } else {
            /* A lone character wider than the line, with its combining marks. */
            next = u8_next(s, q, i);
            while (next < q) {
                uint32_t cp;
                int cw;
                size_t n = step(s, q, next, &cp, &cw);
                if (cw != 0)
                    break;
                next += n;
            }
        }
        add_line(l, pos, trim_end(s, pos, next, cols));
        pos = next;
    }
}

size_t u8_wrap(const char *s, size_t len, size_t cols, u8_line_t **lines)
{
    lines_t l = {NULL, 0, 0};
    if (cols == 0)
        cols = 1;
    size_t p = 0;
    for (;;) {
        const char *nl = memchr(s + p, '\n', len - p);
        size_t q = nl ? (size_t)(nl - s) : len;
        wrap_para(s, p, q, cols, &l);
        if (!nl)
            break;
        p = q + 1;
    }
    *lines = l.v;
    return l.n;
}

/* ---- sanitising ------------------------------------------------------------------ */

int u8_cp_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

/* Control sequence after "ESC [": parameters and intermediates up to a final byte. A
 * byte that cannot belong to it ends it and is then treated as text (an ESC starts a
 * new sequence), as a terminal's parser would. */
static size_t skip_csi(const unsigned char *p, size_t len, size_t i)
{
    for (; i < len; i++) {
        unsigned char c = p[i];
        if (c >= 0x40 && c <= 0x7E)
            return i + 1;
        if (c == 0x18 || c == 0x1A) /* CAN, SUB cancel the sequence */
            return i + 1;
        if (!((c >= 0x20 && c <= 0x3F) || c == 0x7F))
            return i;
    }
    return len;
}

/* Control string after "ESC ]", "ESC P", "ESC X", "ESC ^" or "ESC _": runs to BEL, ST
 * (ESC \ or U+009C), CAN or SUB. Another ESC ends it too and starts a new sequence;
 * an unterminated string runs to the end of the text, as a terminal would swallow it. */
static size_t skip_string(const unsigned char *p, size_t len, size_t i)
{
    for (; i < len; i++) {
        unsigned char c = p[i];
        if (c == 0x07 || c == 0x18 || c == 0x1A)
            return i + 1;
        if (c == 0x1B)
            return i + 1 < len && p[i + 1] == '\\' ? i + 2 : i;
        if (c == 0xC2 && i + 1 < len && p[i + 1] == 0x9C)
            return i + 2;
    }
    return len;
}

/* p[i] is ESC: returns the offset after the whole sequence. */
static size_t skip_escape(const unsigned char *p, size_t len, size_t i)
{
    if (++i >= len)
        return len;
    unsigned char c = p[i];
    if (c == '[')
        return skip_csi(p, len, i + 1);
    if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
        return skip_string(p, len, i + 1);
    /* ESC, intermediates 0x20-0x2F, final 0x30-0x7E (two-byte ESC x, or ESC ( B). */
    while (i < len && p[i] >= 0x20 && p[i] <= 0x2F)
        i++;
    if (i < len && p[i] >= 0x30 && p[i] <= 0x7E)
        return i + 1;
    return i;
}

char *u8_sanitize(const char *s, size_t len, unsigned flags)
{
    const unsigned char *p = (const unsigned char *)s;
    char *out = xmalloc(len + 1); /* nothing grows: '?' replaces at least one byte */
    size_t i = 0, o = 0;
    char nl = (flags & U8_SAN_KEEP_NL) ? '\n' : ' ';
    while (i < len) {
        unsigned char c = p[i];
        if (c == 0x1B) {
            i = skip_escape(p, len, i);
            continue;
        }
        if (c < 0x80) {
            i++;
            if (c == '\n' || (c == '\r' && (i == len || p[i] != '\n')))
                out[o++] = nl;
            else if (c == '\t')
                out[o++] = ' ';
            else if (c >= 0x20 && c < 0x7F)
                out[o++] = (char)c;
            continue;
        }
        uint32_t cp;
        int valid;
        int n = u8_decode(p + i, p + len, &cp, &valid);
        if (!valid) {
            out[o++] = '?';
        } else if ((cp >= 0x80 && cp < 0xA0) || u8_cp_bidi_control(cp)) {
            /* removed */
        } else if (!(flags & U8_SAN_KEEP_UNPRINTABLE) && !u8_cp_printable(cp)) {
            out[o++] = '?';
        } else {
            memcpy(out + o, p + i, (size_t)n);
            o += (size_t)n;
        }
        i += (size_t)n;
    }
    out[o] = '\0';
    return out;
}

int u8_has_controls(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7F)
                return 1;
            i++;
            continue;
        }
        uint32_t cp;
        int valid;
        int n = u8_decode(p + i, p + len, &cp, &valid);
        if (!valid || cp < 0xA0 || u8_cp_bidi_control(cp))
            return 1;
        i += (size_t)n;
    }
    return 0;
}

/* ---- search input ---------------------------------------------------------------- */

static int is_input_space(uint32_t cp)
{
    return cp == ' ' || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

char *u8_normalize_input(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    char *out = xmalloc(len + 1); /* every mapping keeps or shrinks the length */
    size_t i = 0, o = 0;
    int space = 0;
    while (i < len) {
        uint32_t cp;
        int valid;
        i += (size_t)u8_decode(p + i, p + len, &cp, &valid);
        if (!valid || u8_cp_bidi_control(cp) || cp == ZWSP || cp == 0xFEFF)
            continue;
        if (is_input_space(cp)) {
            space = o > 0;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        if (space) {
            out[o++] = ' ';
            space = 0;
        }
        o += (size_t)u8_encode(cp, out + o);
    }
    out[o] = '\0';
    return out;
}
