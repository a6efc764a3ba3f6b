#include "textenc.h"

#include "fold.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Auto-detection between GB18030 and Big5 (both accept most of each other's bytes): the
 * winner needs this many Han characters, this share of common characters, and this lead. */
#define MIN_HAN 16
#define MIN_SCORE 0.35
#define MIN_LEAD 0.2
/* Declared GB18030/Big5 whose text scores below this is checked against the other. */
#define SUSPECT_SCORE 0.2
/* Scoring a sample is enough; a whole 100 MB file tells nothing more. */
#define SCORE_HAN_LIMIT 200000
/* In auto mode, invalid UTF-8 is reported as such (not tried as GB18030/Big5) when the
 * file has at least this many valid multibyte sequences per invalid byte, and 8 in all. */
#define UTF8_MOSTLY 10

/* About 500 very common characters (Simplified), plus the vocabulary of civil affairs.
 * Correctly decoded Chinese has most of its Han characters here; GB18030 read as Big5
 * (or the reverse) gives rare characters that mostly are not. */
static const char common_chars[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同"
    "工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理"
    "起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义"
    "事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设"
    "及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决"
    "西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济"
    "阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万"
    "每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记"
    "需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技"
    "备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候"
    "毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细"
    "引听该铁价严"
    /* civil affairs */
    "民政救助保障社区养老组织登记条例办法规定福利慈善婚姻殡葬残疾童困难低供临区划名愿服"
    "彩票申请依公开息告知函复议诉讼监督检财预算审计营管辖街乡镇村居委员会";

static void seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* 1-based number of the line that contains offset n of s. */
static size_t line_at(const char *s, size_t n)
{
    size_t line = 1;
    const char *p = s, *end = s + n;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        line++;
        p++;
    }
    return line;
}

/* ---- names --------------------------------------------------------------------------- */

static const struct {
    const char *name;
    enum textenc enc;
} enc_names[] = {
    {"auto", TEXTENC_AUTO},         {"utf-8", TEXTENC_UTF8},       {"utf8", TEXTENC_UTF8},
    {"gb18030", TEXTENC_GB18030},   {"gbk", TEXTENC_GB18030},      {"gb2312", TEXTENC_GB18030},
    {"big5", TEXTENC_BIG5},         {"utf-16", TEXTENC_UTF16},     {"utf16", TEXTENC_UTF16},
    {"utf-16le", TEXTENC_UTF16LE},  {"utf16le", TEXTENC_UTF16LE},  {"utf-16be", TEXTENC_UTF16BE},
    {"utf16be", TEXTENC_UTF16BE},
};

int textenc_parse_name(const char *name, enum textenc *out)
{
    for (size_t i = 0; name && i < sizeof enc_names / sizeof enc_names[0]; i++) {
        if (strcasecmp(name, enc_names[i].name) == 0) {
            *out = enc_names[i].enc;
            return 0;
        }
    }
    return -1;
}

const char *textenc_name(enum textenc enc)
{
    switch (enc) {
    case TEXTENC_AUTO:
        return "auto";
    case TEXTENC_UTF8:
        return "utf-8";
    case TEXTENC_GB18030:
        return "gb18030";
    case TEXTENC_BIG5:
        return "big5";
    case TEXTENC_UTF16:
        return "utf-16";
    case TEXTENC_UTF16LE:
        return "utf-16le";
    case TEXTENC_UTF16BE:
        return "utf-16be";
    }
    return "unknown";
}

/* How error messages name an encoding. */
static const char *label_of(enum textenc enc)
{
    switch (enc) {
    case TEXTENC_UTF8:
        return "UTF-8";
    case TEXTENC_GB18030:
        return "GB18030";
    case TEXTENC_BIG5:
        return "Big5";
    case TEXTENC_UTF16:
        return "UTF-16";
    case TEXTENC_UTF16LE:
        return "UTF-16LE";
    case TEXTENC_UTF16BE:
        return "UTF-16BE";
    case TEXTENC_AUTO:
        break;
    }
    return "auto";
}

/* ---- UTF-8 checking ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at p (avail > 0 bytes), or 0 with the reason in why.
 * why may be NULL: counting invalid bytes must not format a message for each. NUL counts
 * as invalid: no text file has one. */
