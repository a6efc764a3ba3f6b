/* A regulation laid out for reading: units (display texts with matches), lines, the
 * article tree and navigation. */
#include "regdoc.h"

#include "output.h"
#include "reg_labels.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- nodes ---------------------------------------------------------------------------- */

static int is_heading(const char *kind)
{
    return !strcmp(kind, "编") || !strcmp(kind, "分编") || !strcmp(kind, "章") ||
           !strcmp(kind, "节") || !strcmp(kind, "标题");
}

/* An article of the tree: every 条, and the numbered items （一） of documents. */
static int is_article(const reg_node_t *n)
{
    return !strcmp(n->kind, "条") || (!strcmp(n->kind, "段") && n->num > 0);
}

/* Index of node id (ids grow in document order), or -1. */
static int index_of(const regdoc *d, long long id)
{
    int lo = 0, hi = d->nnodes - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (d->nodes[mid].id == id)
            return mid;
        if (d->nodes[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int depth_of(const regdoc *d, int i)
{
    int depth = 0;
    for (int p = index_of(d, d->nodes[i].parent_id), guard = 0; p >= 0 && guard < 64;
         p = index_of(d, d->nodes[p].parent_id), guard++)
        depth += is_heading(d->nodes[p].kind);
    return depth;
}

/* "第二章 总则", "一、加强…", "附则" (a 标题's label is its heading). */
static char *node_label(const regdoc *d, int i)
{
    const reg_node_t *n = &d->nodes[i];
    const char *label = n->label ? n->label : "";
    if (!n->heading || !*n->heading || !strcmp(n->heading, label))
        return xstrdup(label);
    size_t len = strlen(label);
    int tight = !len || (len >= 3 && (!strcmp(label + len - 3, "、") || !strcmp(label + len - 3, "．"))) ||
                label[len - 1] == '.';
    return xasprintf("%s%s%s", label, tight ? "" : " ", n->heading);
}

regdoc *regdoc_new(reg_info *info, reg_node_t *nodes, int nnodes)
{
    regdoc *d = xcalloc(1, sizeof *d);
    d->info = *info;
    memset(info, 0, sizeof *info);
    d->nodes = nodes;
    d->nnodes = nnodes;
    for (int i = 0; i < nnodes; i++)
        d->narticles += !strcmp(nodes[i].kind, "条");
    d->cur_match = -1;
    d->script = CONVERT_ORIGINAL;
    /* The tree: headings and articles with their depth. */
    d->entries = xcalloc((size_t)nnodes + 1, sizeof *d->entries);
    for (int i = 0; i < nnodes; i++) {
        if (!is_heading(nodes[i].kind) && !is_article(&nodes[i]))
            continue;
        rd_entry *e = &d->entries[d->nentries++];
        e->node = i;
        e->depth = depth_of(d, i);
        e->article = is_article(&nodes[i]);
        e->line = -1;
    }
    return d;
}

regdoc *regdoc_open(gk_db *db, long long reg_id, char **err)
{
    reg_info info;
    if (reg_get(db, reg_id, &info) != 0) {
        *err = xstrdup("找不到这部法规（数据库可能已更新）");
        return NULL;
    }
    reg_node_t *nodes;
    int n = reg_nodes(db, reg_id, &nodes);
    if (n < 0) {
        reg_info_free(&info);
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
        return NULL;
    }
    return regdoc_new(&info, nodes, n);
}

static void free_units(regdoc *d)
{
    for (int i = 0; i < d->nunits; i++) {
        free(d->units[i].orig);
        free(d->units[i].s);
        hl_spans_free(&d->units[i].raw);
        hl_spans_free(&d->units[i].spans);
    }
    free(d->units);
    for (int i = 0; i < d->nentries; i++)
        free(d->entries[i].label);
}

void regdoc_free(regdoc *d)
{
    if (!d)
        return;
    free_units(d);
    free(d->entries);
    free(d->lines);
    free(d->matches);
    reg_info_free(&d->info);
    reg_nodes_free(d->nodes, d->nnodes);
    free(d);
}

void regdoc_set_matcher(regdoc *d, const hl_matcher *m)
{
    d->m = m;
    d->stale_spans = 1;
    d->cur_match = -1;
}

/* ---- units ---------------------------------------------------------------------------- */

static char *convert_plain(const char *s, enum convert_script script, size_t *len)
{
    out_text t;
    out_text_make(&t, s, 0, strlen(s), NULL, 0, script);
    hl_spans_free(&t.spans);
    *len = t.len;
    return t.s;
}

/* Adds a unit: label, separator and body (each may be NULL), as stored. */
static void add_unit(regdoc *d, enum rd_kind kind, int node, const char *label, const char *sep,
                     const char *body, int find)
{
    buf_t b;
    buf_init(&b);
    if (label)
        buf_adds(&b, label);
    if (label && body && sep)
        buf_adds(&b, sep);
    if (body)
        buf_adds(&b, body);
    rd_unit *u = &d->units[d->nunits++];
    memset(u, 0, sizeof *u);
    u->kind = kind;
    u->node = node;
    u->find = find;
    u->olen = b.len;
    u->orig = buf_take(&b);
    u->olabel = label ? strlen(label) : 0;
}

/* The display text of a unit in d->script. Most text is clean and converts character for
 * character ("same"): its offsets then map by counting characters, and new highlights
 * need no new conversion. Otherwise out_text_make converts between span boundaries. */
static void make_text(regdoc *d, rd_unit *u)
{
    free(u->s);
    hl_spans_free(&u->spans);
    char *clean = u8_sanitize(u->orig, u->olen, U8_SAN_KEEP_NL);
    size_t n, cn = strlen(clean);
    char *conv = convert_text(d->script, clean, cn, &n);
    u->same = !strcmp(clean, u->orig) && u8_count(conv, n) == u8_count(clean, cn);
    free(clean);
    if (u->same) {
        u->s = conv;
        u->len = n;
        size_t chars = u8_count(u->orig, u->olabel), j = 0;
        while (chars-- > 0 && j < u->len)
            j = u8_next(u->s, u->len, j);
        u->label_len = j;
        return;
    }
    free(conv);
    out_text t;
    out_text_make(&t, u->orig, 0, u->olen, &u->raw, U8_SAN_KEEP_NL, d->script);
    u->s = t.s;
    u->len = t.len;
    u->spans = t.spans;
    char *label = xstrndup(u->orig, u->olabel);
    free(convert_plain(label, d->script, &n));
    free(label);
    u->label_len = u->olabel && n < u->len ? n : u->olabel ? u->len : 0;
}

/* The raw spans of a "same" unit moved to its display text, character by character. */
static void map_spans(rd_unit *u)
{
    hl_spans_clear(&u->spans);
    size_t i = 0, j = 0;
    for (size_t k = 0; k < u->raw.n; k++) {
        size_t bound[2] = {u->raw.v[k].start, u->raw.v[k].end}, out[2];
        for (int e = 0; e < 2; e++) {
            while (i < bound[e] && i < u->olen) {
                i = u8_next(u->orig, u->olen, i);
                j = j < u->len ? u8_next(u->s, u->len, j) : j;
            }
            out[e] = j;
        }
        u->spans.v = xgrow(u->spans.v, &u->spans.cap, u->spans.n + 1, sizeof *u->spans.v);
        u->spans.v[u->spans.n++] = (hl_span){out[0], out[1], u->raw.v[k].term};
    }
}

static void build_units(regdoc *d)
{
    d->units = xcalloc((size_t)d->nnodes + 3, sizeof *d->units);
    const reg_info *r = &d->info;
    add_unit(d, RD_TITLE, -1, NULL, NULL, r->title ? r->title : "", 1);
    /* [现行有效] 2019-03-02 版（2019修订） · 行政法规 · 国务院 · 国务院令第649号 · 施行 … */
    buf_t meta;
    buf_init(&meta);
    if (r->version_date)
        buf_printf(&meta, "%s 版", r->version_date);
    if (r->edition_label)
        buf_printf(&meta, "（%s）", r->edition_label);
    const char *parts[] = {r->level, r->issuing_organs, r->doc_number};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (parts[i] && *parts[i])
            buf_printf(&meta, "%s%s", meta.len ? "，" : "", parts[i]);
    if (r->effective && *r->effective)
        buf_printf(&meta, "%s施行 %s", meta.len ? "，" : "", r->effective);
    char tag[64];
    snprintf(tag, sizeof tag, "[%s]", reg_status_label(r->status));
    add_unit(d, RD_META, -1, tag, " ", meta.s ? meta.s : "", 0);
    buf_free(&meta);
    for (int i = 0; i < d->nnodes; i++) {
        const reg_node_t *n = &d->nodes[i];
        if (!strcmp(n->kind, "题注")) {
            if (n->text && *n->text)
                add_unit(d, RD_PREAMBLE, i, NULL, NULL, n->text, 1);
        } else if (is_heading(n->kind)) {
            char *label = node_label(d, i);
            add_unit(d, RD_HEADING, i, NULL, NULL, label, 1);
            free(label);
        } else if (!strcmp(n->kind, "条")) {
            add_unit(d, RD_TEXT, i, n->label, " ", n->text ? n->text : "", 1);
        } else if (!strcmp(n->kind, "段")) {
            add_unit(d, RD_TEXT, i, n->num > 0 ? n->label : NULL, "", n->text ? n->text : "", 1);
        }
    }
    int *entry_of = xcalloc((size_t)d->nnodes + 1, sizeof *entry_of);
    for (int i = 0; i < d->nnodes; i++)
        entry_of[i] = -1;
    for (int e = 0; e < d->nentries; e++)
        entry_of[d->entries[e].node] = e;
    for (int i = 0; i < d->nunits; i++)
        d->units[i].entry = d->units[i].node >= 0 ? entry_of[d->units[i].node] : -1;
    free(entry_of);
}

/* ---- lines ---------------------------------------------------------------------------- */

static rd_line *add_line(regdoc *d, enum rd_kind kind, int unit, size_t start, size_t end,
                         int indent)
{
    d->lines = xgrow(d->lines, &d->lines_cap, (size_t)d->nlines + 1, sizeof *d->lines);
    rd_line *l = &d->lines[d->nlines++];
    *l = (rd_line){kind, unit, start, end, start, indent, -1};
    return l;
}

/* Bytes of an item label opening a paragraph (（一） 1. (1) 一、, as the parser reads
 * them), or 0. */
static size_t item_label(const char *s, size_t len)
{
    reg_label m;
    if (reg_label_item(s, len, &m) || reg_label_subitem(s, len, &m) ||
        reg_label_cn_heading(s, len, &m))
        return m.body;
    return 0;
}

/* Wraps s[a, b) to width with the first line indented fi columns, the rest ci (or each
 * line centred). */
static void wrap_para(regdoc *d, enum rd_kind kind, int unit, size_t a, size_t b, int fi, int ci,
                      int centre)
{
    const char *s = d->units[unit].s;
    int w = d->width, first = d->nlines;
    fi = fi > w / 2 ? w / 2 : fi;
    ci = ci > w / 2 ? w / 2 : ci;
    u8_line_t *ls;
    size_t n = u8_wrap(s + a, b - a, (size_t)(w - fi), &ls);
    size_t rest = n > 1 ? a + ls[1].start : b;
    add_line(d, kind, unit, a + ls[0].start, a + ls[0].end, fi);
    free(ls);
    n = n > 1 ? u8_wrap(s + rest, b - rest, (size_t)(w - ci), &ls) : 0;
    for (size_t i = 0; i < n; i++)
        add_line(d, kind, unit, rest + ls[i].start, rest + ls[i].end, ci);
    if (n)
        free(ls);
    for (int i = first; centre && i < d->nlines; i++) {
        rd_line *l = &d->lines[i];
        int lw = (int)u8_width(s + l->start, l->end - l->start);
        l->indent = lw < w ? (w - lw) / 2 : 0;
    }
}

static void layout_unit(regdoc *d, int ui)
{
    rd_unit *u = &d->units[ui];
    u->first_line = d->nlines;
    int para = 0;
    for (size_t a = 0; a <= u->len; para++) {
        const char *nl = memchr(u->s + a, '\n', u->len - a);
        size_t b = nl ? (size_t)(nl - u->s) : u->len;
        int fi = 0, ci = 0, centre = u->kind == RD_TITLE || u->kind == RD_HEADING;
        if (u->kind == RD_TEXT) {
            if (para == 0) {
                /* A numbered unit （一） hangs under its label; an article does not. */
                if (u->label_len && strcmp(d->nodes[u->node].kind, "条"))
                    ci = (int)u8_width(u->s, u->label_len);
            } else {
                size_t lab = item_label(u->s + a, b - a);
                fi = 2;
                ci = lab ? 2 + (int)u8_width(u->s + a, lab) : 0;
            }
        }
        wrap_para(d, u->kind, ui, a, b, fi, ci, centre);
        if (!nl)
            break;
        a = b + 1;
    }
    u->nlines = d->nlines - u->first_line;
    rd_line *first = &d->lines[u->first_line];
    size_t le = first->start + u->label_len;
    first->label_end = le < first->end ? le : first->end;
}

/* A position that survives re-wrapping: a unit, the characters before the line's start
 * and the blank lines above it. */
typedef struct {
    int unit;
    size_t chars;
    int back;
} rd_pos;

static rd_pos pos_of_line(const regdoc *d, int line)
{
    rd_pos p = {-1, 0, 0};
    int i = line;
    while (i < d->nlines && d->lines[i].unit < 0)
        i++;
    if (i >= d->nlines)
        return p;
    const rd_line *l = &d->lines[i];
    p.unit = l->unit;
    p.chars = u8_count(d->units[l->unit].s, l->start);
    p.back = i - line;
    return p;
}

static int line_of_pos(const regdoc *d, rd_pos p)
{
    if (p.unit < 0 || p.unit >= d->nunits)
        return 0;
    const rd_unit *u = &d->units[p.unit];
    int best = u->first_line;
    for (int i = u->first_line; i < u->first_line + u->nlines; i++)
        if (u8_count(u->s, d->lines[i].start) <= p.chars)
            best = i;
    best -= p.back;
    return best < 0 ? 0 : best;
}

static void find_matches(regdoc *d)
{
    free(d->matches);
    d->matches = NULL;
    d->nmatches = 0;
    size_t cap = 0;
    for (int ui = 0; ui < d->nunits; ui++) {
        const rd_unit *u = &d->units[ui];
        for (size_t k = 0; k < u->spans.n; k++) {
            const hl_span *sp = &u->spans.v[k];
            int line = u->first_line;
            for (int i = u->first_line; i < u->first_line + u->nlines; i++)
                if (d->lines[i].start <= sp->start)
                    line = i;
            d->matches = xgrow(d->matches, &cap, (size_t)d->nmatches + 1, sizeof *d->matches);
            d->matches[d->nmatches++] = (rd_match){line, ui, sp->start, sp->end};
        }
    }
}

static void lay_lines(regdoc *d);

void regdoc_layout(regdoc *d, int width, enum convert_script script)
{
    if (width < 8)
        width = 8;
    if (!d->units) {
        build_units(d);
        d->stale_text = d->stale_spans = 1;
    }
    d->stale_text |= script != d->script;
    d->stale_lines |= width != d->width || d->stale_text;
    if (!d->stale_text && !d->stale_spans && !d->stale_lines)
        return;
    rd_pos keep = pos_of_line(d, d->top);
    int had = d->nlines > 0;
    d->script = script;
    d->width = width;
    for (int i = 0; i < d->nunits; i++) {
        rd_unit *u = &d->units[i];
        if (d->stale_spans) {
            hl_spans_clear(&u->raw);
            if (u->find && d->m && u->olen)
                hl_find(d->m, u->orig, u->olen, &u->raw);
        }
        if (d->stale_text || (d->stale_spans && !u->same)) {
            make_text(d, u);
            d->stale_lines = 1;
        }
        if (u->same)
            map_spans(u);
    }
    for (int e = 0; d->stale_text && e < d->nentries; e++) {
        char *label = node_label(d, d->entries[e].node);
        size_t len;
        free(d->entries[e].label);
        d->entries[e].label = convert_plain(label, d->script, &len);
        free(label);
    }
    if (d->stale_lines)
        lay_lines(d);
    find_matches(d);
    d->stale_text = d->stale_spans = d->stale_lines = 0;
    if (d->cur_match >= d->nmatches)
        d->cur_match = -1;
    d->top = had ? line_of_pos(d, keep) : d->top;
    regdoc_scroll_to(d, d->top);
}

/* Every unit wrapped to d->width, with blank lines before headings and the text. */
static void lay_lines(regdoc *d)
{
    d->nlines = 0;
    int entry = -1;
    for (int ui = 0; ui < d->nunits; ui++) {
        enum rd_kind k = d->units[ui].kind;
        enum rd_kind prev = d->nlines ? d->lines[d->nlines - 1].kind : RD_BLANK;
        /* A blank line before each heading and after the header. */
        if (prev != RD_BLANK &&
            (k == RD_HEADING || (k == RD_TEXT && prev >= RD_TITLE && prev <= RD_PREAMBLE)))
            add_line(d, RD_BLANK, -1, 0, 0, 0)->entry = entry;
        if (d->units[ui].entry >= 0) {
            entry = d->units[ui].entry;
            d->entries[entry].line = d->nlines;
        }
        layout_unit(d, ui);
        for (int i = d->units[ui].first_line; i < d->nlines; i++)
            d->lines[i].entry = entry;
    }
}

/* ---- navigation ----------------------------------------------------------------------- */

int regdoc_line_of_node(const regdoc *d, long long id)
{
    int i = index_of(d, id);
    if (i < 0)
        return -1;
    if (!strcmp(d->nodes[i].kind, "题注"))
        return 0;
    /* The unit holding it (a 款 is inside its 条; a plain 段 is a unit of its own). */
    for (int guard = 0; i >= 0 && guard < 64; i = index_of(d, d->nodes[i].parent_id), guard++)
        for (int u = 0; u < d->nunits; u++)
            if (d->units[u].node == i)
                return d->units[u].first_line;
    return -1;
}

int regdoc_entry_like(const regdoc *d, const reg_node_t *like)
{
    for (int e = 0; e < d->nentries; e++) {
        const reg_node_t *n = &d->nodes[d->entries[e].node];
        if (!strcmp(n->kind, like->kind) && n->num == like->num && n->num_sub == like->num_sub &&
            (n->num || (n->label && like->label && !strcmp(n->label, like->label))))
            return e;
    }
    return -1;
}

const reg_node_t *regdoc_article_at(const regdoc *d, int line)
{
    if (line < 0 || line >= d->nlines || d->lines[line].entry < 0)
        return NULL;
    const rd_entry *e = &d->entries[d->lines[line].entry];
    return e->article ? &d->nodes[e->node] : NULL;
}

int regdoc_next_article(const regdoc *d, int line, int dir)
{
    if (dir > 0) {
        for (int e = 0; e < d->nentries; e++)
            if (d->entries[e].article && d->entries[e].line > line)
                return d->entries[e].line;
        return -1;
    }
    for (int e = d->nentries - 1; e >= 0; e--)
        if (d->entries[e].article && d->entries[e].line >= 0 && d->entries[e].line < line)
            return d->entries[e].line;
    return -1;
}

void regdoc_scroll_to(regdoc *d, int line)
{
    if (line >= d->nlines)
        line = d->nlines - 1;
    d->top = line < 0 ? 0 : line;
}

void regdoc_scroll_by(regdoc *d, int delta, int h)
{
    int limit = d->nlines - h > 0 ? d->nlines - h : 0;
    int to = d->top + delta;
    if (delta > 0 && to > limit)
        to = limit > d->top ? limit : d->top;
    regdoc_scroll_to(d, to);
}

int regdoc_find_match(regdoc *d, int h, int dir, int *wrapped)
{
    int n = d->nmatches, top = d->top, bottom = d->top + (h > 0 ? h : 1), cur = d->cur_match, to;
    *wrapped = 0;
    if (!n)
        return -1;
    dir = dir > 0 ? 1 : -1;
    if (cur >= 0 && cur < n && d->matches[cur].line >= top && d->matches[cur].line < bottom)
        to = cur + dir;
    else if (dir > 0)
        for (to = 0; to < n && d->matches[to].line < top;)
            to++;
    else
        for (to = n - 1; to >= 0 && d->matches[to].line >= bottom;)
            to--;
    if (to < 0 || to >= n) {
        *wrapped = 1;
        to = to < 0 ? n - 1 : 0;
    }
    d->cur_match = to;
    int line = d->matches[to].line;
    if (line < top || line >= bottom)
        regdoc_scroll_to(d, line > 2 ? line - 2 : 0);
    return to;
}

int regdoc_line_spans(const regdoc *d, int line, hl_spans *out)
{
    out->n = 0;
    if (line < 0 || line >= d->nlines || d->lines[line].unit < 0)
        return -1;
    const rd_line *l = &d->lines[line];
    const rd_unit *u = &d->units[l->unit];
    const rd_match *cur = d->cur_match >= 0 ? &d->matches[d->cur_match] : NULL;
    int cur_index = -1;
    for (size_t k = 0; k < u->spans.n; k++) {
        size_t s = u->spans.v[k].start, e = u->spans.v[k].end;
        if (e <= l->start || s >= l->end)
            continue;
        if (cur && cur->unit == l->unit && cur->start == s)
            cur_index = (int)out->n;
        s = s < l->start ? l->start : s;
        e = e > l->end ? l->end : e;
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
        out->v[out->n++] = (hl_span){s - l->start, e - l->start, u->spans.v[k].term};
    }
    return cur_index;
}

void regdoc_describe(const regdoc *d, int h, const char *what, buf_t *b)
{
    const reg_node_t *art = regdoc_article_at(d, d->top);
    if (art) {
        size_t len;
        char *label = convert_plain(art->label ? art->label : "", d->script, &len);
        buf_printf(b, "%s，", label);
        free(label);
    }
    if (d->narticles)
        buf_printf(b, "共 %d 条", d->narticles);
    else
        buf_printf(b, "第 %d–%d 行，共 %d 行", d->top + 1,
                   d->top + h < d->nlines ? d->top + h : d->nlines, d->nlines);
    if (!d->m || !what || !*what)
        return;
    if (d->cur_match >= 0)
        buf_printf(b, "，「%s」第 %d/%d 处", what, d->cur_match + 1, d->nmatches);
    else
        buf_printf(b, "，「%s」%d 处%s", what, d->nmatches, d->nmatches ? "（n/N 跳转）" : "");
}

/* ---- citations ----------------------------------------------------------------------- */

char *regdoc_cite(const regdoc *d, int line, enum convert_script script)
{
    char *c = reg_citation(&d->info, regdoc_article_at(d, line));
    size_t len;
    char *shown = convert_plain(c, script, &len);
    free(c);
    return shown;
}

