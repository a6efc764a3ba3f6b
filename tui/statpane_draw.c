/* Drawing the 统计 pane (tui/statpane.h): the title line with the modes, the table with
 * its frozen label column (tui/statview.h lays it out), the chart (tui/statchart.h), the
 * footnote under them (notes, the cell under the cursor and its source, kept by priority
 * when rows are short), and the screens without a table: no statistics, the welcome with
 * examples, the F4 picker. Apart from tui/pane_stats.c so the pane's state and flow read
 * without the layout. */
#include "statpane.h"

#include "statchart.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tab_names[NTABS] = {"指标", "地区", "时期"};

/* s padded with spaces to cols display columns (cut with '>' when wider). */
char *sp_pad_to(const char *s, int cols)
{
    char *fit = u8_truncate(s, strlen(s), (size_t)(cols > 0 ? cols : 0), ">");
    int pad = cols - (int)u8_width(fit, strlen(fit));
    char *out = xasprintf("%s%*s", fit, pad > 0 ? pad : 0, "");
    free(fit);
    return out;
}

typedef struct {
    char *text;
    enum attr_kind at;
    int prio;  /* 1 kept first */
} fline;

typedef struct {
    fline v[16];
    int n;
} flines;

static void fl_add(flines *f, int prio, enum attr_kind at, char *text)
{
    if (f->n < 16)
        f->v[f->n++] = (fline){text, at, prio};
    else
        free(text);
}

/* Wraps text into at most max lines of width columns, each added with its prio. */
static void fl_wrap(flines *f, int prio, int more_prio, enum attr_kind at, const char *text,
                    int width, int max)
{
    u8_line_t *lines;
    size_t n = u8_wrap(text, strlen(text), (size_t)(width > 1 ? width : 1), &lines);
    for (size_t i = 0; i < n && (int)i < max; i++) {
        size_t len = lines[i].end - lines[i].start;
        int last = (int)i == max - 1 && i + 1 < n;
        char *t = xstrndup(text + lines[i].start, len);
        if (last) { /* more than fits: cut with a marker */
            char *rest = xasprintf("%s%s", t, text + lines[i].end);
            free(t);
            t = u8_truncate(rest, strlen(rest), (size_t)width, ">");
            free(rest);
        }
        fl_add(f, i ? more_prio : prio, at, t);
    }
    free(lines);
}

static void fl_free(flines *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->v[i].text);
    f->n = 0;
}

/* The footnote: the table's notes, then the cell under the cursor with its source, how it
 * was derived and what was flagged. */
static void footnote(stats_pane *s, flines *f, int width)
{
    for (size_t i = 0; i < s->t.nnotes; i++) {
        char *n = sp_shown(s, s->t.notes[i]);
        char *t = xasprintf("注：%s", n);
        fl_wrap(f, i ? 4 : 2, 5, AT_WARN, t, width, 2);
        free(t);
        free(n);
    }
    if (!s->v.nrows)
        return;
    size_t tr = sv_table_row(&s->v, s->v.row);
    const char *rl = s->v.row_labels[tr];
    const stat_cell *c = sp_current_cell(s);
    if (!c) {
        char *t = xasprintf("%s（%s；s 按此列排序，Enter 展开）", rl, sp_axis_word(s->rows));
        fl_wrap(f, 1, 3, AT_NORMAL, t, width, 2);
        free(t);
        return;
    }
    const char *cl = s->v.col_labels[s->v.col];
    const char *unit = s->v.col_units[s->v.col];
    char *t;
    if (!c->present) {
        t = xasprintf("%s，%s：无数据", rl, cl);
    } else {
        char buf[48];
        statq_format_value(c, buf);
        char *raw = c->raw && !c->derived ? sp_shown(s, c->raw) : NULL;
        char *u = sp_shown(s, unit && *unit ? unit : c->unit.name);
        t = xasprintf("%s，%s：%s %s%s%s%s", rl, cl, buf, u, raw ? "（原文 " : "", raw ? raw : "",
                      raw ? "）" : "");
        free(u);
        free(raw);
    }
    fl_wrap(f, 1, 3, AT_NORMAL, t, width, 2);
    free(t);
    if (!c->present)
        return;
    if (c->derivation && *c->derivation) {
        char *d = sp_shown(s, c->derivation);
        t = xasprintf("* %s", d);
        fl_wrap(f, 2, 5, AT_DIM, t, width, 2);
        free(t);
        free(d);
    }
    if (c->flags && *c->flags) {
        char *d = sp_shown(s, c->flags);
        t = xasprintf("! %s", d);
        fl_wrap(f, 2, 5, AT_WARN, t, width, 2);
        free(t);
        free(d);
    }
    /* The source without the derivation and the flags: they have their lines above. */
    stat_cell bare = *c;
    bare.derivation = NULL;
    bare.flags = NULL;
    char *src = statq_cell_source(&bare);
    char *clean = sp_shown(s, src);
    fl_wrap(f, 1, 3, AT_DIM, clean, width, 2);
    free(clean);
    free(src);
}