static size_t u8_check_one(const unsigned char *p, size_t avail, char *why, size_t whylen)
{
    unsigned char c = p[0];
    if (c == 0) {
        seterr(why, whylen, "NUL byte (binary file?)");
        return 0;
    }
    if (c < 0x80)
        return 1;
    if (c < 0xC0) {
        seterr(why, whylen, "invalid UTF-8 (unexpected continuation byte 0x%02X)", c);
        return 0;
    }
    if (c >= 0xF5) {
        seterr(why, whylen, "invalid UTF-8 (byte 0x%02X never occurs in UTF-8)", c);
        return 0;
    }
    size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t k = 1; k < n; k++) {
        if (k >= avail) {
            seterr(why, whylen, "invalid UTF-8 (sequence cut off at end of file)");
            return 0;
        }
        if ((p[k] & 0xC0) != 0x80) {
            if (n == 2)
                seterr(why, whylen,
                       "invalid UTF-8 (byte 0x%02X not followed by a continuation byte)", c);
            else
                seterr(why, whylen,
                       "invalid UTF-8 (byte 0x%02X not followed by %zu continuation bytes)", c,
                       n - 1);
            return 0;
        }
    }
    if (c == 0xC0 || c == 0xC1 || (c == 0xE0 && p[1] < 0xA0) || (c == 0xF0 && p[1] < 0x90)) {
        seterr(why, whylen, "overlong UTF-8 encoding");
        return 0;
    }
    if (c == 0xED && p[1] >= 0xA0) {
        seterr(why, whylen, "UTF-16 surrogate in UTF-8");
        return 0;
    }
    if (c == 0xF4 && p[1] >= 0x90) {
        seterr(why, whylen, "invalid UTF-8 (code point above U+10FFFF)");
        return 0;
    }
    return n;
}

struct u8scan {
    size_t err_off;  /* offset of the first problem, SIZE_MAX if none */
    char reason[96]; /* what it is */
    size_t multibyte; /* valid sequences of 2-4 bytes */
    size_t invalid;   /* bytes where no valid sequence starts */
};

/* Checks s as UTF-8. With `all` it goes on after the first problem, counting, so that
 * auto-detection can tell UTF-8 with a flaw from another encoding. */
static void u8_scan(const unsigned char *s, size_t len, int all, struct u8scan *sc)
{
    sc->err_off = SIZE_MAX;
    sc->reason[0] = '\0';
    sc->multibyte = sc->invalid = 0;
    size_t i = 0;
    while (i < len) {
        if (s[i] >= 0x01 && s[i] < 0x80) {
            i++;
            continue;
        }
        int first = sc->err_off == SIZE_MAX;
        size_t n = u8_check_one(s + i, len - i, first ? sc->reason : NULL, sizeof sc->reason);
        if (n) {
            sc->multibyte++;
            i += n;
            continue;
        }
        sc->invalid++;
        if (first) {
            sc->err_off = i;
            if (!all)
                return;
        }
        i++;
    }
}

/* ---- scoring ------------------------------------------------------------------------- */

#define CJK_FIRST 0x4E00u
#define CJK_LAST 0x9FFFu

static int is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x323AF);
}

struct zhscore {
    size_t han, common;
};

static double score_of(const struct zhscore *z)
{
    return z->han ? (double)z->common / (double)z->han : 0.0;
}

/* Share of Han characters (folded, so Traditional counts too) among the common ones. */
static void score_text(const char *s, size_t len, struct zhscore *z)
{
    /* One bit per code point of the main CJK block; built per call, it is tiny. */
    unsigned char bits[(CJK_LAST - CJK_FIRST + 1) / 8 + 1];
    memset(bits, 0, sizeof bits);
    const unsigned char *p = (const unsigned char *)common_chars;
    const unsigned char *end = p + sizeof common_chars - 1;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        uint32_t f = fold_cp(cp);
        if (f >= CJK_FIRST && f <= CJK_LAST)
            bits[(f - CJK_FIRST) / 8] |= (unsigned char)(1u << ((f - CJK_FIRST) % 8));
    }
    z->han = z->common = 0;
    p = (const unsigned char *)s;
    end = p + len;
    while (p < end && z->han < SCORE_HAN_LIMIT) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        if (!is_han(cp))
            continue;
        z->han++;
        uint32_t f = fold_cp(cp);
        if (f >= CJK_FIRST && f <= CJK_LAST &&
            (bits[(f - CJK_FIRST) / 8] >> ((f - CJK_FIRST) % 8) & 1))
            z->common++;
    }
}

