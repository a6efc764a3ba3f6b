/* 统一社会信用代码 (GB 32100-2015): normalising what the user typed or pasted, checking
 * format, the MOD 31-3 check character and the GB 11714 organisation-code check, naming
 * the registering department and organisation type, and suggesting the code the user
 * probably meant. A failed check is a warning, never a rejection: some real early pilot
 * codes fail it (domain.md §4.4). Pure functions, no allocation. */
#ifndef GONGKAI_USCC_H
#define GONGKAI_USCC_H

#include <stddef.h>

#define USCC_LEN 18

/* Normalises user input: full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic and ASCII
 * spaces (any ASCII white space, so a pasted line break goes too), tabs, '-' and '_'
 * removed anywhere, letters upper-cased. Writes at most outsz-1 bytes + NUL, never
 * splitting a character. Non-ASCII characters other than those are kept as-is (UTF-8;
 * an invalid byte is copied as it is) so that the caller can tell the input is not a
 * code. Returns the length written. */
size_t uscc_normalize(const char *in, char *out, size_t outsz);

/* Value 0..30 of a code symbol in "0123456789ABCDEFGHJKLMNPQRTUWXY", or -1. */
int uscc_value(char c);

/* The MOD 31-3 check character for the first 17 symbols (weights 3^(i-1) mod 31), or '\0'
 * when one of them is not a code symbol. */
char uscc_check_char(const char *first17);

/* Positions 9..17 (the GB 11714 organisation code: 8 body chars, weights 3 7 9 10 5 8 4 2,
 * check = 11 - sum mod 11, 10 -> 'X', 11 -> '0'; char values 0-9 face value, A-Z 10-35):
 * 1 when position 17 is the right check character. code is a normalised 18-char code. */
int uscc_orgcode_ok(const char *code);

typedef struct {
    char code[USCC_LEN + 1]; /* normalised input (first 18 bytes if longer; "" when not ASCII) */
    int length_ok;           /* exactly 18 characters after normalisation */
    int format_ok;           /* 18 symbols of the alphabet */
    int check_ok;            /* position 18 matches the MOD 31-3 check */
    char expected_check;     /* the check character the first 17 call for ('\0' if unknown,
                                i.e. not 17 or 18 characters or a non-symbol among the 17) */
    int orgcode_ok;          /* positions 9..17 pass GB 11714 */
    const char *dept_label;  /* position 1: 机构编制, 外交, 司法行政, 文化, 民政, 旅游, 宗教,
                                工会, 工商, 中央军委改革和编制办公室, 农业, 其他; NULL if unknown */
    const char *type_label;  /* position 2 given position 1 (5: 社会团体, 民办非企业单位, 基金会,
                                其他; 9: 企业, 个体工商户, 农民专业合作社 ... per domain.md);
                                NULL when the pair is not in the table */
    int social_org;          /* position 1 is '5' and position 2 is 1, 2, 3 or 9 */
    int region_national;     /* positions 3-8 are 100000 (national/central registration) */
    int region_shape_ok;     /* 100000, or 6 digits whose first two are one of the 34
                                province codes (11..15,21..23,31..37,41..46,50..54,61..65,
                                71,81,82), without a "00" prefecture part followed by a
                                non-zero county part (XX00ZZ) */
    char region[7];          /* positions 3-8 ("" when the input is shorter or not ASCII) */
    char problem[160];       /* "" when format_ok; else one Chinese sentence for the user,
                                naming the first problem with its 1-based position, e.g.
                                "长度为17位，应为18位", "第9位“O”不是代码字符（可能是数字0）",
                                "第5位“V”不是代码字符", "含有非ASCII字符“中”" */
} uscc_info;

/* Parses and validates input (any text, NULL counts as ""; normalised first). Never
 * fails; fills *out. Fields that need positions the input lacks stay 0/NULL/"". */
void uscc_parse(const char *input, uscc_info *out);

/* True when s (normalised) looks like an attempt at a code rather than a name: 15..20
 * characters, all ASCII letters/digits, at least 10 digits. Used to route a query. */
int uscc_looks_like_code(const char *normalised);

typedef struct {
    char code[USCC_LEN + 1];
    int pos;            /* 1-based position changed (first of the two for a transposition) */
    enum {
        USCC_FIX_CONFUSABLE,
        USCC_FIX_VISUAL,
        USCC_FIX_SUBST,
        USCC_FIX_TRANSPOSE,
        USCC_FIX_INSERT, /* a character left out: pos is where it goes, to is it */
        USCC_FIX_DELETE, /* a character too many: pos is where it was, from is it */
    } how;
    char from, to;      /* the character that was there and its replacement */
    int count;          /* characters changed: 1, or more when every letter outside the
                           alphabet was read as its digit at once (CONFUSABLE) */
} uscc_fix;

/* Codes that differ from code (normalised, 18 chars; letters outside the alphabet allowed)
 * in exactly one character, or by swapping two adjacent characters, and that are
 * format-valid with a correct check character. Plausible codes come first: a region of
 * possible shape and positions 9..17 passing uscc_orgcode_ok (a look-alike swap that
 * breaks GB 11714 is a worse guess than a plain typo that keeps it). Then by class:
 *   1. USCC_FIX_CONFUSABLE: a character outside the alphabet replaced by the digit it is
 *      usually mistaken for: O->0, I->1, S->5, Z->2 (and V->U);
 *   2. USCC_FIX_VISUAL: look-alikes inside the alphabet: 0<->D/Q, 1<->L/T, 8<->B, 6<->G;
 *   3. USCC_FIX_SUBST: any other single substitution (for each position there is exactly
 *      one symbol that satisfies the check);
 *   4. USCC_FIX_TRANSPOSE: adjacent transposition.
 * then by position. A candidate whose position 1/2 pair is not in the table is dropped. When code has two or more characters outside the alphabet, no
 * candidate is possible unless all of them are confusables (then the single candidate
 * mapping them all, if valid, with how = CONFUSABLE and pos = first). A code of 17 or 19
 * code symbols gets the codes one inserted or deleted character away (INSERT, DELETE).
 * A code that already passes the check, or any other length, gets no candidates.
 * Writes at most max, returns the number written. */
size_t uscc_suggest(const char *code, uscc_fix *out, size_t max);

/* Chinese label of a fix for display: "第9位 O→0（字母O不在代码字符中，应为数字0）",
 * "第8位 B→8（形近字符）", "第18位 H→K", "第3、4位互换", "第5位漏了0", "第5位的0是多余的".
 * Writes into buf (cut at a
 * character boundary when it is too small), returns buf. */
const char *uscc_fix_label(const uscc_fix *f, char *buf, size_t bufsz);

#endif
