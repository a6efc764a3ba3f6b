#include "cnnum.h"

#include "fold.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdint.h>
#include <string.h>

/* Values beyond this are not numerals anyone writes in a legal text; stopping here keeps
 * every intermediate product far from overflow. */
#define CNNUM_MAX 999999999999999L

/* Decodes the folded code point at s[*i] (i < len) and advances *i. */
static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    uint32_t cp;
    int valid;
    *i += (size_t)u8_decode((const unsigned char *)s + *i, (const unsigned char *)s + len, &cp,
                            &valid);
    return fold_cp(cp);
}

/* Value of a numeral digit (0..9), or -1. 零, 〇 and the look-alike ○ are zero. */
static int digit_of(uint32_t c)
{
    switch (c) {
    case U'零': case U'〇': case U'○': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': return 2;
    case U'三': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
    }
}

/* Value of a unit character, or 0. */
static long unit_of(uint32_t c)
{
    switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': return 10000;
    case U'亿': return 100000000;
    default: return 0;
    }
}

static int parse_ascii(const char *s, size_t len, long *out, size_t *used)
{
    size_t i = 0, end = 0;
    long v = 0;
    while (i < len) {
        size_t j = i;
        uint32_t c = next_cp(s, len, &j);
        if (c < '0' || c > '9' || v > CNNUM_MAX / 10)
            break;
        v = v * 10 + (long)(c - '0');
        i = end = j;
    }
    if (!end)
        return 0;
    *out = v;
    *used = end;
    return 1;
}

/* 二〇二二, 一九九九: each character one decimal digit (years, phone-like codes). */
static int parse_digit_run(const char *s, size_t len, long *out, size_t *used)
{
    size_t i = 0, end = 0;
    long v = 0;
    while (i < len) {
        size_t j = i;
        int d = digit_of(next_cp(s, len, &j));
        if (d < 0 || v > CNNUM_MAX / 10)
            break;
        v = v * 10 + d;
        i = end = j;
    }
    *out = v;
    *used = end;
    return end > 0;
}

enum prev_tok { P_START, P_DIGIT, P_ZERO, P_UNIT, P_BIG };

/* Positional numerals. Only positions where the numeral is complete and unambiguous are
 * remembered, so 一百五 yields 一百 (the colloquial 150 is not guessed) and 一百零 yields
 * 一百; parsing stops at the first character that cannot continue the numeral. */
static int parse_positional(const char *s, size_t len, long *out, size_t *used)
{
    long total = 0, section = 0, last_unit = 0, last_big = 0;
    int pending = 0;
    enum prev_tok prev = P_START, before_digit = P_START;
    size_t i = 0, best_used = 0;
    long best = 0;
    int found = 0;

    while (i < len) {
        size_t j = i;
        uint32_t c = next_cp(s, len, &j);
        int d = digit_of(c);
        long u = unit_of(c);
        if (d == 0) {
            if (prev == P_DIGIT || prev == P_ZERO)
                break;
            prev = P_ZERO;
            if (!found && section == 0 && total == 0) {
                best = 0;
                best_used = j;
                found = 1;
            }
        } else if (d > 0) {
            if (prev == P_DIGIT)
                break;
            before_digit = prev;
            pending = d;
            prev = P_DIGIT;
            /* Complete only after nothing, 零, 十 or a 万/亿 group followed by 零. */
            if (before_digit == P_START || before_digit == P_ZERO ||
                (before_digit == P_UNIT && last_unit == 10)) {
                best = total + section + pending;
                best_used = j;
                found = 1;
            }
        } else if (u >= 10 && u <= 1000) {
            long mult;
            if (prev == P_DIGIT)
                mult = pending;
            else if (u == 10 && (prev == P_START || prev == P_ZERO))
                mult = 1;
            else
                break;
            if (last_unit && u >= last_unit)
                break;
            section += mult * u;
            last_unit = u;
            pending = 0;
            prev = P_UNIT;
            best = total + section;
            best_used = j;
            found = 1;
        } else if (u > 1000) {
            if (prev == P_DIGIT)
                section += pending;
            else if (prev != P_UNIT)
                break;
            if (section == 0 || (last_big && u >= last_big) || section > CNNUM_MAX / u)
                break;
            total += section * u;
            if (total > CNNUM_MAX)
                break;
            section = 0;
            last_unit = 0;
            last_big = u;
            pending = 0;
            prev = P_BIG;
            best = total;
            best_used = j;
            found = 1;
        } else {
            break;
        }
        i = j;
    }
    if (!found)
        return 0;
    *out = best;
    *used = best_used;
    return 1;
}

int cnnum_parse(const char *s, size_t len, long *out, size_t *used)
{
    if (!s || len == 0)
        return 0;
    size_t j = 0;
    uint32_t c = next_cp(s, len, &j);
    if (c >= '0' && c <= '9')
        return parse_ascii(s, len, out, used);
    if (digit_of(c) < 0 && !unit_of(c))
        return 0;
    if (digit_of(c) >= 0 && j < len) {
        size_t k = j;
        if (digit_of(next_cp(s, len, &k)) >= 0)
            return parse_digit_run(s, len, out, used);
    }
    return parse_positional(s, len, out, used);
}

static const char *const cn_digits[10] = {"零", "一", "二", "三", "四",
                                          "五", "六", "七", "八", "九"};

/* Appends one four-digit group. *started: a non-zero digit has been written; *zero: a
 * zero is owed before the next non-zero digit. */
static void format_group(buf_t *b, long g, int *started, int *zero)
{
    static const char *const units[4] = {"千", "百", "十", ""};
    long div = 1000;
    for (int pos = 0; pos < 4; pos++, div /= 10) {
        int d = (int)((g / div) % 10);
        if (d == 0) {
            if (*started)
                *zero = 1;
            continue;
        }
        if (*zero)
            buf_adds(b, "零");
        *zero = 0;
        /* 十一, not 一十一, but only at the very beginning (一百一十). */
        if (!(pos == 2 && d == 1 && !*started))
            buf_adds(b, cn_digits[d]);
        buf_adds(b, units[pos]);
        *started = 1;
    }
}

char *cnnum_format(long n)
{
    buf_t b;
    buf_init(&b);
    if (n == 0) {
        buf_adds(&b, "零");
        return buf_take(&b);
    }
    unsigned long long v;
    if (n < 0) {
        buf_adds(&b, "负");
        v = (unsigned long long)(-(n + 1)) + 1;
    } else {
        v = (unsigned long long)n;
    }
    /* Groups of four digits: 亿亿 is not a thing; beyond 10^16 repeat 亿 as written. */
    long groups[6];
    int ng = 0;
    while (v && ng < 6) {
        groups[ng++] = (long)(v % 10000);
        v /= 10000;
    }
    static const char *const big[6] = {"", "万", "亿", "万亿", "亿亿", "万亿亿"};
    int started = 0, zero = 0;
    for (int i = ng - 1; i >= 0; i--) {
        if (groups[i] == 0) {
            if (started)
                zero = 1;
            continue;
        }
        format_group(&b, groups[i], &started, &zero);
        buf_adds(&b, big[i]);
        zero = 0; /* trailing zeros of a group need no 零 across the boundary */
    }
    return buf_take(&b);
}