/* 1 if a is clearly the right reading over b (both converted without error). */
static int clear_winner(const struct zhscore *a, const struct zhscore *b)
{
    double sa = score_of(a), sb = score_of(b);
    return a->han >= MIN_HAN && sa >= MIN_SCORE && sa - sb >= MIN_LEAD;
}

/* ---- conversions --------------------------------------------------------------------- */

/* A decoded candidate: malloc'd UTF-8 (NUL-terminated) and its length. */
typedef struct {
    char *s;
    size_t len;
} decoded;

/* Converts len bytes from an iconv encoding to UTF-8. On failure the message names the
 * line, counted in what was decoded before the bad bytes. */
static int iconv_to_utf8(const char *data, size_t len, enum textenc enc, decoded *out,
                         char *err, size_t errlen)
{
    const char *from = enc == TEXTENC_BIG5 ? "BIG5" : "GB18030";
    const char *label = label_of(enc);
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        seterr(err, errlen, "cannot convert from %s: %s", label, strerror(errno));
        return -1;
    }
    /* Two bytes become at most three, four at most four. */
    size_t cap = len + len / 2 + 16;
    char *buf = xmalloc(cap + 1);
    char *in = (char *)data, *o = buf; /* iconv wants char ** */
    size_t inleft = len, oleft = cap;
    int rc = 0;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
            break;
        int e = errno;
        size_t used = (size_t)(o - buf);
        if (e == E2BIG) {
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
            o = buf + used;
            oleft = cap - used;
            continue;
        }
        size_t line = line_at(buf, used);
        const unsigned char *bad = (const unsigned char *)in;
        if (e == EINVAL)
            seterr(err, errlen, "line %zu: %s sequence cut off at end of file", line, label);
        else if (e == EILSEQ && inleft >= 2)
            seterr(err, errlen, "line %zu: invalid %s sequence (bytes 0x%02X 0x%02X)", line,
                   label, bad[0], bad[1]);
        else if (e == EILSEQ)
            seterr(err, errlen, "line %zu: invalid %s sequence (byte 0x%02X)", line, label,
                   bad[0]);
        else
            seterr(err, errlen, "line %zu: %s conversion failed: %s", line, label,
                   strerror(e));
        rc = -1;
        break;
    }
    iconv_close(cd);
    if (rc) {
        free(buf);
        return -1;
    }
    out->len = (size_t)(o - buf);
    buf[out->len] = '\0';
    out->s = buf;
    return 0;
}

/* The 16-bit unit at p[i]. */
static uint32_t unit_at(const unsigned char *p, size_t i, int big_endian)
{
    return big_endian ? (uint32_t)p[i] << 8 | p[i + 1] : (uint32_t)p[i + 1] << 8 | p[i];
}

/* UTF-16 by hand: simple, and errors can name the line. */
static int utf16_to_utf8(const char *data, size_t len, int big_endian, decoded *out, char *err,
                         size_t errlen)
{
    const unsigned char *p = (const unsigned char *)data;
    char *buf = xmalloc(len / 2 * 3 + 4 + 1); /* a unit gives <= 3 bytes, a pair 4 */
    size_t o = 0, i = 0;
    while (i + 1 < len) {
        uint32_t u = unit_at(p, i, big_endian);
        i += 2;
        if (u >= 0xD800 && u <= 0xDFFF) {
            uint32_t lo = 0;
            if (u <= 0xDBFF && i + 1 < len)
                lo = unit_at(p, i, big_endian);
            if (lo < 0xDC00 || lo > 0xDFFF) {
                seterr(err, errlen, "line %zu: invalid UTF-16 (unpaired surrogate 0x%04X)",
                       line_at(buf, o), (unsigned)u);
                free(buf);
                return -1;
            }
            i += 2;
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        }
        o += (size_t)u8_encode(u, buf + o);
    }
    if (i < len) {
        seterr(err, errlen, "line %zu: UTF-16 cut off at end of file (odd number of bytes)",
               line_at(buf, o));
        free(buf);
        return -1;
    }
    buf[o] = '\0';
    out->s = buf;
    out->len = o;
    return 0;
}

/* Guesses the byte order of UTF-16 without a BOM from its zero bytes (ASCII characters and
 * most Latin text have one): TEXTENC_UTF16LE/BE, or TEXTENC_AUTO if it does not look so. */
