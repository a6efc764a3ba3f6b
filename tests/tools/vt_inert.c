/* vtrun's proof that the program's output was inert (issue 8): every byte the program
 * wrote to the pty is recorded (and copied to $VTRUN_RAW_LOG when set), and check-inert
 * scans the record for what corpus text must never turn into on a terminal:
 *
 *   - an OSC (window title, OSC 52 clipboard, ...), DCS, SOS, PM or APC string: curses
 *     draws with none of them (the console's copy key sends OSC 52 on purpose: +copies)
 *   - the window title or icon name set, as libvterm reports it
 *   - BEL: the console never beeps (no beep() or flash() in tui/)
 *   - a C0 control other than BS, HT, LF, CR and ESC; DEL
 *   - a clear screen (CSI 2J) that is not curses's clear (CSI H CSI 2J)
 *   - a C1 control as UTF-8 (C2 80..C2 9F), a bidi control (U+061C, U+200E, U+200F,
 *     U+202A..202E, U+2066..2069), or invalid UTF-8 (a raw 0x9b included)
 *   - an escape sequence cut by the end of the output
 *   - check-inert [+copies] MARKER...: a marker text inside an escape sequence
 *
 * Everything else is what curses draws with: CSI sequences, ESC ( B and the like. With
 * +copies, the console's own copy (ESC ] 52 ; c ; BASE64 BEL) is allowed, and its decoded
 * payload, which a clerk will paste somewhere, must hold no ESC, BEL, other C0 control
 * but tab and line breaks, C1, bidi control or invalid UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt.h"

/* A console session writes a few hundred KB; a runaway program must not eat the memory. */
#define RAW_MAX (64u << 20)

static struct {
    char *b;
    size_t len, cap;
    int over;      /* more than RAW_MAX bytes: the rest is not kept */
    FILE *log;     /* $VTRUN_RAW_LOG */
    int log_tried;
    int title, icon; /* times libvterm reported a title / icon name */
} R;

void inert_record(const char *b, size_t n)
{
    if (!R.log_tried) {
        R.log_tried = 1;
        const char *path = getenv("VTRUN_RAW_LOG");
        if (path && *path && !(R.log = fopen(path, "wb")))
            fprintf(stderr, "vtrun: VTRUN_RAW_LOG %s: cannot write it\n", path);
    }
    if (R.log)
        fwrite(b, 1, n, R.log);
    if (R.over || !n)
        return;
    if (R.len + n > RAW_MAX) {
        R.over = 1;
        return;
    }
    if (R.len + n > R.cap) {
        size_t cap = R.cap ? R.cap : 65536;
        while (cap < R.len + n)
            cap *= 2;
        char *nb = realloc(R.b, cap);
        if (!nb) {
            R.over = 1;
            return;
        }
        R.b = nb;
        R.cap = cap;
    }
    memcpy(R.b + R.len, b, n);
    R.len += n;
}

void inert_termprop(VTermProp prop)
{
    if (prop == VTERM_PROP_TITLE)
        R.title++;
    else if (prop == VTERM_PROP_ICONNAME)
        R.icon++;
}

/* ---- the scan ----------------------------------------------------------------------------- */

static char why[4096];
static size_t nwhy;
static int nfound;

/* Text being scanned: the output, or the decoded payload of a copy (OSC 52). */
typedef struct {
    const char *b;
    size_t len;
    const char *name; /* "" for the output, else what the bytes are */
} text;

#define NOWHERE ((size_t)-1)

/* Adds a finding with the bytes around offset at (escaped) so the reader sees the leak;
 * at NOWHERE: a finding without a place. */
