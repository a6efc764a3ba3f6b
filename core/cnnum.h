/* Chinese numerals as they appear in legal text: 第一千零六十五条, 二〇二二年, 十一, 两百,
 * financial forms (壹贰叁 … 拾佰仟), ASCII and full-width digits. Traditional forms are
 * accepted through fold_cp (萬 → 万, 兩 → 两, 陸 → 陆). */
#ifndef GONGKAI_CNNUM_H
#define GONGKAI_CNNUM_H

#include <stddef.h>

/* Parses the longest numeral at the start of s[0..len): a run of ASCII/full-width digits,
 * a digit-by-digit form (二〇二二 → 2022) or a positional form (一百零五 → 105). Sets
 * *out and *used (bytes) and returns 1; returns 0 (outputs untouched) when s does not
 * start with a numeral. */
int cnnum_parse(const char *s, size_t len, long *out, size_t *used);

/* Formats n in positional Chinese (11 → 十一, 110 → 一百一十, 1065 → 一千零六十五,
 * 0 → 零, negative numbers with 负). The caller frees the string. */
char *cnnum_format(long n);

#endif