static enum textenc utf16_guess(const unsigned char *p, size_t len)
{
    /* UTF-16 has an even length; two zeros at least, so one stray NUL proves nothing. */
    size_t pairs = len / 2, zero_even = 0, zero_odd = 0;
    if (len % 2)
        return TEXTENC_AUTO;
    for (size_t i = 0; i < pairs; i++) {
        zero_even += p[2 * i] == 0;
        zero_odd += p[2 * i + 1] == 0;
    }
    if (zero_odd >= 2 && zero_odd * 10 >= pairs * 3 && zero_even * 4 <= zero_odd)
        return TEXTENC_UTF16LE;
    if (zero_even >= 2 && zero_even * 10 >= pairs * 3 && zero_odd * 4 <= zero_even)
        return TEXTENC_UTF16BE;
    return TEXTENC_AUTO;
}

/* Byte-order mark at the start: its encoding and length, or TEXTENC_AUTO. */
static enum textenc bom_of(const unsigned char *p, size_t len, size_t *bomlen)
{
    *bomlen = 0;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *bomlen = 3;
        return TEXTENC_UTF8;
    }
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *bomlen = 2;
        return TEXTENC_UTF16LE;
    }
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bomlen = 2;
        return TEXTENC_UTF16BE;
    }
    if (len >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 && p[3] == 0x33) {
        *bomlen = 4;
        return TEXTENC_GB18030;
    }
    return TEXTENC_AUTO;
}

/* Takes the decoded text into res: a NUL character is an error (binary file); U+FEFF
 * inside the text is removed with a warning (files concatenated with their BOMs). */
static int finish(decoded *d, enum textenc enc, int bom, textenc_result *res, char *err,
                  size_t errlen)
{
    char *s = d->s;
    const char *nul = memchr(s, '\0', d->len);
    if (nul) {
        seterr(err, errlen, "line %zu: NUL byte (binary file?)", line_at(s, (size_t)(nul - s)));
        free(s);
        d->s = NULL;
        return -1;
    }
    static const char feff[] = "\xEF\xBB\xBF";
    size_t r = 0, w = 0;
    while (r < d->len) {
        char *hit = memmem(s + r, d->len - r, feff, 3);
        size_t stop = hit ? (size_t)(hit - s) : d->len;
        memmove(s + w, s + r, stop - r);
        w += stop - r;
        if (!hit)
            break;
        /* Removed marks hold no newline, so lines counted in the output so far are right. */
        if (res->warnings++ == 0) {
            res->warn_line = line_at(s, w);
            snprintf(res->warn_msg, sizeof res->warn_msg,
                     "line %zu: byte-order mark (U+FEFF) inside the text, removed",
                     res->warn_line);
        }
        r = stop + 3;
    }
    s[w] = '\0';
    res->text = s;
    res->len = w;
    res->enc = enc;
    res->bom = bom;
    d->s = NULL;
    return 0;
}

/* Decodes data (any BOM already cut off) in one concrete encoding. */
static int decode_as(const char *data, size_t len, enum textenc enc, int bom,
                     textenc_result *res, char *err, size_t errlen)
{
    decoded d = {NULL, 0};
    int rc;
    switch (enc) {
    case TEXTENC_UTF8: {
        struct u8scan sc;
        u8_scan((const unsigned char *)data, len, 0, &sc);
        if (sc.err_off != SIZE_MAX) {
            seterr(err, errlen, "line %zu: %s", line_at(data, sc.err_off), sc.reason);
            return -1;
        }
        d.s = xmalloc(len + 1);
        memcpy(d.s, data, len);
        d.len = len;
        rc = 0;
        break;
    }
    case TEXTENC_GB18030:
    case TEXTENC_BIG5:
        rc = iconv_to_utf8(data, len, enc, &d, err, errlen);
        break;
    case TEXTENC_UTF16LE:
    case TEXTENC_UTF16BE:
        rc = utf16_to_utf8(data, len, enc == TEXTENC_UTF16BE, &d, err, errlen);
        break;
    default:
        seterr(err, errlen, "internal error: no decoder for %s", textenc_name(enc));
        return -1;
    }
    if (rc)
        return -1;
    return finish(&d, enc, bom, res, err, errlen);
}

/* Two successful readings of the same bytes: takes the one whose text is clearly Chinese
 * (ea, da) or (eb, db), or fails with `ambiguous`. Frees both. */
