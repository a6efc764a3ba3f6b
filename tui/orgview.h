/* The answer of an organisation check laid out as styled lines, shared by the 社会组织
 * pane (which wraps and colours them), `gongkai org` and the line mode (which print
 * them). One place decides what a clerk reads: the verdict first, then why it matched,
 * the registry facts, every listing with its dates, the 60号令 dates and the article
 * each rests on, provenance, and look-alike warnings. Pure text: no curses. Corpus text
 * in the lines is raw; the caller sanitises and converts it when drawing. */
#ifndef GONGKAI_ORGVIEW_H
#define GONGKAI_ORGVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "convert.h"
#include "orgcheck.h"
#include "xalloc.h"

enum ov_style {
    OV_PLAIN = 0,
    OV_TITLE,   /* an organisation's name */
    OV_LISTED,  /* 在列 */
    OV_WAS,     /* 曾列入 */
    OV_CLEAR,   /* 未列入 */
    OV_DIM,     /* labels, provenance */
    OV_WARN,    /* look-alike warnings, a wrong check digit */
    OV_LINK,    /* an article the console can open */
    OV_DUE,     /* a computed date already reached */
};

typedef struct {
    enum ov_style style;
    int indent;            /* columns */
    char *tag;             /* a short label drawn before the text in tag_style ("在列"), or NULL */
    enum ov_style tag_style;
    char *text;
    long long node_id;     /* OV_LINK: the reg_node to open; else 0 */
    long long org_id;      /* a look-alike warning: the organisation it names; else 0 */
    size_t subject;        /* index of the subject the line belongs to, (size_t)-1 for none */
    char *ref;             /* a division code the line names (the places pane opens it), or NULL */
} ov_line;

typedef struct {
    ov_line *v;
    size_t n, cap;
} ov_lines;

/* Appends a line (text from fmt) and returns it; tags and refs are set on the result. */
ov_line *ov_add(ov_lines *out, enum ov_style style, int indent, size_t subject, const char *fmt,
                ...) __attribute__((format(printf, 5, 6)));
void ov_tag(ov_line *l, const char *t, enum ov_style style);

/* The style of a verdict's tag. */
enum ov_style ov_verdict_style(enum oc_verdict v);

/* "查询“X”：3 个组织（在列 1，未列入 2）；数据截至 2026-11-01（2.1 ms）".
 * The console leaves out the query (echo_query false): its input line shows it, and
 * the as-of date must fit in 80 columns. */
char *ov_summary(const oc_result *r, bool echo_query);

/* Lines for subject i of r. number > 0 puts "N. " before the name. brief: the verdict,
 * the match and the deciding listing only (for lists); else everything. */
void ov_subject(ov_lines *out, const oc_result *r, size_t i, int number, int brief);

/* Lines for an answer without organisations: 未列入 with the as-of date, what was
 * searched and, for a code, the one-typo codes tried. */
void ov_nothing(ov_lines *out, const oc_result *r);

/* The whole answer: ov_nothing, or every subject separated by blank lines, in full
 * unless brief (may be NULL) marks it. */
void ov_result(ov_lines *out, const oc_result *r, const unsigned char *brief);

void ov_lines_free(ov_lines *l);

/* The whole answer as plain text for a terminal or a pipe: the summary with the query,
 * then the lines, indented, tags in 【】, corpus text sanitised (`gongkai org`, line
 * mode). */
void ov_print(buf_t *b, const oc_result *r, enum convert_script script);

#endif