/* Keeps the lines of the best priorities that fit in max rows, in their order. */
static int fl_fit(flines *f, int max)
{
    int keep[16] = {0}, n = 0;
    for (int p = 1; p <= 5 && n < max; p++)
        for (int i = 0; i < f->n && n < max; i++)
            if (f->v[i].prio == p && !keep[i]) {
                keep[i] = 1;
                n++;
            }
    int w = 0;
    for (int i = 0; i < f->n; i++) {
        if (keep[i])
            f->v[w++] = f->v[i];
        else
            free(f->v[i].text);
    }
    f->n = w;
    return w;
}

/* The pane's first line: the table's title, and the modes on the right. */
static void draw_header(stats_pane *s, const rect *r)
{
    const char *change = s->modes.change == SC_YOY ? "同比" : s->modes.change == SC_POP ? "环比" : "原值";
    char *state = xasprintf("[%s] [月/年%s]%s", change, s->modes.convert ? "换算" : "不换算",
                            s->chart ? " [图]" : "");
    int sw = (int)u8_width(state, strlen(state));
    if (sw > r->w / 3) { /* narrow: the title first, the modes short */
        free(state);
        state = xasprintf("[%s]%s%s", change, s->modes.convert ? "[换算]" : "", s->chart ? "[图]" : "");
        sw = (int)u8_width(state, strlen(state));
    }
    char *full = s->where ? xasprintf("%s；%s", s->t.title ? s->t.title : "", s->where)
                          : xstrdup(s->t.title ? s->t.title : "");
    char *title = sp_shown(s, full);
    free(full);
    int room = r->w - 2 - sw - 2;
    if (room < 8) {
        draw_text(r->y, r->x + 1, r->w - 2, title, strlen(title), AT_HEADER, NULL, AT_HEADER, 1);
    } else {
        draw_text(r->y, r->x + 1, room, title, strlen(title), AT_HEADER, NULL, AT_HEADER, 1);
        draw_str(r->y, r->x + r->w - 1 - sw, sw, state, AT_DIM);
    }
    free(title);
    free(state);
}

static void draw_footer(flines *f, const rect *r, int rows)
{
    for (int i = 0; i < f->n; i++) {
        int y = r->y + r->h - rows + i;
        draw_text(y, r->x + 1, r->w - 2, f->v[i].text, strlen(f->v[i].text), f->v[i].at, NULL,
                  f->v[i].at, 1);
    }
}

/* Rows left for the footnote at a pane height. */
static int footer_budget(int h)
{
    return h >= 30 ? 7 : h >= 16 ? 4 : h >= 10 ? 2 : h >= 7 ? 1 : 0;
}

/* The label column of display row i at y. */
static void draw_label(stats_pane *s, int y, int x, size_t i, int sel)
{
    size_t tr = sv_table_row(&s->v, i);
    const char *l = s->v.row_labels[tr];
    enum attr_kind at = sel ? (s->v.col == SV_LABEL_COL ? AT_SEL_HL : AT_SEL)
                            : tr < s->v.npinned ? AT_HEADER : AT_NORMAL;
    draw_text(y, x, s->v.label_w, l, strlen(l), at, NULL, at, 1);
}

