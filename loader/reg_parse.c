#include "reg_parse.h"
#include "reg_labels.h"

#include "cnnum.h"
#include "fold.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

/* How many non-empty lines a text document's title (《…》) may be looked for in. */
#define TITLE_SEARCH_LINES 5

/* ---- lines ------------------------------------------------------------------------------ */

typedef struct {
    const char *s; /* trimmed */
    size_t len;
    int no;        /* 1-based */
    int md_level;  /* Markdown heading level; 0 for a paragraph */
    int skip;      /* front matter */
} line_t;

/* Trims spaces (ASCII, U+3000, NBSP, BOM) at both ends. */
static void trim(const char **s, size_t *len)
{
    const char *p = *s;
    size_t n = *len;
    size_t i = reg_skip_ws(p, n, 0);
    p += i;
    n -= i;
    while (n > 0) {
        /* step back one code point */
        size_t k = n - 1;
        while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
            k--;
        size_t j;
        if (!reg_is_space(reg_cp_at(p, n, k, &j)))
            break;
        n = k;
    }
    *s = p;
    *len = n;
}

/* Replaces HTML comments by spaces (keeping line ends, so line numbers stay true) and
 * returns the 1-based line of "<!-- INFO END -->", or 0. */
static int blank_comments(char *w, size_t len)
{
    int line = 1, info_end = 0;
    for (size_t i = 0; i < len; i++) {
        if (w[i] == '\n') {
            line++;
            continue;
        }
        if (w[i] != '<' || len - i < 4 || memcmp(w + i, "<!--", 4))
            continue;
        char *close = memmem(w + i + 4, len - i - 4, "-->", 3);
        size_t end = close ? (size_t)(close - w) + 3 : len;
        const char *in = w + i + 4;
        size_t in_len = (close ? (size_t)(close - w) : len) - (i + 4);
        trim(&in, &in_len);
        if (!info_end && in_len == 8 && !memcmp(in, "INFO END", 8))
            info_end = line;
        for (size_t k = i; k < end; k++) {
            if (w[k] == '\n')
                line++;
            else
                w[k] = ' ';
        }
        i = end - 1;
    }
    return info_end;
}

static line_t *split_lines(const char *w, size_t len, size_t *n_out, int markdown)
{
    line_t *lines = NULL;
    size_t n = 0, cap = 0;
    size_t i = 0;
    int no = 1;
    while (i <= len) {
        const char *nl = i < len ? memchr(w + i, '\n', len - i) : NULL;
        size_t end = nl ? (size_t)(nl - w) : len;
        lines = xgrow(lines, &cap, n + 1, sizeof *lines);
        line_t *l = &lines[n++];
        memset(l, 0, sizeof *l);
        l->s = w + i;
        l->len = end - i;
        l->no = no++;
        trim(&l->s, &l->len);
        if (markdown && l->len && l->s[0] == '#') {
            size_t h = 0;
            while (h < l->len && l->s[h] == '#')
                h++;
            if (h == l->len || l->s[h] == ' ' || l->s[h] == '\t') {
                const char *t = l->s + h;
                size_t tl = l->len - h;
                while (tl && t[tl - 1] == '#') /* closing #'s */
                    tl--;
                trim(&t, &tl);
                l->md_level = (int)h;
                l->s = t;
                l->len = tl;
            }
        }
        if (!nl)
            break;
        i = end + 1;
    }
    *n_out = n;
    return lines;
}

/* The folded text without spaces, for "is this line the title again". */
static char *norm_title(const char *s, size_t len)
{
    buf_t b;
    buf_init(&b);
    for (size_t i = 0, j; i < len; i = j) {
        uint32_t c = reg_cp_at(s, len, i, &j);
        if (reg_is_space(c) || c == U'《' || c == U'》')
            continue;
        char tmp[4];
        buf_add(&b, tmp, (size_t)u8_encode(c, tmp));
    }
    return buf_take(&b);
}

static int is_cjk(uint32_t c)
{
    return fold_class_of(c) == FOLD_CJK;
}

/* Heading text with the spaces between CJK characters removed ("总　则" → "总则") and
 * other runs of spaces collapsed to one. */
