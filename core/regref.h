/* What a user types to address part of a regulation: "第十一条第二款第（三）项",
 * "11条", "10之1", "§24", "第二章", "（二）", optionally after a title
 * ("《中华人民共和国民法典》第1065条", "慈善法24条", "社会救助暂行办法 11").
 * Traditional and full-width forms are accepted (第十一條, 第１１条). */
#ifndef GONGKAI_REGREF_H
#define GONGKAI_REGREF_H

#include <stddef.h>

#define REGREF_TITLE_MAX 512

enum regref_kind {
    REGREF_ARTICLE = 0, /* 条 (with optional 款/项/目) */
    REGREF_CHAPTER,     /* 章 */
    REGREF_SECTION,     /* 节 */
    REGREF_PART,        /* 编 */
    REGREF_SUBPART,     /* 分编 */
    REGREF_ITEM,        /* "（二）": an item of a document without articles */
};

typedef struct {
    char title[REGREF_TITLE_MAX]; /* title part, trimmed, 《》 stripped; "" when absent
                                   * (truncated on a character boundary if longer) */
    enum regref_kind kind;
    long num;    /* 条/章/节/编/item number */
    int num_sub; /* 之一 = 1; 0 when absent */
    int kuan;    /* 款, 0 when absent */
    int xiang;   /* 项, 0 when absent */
    int mu;      /* 目, 0 when absent */
} regref;

/* Parses s (NUL-terminated). Returns 0 when a reference was found (title may be empty),
 * -1 otherwise; then out->title holds the whole trimmed text and the numbers are 0.
 * A bare number, "10之1", "（二）" or a Chinese numeral without 第 count as a reference only
 * when they stand alone or follow a space or 》, so titles keep their own digits. */
int regref_parse(const char *s, regref *out);

/* Canonical label of the reference part, without the title: "第十一条", "第十条之一",
 * "第十一条第二款第（三）项", "第二章", "（二）". The caller frees it. */
char *regref_label(const regref *r);

#endif