static void draw_table(stats_pane *s, const rect *r, int body, int y0)
{
    statview *v = &s->v;
    int x0 = r->x + 1;
    int first, end;
    sv_visible(v, &first, &end);
    /* Headers: labels and units; < and > where columns are hidden. */
    draw_str(y0, x0, v->label_w, v->corner, v->col == SV_LABEL_COL ? AT_SEL_HL : AT_HEADER);
    for (int c = first; c < end; c++) {
        int w;
        int x = sv_col_x(v, c, &w);
        if (x < 0)
            continue;
        for (int line = 0; line < 2; line++) {
            char *h = sv_header_text(v, c, line);
            enum attr_kind at = c == v->col ? AT_SEL_HL : line ? AT_DIM : AT_HEADER;
            draw_text(y0 + line, x0 + x, w, h, strlen(h), at, NULL, at, 0);
            free(h);
        }
    }
    if (first > 0)
        draw_str(y0, x0 + v->label_w, 1, "<", AT_DIM);
    if (end < (int)v->ncols) {
        int w, x = sv_col_x(v, end - 1, &w);
        int at = x >= 0 && x + w + 1 < v->width ? x + w + 1 : v->width - 1;
        draw_str(y0, x0 + at, 1, ">", AT_DIM);
    }
    for (int i = 0; i < body; i++) {
        size_t dr = v->top + (size_t)i;
        if (dr >= v->nrows)
            break;
        int y = y0 + 2 + i;
        int sel = dr == v->row;
        if (sel)
            draw_fill(y, r->x, r->w, AT_SEL);
        draw_label(s, y, x0, dr, sel);
        for (int c = first; c < end; c++) {
            int w;
            int x = sv_col_x(v, c, &w);
            if (x < 0)
                continue;
            const sv_cell *cell = sv_cell_at(v, dr, c);
            char *t = sv_cell_text(v, dr, c);
            enum attr_kind at = sel && c == v->col ? AT_SEL_HL
                                : sel                ? AT_SEL
                                : cell->flagged      ? AT_WARN
                                : !cell->present     ? AT_DIM
                                                     : AT_NORMAL;
            draw_text(y, x0 + x, w, t, strlen(t), at, NULL, at, 0);
            free(t);
        }
    }
}

/* Bars of the cursor's column, one row per table row; for a series (rows are periods) a
 * sparkline per column above them, and for regions × periods each row's trend. */
