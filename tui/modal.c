/* Modal overlays: a picker (filters, versions) and the help screen. They take every key
 * until closed. */
#include "app_private.h"

#include "help.h"
#include "u8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void modal_close(app *a)
{
    modal_t *m = &a->modal;
    for (int i = 0; i < m->n; i++)
        free(m->items[i]);
    free(m->items);
    free(m->title);
    memset(m, 0, sizeof *m);
}

static void open_modal(app *a, const char *title, int help)
{
    modal_close(a);
    a->modal.active = 1;
    a->modal.help = help;
    a->modal.title = xstrdup(title);
}

static void add_item(modal_t *m, const char *s, size_t len)
{
    m->items = xrealloc(m->items, (size_t)(m->n + 1) * sizeof *m->items);
    m->items[m->n++] = xstrndup(s, len);
}

void app_pick(app *a, const char *title, const char *const *items, int n, int selected,
              app_pick_fn cb, void *st)
{
    open_modal(a, title, 0);
    for (int i = 0; i < n; i++)
        add_item(&a->modal, items[i], strlen(items[i]));
    a->modal.sel = selected >= 0 && selected < n ? selected : 0;
    a->modal.cb = cb;
    a->modal.cb_st = st;
}

void modal_help(app *a)
{
    open_modal(a, "帮助 Help（Esc 关闭）", 1);
    buf_t b;
    buf_init(&b);
    help_text(a->keys, 0, &b);
    for (const char *p = b.s; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        add_item(&a->modal, p, len);
        p = nl ? nl + 1 : p + len;
    }
    buf_free(&b);
}

static const char *hint_of(const modal_t *m)
{
    return m->help ? "上下键 PgUp PgDn 滚动  Esc 关闭" : "上下键选择  Enter 确定  Esc 取消";
}

/* The box: the whole pane area for help, a centred framed box for a picker, wide enough
 * for its title, items and key hint. */
static rect box_of(app *a)
{
    const rect *r = &a->pane_rect;
    if (a->modal.help)
        return *r;
    int w = (int)u8_width(a->modal.title, strlen(a->modal.title)) + 4;
    int hw = (int)u8_width(hint_of(&a->modal), strlen(hint_of(&a->modal))) + 4;
    if (hw > w)
        w = hw;
    for (int i = 0; i < a->modal.n; i++) {
        int iw = (int)u8_width(a->modal.items[i], strlen(a->modal.items[i])) + 6;
        if (iw > w)
            w = iw;
    }
    if (w > r->w - 4)
        w = r->w - 4;
    int h = a->modal.n + 2;
    if (h > r->h)
        h = r->h;
    return (rect){r->y + (r->h - h) / 2, r->x + (r->w - w) / 2, h, w};
}

static int rows_visible(app *a)
{
    rect b = box_of(a);
    return b.h - 2 > 0 ? b.h - 2 : 1;
}

void modal_draw(app *a)
{
    modal_t *m = &a->modal;
    rect b = box_of(a);
    int inner = rows_visible(a);
    if (m->help) {
        if (m->top > m->n - inner)
            m->top = m->n - inner > 0 ? m->n - inner : 0;
    } else {
        if (m->sel < m->top)
            m->top = m->sel;
        if (m->sel >= m->top + inner)
            m->top = m->sel - inner + 1;
    }
    for (int y = 0; y < b.h; y++)
        draw_fill(b.y + y, b.x, b.w, AT_NORMAL);
    draw_fill(b.y, b.x, b.w, AT_TITLE);
    draw_str(b.y, b.x + 1, b.w - 2, m->title, AT_TITLE);
    for (int i = 0; i < inner && m->top + i < m->n; i++) {
        int idx = m->top + i;
        enum attr_kind at = (!m->help && idx == m->sel) ? AT_SEL : AT_NORMAL;
        draw_fill(b.y + 1 + i, b.x, b.w, at);
        draw_text(b.y + 1 + i, b.x + 2, b.w - 4, m->items[idx], strlen(m->items[idx]), at, NULL,
                  at, 1);
    }
    draw_fill(b.y + b.h - 1, b.x, b.w, AT_DIM);
    draw_str(b.y + b.h - 1, b.x + 1, b.w - 2, hint_of(m), AT_DIM);
    if (!m->help) {
        /* A frame, so the list underneath does not read as part of the menu. */
        draw_vline(b.y + 1, b.x, b.h - 2);
        draw_vline(b.y + 1, b.x + b.w - 1, b.h - 2);
    }
}

static void finish(app *a, int index)
{
    app_pick_fn cb = a->modal.cb;
    void *st = a->modal.cb_st;
    modal_close(a);
    if (cb)
        cb(st, a, index);
}

void modal_key(app *a, const gk_key *k)
{
    modal_t *m = &a->modal;
    int inner = rows_visible(a);
    int *pos = m->help ? &m->top : &m->sel;
    int last = m->help ? (m->n - inner > 0 ? m->n - inner : 0) : m->n - 1;
    enum keymap_ctx chain[1] = {KM_LIST};
    enum action act = keymap_lookup(a->keys, chain, 1, k);
    if (k->code == KEYC_MOUSE) {
        rect b = box_of(a);
        if (k->mouse == MOUSE_WHEEL_UP)
            act = ACT_UP;
        else if (k->mouse == MOUSE_WHEEL_DOWN)
            act = ACT_DOWN;
        else if (!m->help && k->y > b.y && k->y < b.y + b.h - 1 && k->x >= b.x &&
                 k->x < b.x + b.w && m->top + k->y - b.y - 1 < m->n) {
            finish(a, m->top + k->y - b.y - 1);
            return;
        } else {
            return;
        }
    }
    switch (act) {
    case ACT_UP:
        if (*pos > 0)
            (*pos)--;
        return;
    case ACT_DOWN:
        if (*pos < last)
            (*pos)++;
        return;
    case ACT_PAGE_UP:
        *pos = *pos > inner ? *pos - inner : 0;
        return;
    case ACT_PAGE_DOWN:
        *pos = *pos + inner < last ? *pos + inner : last;
        return;
    case ACT_FIRST:
        *pos = 0;
        return;
    case ACT_LAST:
        *pos = last;
        return;
    case ACT_OPEN:
        if (m->help)
            modal_close(a);
        else
            finish(a, m->sel);
        return;
    case ACT_BACK:
    case ACT_QUIT:
    case ACT_HELP:
        if (m->help)
            modal_close(a);
        else
            finish(a, -1);
        return;
    default:
        if (k->code == KEYC_CHAR && k->ch == 'q')
            m->help ? modal_close(a) : finish(a, -1);
        return;
    }
}
