#include "fold.h"

#include "fold_data.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdio.h>

/* Bump when the tokenizer's output changes for the same input (see zh_tokenizer.c). */
#define ZH_TOKENIZER_VERSION 1

uint32_t fold_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= fold_data_limit)
        return cp;
    uint32_t t = fold_stage2[fold_stage1[cp / FOLD_BLOCK]][cp % FOLD_BLOCK];
    return t ? t : cp;
}

enum fold_class fold_class_of(uint32_t c)
{
    if (c < 0x80) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return FOLD_WORD;
        return FOLD_SEP;
    }
    if (c < FOLD_WORD_LIMIT)
        return (fold_word_bits[c / 8] >> (c % 8)) & 1 ? FOLD_WORD : FOLD_SEP;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007 ||
        c == 0x3005 || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
        (c >= 0xAC00 && c <= 0xD7A3))
        return FOLD_CJK;
    return FOLD_SEP;
}

char *fold_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    char *out = xmalloc(len * 3 + 1); /* U+FFFD for a bad byte takes 3 */
    size_t o = 0;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        o += (size_t)u8_encode(fold_cp(cp), out + o);
    }
    out[o] = '\0';
    return out;
}

const char *fold_stamp(void)
{
    static char stamp[128];
    if (!stamp[0])
        snprintf(stamp, sizeof stamp, "zh/%d %s", ZH_TOKENIZER_VERSION, fold_data_version);
    return stamp;
}