static void draw_chart(stats_pane *s, app *a, const rect *r, int body, int y0)
{
    statview *v = &s->v;
    int uni = app_config(a)->borders == CONFIG_BORDERS_UNICODE;
    int x0 = r->x + 1, width = r->w - 2;
    int c = v->col >= 0 ? v->col : 0;
    if (!v->ncols) {
        draw_str(y0, x0, width, "没有可画的列", AT_DIM);
        return;
    }
    const char *unit = v->col_units[c];
    char *what = xasprintf("条形图：%s%s%s%s（左右键换列，v 回到表格）", v->col_labels[c],
                           unit && *unit ? "（" : "", unit && *unit ? unit : "",
                           unit && *unit ? "）" : "");
    draw_text(y0, x0, width, what, strlen(what), AT_DIM, NULL, AT_DIM, 1);
    free(what);
    int y = y0 + 1;
    int lw = v->label_w;
    /* A series: each column's sparkline over the periods, oldest first. */
    if (s->rows == SA_PERIOD && v->nrows > 1) {
        int slw = lw;
        for (size_t k = 0; k < v->ncols; k++) {
            int w = (int)u8_width(v->col_labels[k], strlen(v->col_labels[k]));
            if (w > slw)
                slw = w;
        }
        if (slw > width / 3)
            slw = width / 3 > lw ? width / 3 : lw;
        int nspark = (int)v->ncols < 3 ? (int)v->ncols : 3;
        if (body - nspark < 3)
            nspark = body > 4 ? 1 : 0;
        double *vals = xcalloc(v->nrows, sizeof *vals);
        unsigned char *pr = xcalloc(v->nrows, 1);
        for (int k = 0; k < nspark; k++) {
            int col = nspark == (int)v->ncols ? k : (c + k) % (int)v->ncols;
            size_t last = 0;
            int have = 0;
            double mn = 0, mx = 0;
            for (size_t i = 0; i < v->nrows; i++) {
                const sv_cell *x = &v->cells[i * v->ncols + (size_t)col];
                vals[i] = x->value;
                pr[i] = x->present;
                if (x->present) {
                    if (!have || x->value < mn)
                        mn = x->value;
                    if (!have || x->value > mx)
                        mx = x->value;
                    have = 1;
                    last = i;
                }
            }
            int sw = width - slw - 2 - 30;
            if (sw > (int)v->nrows)
                sw = (int)v->nrows;
            if (sw < 4)
                sw = 4;
            char *sp = sc_spark(vals, pr, v->nrows, sw, uni);
            draw_text(y, x0, slw, v->col_labels[col], strlen(v->col_labels[col]), AT_HEADER, NULL,
                      AT_HEADER, 1);
            draw_str(y, x0 + slw + 2, width - slw - 2, sp, AT_GOOD);
            if (have) {
                /* min, max and the latest in the column's own text */
                const char *tmin = "", *tmax = "", *tlast = v->cells[last * v->ncols + (size_t)col].text;
                for (size_t i = 0; i < v->nrows; i++) {
                    const sv_cell *x = &v->cells[i * v->ncols + (size_t)col];
                    if (x->present && x->value == mn && !*tmin)
                        tmin = x->text;
                    if (x->present && x->value == mx && !*tmax)
                        tmax = x->text;
                }
                char *mm = xasprintf("最低 %s 最高 %s 最新 %s", tmin, tmax, tlast);
                int xx = x0 + slw + 2 + (int)u8_width(sp, strlen(sp)) + 2;
                if (xx < x0 + width)
                    draw_str(y, xx, x0 + width - xx, mm, AT_DIM);
                free(mm);
            }
            free(sp);
            y++;
        }
        free(vals);
        free(pr);
        body -= nspark;
    }
    /* Each row's trend across the columns when they are periods. */
    int trend = s->cols == SA_PERIOD && v->ncols > 1;
    int valw = v->col_w[c];
    int tw = trend ? ((int)v->ncols < 12 ? (int)v->ncols : 12) : 0;
    int barw = width - lw - 1 - valw - 1 - (trend ? tw + 2 : 0);
    if (barw < 6 && trend) {
        trend = 0;
        barw = width - lw - 1 - valw - 1;
    }
    if (barw < 1)
        barw = 1;
    sc_scale sc;
    sc_scale_init(&sc, barw);
    /* The pinned total (全国 above its provinces) would dwarf the others: it is shown
     * without a bar, off the scale. */
    for (size_t i = 0; i < v->nrows; i++) {
        const sv_cell *x = sv_cell_at(v, i, c);
        if (x->present && sv_table_row(v, i) >= v->npinned)
            sc_scale_add(&sc, x->value);
    }
    sv_keep_visible(v, body);
    double *vals = xcalloc(v->ncols, sizeof *vals);
    unsigned char *pr = xcalloc(v->ncols, 1);
    for (int i = 0; i < body; i++) {
        size_t dr = v->top + (size_t)i;
        if (dr >= v->nrows)
            break;
        int sel = dr == v->row;
        if (sel)
            draw_fill(y, r->x, r->w, AT_SEL);
        draw_label(s, y, x0, dr, sel);
        const sv_cell *x = sv_cell_at(v, dr, c);
        int total = sv_table_row(v, dr) < v->npinned;
        char *bar = total ? sp_pad_to("（合计，不画条）", barw) : sc_bar(&sc, x->value, x->present, uni);
        draw_str(y, x0 + lw + 1, barw, bar, sel ? AT_SEL : total ? AT_DIM : AT_GOOD);
        free(bar);
        char *t = sv_cell_text(v, dr, c);
        enum attr_kind at = sel ? AT_SEL_HL : x->flagged ? AT_WARN : !x->present ? AT_DIM : AT_NORMAL;
        draw_str(y, x0 + lw + 1 + barw + 1, valw, t, at);
        free(t);
        if (trend) {
            size_t tr = sv_table_row(v, dr);
            for (size_t k = 0; k < v->ncols; k++) {
                vals[k] = v->cells[tr * v->ncols + k].value;
                pr[k] = v->cells[tr * v->ncols + k].present;
            }
            char *sp = sc_spark(vals, pr, v->ncols, tw, uni);
            draw_str(y, x0 + lw + 1 + barw + 1 + valw + 2, tw, sp, sel ? AT_SEL : AT_DIM);
            free(sp);
        }
        y++;
    }
    free(vals);
    free(pr);
}

static void draw_lines(const rect *r, const char *const *lines, size_t n, int y)
{
    for (size_t i = 0; i < n && y + (int)i < r->y + r->h; i++)
        draw_str(y + (int)i, r->x + 2, r->w - 4, lines[i], i ? AT_DIM : AT_NORMAL);
}

static void draw_empty(stats_pane *s, const rect *r)
{
    if (s->load_err) {
        const char *lines[] = {"读取统计数据失败：", s->load_err};
        draw_lines(r, lines, 2, r->y + 1);
        return;
    }
    static const char *const lines[] = {
        "这个数据库里没有统计数据（低保、特困、临时救助）。",
        "加载：在 corpus.ini 里写一节 kind = stats 的源（docs/data-formats.md），",
        "再运行 gongkai load --db 数据库 语料目录。演示语料 data/demo 带有示例统计：",
        "  gongkai load --db build/demo.db data/demo    （或 make run）",
    };
    draw_lines(r, lines, sizeof lines / sizeof *lines, r->y + 1);
}