static int choose(decoded *da, enum textenc ea, decoded *db, enum textenc eb,
                  const char *ambiguous, textenc_result *res, char *err, size_t errlen)
{
    struct zhscore za, zb;
    score_text(da->s, da->len, &za);
    score_text(db->s, db->len, &zb);
    if (clear_winner(&za, &zb)) {
        free(db->s);
        return finish(da, ea, 0, res, err, errlen);
    }
    if (clear_winner(&zb, &za)) {
        free(da->s);
        return finish(db, eb, 0, res, err, errlen);
    }
    free(da->s);
    free(db->s);
    seterr(err, errlen, "%s", ambiguous);
    return -1;
}

static const char gb_or_big5[] =
    "cannot tell whether this is GB18030 or Big5; set encoding= in corpus.ini";

/* Auto-detection for text that has no BOM and is not UTF-16. */
static int decode_auto(const char *data, size_t len, textenc_result *res, char *err,
                       size_t errlen)
{
    struct u8scan sc;
    u8_scan((const unsigned char *)data, len, 1, &sc);
    if (sc.err_off == SIZE_MAX)
        return decode_as(data, len, TEXTENC_UTF8, 0, res, err, errlen);
    const char *nul = memchr(data, '\0', len);
    if (nul) { /* no text encoding here has NUL bytes */
        seterr(err, errlen, "line %zu: NUL byte (binary file?)",
               line_at(data, (size_t)(nul - data)));
        return -1;
    }
    size_t line = line_at(data, sc.err_off);
    if (sc.multibyte >= 8 && sc.invalid * UTF8_MOSTLY <= sc.multibyte) {
        seterr(err, errlen, "line %zu: %s", line, sc.reason);
        return -1;
    }
    decoded gb = {NULL, 0}, b5 = {NULL, 0};
    int gb_ok = iconv_to_utf8(data, len, TEXTENC_GB18030, &gb, NULL, 0) == 0;
    int b5_ok = iconv_to_utf8(data, len, TEXTENC_BIG5, &b5, NULL, 0) == 0;
    if (gb_ok && b5_ok)
        return choose(&gb, TEXTENC_GB18030, &b5, TEXTENC_BIG5, gb_or_big5, res, err, errlen);
    if (gb_ok)
        return finish(&gb, TEXTENC_GB18030, 0, res, err, errlen);
    if (b5_ok)
        return finish(&b5, TEXTENC_BIG5, 0, res, err, errlen);
    seterr(err, errlen, "line %zu: %s; not GB18030 or Big5 either (set encoding= in corpus.ini)",
           line, sc.reason);
    return -1;
}

/* Declared GB18030 or Big5: refuses text that plainly is something else, since a wrong
 * declaration would otherwise load as garbage without a word. */
static int decode_declared_cjk(const char *data, size_t len, enum textenc enc, int bom,
                               textenc_result *res, char *err, size_t errlen)
{
    struct u8scan sc;
    u8_scan((const unsigned char *)data, len, 0, &sc);
    if (sc.err_off == SIZE_MAX && sc.multibyte >= 4) {
        seterr(err, errlen,
               "the file is UTF-8, not %s; set encoding=utf-8 (or auto) in corpus.ini",
               label_of(enc));
        return -1;
    }
    decoded d = {NULL, 0};
    if (iconv_to_utf8(data, len, enc, &d, err, errlen))
        return -1;
    struct zhscore z;
    score_text(d.s, d.len, &z);
    if (z.han >= MIN_HAN && score_of(&z) < SUSPECT_SCORE) {
        enum textenc other = enc == TEXTENC_BIG5 ? TEXTENC_GB18030 : TEXTENC_BIG5;
        decoded o = {NULL, 0};
        if (iconv_to_utf8(data, len, other, &o, NULL, 0) == 0) {
            struct zhscore zo;
            score_text(o.s, o.len, &zo);
            free(o.s);
            if (clear_winner(&zo, &z)) {
                free(d.s);
                seterr(err, errlen,
                       "the text does not read as %s but as %s; set encoding=%s in corpus.ini",
                       label_of(enc), label_of(other), textenc_name(other));
                return -1;
            }
        }
    }
    return finish(&d, enc, bom, res, err, errlen);
}

