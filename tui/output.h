/* Output helpers shared by `gongkai search`, `gongkai show` and the line-mode console:
 * corpus text made safe and converted for display with its highlight spans kept right,
 * match markers, one-line result formatting, TSV/CSV/JSON escaping, and writing through
 * the export encoder (textenc_out: UTF-8 as is, or GB18030 for Excel).
 *
 * Text is assembled in a buf_t and written with out_flush, so one encoder serves every
 * format. Nothing here knows about curses. */
#ifndef GONGKAI_OUTPUT_H
#define GONGKAI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "convert.h"
#include "highlight.h"
#include "search.h"
#include "textenc.h"
#include "xalloc.h"

/* How matches are marked in text output. */
enum out_mark {
    OUT_MARK_NONE = 0,
    OUT_MARK_BRACKETS, /* «match» */
    OUT_MARK_ANSI,     /* reverse video */
};

/* Parses none/brackets/ansi. Returns 0, or -1 for an unknown name. */
int out_mark_parse(const char *name, enum out_mark *out);

/* ansi when f is a terminal and NO_COLOR is unset (or empty), else brackets. */
enum out_mark out_mark_default(FILE *f);

/* A piece of corpus text ready to emit: sanitised (u8_sanitize), converted to the display
 * script, and its highlight spans as byte offsets into s. */
typedef struct {
    char *s;
    size_t len;
    hl_spans spans;
} out_text;

/* Prepares text[start, end) (byte offsets on character boundaries). spans (may be NULL)
 * are byte offsets into text, sorted; parts outside the window are clipped. Each stretch
 * between span boundaries is sanitised with san_flags and converted on its own, so a
 * span still covers exactly its matched text after conversion changed lengths. */
void out_text_make(out_text *t, const char *text, size_t start, size_t end,
                   const hl_spans *spans, unsigned san_flags, enum convert_script script);

/* The snippet of a hit: body[snip_start, snip_end) on one line (breaks as spaces, outer
 * spaces trimmed) with ell (NULL: "…") where text was cut off before or after. The
 * console passes ".." unless box characters are enabled: "…" is ambiguous-width. */
void out_snippet(out_text *t, const char *body, size_t snip_start, size_t snip_end,
                 const hl_spans *spans, enum convert_script script, const char *ell);

void out_text_free(out_text *t);

/* Appends t with its spans marked. */
void out_marked(buf_t *b, const out_text *t, enum out_mark m);

/* Appends text[0..len) sanitised (san_flags as u8_sanitize) and converted. */
void out_append(buf_t *b, const char *text, size_t len, unsigned san_flags,
                enum convert_script script);

/* One hit on one line, as `gongkai search` prints it:
 *   [法规] TITLE · STATUS · DATE  SNIPPET
 * (status and date left out when absent); number > 0 puts "N. " in front. Ends in '\n'. */
void out_hit_line(buf_t *b, const search_hit *h, size_t number, enum out_mark m,
                  enum convert_script script);

/* The closing line of a result list for people: "共 N 条，显示 A–B（X.X ms）", with the
 * count of every domain that matched when per_domain is set. offset is the number of
 * hits before the first one shown. Ends in '\n'. */
void out_summary(buf_t *b, const search_result *r, size_t offset, int per_domain,
                 enum convert_script script);

/* The display script configured in [ui] script. */
enum convert_script out_config_script(int config_script);

/* Field escaping; every invalid UTF-8 byte becomes '?'.
 * TSV: tabs, line breaks and other control characters become spaces.
 * CSV (RFC 4180): a field holding a comma, quote, CR or LF is quoted, quotes doubled;
 *   other control characters become spaces. A field a spreadsheet would run as a formula
 *   (leading = + - @, but not a number such as -12.5) gets an apostrophe in front.
 * JSON: a quoted string; " \ and control characters (as \u00XX) escaped, and U+2028,
 *   U+2029 too so that the output is also valid JavaScript. */
void out_tsv_field(buf_t *b, const char *s, size_t len);
void out_csv_field(buf_t *b, const char *s, size_t len);

/* A table being written row by row, TSV or CSV (CRLF rows, the formula guard), every cell
 * sanitised and converted to script: {b, csv, script, 0}. */
typedef struct {
    buf_t *b;
    int csv;
    enum convert_script script;
    size_t col;
} out_row;

void out_row_cell(out_row *w, const char *s); /* NULL: an empty cell */
void out_row_num(out_row *w, long long v);
void out_row_end(out_row *w);
void out_json_string(buf_t *b, const char *s, size_t len);

/* [[start,end],...] of t's spans as code point offsets into t->s. */
void out_json_spans(buf_t *b, const out_text *t);

/* Writes b through o and empties b. Returns 0, or -1 on a write error. */
int out_flush(textenc_out *o, buf_t *b);

#endif
