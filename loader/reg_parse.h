/* A regulation file (UTF-8 Markdown of the corpus layout, or plain text like a notice)
 * → an in-memory tree: headings 编/分编/章/节 (or "一、"), articles 条 with their 款/项/目,
 * or, in documents without articles, units 段 "（一）". Nothing is dropped: a paragraph
 * outside any article becomes an unnumbered 段 "第N段".
 *
 * Markdown: optional "---" front matter; "# title", optional second "# subtitle"; event
 * lines up to "<!-- INFO END -->"; HTML comments ignored; "##"/"###" headings; each
 * non-empty line is a paragraph; a repeated title line after INFO END is skipped.
 * Text: the title is the caller's hint, else the first 《…》 in the first lines, else the
 * first non-empty line; the preamble is everything before the first structural line. */
#ifndef GONGKAI_REG_PARSE_H
#define GONGKAI_REG_PARSE_H

#include <stddef.h>

#include "preamble.h"
#include "reg_labels.h"
#include "regref.h"

enum reg_format { REG_MARKDOWN = 0, REG_TEXT = 1 };

typedef struct {
    enum reg_kind kind;
    int parent;     /* index of the parent node, -1 at top level */
    char *label;    /* canonical: "第一章", "一、", "第十条之一", "第二款", "（三）", "1.",
                     * "第3段" (unnumbered 段); "" for REG_HEADING */
    long num;       /* number in the label; 0 for unnumbered 段 and REG_HEADING */
    int num_sub;    /* 之一 = 1, else 0 */
    char *heading;  /* heading text ("总则", spaces between CJK removed); NULL otherwise */
    char *text;     /* 条/段: its paragraphs joined by "\n", without the "第X条 " or
                     * "（一）" label; NULL for other kinds */
    int line;       /* 1-based source line */
    int owner;      /* 款/项/目: index of the 条/段 whose text they point into; else -1 */
    size_t start, end; /* 款/项/目: byte range [start,end) in the owner's text */
} reg_node;

typedef struct {
    char *title;      /* never NULL after a successful parse ("" when none was found) */
    char *subtitle;   /* NULL when absent */
    int title_line;   /* 1-based; 0 when the title came from the hint or is missing */
    char *preamble;   /* raw event lines / 题注, joined by "\n"; "" when none */
    preamble_info info;        /* parsed from `preamble` */
    char effective_in_text[11]; /* "本条例自X起施行" in a closing article; "" if none */
    reg_node *nodes;  /* document order; parents precede their children */
    size_t n_nodes;
    size_t n_articles; /* number of 条 nodes */
    int has_articles;  /* 1: article mode, 0: units ("一、" / "（一）") mode */
} reg_doc;

/* Diagnostic sink: line is 1-based (0 when not tied to a line); is_error is 1 only for
 * the fatal errors that make reg_parse fail. msg is UTF-8, valid during the call. */
typedef void (*reg_diag_fn)(void *ctx, int line, int is_error, const char *msg);

/* Parses text[0..len) (UTF-8; a BOM and CRLF line ends are accepted) into *out.
 * title_hint (may be NULL) is used in text format, and in Markdown when there is no
 * "# " title. Warnings (non-fatal): article numbers out of sequence or duplicated, unknown
 * heading forms, missing title, missing <!-- INFO END --> in Markdown. Returns 0, or -1
 * after reporting a fatal error (empty file, no content); *out is then empty. diag may
 * be NULL. */
int reg_parse(const char *text, size_t len, enum reg_format fmt, const char *title_hint,
              reg_doc *out, reg_diag_fn diag, void *ctx);

/* Releases everything in *doc and zeroes it. */
void reg_doc_free(reg_doc *doc);

/* Node that a parsed reference addresses (regref.h; its title is ignored): a 条 or one of
 * its 款/项/目 (a 项 without 款 is looked up in every 款), a heading, or an item "（二）"
 * (the first numbered 段 with that number). Returns the node index, or -1. */
int reg_doc_find(const reg_doc *doc, const regref *ref);

/* Short name of a kind: "编" "分编" "章" "节" "标题" "条" "段" "款" "项" "目". */
const char *reg_kind_name(enum reg_kind kind);

#endif
