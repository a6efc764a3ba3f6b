/* 行政区划代码 (domain.md §5.4): GB/T 2260 six-digit codes, 9-digit township codes and the
 * NBS 12-digit statistical codes. Pure functions on the code alone, no database, no
 * allocation: normalising what users and files write, structure checks with a reason for
 * the user, category labels from the numbering conventions, parents and ancestors, and
 * prefix ranges for look-up.
 *
 * Well-formed is not valid. A code is valid when it is present in the version table
 * (`division`) for the date in question (domain.md §5.4): renames keep codes, mergers get
 * new ones, codes were reused before 79号令. That is the database's answer; these functions
 * only say whether a string can be a division code, and what its digits suggest.
 *
 * Segments: XX province (digits 1-2), YY prefecture (3-4), ZZ county (5-6), TTT township
 * (7-9), VVV village (10-12). A code's level is the number of segments up to its last
 * non-zero one; zero segments after it are padding.
 *
 * Canonical stored form (the same as division.code, data/schema.sql):
 *   level 1 省  XX0000        6 digits   110000 北京市
 *   level 2 地  XXYY00        6 digits   330100 杭州市
 *   level 3 县  XXYYZZ        6 digits   110101 东城区
 *   level 4 乡  XXYYZZTTT     9 digits   110101001 东华门街道
 *   level 5 村  XXYYZZTTTVVV 12 digits   110101001001 多福巷社区居委会
 * Accepted input: 2 digits (NBS province "11"), 4 (NBS prefecture "1101"), 6, 9 or 12
 * digits, padded with zero segments or not (110000000000 is 北京市, 110101001000 the
 * township 110101001); full-width digits; spaces anywhere (ASCII white space, U+3000).
 * Nothing else: letters, dashes and other characters make the input malformed.
 *
 * Zero segments in the middle, as the data has them:
 *   XX00ZZ      a county directly under its province in old tables (海南 4600xx, e.g.
 *               460001 in the county history): accepted, level 3, parent the province;
 *   XXYY00TTT   a township directly under a prefecture-level city without counties
 *               (东莞 441900, 中山 442000, 儋州 460400; NBS puts these prefecture codes in
 *               its county table): accepted, level 4, parent the prefecture;
 *   XX0000TTT…  and a village whose TTT is 000: malformed.
 */
#ifndef GONGKAI_DIVCODE_H
#define GONGKAI_DIVCODE_H

#include <stddef.h>
#include <stdint.h>

#define DIV_DIGITS 12 /* the longest form */
#define DIV_BUF 13    /* a code and its NUL */

enum {
    DIV_MALFORMED = 0,
    DIV_PROVINCE = 1,   /* 省级 */
    DIV_PREFECTURE = 2, /* 地级 */
    DIV_COUNTY = 3,     /* 县级 */
    DIV_TOWNSHIP = 4,   /* 乡级 */
    DIV_VILLAGE = 5,    /* 村级 */
};

typedef struct {
    char code[DIV_BUF];   /* canonical form; "" when malformed */
    int level;            /* DIV_PROVINCE..DIV_VILLAGE; DIV_MALFORMED (0) with a problem */
    int municipality;     /* XX is 11, 12, 31 or 50 (直辖市) */
    int summary;          /* a level-2 code that is only a summary line, never a division:
                             YY = 90 (省直辖县级行政区划) and every level-2 code of a
                             municipality (110100 市辖区, 500200 县, 500300 市 in old tables
                             and NBS; dmfw has no city tier for municipalities) */
    const char *category; /* div_category(code): a convention, never a rejection; NULL
                             when malformed or outside every range (then hint says so) */
    char hint[512];       /* "" or notes on conventions and odd shapes, joined by "；", e.g.
                             "第3–4位为90：省直辖县级行政区，上级为省级420000" */
    char problem[200];    /* "" when well-formed; else one Chinese sentence naming the first
                             problem: "代码为空", "第3位“A”不是数字" (positions count the
                             characters left once spaces are dropped), "长度为5位，应为2、
                             4、6、9或12位（…）", "第1–2位“99”不是省级代码（…）" */
} div_info;

/* Parses any text (NULL counts as ""). Returns the level, 0 when malformed. */
int div_parse(const char *input, div_info *out);

/* The fast path of div_parse (loaders, look-ups): the canonical form into out ("" when
 * malformed) and the level, 0 when malformed. No hints, no problem text. */
int div_normalize(const char *input, char out[DIV_BUF]);

/* 1 when input, normalised as above, is 1 to 12 digits: a code or the start of one, for
 * routing a query to a code look-up rather than a name search. */
int div_looks_like_code(const char *input);

/* ---- conversions: `code` is any form div_normalize accepts ----------------------------- */

/* Level of a code, 0 when malformed. */
int div_level(const char *code);

/* The 12-digit padded form (NBS, dmfw): 110000 -> 110000000000, 110101001 ->
 * 110101001000. Returns the level, 0 (out "") when malformed. */
int div_pad12(const char *code, char out[DIV_BUF]);

/* The NBS short form: 2 digits for a province ("11"), 4 for a prefecture ("1101"), the
 * canonical form otherwise. Returns the level, 0 (out "") when malformed. */
