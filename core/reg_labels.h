/* Labels at the start of a regulation line — "第X条", "第X章" (编/分编/篇/部分/节), "一、",
 * "（一）", "1." / "(1)" — and the folded-character scanning they share with the parser.
 * s[0..len) is UTF-8 and need not be NUL-terminated; offsets are byte offsets into it.
 * Characters are compared after fold_cp, so full-width and traditional forms match too. */
#ifndef GONGKAI_REG_LABELS_H
#define GONGKAI_REG_LABELS_H

#include <stddef.h>
#include <stdint.h>
#include <uchar.h>

/* The kinds of structure a regulation's text has (reg_parse.c builds them). */
enum reg_kind {
    REG_PART = 0,  /* 编 (also 篇, 部分) */
    REG_SUBPART,   /* 分编 */
    REG_CHAPTER,   /* 章, and "一、" headings */
    REG_SECTION,   /* 节 */
    REG_HEADING,   /* a heading of no known form (label "", heading = its text) */
    REG_ARTICLE,   /* 条 */
    REG_UNIT,      /* 段: "（一）" item of an article-less document, or an unnumbered paragraph */
    REG_PARAGRAPH, /* 款 (child of a 条 or 段) */
    REG_ITEM,      /* 项 "（一）" (child of a 款) */
    REG_SUBITEM,   /* 目 "1." (child of a 项, or of a 款 when no 项 precedes it) */
};


/* A label found at the start of a line. */
typedef struct {
    long num;      /* the number in the label (> 0) */
    int sub;       /* Y of "第X条之Y", else 0 */
    size_t body;   /* offset of the text after the label */
    int spaced;    /* label followed by a space or the end of the line */
} reg_label;

/* Folded code point at s[i] (i < len); *next is set past it. */
uint32_t reg_cp_at(const char *s, size_t len, size_t i, size_t *next);

/* Is c white space: ASCII, U+3000 ideographic space, NBSP or a BOM? */
int reg_is_space(uint32_t c);

/* Offset of the first non-space at or after i (len when there is none). */
size_t reg_skip_ws(const char *s, size_t len, size_t i);

/* If s[i..] spells w (folded: U"(" also matches "（"), the offset after it, else 0. */
size_t reg_match_word(const char *s, size_t len, size_t i, const char32_t *w);

/* "第X条" / "第X条之Y" (optionally **bold**), but not a sentence citing one ("第十条规定"). */
int reg_label_article(const char *s, size_t len, reg_label *m);

/* "第X章" etc.; *kind and *word ("章") say which. plain: a non-# line, which must look
 * like a heading (short, no sentence punctuation). */
int reg_label_heading(const char *s, size_t len, int plain, enum reg_kind *kind,
                      const char **word, reg_label *m);

/* "一、": a Chinese numeral followed by 、. */
int reg_label_cn_heading(const char *s, size_t len, reg_label *m);

/* 项 "（一）" / "(一)" with a Chinese numeral. */
int reg_label_item(const char *s, size_t len, reg_label *m);

/* 目 "1." "1．" "1、" or "(1)" with ASCII/full-width digits (not "2.5万元"). */
int reg_label_subitem(const char *s, size_t len, reg_label *m);

#endif