/* Declared UTF-16 without a BOM: zero bytes, or else which byte order reads as Chinese. */
static int decode_utf16_nobom(const char *data, size_t len, textenc_result *res, char *err,
                              size_t errlen)
{
    enum textenc guess = utf16_guess((const unsigned char *)data, len);
    if (guess != TEXTENC_AUTO)
        return decode_as(data, len, guess, 0, res, err, errlen);
    decoded le = {NULL, 0}, be = {NULL, 0};
    char le_err[160];
    int le_ok = utf16_to_utf8(data, len, 0, &le, le_err, sizeof le_err) == 0;
    int be_ok = utf16_to_utf8(data, len, 1, &be, NULL, 0) == 0;
    if (le_ok && be_ok)
        return choose(&le, TEXTENC_UTF16LE, &be, TEXTENC_UTF16BE,
                      "UTF-16 without a byte-order mark; set encoding=utf-16le or utf-16be in "
                      "corpus.ini",
                      res, err, errlen);
    if (le_ok)
        return finish(&le, TEXTENC_UTF16LE, 0, res, err, errlen);
    if (be_ok)
        return finish(&be, TEXTENC_UTF16BE, 0, res, err, errlen);
    seterr(err, errlen, "%s", le_err); /* Windows writes little-endian */
    return -1;
}

/* Whether a BOM of encoding `bom` may start a file declared as `declared`. */
static int bom_fits(enum textenc bom, enum textenc declared)
{
    if (declared == TEXTENC_AUTO || bom == declared)
        return 1;
    return declared == TEXTENC_UTF16 && (bom == TEXTENC_UTF16LE || bom == TEXTENC_UTF16BE);
}

int textenc_decode(const char *data, size_t len, enum textenc declared, textenc_result *res,
                   char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (err && errlen)
        err[0] = '\0';
    if (!data)
        data = "";
    const unsigned char *p = (const unsigned char *)data;
    size_t bomlen;
    enum textenc bom = bom_of(p, len, &bomlen);
    if (bom != TEXTENC_AUTO) {
        if (!bom_fits(bom, declared)) {
            seterr(err, errlen,
                   "the file starts with a %s byte-order mark but encoding=%s is declared",
                   label_of(bom), textenc_name(declared));
            return -1;
        }
        return decode_as(data + bomlen, len - bomlen, bom, 1, res, err, errlen);
    }
    switch (declared) {
    case TEXTENC_AUTO: {
        enum textenc guess = utf16_guess(p, len);
        if (guess != TEXTENC_AUTO)
            return decode_as(data, len, guess, 0, res, err, errlen);
        return decode_auto(data, len, res, err, errlen);
    }
    case TEXTENC_GB18030:
    case TEXTENC_BIG5:
        return decode_declared_cjk(data, len, declared, 0, res, err, errlen);
    case TEXTENC_UTF16:
        return decode_utf16_nobom(data, len, res, err, errlen);
    case TEXTENC_UTF8:
    case TEXTENC_UTF16LE:
    case TEXTENC_UTF16BE:
        return decode_as(data, len, declared, 0, res, err, errlen);
    }
    seterr(err, errlen, "unknown encoding %d", (int)declared);
    return -1;
}

void textenc_result_free(textenc_result *res)
{
    free(res->text);
    memset(res, 0, sizeof *res);
}

/* ---- export writer ------------------------------------------------------------------- */

struct textenc_out {
    FILE *f;
    iconv_t cd;         /* (iconv_t)-1 when UTF-8 passes through */
    const char *qmark;  /* '?' in the output encoding */
    size_t qlen;
    unsigned char pend[4]; /* start of a character split between writes */
    size_t npend;
    size_t replaced;
    int failed;
};

/* Length of the UTF-8 sequence a lead byte announces (1 for a byte that cannot lead). */
static size_t seq_len(unsigned char c)
{
    return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 1;
}

static void out_bytes(textenc_out *o, const char *s, size_t n)
{
    if (n && !o->failed && fwrite(s, 1, n, o->f) != n)
        o->failed = 1;
}

/* Converts and writes in[0..n). Returns the bytes consumed: all, or (unless final) all
 * but a character cut off at the end, which a later write completes. */