int div_short(const char *code, char out[DIV_BUF]);

/* The 12-digit padded form as a number (fits SQLite's INTEGER), 0 when malformed. Padded
 * keys sort parents before children and keep each subtree contiguous. */
uint64_t div_key(const char *code);

/* The canonical form of a key. Returns the level, 0 (out "") when key is not a
 * well-formed code. */
int div_from_key(uint64_t key, char out[DIV_BUF]);

/* ---- labels ---------------------------------------------------------------------------- */

/* Category of a code by its digits (static string, NULL when malformed or out of range):
 *   1: 直辖市, 自治区, 特别行政区, 省 (the GB/T 2260 table)
 *   2: 地级市 (YY 01-20, 51-70), 地区、自治州、盟 (21-50), 省直辖县级行政区划 (90, a
 *      summary), 直辖市所辖区县（汇总） (any YY of a municipality)
 *   3: 市辖区 (ZZ 01-20), 县、自治县、旗 (21-80), 县级市 (81-99); 省直辖县级行政区 when
 *      YY is 90 or 00 (numbered in sequence there)
 *   4: 街道 (TTT 001-099), 镇 (100-199), 乡 (200-399), 类似乡级单位 (400-599)
 *   5: 居委会 (VVV 001-199), 村委会 (200-399), 类似居委会 (400-497, 499), 虚拟社区 (498),
 *      类似村委会 (500-597, 599), 虚拟生活区 (598)
 * Levels 2-5 are numbering conventions (GB/T 2260 practice, NBS 统计用区划代码 rules): real
 * codes break them (重庆 500151 铜梁区 is a district numbered like a county; 111 街道 of
 * NBS 2023 are numbered 400-599). Show them as "按代码" and prefer division.type. */
const char *div_category(const char *code);

/* 1 for a summary code (see div_info.summary). */
int div_is_summary(const char *code);

/* ---- hierarchy from the code alone ------------------------------------------------------ */

#define DIV_KEEP_SUMMARY 1u /* parents as the tables print them: 429000 for 429004 */

/* The 34 province-level codes (110000 ... 820000) in code order; writes at most max and
 * returns how many there are. */
size_t div_provinces(char out[][DIV_BUF], size_t max);

/* The parent code: village -> township -> county -> prefecture -> province, with zero
 * segments skipped (441900003 -> 441900, 460001 -> 460000). Summaries are skipped unless
 * flags has DIV_KEEP_SUMMARY: 429004 仙桃市 -> 420000, 110101 东城区 -> 110000 (with the
 * flag: 429000, 110100, as NBS and old GB/T tables give them; with it, the parent is the
 * one every row of the NBS 2023 tables names, tests/unit/test_real_places.c). Returns the
 * parent's level, 0 (out "") for a province or a malformed code.
 *
 * How a caller decides with the database: a row's own parent_code, when its source gives
 * one, wins. Otherwise walk div_ancestors(code, 0) from the nearest and take the first
 * code with a `division` row valid on the date; a code with none is skipped (a municipality
 * 110100 row only some old tables have; a prefecture a source left out). Because of
 * summaries and zero segments the chain can be shorter than the level suggests. */
int div_parent(const char *code, unsigned flags, char out[DIV_BUF]);

/* Every ancestor of code, province first (namePath order), at most max written; returns
 * how many there are (0 for a province or a malformed code). Flags as div_parent. */
size_t div_ancestors(const char *code, unsigned flags, char out[][DIV_BUF], size_t max);

/* 1 when a is a proper ancestor of b by code (summaries count: 429000 holds 429004). */
int div_is_ancestor(const char *a, const char *b);

/* ---- prefixes for look-up ---------------------------------------------------------------- */

typedef struct {
    char digits[DIV_BUF]; /* the digits typed, trailing complete zero segments dropped:
                             "330100" -> "3301", "110000000000" -> "11", "33010600" kept */
    int level;            /* level of the code being typed: the segment the last digit is in
                             ("3301" 2, "330" 2, "330106" 3, "33010600" 4); 0 on a problem */
    int complete;         /* 1 when digits end a segment: they are a whole code of level */
    /* Every code whose 12-digit padded form starts with digits: div_key in [lo, hi). */
    uint64_t lo, hi;
    /* Every canonical code (division.code, TEXT, BINARY order) starting with digits:
     * code >= text_lo AND code < text_hi. The same set, except an ancestor whose canonical
     * form is shorter than digits ("3301060" matches the padded 330106000000 but not the
     * stored 330106). Both include the code itself when complete ("3301" finds 330100)
     * and any code whose form merely starts with the digits ("330" finds 330000). */
    char text_lo[DIV_BUF], text_hi[DIV_BUF];
    char problem[200]; /* as div_info.problem; "" when level > 0 */
} div_prefix;

/* Parses a partial code (1 to 12 digits, normalised as div_normalize). The digits must
 * be able to start a well-formed code: province digits one of the 34, no township under a
 * province. Returns level, 0 with a problem. */
int div_prefix_parse(const char *input, div_prefix *out);

#endif