static char *collapse_heading(const char *s, size_t len)
{
    buf_t b;
    buf_init(&b);
    uint32_t prev = 0;
    size_t i = 0, j;
    while (i < len) {
        uint32_t c = reg_cp_at(s, len, i, &j);
        if (reg_is_space(c)) {
            size_t k = reg_skip_ws(s, len, i);
            if (k >= len)
                break;
            size_t k2;
            uint32_t next = reg_cp_at(s, len, k, &k2);
            if (b.len && !(is_cjk(prev) && is_cjk(next)))
                buf_addc(&b, ' ');
            i = k;
            continue;
        }
        buf_add(&b, s + i, j - i);
        prev = c;
        i = j;
    }
    return buf_take(&b);
}

/* ---- the builder ------------------------------------------------------------------------ */

enum { RANKS = 5 }; /* 编, 分编, 章, 节, unknown heading */

typedef struct {
    reg_doc *d;
    size_t cap;
    reg_diag_fn diag;
    void *ctx;
    int markdown;
    int open[RANKS];
    int cur;          /* 条 or 段 being filled, -1 when none */
    int cur_kuan, cur_xiang;
    int n_kuan;
    int n_paras;      /* paragraphs already in `text` */
    buf_t text;
    int closing;      /* closing matter seen after an article: paragraphs become 段 */
    long *seen;       /* article keys, for duplicate detection */
    size_t n_seen, seen_cap;
    long last_key, max_key;
    int n_blocks;     /* 条 and 段 made so far */
    int unnumbered;   /* count of 第N段 */
    char *title_norm, *subtitle_norm;
} builder;