static void found(const text *t, size_t at, const char *what)
{
    if (++nfound > 16)
        return;
    if (at == NOWHERE) {
        nwhy += (size_t)snprintf(why + nwhy, sizeof why - nwhy, "\n  %s", what);
        if (nwhy >= sizeof why)
            nwhy = sizeof why - 1;
        return;
    }
    char ctx[256];
    size_t c = 0, from = at > 24 ? at - 24 : 0, to = at + 40 < t->len ? at + 40 : t->len;
    for (size_t i = from; i < to && c + 8 < sizeof ctx; i++) {
        unsigned char ch = (unsigned char)t->b[i];
        if (ch >= 0x20 && ch < 0x7F && ch != '\\')
            ctx[c++] = (char)ch;
        else
            c += (size_t)snprintf(ctx + c, sizeof ctx - c, "\\x%02x", ch);
    }
    ctx[c] = '\0';
    nwhy += (size_t)snprintf(why + nwhy, sizeof why - nwhy, "\n  %s%s at byte %zu: ...%s...",
                             what, t->name, at, ctx);
    if (nwhy >= sizeof why)
        nwhy = sizeof why - 1;
}

/* Length of the escape sequence at t->b[i] (an ESC), 0 when the text ends inside it;
 * *kind gets its introducer: '[' CSI, ']' OSC, 'P' DCS, 'X' SOS, '^' PM, '_' APC, else
 * 'e' (ESC, intermediates, final). */
static size_t esc_len(const text *t, size_t i, char *kind)
{
    const char *b = t->b;
    size_t j = i + 1;
    if (j >= t->len)
        return 0;
    char k = b[j];
    if (k == '[') {
        *kind = '[';
        for (j++; j < t->len; j++) {
            unsigned char c = (unsigned char)b[j];
            if (c >= 0x40 && c <= 0x7E)
                return j + 1 - i;
            if (c < 0x20 || c > 0x7E)
                return j - i; /* malformed: ends here, the byte is scanned on its own */
        }
        return 0;
    }
    if (k == ']' || k == 'P' || k == 'X' || k == '^' || k == '_') {
        *kind = k;
        for (j++; j < t->len; j++) {
            if (k == ']' && b[j] == '\a')
                return j + 1 - i;
            if (b[j] == '\033' && j + 1 < t->len && b[j + 1] == '\\')
                return j + 2 - i;
        }
        return 0;
    }
    *kind = 'e';
    while (j < t->len && (unsigned char)b[j] >= 0x20 && (unsigned char)b[j] <= 0x2F)
        j++;
    return j < t->len ? j + 1 - i : 0;
}

/* Bytes of the well-formed UTF-8 character at p (a lead byte >= 0x80, left bytes in all),
 * 0 when it is invalid (a stray continuation byte, overlong, a surrogate, past U+10FFFF,
 * cut). */
static size_t utf8_len(const unsigned char *p, size_t left, unsigned *cp)
{
    size_t n;
    unsigned min;
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        n = 2, min = 0x80, *cp = p[0] & 0x1Fu;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 3, min = 0x800, *cp = p[0] & 0x0Fu;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 4, min = 0x10000, *cp = p[0] & 0x07u;
    } else {
        return 0;
    }
    if (left < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        *cp = *cp << 6 | (p[k] & 0x3Fu);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
        return 0;
    return n;
}

static int is_bidi(unsigned cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

struct opts {
    char **markers;
    int nmarkers;
    int copies; /* +copies: the console's own OSC 52 is allowed; its payload is scanned */
};

static void scan(const text *t, const struct opts *o);

/* The console's copy: ESC ] 52 ; c ; BASE64 BEL. Decodes it and scans what would land on
 * the clipboard (and be pasted into a terminal later) with the same rules. Returns 0 when
 * the string is not of that form. */
static int scan_copy(const text *t, size_t i, size_t n, const struct opts *o)
{
    static const char pre[] = "\033]52;c;";
    size_t plen = sizeof pre - 1;
    if (n < plen + 1 || memcmp(t->b + i, pre, plen) || t->b[i + n - 1] != '\a')
        return 0;
    const char *s = t->b + i + plen;
    size_t slen = n - plen - 1, o_len = 0;
    char *dec = malloc(slen / 4 * 3 + 3);
    if (!dec)
        return 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t k = 0; k < slen && s[k] != '='; k++) {
        const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const char *at = s[k] ? strchr(al, s[k]) : NULL;
        if (!at) {
            free(dec);
            return 0;
        }
        acc = acc << 6 | (unsigned)(at - al);
        if ((bits += 6) >= 8) {
            bits -= 8;
            dec[o_len++] = (char)(acc >> bits & 0xFF);
        }
    }
    text copy = {dec, o_len, " in a copy (OSC 52 payload)"};
    scan(&copy, o);
    free(dec);
    return 1;
}