static void draw_welcome(stats_pane *s, const rect *r)
{
    static const char *const lines[] = {
        "输入指标、地区和时期，表格随输入更新，例如：",
        "  城市低保人数                 各省级地区的各期",
        "  低保 北京                    北京的各项低保指标",
        "  农村低保平均保障标准 2021    2021 年各省级地区",
        "F4 选指标、地区、时期（左右键切换，Enter 选定）；Enter 展开一行，Backspace 返回。",
        "左右键换列，s 排序，v 图表，y 原值/同比/环比，m 月/年换算，t 行列互换，",
        "c 复制单元格及来源，C 复制整个表格（TSV）。",
    };
    int y = r->y + 1;
    if (s->problem) {
        char *p = sp_shown(s, s->problem);
        draw_str(y, r->x + 2, r->w - 4, p, AT_WARN);
        free(p);
        y += 2;
    }
    draw_lines(r, lines, sizeof lines / sizeof *lines, y);
}

static void draw_picker(stats_pane *s, const rect *r)
{
    int x = r->x + 1;
    for (int t = 0; t < NTABS; t++) {
        char *l = xasprintf(" %s ", tab_names[t]);
        x += draw_str(r->y, x, r->x + r->w - x, l, t == s->tab ? AT_TAB_ACTIVE : AT_TAB);
        x += 1;
        free(l);
    }
    const char *hint = " 左右键切换  Enter 选定  Esc 返回";
    draw_str(r->y, x, r->x + r->w - x, hint, AT_DIM);
    int h = r->h - 2;
    if (h < 1)
        h = 1;
    if (!s->nitems) {
        draw_str(r->y + 2, r->x + 2, r->w - 4, "（没有可选的项）", AT_DIM);
        return;
    }
    if (s->psel < s->ptop)
        s->ptop = s->psel;
    if (s->psel >= s->ptop + (size_t)h)
        s->ptop = s->psel - (size_t)h + 1;
    for (int i = 0; i < h && s->ptop + (size_t)i < s->nitems; i++) {
        size_t k = s->ptop + (size_t)i;
        int sel = k == s->psel;
        int y = r->y + 1 + i;
        if (sel)
            draw_fill(y, r->x, r->w, AT_SEL);
        const pitem *it = &s->items[k];
        draw_str(y, r->x + 1, 2, it->current ? "*" : " ", sel ? AT_SEL : AT_GOOD);
        draw_text(y, r->x + 3, r->w - 4, it->text, strlen(it->text), sel ? AT_SEL : AT_NORMAL,
                  NULL, AT_NORMAL, 1);
    }
    /* What the indicator under the cursor is. */
    if (s->tab == TAB_IND && s->psel < s->nitems && r->h > 4) {
        const stat_ind *d = sp_ind_by_code(s, s->items[s->psel].code);
        if (d) {
            int code = d->official_code && *d->official_code;
            int note = d->note && *d->note;
            char *t = xasprintf("可用单位 %s%s%s%s%s", d->units, code ? "；统计表代码 " : "",
                                code ? d->official_code : "", note ? "；" : "", note ? d->note : "");
            char *c = sp_shown(s, t);
            draw_text(r->y + r->h - 1, r->x + 1, r->w - 2, c, strlen(c), AT_DIM, NULL, AT_DIM, 1);
            free(c);
            free(t);
        }
    }
    s->view_h = h;
}

void sp_draw(void *st, app *a, const rect *r)
{
    stats_pane *s = st;
    sp_load(s, a);
    if (!s->ninds) {
        draw_empty(s, r);
        return;
    }
    if (s->picking) {
        draw_picker(s, r);
        return;
    }
    if (!s->have_t) {
        draw_welcome(s, r);
        return;
    }
    if (s->script != app_script(a)) {
        s->script = app_script(a);
        sp_relabel(s);
    }
    draw_header(s, r);
    /* Transposing, going back, drilling and picking an indicator clear the view and ask
     * the worker for the new table: until it comes the view is empty, without even its
     * corner, and drawing the table through it read the missing corner (a crash on t,
     * found by the monkey test). The result redraws the pane. */
    if (!s->v.corner)
        return;
    int width = r->w - 2;
    sv_layout(&s->v, width);
    flines f = {0};
    footnote(s, &f, width);
    int budget = footer_budget(r->h);
    int frows = fl_fit(&f, budget);
    int body = r->h - 1 - (s->chart ? 1 : 2) - frows;
    if (body < 1) {
        body = 1;
        frows = 0;
    }
    s->view_h = body;
    sv_keep_visible(&s->v, body);
    if (s->chart)
        draw_chart(s, a, r, body, r->y + 1);
    else
        draw_table(s, r, body, r->y + 1);
    if (frows)
        draw_footer(&f, r, frows);
    fl_free(&f);
}