static void warn(builder *b, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void warn(builder *b, int line, const char *fmt, ...)
{
    if (!b->diag)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    b->diag(b->ctx, line, 0, msg);
}

static int rank_of(enum reg_kind k)
{
    switch (k) {
    case REG_PART: return 0;
    case REG_SUBPART: return 1;
    case REG_CHAPTER: return 2;
    case REG_SECTION: return 3;
    default: return 4;
    }
}

/* Innermost open heading whose rank is below `rank`. */
static int parent_heading(const builder *b, int rank)
{
    for (int r = rank - 1; r >= 0; r--)
        if (b->open[r] >= 0)
            return b->open[r];
    return -1;
}

static int new_node(builder *b, enum reg_kind kind, int parent, char *label, long num, int line)
{
    reg_doc *d = b->d;
    d->nodes = xgrow(d->nodes, &b->cap, d->n_nodes + 1, sizeof *d->nodes);
    reg_node *n = &d->nodes[d->n_nodes];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->parent = parent;
    n->label = label ? label : xstrdup("");
    n->num = num;
    n->line = line;
    n->owner = -1;
    return (int)d->n_nodes++;
}

static char *cn_label(const char *pre, long num, const char *post)
{
    char *n = cnnum_format(num);
    char *r = xasprintf("%s%s%s", pre, n, post);
    free(n);
    return r;
}

static void close_current(builder *b)
{
    if (b->cur < 0)
        return;
    b->d->nodes[b->cur].text = xstrndup(b->text.s ? b->text.s : "", b->text.len);
    buf_clear(&b->text);
    b->cur = b->cur_kuan = b->cur_xiang = -1;
    b->n_kuan = b->n_paras = 0;
}

/* Appends one paragraph to the current 条/段 text; returns its start offset. */
static size_t append_para(builder *b, const char *s, size_t len)
{
    if (b->n_paras++)
        buf_addc(&b->text, '\n');
    size_t start = b->text.len;
    buf_add(&b->text, s, len);
    return start;
}

static void extend(builder *b, int idx)
{
    if (idx >= 0)
        b->d->nodes[idx].end = b->text.len;
}

static void add_kuan(builder *b, const char *s, size_t len, int line)
{
    size_t start = len || b->n_paras ? append_para(b, s, len) : 0;
    b->n_kuan++;
    int k = new_node(b, REG_PARAGRAPH, b->cur, cn_label("第", b->n_kuan, "款"), b->n_kuan, line);
    reg_node *n = &b->d->nodes[k];
    n->owner = b->cur;
    n->start = start;
    n->end = b->text.len;
    b->cur_kuan = k;
    b->cur_xiang = -1;
}

static void add_xiang(builder *b, const char *s, size_t len, long num, int line)
{
    size_t start = append_para(b, s, len);
    int x = new_node(b, REG_ITEM, b->cur_kuan, cn_label("（", num, "）"), num, line);
    reg_node *n = &b->d->nodes[x];
    n->owner = b->cur;
    n->start = start;
    n->end = b->text.len;
    extend(b, b->cur_kuan);
    b->cur_xiang = x;
}

static void add_mu(builder *b, const char *s, size_t len, long num, int line)
{
    size_t start = append_para(b, s, len);
    int parent = b->cur_xiang >= 0 ? b->cur_xiang : b->cur_kuan;
    int m = new_node(b, REG_SUBITEM, parent, xasprintf("%ld.", num), num, line);
    reg_node *n = &b->d->nodes[m];
    n->owner = b->cur;
    n->start = start;
    n->end = b->text.len;
    extend(b, b->cur_xiang);
    extend(b, b->cur_kuan);
}

/* Opens a 条 or 段 whose first paragraph is s[0..len). */
static void open_block(builder *b, enum reg_kind kind, char *label, long num, int sub,
                       const char *s, size_t len, int line)
{
    close_current(b);
    int idx = new_node(b, kind, parent_heading(b, RANKS), label, num, line);
    b->d->nodes[idx].num_sub = sub;
    b->n_blocks++;
    b->cur = idx;
    add_kuan(b, s, len, line);
}

static void open_heading(builder *b, enum reg_kind kind, char *label, long num,
                         const char *text, size_t len, int line)
{
    close_current(b);
    int rank = rank_of(kind);
    int idx = new_node(b, kind, parent_heading(b, rank), label, num, line);
    b->d->nodes[idx].heading = collapse_heading(text, len);
    b->open[rank] = idx;
    for (int r = rank + 1; r < RANKS; r++)
        b->open[r] = -1;
}

static void open_article(builder *b, const reg_label *m, const char *s, size_t len, int line)
{
    long key = m->num * 1000 + m->sub;
    char *label = cn_label("第", m->num, "条");
    if (m->sub) {
        char *t = cn_label("之", m->sub, "");
        char *both = xasprintf("%s%s", label, t);
        free(label);
        free(t);
        label = both;
    }
    int dup = 0;
    /* only a key at or below the largest so far can repeat one */
    for (size_t i = 0; b->n_seen && key <= b->max_key && i < b->n_seen && !dup; i++)
        dup = b->seen[i] == key;
    if (dup) {
        warn(b, line, "duplicate article number %s", label);
    } else if (b->n_seen && key < b->last_key) {
        char *prev = cn_label("第", b->last_key / 1000, "条");
        warn(b, line, "article %s out of sequence (after %s)", label, prev);
        free(prev);
    }
    b->seen = xgrow(b->seen, &b->seen_cap, b->n_seen + 1, sizeof *b->seen);
    b->seen[b->n_seen++] = key;
    b->last_key = key;
    if (key > b->max_key)
        b->max_key = key;
    b->closing = 0;
    open_block(b, REG_ARTICLE, label, m->num, m->sub, s + m->body, len - m->body, line);
}

static void open_unnumbered(builder *b, const char *s, size_t len, int line)
{
    b->unnumbered++;
    open_block(b, REG_UNIT, xasprintf("第%d段", b->unnumbered), 0, 0, s, len, line);
}

/* Closing matter after the last article: "附件…", "附表…", or a line that is a date. */
static int is_closing_matter(const char *s, size_t len)
{
    if (reg_match_word(s, len, 0, U"附件") || reg_match_word(s, len, 0, U"附表") ||
        reg_match_word(s, len, 0, U"附:"))
        return 1;
    char iso[11];
    size_t used;
    return preamble_parse_date(s, len, iso, &used) && reg_skip_ws(s, len, used) == len;
}

static int is_title_again(const builder *b, const char *s, size_t len)
{
    char *n = norm_title(s, len);
    int same = (b->title_norm && *b->title_norm && !strcmp(n, b->title_norm)) ||
               (b->subtitle_norm && *b->subtitle_norm && !strcmp(n, b->subtitle_norm));
    free(n);
    return same;
}

/* Has any 条 or 段 been made yet? */
static int has_blocks(const builder *b)
{
    return b->n_blocks > 0;
}

/* Accepts an article label: "第X条 " always; "第X条…" without a space only when X is
 * the number that should come next (or the very first article). */
static int article_line(const builder *b, const char *s, size_t len, reg_label *m)
{
    if (!reg_label_article(s, len, m))
        return 0;
    if (m->spaced)
        return 1;
    long key = m->num * 1000 + m->sub;
    return b->n_seen ? key == (b->last_key / 1000 + 1) * 1000 || key == b->last_key + 1
                     : m->num == 1;
}

static void body_line(builder *b, const line_t *l)
{
    const char *s = l->s;
    size_t len = l->len;
    reg_label m;
    enum reg_kind hk;
    const char *word;

    if (l->md_level) {
        if (!len || (!has_blocks(b) && is_title_again(b, s, len)))
            return;
        if (reg_label_heading(s, len, 0, &hk, &word, &m)) {
            char *label = cn_label("第", m.num, word);
            open_heading(b, hk, label, m.num, s + m.body, len - m.body, l->no);
        } else if (reg_label_cn_heading(s, len, &m)) {
            open_heading(b, REG_CHAPTER, cn_label("", m.num, "、"), m.num, s + m.body,
                         len - m.body, l->no);
        } else {
            char *t = xstrndup(s, len);
            warn(b, l->no, "unknown heading form: %s", t);
            free(t);
            open_heading(b, REG_HEADING, NULL, 0, s, len, l->no);
        }
        return;
    }
    if (reg_label_heading(s, len, 1, &hk, &word, &m)) {
        open_heading(b, hk, cn_label("第", m.num, word), m.num, s + m.body, len - m.body,
                     l->no);
        return;
    }
    if (!has_blocks(b) && is_title_again(b, s, len))
        return;
    int in_block = b->cur >= 0;
    int in_article = in_block && b->d->nodes[b->cur].kind == REG_ARTICLE;
    int in_numbered = in_block && b->d->nodes[b->cur].num > 0;

    if (b->d->has_articles) {
        if (article_line(b, s, len, &m)) {
            open_article(b, &m, s, len, l->no);
            return;
        }
        if (in_article && !b->closing) {
            if (is_closing_matter(s, len)) {
                b->closing = 1;
                open_unnumbered(b, s, len, l->no);
            } else if (reg_label_item(s, len, &m)) {
                add_xiang(b, s, len, m.num, l->no);
            } else if (reg_label_subitem(s, len, &m)) {
                add_mu(b, s, len, m.num, l->no);
            } else {
                add_kuan(b, s, len, l->no);
            }
            return;
        }
        if (reg_label_item(s, len, &m))
            open_block(b, REG_UNIT, cn_label("（", m.num, "）"), m.num, 0, s + m.body,
                       len - m.body, l->no);
        else
            open_unnumbered(b, s, len, l->no);
        return;
    }
    /* a document without articles: "一、" headings and "（一）" units */
    if (reg_label_cn_heading(s, len, &m)) {
        open_heading(b, REG_CHAPTER, cn_label("", m.num, "、"), m.num, s + m.body,
                     len - m.body, l->no);
    } else if (reg_label_item(s, len, &m)) {
        open_block(b, REG_UNIT, cn_label("（", m.num, "）"), m.num, 0, s + m.body, len - m.body,
                   l->no);
    } else if (in_numbered && reg_label_subitem(s, len, &m)) {
        add_mu(b, s, len, m.num, l->no);
    } else {
        open_unnumbered(b, s, len, l->no);
    }
}

/* ---- front ends ---------------------------------------------------------------------- */

/* A line that starts the body of a text document. */
static int structural(const line_t *l, int has_articles)
{
    reg_label m;
    enum reg_kind hk;
    const char *word;
    if (reg_label_heading(l->s, l->len, 1, &hk, &word, &m))
        return 1;
    if (reg_label_article(l->s, l->len, &m) && (m.spaced || m.num == 1))
        return 1;
    if (reg_label_item(l->s, l->len, &m))
        return 1;
    return !has_articles && reg_label_cn_heading(l->s, l->len, &m);
}

/* Event line or 题注: starts with a date, or is "（…）" containing one. */
static int preamble_like(const line_t *l)
{
    char iso[11];
    size_t used;
    if (!l->len)
        return 0;
    if (preamble_parse_date(l->s, l->len, iso, &used))
        return 1;
    size_t j;
    if (reg_cp_at(l->s, l->len, 0, &j) != '(')
        return 0;
    for (size_t i = j; i < l->len; i = j) {
        reg_cp_at(l->s, l->len, i, &j);
        if (preamble_parse_date(l->s + i, l->len - i, iso, &used))
            return 1;
    }
    return 0;
}

static void add_preamble(buf_t *pre, const line_t *l)
{
    if (pre->len)
        buf_addc(pre, '\n');
    buf_add(pre, l->s, l->len);
}

/* Does the body contain 第X条 paragraphs? */
static int detect_articles(const line_t *lines, size_t from, size_t n, int skip_line)
{
    for (size_t i = from; i < n; i++) {
        reg_label m;
        if (lines[i].md_level || lines[i].skip || lines[i].no == skip_line)
            continue;
        if (reg_label_article(lines[i].s, lines[i].len, &m) && (m.spaced || m.num == 1))
            return 1;
    }
    return 0;
}

/* Title of a text document: the first 《…》 in its first lines (before the body). */
static char *find_bracket_title(const line_t *lines, size_t n, int *line)
{
    int seen = 0;
    for (size_t i = 0; i < n && seen < TITLE_SEARCH_LINES; i++) {
        const line_t *l = &lines[i];
        if (!l->len)
            continue;
        seen++;
        if (structural(l, 1))
            break;
        const char *p = memmem(l->s, l->len, "《", 3);
        if (!p)
            continue;
        size_t a = (size_t)(p - l->s) + 3, depth = 1, k = a, j;
        while (k < l->len) {
            uint32_t c = reg_cp_at(l->s, l->len, k, &j);
            if (c == U'《')
                depth++;
            else if (c == U'》' && --depth == 0)
                break;
            k = j;
        }
        if (depth == 0 && k > a) {
            *line = l->no;
            const char *t = l->s + a;
            size_t tl = k - a;
            trim(&t, &tl);
            return xstrndup(t, tl);
        }
    }
    return NULL;
}

static size_t markdown_header(builder *b, line_t *lines, size_t n, int info_end, buf_t *pre,
                              const char *hint)
{
    reg_doc *d = b->d;
    size_t i = 0;
    /* front matter */
    while (i < n && !lines[i].len)
        i++;
    if (i < n && lines[i].len == 3 && !memcmp(lines[i].s, "---", 3) && !lines[i].md_level) {
        size_t k = i + 1;
        while (k < n && !(lines[k].len == 3 && !memcmp(lines[k].s, "---", 3)))
            k++;
        if (k < n) {
            for (size_t t = i; t <= k; t++)
                lines[t].skip = 1;
            i = k + 1;
        }
    }
    size_t body = i;
    if (info_end) {
        for (; i < n && lines[i].no < info_end; i++) {
            line_t *l = &lines[i];
            if (!l->len || l->skip)
                continue;
            if (l->md_level == 1 && !d->title) {
                d->title = xstrndup(l->s, l->len);
                d->title_line = l->no;
            } else if (l->md_level == 1 && !d->subtitle) {
                d->subtitle = xstrndup(l->s, l->len);
            } else {
                add_preamble(pre, l);
            }
        }
        body = i;
    } else {
        warn(b, 0, "missing <!-- INFO END --> line");
        for (; i < n; i++) {
            line_t *l = &lines[i];
            if (!l->len || l->skip)
                continue;
            if (l->md_level == 1 && !d->title && !pre->len) {
                d->title = xstrndup(l->s, l->len);
                d->title_line = l->no;
            } else if (l->md_level == 1 && !d->subtitle && !pre->len) {
                d->subtitle = xstrndup(l->s, l->len);
            } else if (!l->md_level && preamble_like(l)) {
                add_preamble(pre, l);
            } else {
                break;
            }
        }
        body = i;
    }
    if (!d->title && hint && *hint)
        d->title = xstrdup(hint);
    return body;
}

static size_t text_header(builder *b, line_t *lines, size_t n, buf_t *pre, const char *hint,
                          int *consumed)
{
    reg_doc *d = b->d;
    *consumed = 0;
    if (hint && *hint) {
        d->title = xstrdup(hint);
    } else if (!(d->title = find_bracket_title(lines, n, &d->title_line))) {
        for (size_t i = 0; i < n; i++)
            if (lines[i].len) {
                d->title = xstrndup(lines[i].s, lines[i].len);
                d->title_line = *consumed = lines[i].no;
                break;
            }
    }
    int arts = detect_articles(lines, 0, n, *consumed);
    size_t first = n;
    for (size_t i = 0; i < n; i++)
        if (lines[i].len && lines[i].no != *consumed && structural(&lines[i], arts)) {
            first = i;
            break;
        }
    size_t body = 0;
    if (first < n) {
        char *tn = norm_title(d->title, strlen(d->title));
        for (size_t i = 0; i < first; i++) {
            if (!lines[i].len || lines[i].no == *consumed)
                continue;
            char *ln = norm_title(lines[i].s, lines[i].len);
            int is_title = *tn && !strcmp(ln, tn) && !d->title_line;
            free(ln);
            if (is_title) /* the hint's title written out as the first line */
                d->title_line = *consumed = lines[i].no;
            else
                add_preamble(pre, &lines[i]);
        }
        free(tn);
        body = first;
    } else {
        /* nothing structural: only leading dated lines are preamble */
        size_t i = 0;
        for (; i < n; i++) {
            if (!lines[i].len || lines[i].no == *consumed)
                continue;
            if (!preamble_like(&lines[i]))
                break;
            add_preamble(pre, &lines[i]);
        }
        body = i;
    }
    return body;
}

static void find_effective_in_text(reg_doc *d)
{
    int looked = 0;
    for (size_t i = d->n_nodes; i-- > 0 && looked < 3;) {
        const reg_node *n = &d->nodes[i];
        if (n->kind != REG_ARTICLE || !n->text)
            continue;
        looked++;
        if (!strstr(n->text, "施行") && !strstr(n->text, "实施") && !strstr(n->text, "實施"))
            continue;
        preamble_info pi;
        preamble_parse(n->text, strlen(n->text), &pi);
        if (pi.effective_date[0])
            memcpy(d->effective_in_text, pi.effective_date, 11);
        preamble_free(&pi);
        if (d->effective_in_text[0])
            break;
    }
}

int reg_parse(const char *text, size_t len, enum reg_format fmt, const char *title_hint,
              reg_doc *out, reg_diag_fn diag, void *ctx)
{
    memset(out, 0, sizeof *out);
    builder b;
    memset(&b, 0, sizeof b);
    b.d = out;
    b.diag = diag;
    b.ctx = ctx;
    b.cur = b.cur_kuan = b.cur_xiang = -1;
    for (int r = 0; r < RANKS; r++)
        b.open[r] = -1;
    buf_init(&b.text);

    if (!text)
        len = 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        text += 3;
        len -= 3;
    }
    if (reg_skip_ws(text, len, 0) >= len) {
        if (diag)
            diag(ctx, 1, 1, "empty file"); /* line 1: where the text should begin */
        return -1;
    }
    char *w = xmalloc(len + 1);
    memcpy(w, text, len);
    w[len] = '\0';
    b.markdown = fmt == REG_MARKDOWN;
    int info_end = b.markdown ? blank_comments(w, len) : 0;
    size_t n;
    line_t *lines = split_lines(w, len, &n, b.markdown);

    buf_t pre;
    buf_init(&pre);
    int consumed = 0;
    size_t body = b.markdown ? markdown_header(&b, lines, n, info_end, &pre, title_hint)
                             : text_header(&b, lines, n, &pre, title_hint, &consumed);
    /* No title: the caller refuses the file with the line it looked at (kind_regs.c). */
    if (!out->title)
        out->title = xstrdup("");
    b.title_norm = norm_title(out->title, strlen(out->title));
    if (out->subtitle)
        b.subtitle_norm = norm_title(out->subtitle, strlen(out->subtitle));
    out->has_articles = detect_articles(lines, body, n, consumed);

    for (size_t i = body; i < n; i++) {
        const line_t *l = &lines[i];
        if (l->skip || l->no == consumed || (!l->len && !l->md_level))
            continue;
        /* a 题注 right after the title in Markdown belongs to the preamble */
        if (b.markdown && !l->md_level && !out->n_nodes && preamble_like(l) &&
            reg_match_word(l->s, l->len, 0, U"(")) {
            add_preamble(&pre, l);
            continue;
        }
        body_line(&b, l);
    }
    close_current(&b);

    out->preamble = buf_take(&pre);
    preamble_parse(out->preamble, strlen(out->preamble), &out->info);
    for (size_t i = 0; i < out->n_nodes; i++)
        if (out->nodes[i].kind == REG_ARTICLE)
            out->n_articles++;
    find_effective_in_text(out);

    free(lines);
    free(w);
    buf_free(&b.text);
    free(b.seen);
    free(b.title_norm);
    free(b.subtitle_norm);

    if (!out->n_nodes) {
        if (diag)
            diag(ctx, 0, 1, "no content: no headings, articles or paragraphs");
        reg_doc_free(out);
        return -1;
    }
    return 0;
}

