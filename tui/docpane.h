/* What the 社会组织 and 地名 panes share: drawing an orgdoc (styled lines, wrapped, a cursor
 * on the lines Enter acts on) into the pane's rectangle, moving and scrolling it with the
 * list keys and the mouse, and copying one line for the record. The panes keep what they
 * show and what Enter does; this keeps how. */
#ifndef GONGKAI_DOCPANE_H
#define GONGKAI_DOCPANE_H

#include "app.h"
#include "orgdoc.h"

/* Lays d out for r and the display script, keeps the cursor visible and draws it;
 * *view_h gets the rows shown (for paging). */
void docpane_draw(orgdoc *d, app *a, const rect *r, int *view_h);

/* Up, Down, PgUp, PgDn, Home, End on d: PR_HANDLED, or PR_IGNORED for another action. */
int docpane_move(orgdoc *d, enum action act, int view_h);

enum docpane_click {
    DP_CLICK_NONE = 0, /* not on a line one can act on */
    DP_CLICK_MOVED,    /* the cursor went there (or the wheel scrolled) */
    DP_CLICK_AGAIN,    /* a second click on the selected line: the pane opens it */
};
enum docpane_click docpane_mouse(orgdoc *d, const rect *r, const gk_key *k, int view_h);

/* Copies line (sanitised) to the clipboard and citations.txt, saying where it went. */
void docpane_copy(app *a, const char *line);

#endif
