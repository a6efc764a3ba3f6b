/* Document panes (tui/docpane.h). */
#include "docpane.h"

#include "clipboard.h"
#include "u8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static enum attr_kind attr_of(enum ov_style st)
{
    switch (st) {
    case OV_TITLE:
        return AT_HEADER;
    case OV_LISTED:
        return AT_BAD;
    case OV_WAS:
    case OV_WARN:
    case OV_DUE:
        return AT_WARN;
    case OV_CLEAR:
        return AT_GOOD;
    case OV_DIM:
        return AT_DIM;
    case OV_LINK:
        return AT_HL;
    default:
        return AT_NORMAL;
    }
}

void docpane_draw(orgdoc *d, app *a, const rect *r, int *view_h)
{
    orgdoc_layout(d, r->w - 2, app_script(a));
    *view_h = r->h;
    orgdoc_keep_visible(d, r->h);
    for (int y = 0; y < r->h && d->top + (size_t)y < d->nrows; y++) {
        const od_row *row = &d->rows[d->top + (size_t)y];
        const ov_line *l = &d->lines.v[row->line];
        int sel = row->line == d->cursor;
        enum attr_kind base = sel ? AT_SEL : attr_of(l->style);
        draw_fill(r->y + y, r->x, r->w, sel ? AT_SEL : AT_NORMAL);
        const char *tag = d->tag[row->line];
        int tagw = tag ? (int)u8_width(tag, strlen(tag)) : 0;
        int x = r->x + 1 + l->indent;
        if (tag && row->first)
            draw_str(r->y + y, x, r->w - (x - r->x), tag, sel ? AT_SEL : attr_of(l->tag_style));
        x += tagw;
        if (x < r->x + r->w)
            draw_text(r->y + y, x, r->w - (x - r->x), d->text[row->line] + row->start,
                      row->end - row->start, base, NULL, base, 1);
    }
}

int docpane_move(orgdoc *d, enum action act, int view_h)
{
    int page = view_h > 2 ? view_h - 1 : 1;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        if (!orgdoc_move(d, act == ACT_DOWN ? 1 : -1))
            orgdoc_scroll(d, act == ACT_DOWN ? 1 : -1, view_h);
        return PR_HANDLED;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
        orgdoc_scroll(d, act == ACT_PAGE_DOWN ? page : -page, view_h);
        return PR_HANDLED;
    case ACT_FIRST:
        d->top = 0;
        while (orgdoc_move(d, -1))
            ;
        return PR_HANDLED;
    case ACT_LAST:
        orgdoc_scroll(d, (int)d->nrows, view_h);
        while (orgdoc_move(d, 1))
            ;
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

enum docpane_click docpane_mouse(orgdoc *d, const rect *r, const gk_key *k, int view_h)
{
    if (k->mouse == MOUSE_WHEEL_UP || k->mouse == MOUSE_WHEEL_DOWN) {
        orgdoc_scroll(d, k->mouse == MOUSE_WHEEL_DOWN ? 3 : -3, view_h);
        return DP_CLICK_MOVED;
    }
    size_t row = d->top + (size_t)(k->y - r->y);
    if (k->y < r->y || row >= d->nrows)
        return DP_CLICK_NONE;
    size_t line = d->rows[row].line;
    if (!orgdoc_actionable(&d->lines.v[line]))
        return DP_CLICK_NONE;
    if (line == d->cursor)
        return DP_CLICK_AGAIN;
    d->cursor = line;
    return DP_CLICK_MOVED;
}

void docpane_copy(app *a, const char *line)
{
    char *clean = u8_sanitize(line, strlen(line), 0);
    if (clipboard_save_citation(clean) != 0) {
        app_message(a, 1, "未能写入 citations.txt（%s）：%s", strerror(errno), clean);
    } else {
        enum clip_result clip = clipboard_copy(clean);
        app_message(a, 0, "%s：%s",
                    clip == CLIP_TOOL    ? "已复制到剪贴板和 citations.txt"
                    : clip == CLIP_OSC52 ? "已写入 citations.txt 并发往终端剪贴板"
                                         : "已复制到 citations.txt",
                    clean);
    }
    free(clean);
}