static void check_escape(const text *t, size_t i, size_t n, char kind, const struct opts *o)
{
    static const char *const names[128] = {[']'] = "an OSC string", ['P'] = "a DCS string",
                                           ['X'] = "an SOS string", ['^'] = "a PM string",
                                           ['_'] = "an APC string"};
    if (names[(unsigned char)kind] && !(o->copies && kind == ']' && scan_copy(t, i, n, o))) {
        char what[64];
        int num = kind == ']' ? atoi(t->b + i + 2) : -1;
        if (num >= 0)
            snprintf(what, sizeof what, "%s (OSC %d%s)", names[(unsigned char)kind], num,
                     num <= 2 ? ": window title" : num == 52 ? ": clipboard" : "");
        else
            snprintf(what, sizeof what, "%s", names[(unsigned char)kind]);
        found(t, i, what);
    }
    if (kind == '[' && n == 4 && !memcmp(t->b + i, "\033[2J", 4) &&
        (i < 3 || memcmp(t->b + i - 3, "\033[H", 3)))
        found(t, i, "a clear screen (CSI 2J) that is not curses's clear (CSI H CSI 2J)");
    for (int m = 0; m < o->nmarkers; m++) {
        size_t ml = strlen(o->markers[m]);
        for (size_t k = i; ml && k + ml <= i + n; k++)
            if (!memcmp(t->b + k, o->markers[m], ml)) {
                char what[160];
                snprintf(what, sizeof what, "the marker \"%.100s\" inside an escape sequence",
                         o->markers[m]);
                found(t, k, what);
                break;
            }
    }
}

/* The output may hold escape sequences (curses draws with them); a copy's payload is text
 * and may hold none, but tabs and line breaks (a table as TSV). */
static void scan(const text *t, const struct opts *o)
{
    int output = !*t->name;
    for (size_t i = 0; i < t->len;) {
        unsigned char c = (unsigned char)t->b[i];
        if (c == 0x1B && output) {
            char kind = 'e';
            size_t n = esc_len(t, i, &kind);
            if (!n) {
                found(t, i, "an escape sequence cut by the end of the output");
                break;
            }
            check_escape(t, i, n, kind, o);
            i += n;
        } else if (c == '\a') {
            found(t, i++, "BEL");
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && (c != '\b' || !output)) ||
                   c == 0x7F) {
            found(t, i++, c == 0x1B ? "ESC" : "a C0 control or DEL");
        } else if (c < 0x80) {
            i++;
        } else {
            unsigned cp = 0;
            size_t n = utf8_len((const unsigned char *)t->b + i, t->len - i, &cp);
            if (!n)
                found(t, i, "invalid UTF-8");
            else if (cp < 0xA0)
                found(t, i, "a C1 control (UTF-8 C2 80..C2 9F)");
            else if (is_bidi(cp))
                found(t, i, "a bidi control");
            i += n ? n : 1;
        }
    }
}

void check_inert(char *arg)
{
    settle(); /* whatever is still on its way belongs to the record */
    char *markers[32];
    struct opts o = {markers, 0, 0};
    for (char *m = strtok(arg, " "); m && o.nmarkers < 32; m = strtok(NULL, " ")) {
        if (!strcmp(m, "+copies"))
            o.copies = 1;
        else
            markers[o.nmarkers++] = m;
    }
    nwhy = 0;
    nfound = 0;
    why[0] = '\0';
    if (R.over)
        fail("check-inert: the program wrote more than %u bytes; not all were kept", RAW_MAX);
    text out = {R.b ? R.b : "", R.len, ""};
    if (R.title)
        found(&out, NOWHERE, "the window title was set (libvterm VTERM_PROP_TITLE)");
    if (R.icon)
        found(&out, NOWHERE, "the icon name was set (libvterm VTERM_PROP_ICONNAME)");
    scan(&out, &o);
    if (nfound)
        fail("check-inert: %d finding%s in %zu bytes of output:%s%s", nfound,
             nfound == 1 ? "" : "s", R.len, why, nfound > 16 ? "\n  ..." : "");
}
