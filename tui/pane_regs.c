/* 法规: the regulations list (temporary minimal version; see the issue). */
#include "app.h"
#include "xalloc.h"

#include <stdlib.h>

static void *init(app *a)
{
    (void)a;
    return xcalloc(1, 1);
}

static void done(void *st)
{
    free(st);
}

static void draw(void *st, app *a, const rect *r)
{
    (void)st;
    (void)a;
    draw_str(r->y + 1, r->x + 2, r->w - 4, "法规", AT_NORMAL);
}

void pane_regs_open(void *st, app *a, long long node_id, const query *q)
{
    (void)st;
    (void)a;
    (void)node_id;
    (void)q;
}

const pane_ops pane_regs_ops = {
    .name = "regs",
    .label = "法规",
    .init = init,
    .done = done,
    .draw = draw,
};