static size_t out_convert(textenc_out *o, const char *in, size_t n, int final)
{
    char *ip = (char *)in; /* iconv wants char ** */
    size_t left = n;
    while (left > 0 && !o->failed) {
        char obuf[4096], *op = obuf;
        size_t oleft = sizeof obuf;
        size_t rc = iconv(o->cd, &ip, &left, &op, &oleft);
        int e = errno;
        out_bytes(o, obuf, (size_t)(op - obuf));
        if (rc != (size_t)-1)
            break;
        if (e == E2BIG)
            continue;
        if (e == EINVAL && !final)
            break;
        if (e == EILSEQ || e == EINVAL) {
            /* Not representable (or not UTF-8): one '?' for the whole character; what
             * EINVAL leaves is the start of one character cut off for good. */
            uint32_t cp;
            int valid;
            size_t k = e == EINVAL ? left
                                   : (size_t)u8_decode((const unsigned char *)ip,
                                                       (const unsigned char *)ip + left, &cp,
                                                       &valid);
            out_bytes(o, o->qmark, o->qlen);
            o->replaced++;
            ip += k;
            left -= k;
            continue;
        }
        o->failed = 1;
    }
    return n - left;
}

textenc_out *textenc_out_open(FILE *f, const char *encoding, char *err, size_t errlen)
{
    enum textenc enc;
    if (textenc_parse_name(encoding, &enc)) {
        seterr(err, errlen, "unknown encoding \"%s\"", encoding ? encoding : "");
        return NULL;
    }
    const char *to = NULL;
    textenc_out *o = xcalloc(1, sizeof *o);
    o->f = f;
    o->cd = (iconv_t)-1;
    o->qmark = "?";
    o->qlen = 1;
    switch (enc) {
    case TEXTENC_AUTO:
        free(o);
        seterr(err, errlen, "\"auto\" is not an output encoding");
        return NULL;
    case TEXTENC_UTF8:
        return o;
    case TEXTENC_GB18030:
        to = "GB18030";
        break;
    case TEXTENC_BIG5:
        to = "BIG5";
        break;
    case TEXTENC_UTF16:
    case TEXTENC_UTF16LE:
        to = "UTF-16LE";
        o->qmark = "?\0";
        o->qlen = 2;
        break;
    case TEXTENC_UTF16BE:
        to = "UTF-16BE";
        o->qmark = "\0?";
        o->qlen = 2;
        break;
    }
    o->cd = iconv_open(to, "UTF-8");
    if (o->cd == (iconv_t)-1) {
        seterr(err, errlen, "cannot convert to %s: %s", label_of(enc), strerror(errno));
        free(o);
        return NULL;
    }
    if (enc == TEXTENC_UTF16) /* Excel wants the mark to recognise UTF-16 */
        out_bytes(o, "\xFF\xFE", 2);
    return o;
}

int textenc_out_write(textenc_out *o, const char *utf8, size_t len)
{
    if (o->cd == (iconv_t)-1) {
        out_bytes(o, utf8, len);
        return o->failed ? -1 : 0;
    }
    const char *p = utf8, *end = utf8 + len;
    if (o->npend) {
        size_t need = seq_len(o->pend[0]);
        while (o->npend < need && p < end && ((unsigned char)*p & 0xC0) == 0x80)
            o->pend[o->npend++] = (unsigned char)*p++;
        if (o->npend < need && p == end)
            return o->failed ? -1 : 0;
        out_convert(o, (const char *)o->pend, o->npend, 1);
        o->npend = 0;
    }
    size_t used = out_convert(o, p, (size_t)(end - p), 0);
    size_t rest = (size_t)(end - p) - used;
    if (!o->failed && rest) {
        if (rest < sizeof o->pend) {
            memcpy(o->pend, p + used, rest);
            o->npend = rest;
        } else { /* cannot happen: iconv only leaves an unfinished character */
            out_convert(o, p + used, rest, 1);
        }
    }
    return o->failed ? -1 : 0;
}

size_t textenc_out_replaced(const textenc_out *o)
{
    return o->replaced;
}

int textenc_out_close(textenc_out *o)
{
    if (!o)
        return 0;
    if (o->cd != (iconv_t)-1) {
        if (o->npend)
            out_convert(o, (const char *)o->pend, o->npend, 1);
        char obuf[64], *op = obuf;
        size_t oleft = sizeof obuf;
        iconv(o->cd, NULL, NULL, &op, &oleft); /* end any shift state */
        out_bytes(o, obuf, (size_t)(op - obuf));
        iconv_close(o->cd);
    }
    int rc = (o->failed || fflush(o->f) != 0 || ferror(o->f)) ? -1 : 0;
    free(o);
    return rc;
}
