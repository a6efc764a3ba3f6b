/* The console application: state shared by the panes, the main loop, the screen layout
 * (title bar, tabs, pane, status line, input line, function-key bar) and key dispatch:
 * modal overlay first, then the input line when it has the focus, then the pane's keymap
 * falling back to the global one; an unbound printable key in a list starts a search. */
#ifndef GONGKAI_APP_H
#define GONGKAI_APP_H

#include "config.h"
#include "convert.h"
#include "db.h"
#include "hist.h"
#include "keymap.h"
#include "lineedit.h"
#include "pane.h"
#include "term.h"
#include "worker.h"

/* Runs the console on db_path. script: a key script (test mode), else NULL. Returns the
 * exit status. */
int app_main(config_t *cfg, const char *db_path, const char *script, int rows, int cols);

/* ---- for panes ---------------------------------------------------------------------- */

gk_db *app_db(app *a);
const config_t *app_config(app *a);
const keymap *app_keymap(app *a);
enum convert_script app_script(app *a);

/* Starts an asynchronous search for the current pane; its result arrives in the pane's
 * result(). A newer search supersedes an older one. */
void app_search(app *a, const char *text, const search_opts *o);

/* The same, also looking the text up as a place and as statistics indicators (搜索's 地名
 * and 统计 groups): at most places of the one arrive in the pane's place_result(), at
 * most indicators of the other in its indicator_result(), just before the search's
 * result. 0: not looked up. */
void app_search_with_groups(app *a, const char *text, const search_opts *o, size_t places,
                            size_t indicators);

/* Starts an asynchronous organisation check for the current pane; its result arrives in
 * the pane's org_result(). Supersedes any search or check in flight. */
void app_check_org(app *a, const char *text, const oc_opts *o);

/* Starts an asynchronous place look-up for the current pane; its result arrives in the
 * pane's place_result(). Supersedes any search or check in flight. */
void app_lookup_place(app *a, const char *text, const place_opts *o);

/* Starts an asynchronous statistics table (statq_table) for the current pane; it arrives
 * in the pane's stat_result(). Supersedes any search or check in flight. */
void app_query_stats(app *a, const stat_request *rq);

/* Starts an asynchronous routing of a caller's place to hotlines (hotroute; with_area:
 * also the area's relief standard and Q&A); it arrives in the pane's hot_result().
 * Supersedes any search or check in flight. */
void app_route_hotline(app *a, const char *text, const hr_opts *o, int with_area);

/* Drops the search in flight, if any: its result will not be delivered. */
void app_cancel_search(app *a);

/* Status line: a message until the next key (error = shown as an error). It and the
 * count are sanitised (u8_sanitize): they may quote the corpus. */
void app_message(app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Status line: the result count and time of the last query. */
void app_set_count(app *a, const char *text);

/* Switches to a pane by name ("regs") and lets it open something (see pane_regs). */
void app_show_pane(app *a, const char *name);
/* The regulations pane opens the article or unit reg_node.id node with query highlights. */
void app_open_reg_node(app *a, long long node_id, const query *q);
/* The organisations pane shows organisation org.id with its listings. */
void app_open_org(app *a, long long org_id);
/* The places pane shows one division code in detail. */
void app_open_place(app *a, const char *code);
/* The statistics pane shows an indicator's table (indicator.code) for 全国 and its
 * regions. */
void app_open_stats(app *a, const char *indicator_code);

/* Asks a one-line question in the input line ("跳到第几条："); the answer (or NULL when
 * cancelled) goes to cb. */
typedef void (*app_answer_fn)(void *st, app *a, const char *answer);
void app_ask(app *a, const char *prompt, app_answer_fn cb, void *st);

/* Leaves the input line: the keys that follow go to the pane (after a pick that replaced
 * the pane's list, Down must move in it, not through the history). */
void app_leave_input(app *a);

/* The text of the input line, and setting it. */
char *app_input_text(app *a);
void app_set_input(app *a, const char *text);

/* A modal list to pick one of n items (filters, versions): cb gets the index or -1. */
typedef void (*app_pick_fn)(void *st, app *a, int index);
void app_pick(app *a, const char *title, const char *const *items, int n, int selected,
              app_pick_fn cb, void *st);

/* Marks everything for drawing. */
void app_redraw(app *a);

#endif
