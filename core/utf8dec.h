/* Strict UTF-8 decoding of one code point, shared by every text routine.
 * Overlong forms, surrogates, code points above U+10FFFF and truncated sequences are
 * invalid: the decoder then consumes one byte and reports U+FFFD, so callers always make
 * progress and never read past `end`. */
#ifndef GONGKAI_UTF8DEC_H
#define GONGKAI_UTF8DEC_H

#include <stddef.h>
#include <stdint.h>

#define U8_REPLACEMENT 0xFFFDu

/* Decodes the sequence at s (s < end). Sets *cp and returns the number of bytes used
 * (1..4). *valid is set to 0 for an invalid sequence (cp = U+FFFD, 1 byte used). */
static inline int u8_decode(const unsigned char *s, const unsigned char *end, uint32_t *cp,
                            int *valid)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        *valid = 1;
        return 1;
    }
    int n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        goto bad;
    }
    if (end - s < n)
        goto bad;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *cp = v;
    *valid = 1;
    return n;
bad:
    *cp = U8_REPLACEMENT;
    *valid = 0;
    return 1;
}

/* Encodes cp as UTF-8 into out (at least 4 bytes); returns the length. */
static inline int u8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
