/* A regulation laid out for reading, without curses: the header (title, status, 文号,
 * version date, 效力位阶, preamble), then every heading and article in order, each made
 * safe and converted to the display script with its matches (hl_find on the original
 * text, mapped through out_text_make), wrapped with u8_wrap to the text width: 款 on new
 * lines, 项 with a hanging indent under their label. Also the article tree (章/节 and
 * 条, or the items （一） of a document without articles), match and article navigation,
 * and a scroll position that survives re-wrapping (resize, 简/繁 toggle, new highlights). */
#ifndef GONGKAI_REGDOC_H
#define GONGKAI_REGDOC_H

#include <stddef.h>

#include "convert.h"
#include "highlight.h"
#include "reg.h"
#include "xalloc.h"

enum rd_kind {
    RD_BLANK = 0,
    RD_TITLE,     /* the regulation's title, centred */
    RD_META,      /* [现行有效] 2019-03-02 版 · 行政法规 · 国务院令第649号 */
    RD_PREAMBLE,  /* 题注: adoption and amendment lines */
    RD_HEADING,   /* 编/章/节 headings, centred */
    RD_TEXT,      /* an article (条) or a unit (段) */
};

/* One screen line. */
typedef struct {
    enum rd_kind kind;
    int unit;            /* index into units, -1 for a blank line */
    size_t start, end;   /* bytes of the unit's text on this line */
    size_t label_end;    /* [start, label_end) is the label (第十一条, the status tag) */
    int indent;          /* columns before the text */
    int entry;           /* the tree entry this line belongs to, -1 before the first */
} rd_line;

/* A piece of text laid out as a whole: a header part, a heading, an article. */
typedef struct {
    enum rd_kind kind;
    int node;            /* index into nodes, -1 for the title and status lines */
    int entry;           /* the tree entry it starts, or -1 */
    int find;            /* matches are looked for (not in the status line) */
    char *orig;          /* label, separator and text as stored */
    size_t olen, olabel;
    hl_spans raw;        /* matches in orig */
    char *s;             /* display text: label first, sanitised and converted */
    size_t len, label_len;
    int same;            /* s has orig's characters one for one (offsets map by count) */
    hl_spans spans;      /* matches, byte offsets into s */
    int first_line, nlines;
} rd_unit;

/* An entry of the article tree. */
typedef struct {
    int node;            /* index into nodes */
    int depth;           /* headings above it */
    int article;         /* an article (条, numbered 段) rather than a heading */
    char *label;         /* display form: 第二章 最低生活保障, 第十一条, （一） */
    int line;            /* its first line */
} rd_entry;

typedef struct {
    int line, unit;
    size_t start, end;   /* bytes of the unit's text */
} rd_match;

typedef struct {
    reg_info info;
    reg_node_t *nodes;
    int nnodes, narticles;

    const hl_matcher *m; /* not owned */
    int width;
    enum convert_script script;
    int stale_text, stale_spans, stale_lines; /* what the next layout must redo */

    rd_unit *units;
    int nunits;
    rd_line *lines;
    int nlines;
    size_t lines_cap;
    rd_entry *entries;
    int nentries;
    rd_match *matches;
    int nmatches;

    int top;             /* first line shown */
    int cur_match;       /* -1 when none */
} regdoc;

/* A document of a regulation and its tree; takes ownership of info and nodes. */
regdoc *regdoc_new(reg_info *info, reg_node_t *nodes, int nnodes);
/* Reads regulation reg_id from db. NULL with a message in *err (malloc'd). */
regdoc *regdoc_open(gk_db *db, long long reg_id, char **err);
void regdoc_free(regdoc *d);

/* Highlights m's matches (NULL: none); m must outlive its use here. */
void regdoc_set_matcher(regdoc *d, const hl_matcher *m);

/* Lays the text out for width columns in script, when they (or the matcher) changed;
 * the line at the top stays at the top. */
void regdoc_layout(regdoc *d, int width, enum convert_script script);

/* The first line of the article, unit or heading holding node id (any node: a 款 gives
 * its article), 0 for the 题注, or -1 when the id is not in this document. */
int regdoc_line_of_node(const regdoc *d, long long id);

/* The entry of an article like `like` (same kind, number and 之X) in this document: for
 * switching versions. -1 when none. */
int regdoc_entry_like(const regdoc *d, const reg_node_t *like);

/* The article (条 or numbered 段) the line belongs to, or NULL (header, headings). */
const reg_node_t *regdoc_article_at(const regdoc *d, int line);

/* The line of the next (dir > 0) or previous (dir < 0) article from line: previous
 * goes to the start of the article holding line when line is inside it. -1 when none. */
int regdoc_next_article(const regdoc *d, int line, int dir);

/* Scrolling: to a line (clamped to the document), or by delta lines in a view h lines
 * high (not past the point where the last line is at the bottom). */
void regdoc_scroll_to(regdoc *d, int line);
void regdoc_scroll_by(regdoc *d, int delta, int h);

/* Moves cur_match to the next (dir > 0) or previous match from the view [top, top+h):
 * the one after the current match when that is visible, else the first at or below the
 * top (the last above the bottom for dir < 0). Scrolls so that it is visible. Returns the
 * match index or -1 when there are none; *wrapped is set when it went round the end. */
int regdoc_find_match(regdoc *d, int h, int dir, int *wrapped);

/* The spans of line (bytes from the line's start) in out (cleared first). Returns the
 * index in out of the current match, or -1. */
int regdoc_line_spans(const regdoc *d, int line, hl_spans *out);

/* The status line of the view: "第十一条 · 共 70 条 · “低保” 第 2/12 处" (what: the words
 * highlighted, may be NULL); documents without articles give the lines shown in h. */
void regdoc_describe(const regdoc *d, int h, const char *what, buf_t *b);

/* The citation of the article at line, or of the regulation when the line is in no
 * article, in script: 《社会救助暂行办法》第十一条（国务院令第649号，2019-03-02 版，现行有效）. */
char *regdoc_cite(const regdoc *d, int line, enum convert_script script);

#endif
