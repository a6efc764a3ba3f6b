/* `gongkai qa` output (and the line mode's `qa` and `open N` on a Q&A hit): items as
 * text for people (qaview.h's lines, wrapped with a hanging indent, tags in 【】, corpus
 * text sanitised and converted), TSV/CSV (one row per item, bases joined) and JSON (every
 * field, each basis with its resolution). */
#ifndef GONGKAI_QAFMT_H
#define GONGKAI_QAFMT_H

#include "convert.h"
#include "orgview.h"
#include "qa.h"
#include "xalloc.h"

/* Text width of `gongkai qa` output in columns. */
#define QF_WIDTH 78

/* Lines as text wrapped to width columns: indent, then the tag in 【】, continuation rows
 * under the text. */
void qf_print_lines(buf_t *b, const ov_lines *l, int width, enum convert_script script);

/* The summary line, then every item numbered, blank lines between. */
void qf_text(buf_t *b, const qa_result *r, const char *query, const char *category,
             enum convert_script script);

/* One item (the line mode's open N). */
void qf_item_text(buf_t *b, const qa_entry *e, enum convert_script script);

void qf_table(buf_t *b, const qa_result *r, int csv, enum convert_script script);
void qf_json(buf_t *b, const qa_result *r, const char *query, const char *category);

#endif