void reg_doc_free(reg_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->n_nodes; i++) {
        free(doc->nodes[i].label);
        free(doc->nodes[i].heading);
        free(doc->nodes[i].text);
    }
    free(doc->nodes);
    free(doc->title);
    free(doc->subtitle);
    free(doc->preamble);
    preamble_free(&doc->info);
    memset(doc, 0, sizeof *doc);
}

/* First node after `from` of `kind` under `parent` (any parent when -2) with number num. */
static int find_child(const reg_doc *d, size_t from, enum reg_kind kind, int parent, int owner,
                      long num)
{
    for (size_t i = from; i < d->n_nodes; i++) {
        const reg_node *n = &d->nodes[i];
        if (n->kind == kind && n->num == num && (parent == -2 || n->parent == parent) &&
            (owner < 0 || n->owner == owner))
            return (int)i;
    }
    return -1;
}

int reg_doc_find(const reg_doc *d, const regref *r)
{
    if (!d || !r)
        return -1;
    switch (r->kind) {
    case REGREF_CHAPTER: return find_child(d, 0, REG_CHAPTER, -2, -1, r->num);
    case REGREF_SECTION: return find_child(d, 0, REG_SECTION, -2, -1, r->num);
    case REGREF_PART: return find_child(d, 0, REG_PART, -2, -1, r->num);
    case REGREF_SUBPART: return find_child(d, 0, REG_SUBPART, -2, -1, r->num);
    case REGREF_ITEM: return r->num > 0 ? find_child(d, 0, REG_UNIT, -2, -1, r->num) : -1;
    case REGREF_ARTICLE:
    default: break;
    }
    int a = -1;
    for (size_t i = 0; i < d->n_nodes && a < 0; i++)
        if (d->nodes[i].kind == REG_ARTICLE && d->nodes[i].num == r->num &&
            d->nodes[i].num_sub == r->num_sub)
            a = (int)i;
    if (a < 0)
        return -1;
    int target = a;
    if (r->kuan && (target = find_child(d, (size_t)a, REG_PARAGRAPH, a, a, r->kuan)) < 0)
        return -1;
    if (r->xiang) {
        int parent = r->kuan ? target : -2;
        if ((target = find_child(d, (size_t)a, REG_ITEM, parent, a, r->xiang)) < 0)
            return -1;
    }
    if (r->mu) {
        int parent = (r->xiang || r->kuan) ? target : -2;
        if ((target = find_child(d, (size_t)a, REG_SUBITEM, parent, a, r->mu)) < 0)
            return -1;
    }
    return target;
}

const char *reg_kind_name(enum reg_kind kind)
{
    switch (kind) {
    case REG_PART: return "编";
    case REG_SUBPART: return "分编";
    case REG_CHAPTER: return "章";
    case REG_SECTION: return "节";
    case REG_HEADING: return "标题";
    case REG_ARTICLE: return "条";
    case REG_UNIT: return "段";
    case REG_PARAGRAPH: return "款";
    case REG_ITEM: return "项";
    case REG_SUBITEM: return "目";
    }
    return "?";
}
