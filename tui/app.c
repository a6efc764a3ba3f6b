#include "app_private.h"

#include "u8.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const pane_ops *const all_panes[] = {&pane_search_ops, &pane_regs_ops, &pane_orgs_ops,
                                            &pane_places_ops, &pane_stats_ops,
                                            &pane_hotlines_ops};

/* ---- for panes ---------------------------------------------------------------------- */

gk_db *app_db(app *a)
{
    return a->db;
}

const config_t *app_config(app *a)
{
    return a->cfg;
}

const keymap *app_keymap(app *a)
{
    return a->keys;
}

enum convert_script app_script(app *a)
{
    return a->script;
}

void app_redraw(app *a)
{
    (void)a; /* every frame is drawn whole; kept for panes that want to say so */
}

/* The status line's texts carry corpus text (a place's path in the hotlines summary, a
 * name in a copied citation): sanitised here, at the one way in, so an escape sequence
 * goes whole instead of being drawn as "?[2J?]0;…" (issue 8). Never longer. */
static void sanitise_in_place(char *s)
{
    char *clean = u8_sanitize(s, strlen(s), 0);
    strcpy(s, clean);
    free(clean);
}

void app_message(app *a, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
    sanitise_in_place(a->message);
    a->message_error = error;
}

void app_set_count(app *a, const char *text)
{
    snprintf(a->count, sizeof a->count, "%s", text ? text : "");
    sanitise_in_place(a->count);
}

void app_search(app *a, const char *text, const search_opts *o)
{
    app_search_with_groups(a, text, o, 0, 0);
}

void app_search_with_groups(app *a, const char *text, const search_opts *o, size_t places,
                            size_t indicators)
{
    a->gen++;
    a->gen_pane = a->focus;
    worker_submit(a->worker, a->gen, text, o, places, indicators);
}

void app_check_org(app *a, const char *text, const oc_opts *o)
{
    a->gen++;
    a->gen_pane = a->focus;
    worker_submit_org(a->worker, a->gen, text, o);
}

void app_lookup_place(app *a, const char *text, const place_opts *o)
{
    a->gen++;
    a->gen_pane = a->focus;
    worker_submit_place(a->worker, a->gen, text, o);
}

void app_query_stats(app *a, const stat_request *rq)
{
    a->gen++;
    a->gen_pane = a->focus;
    worker_submit_stat(a->worker, a->gen, rq);
}

void app_route_hotline(app *a, const char *text, const hr_opts *o, int with_area)
{
    a->gen++;
    a->gen_pane = a->focus;
    worker_submit_hotline(a->worker, a->gen, text, o, with_area);
}

void app_cancel_search(app *a)
{
    a->gen++; /* a result for the previous generation is dropped when it arrives */
}

char *app_input_text(app *a)
{
    return le_text(&a->input);
}

void app_set_input(app *a, const char *text)
{
    le_set(&a->input, text);
}

void app_leave_input(app *a)
{
    if (!a->ask_prompt)
        a->input_focus = 0;
}

void app_ask(app *a, const char *prompt, app_answer_fn cb, void *st)
{
    free(a->ask_prompt);
    free(a->saved_input);
    a->ask_prompt = xstrdup(prompt);
    a->ask_cb = cb;
    a->ask_st = st;
    a->saved_input = le_text(&a->input);
    le_set(&a->input, "");
    a->input_focus = 1;
}

static void end_ask(app *a, const char *answer)
{
    app_answer_fn cb = a->ask_cb;
    void *st = a->ask_st;
    free(a->ask_prompt);
    a->ask_prompt = NULL;
    a->ask_cb = NULL;
    le_set(&a->input, a->saved_input ? a->saved_input : "");
    free(a->saved_input);
    a->saved_input = NULL;
    a->input_focus = 0;
    if (cb)
        cb(st, a, answer);
}

static int pane_index(app *a, const char *name)
{
    for (int i = 0; i < a->npanes; i++)
        if (!strcmp(a->panes[i].ops->name, name))
            return i;
    return -1;
}

static void focus_pane(app *a, int i)
{
    if (i < 0 || i >= a->npanes || i == a->focus)
        return;
    a->focus = i;
    pane_slot *p = &a->panes[i];
    if (p->ops->activate)
        p->ops->activate(p->st, a);
}

void app_show_pane(app *a, const char *name)
{
    focus_pane(a, pane_index(a, name));
}

void app_open_reg_node(app *a, long long node_id, const query *q)
{
    int i = pane_index(a, "regs");
    if (i < 0)
        return;
    focus_pane(a, i);
    pane_regs_open(a->panes[i].st, a, node_id, q);
}

void app_open_place(app *a, const char *code)
{
    int i = pane_index(a, "places");
    if (i < 0)
        return;
    focus_pane(a, i);
    pane_places_open(a->panes[i].st, a, code);
}

void app_open_stats(app *a, const char *indicator_code)
{
    int i = pane_index(a, "stats");
    if (i < 0)
        return;
    focus_pane(a, i);
    pane_stats_open(a->panes[i].st, a, indicator_code);
}

void app_open_org(app *a, long long org_id)
{
    int i = pane_index(a, "orgs");
    if (i < 0)
        return;
    focus_pane(a, i);
    pane_orgs_open(a->panes[i].st, a, org_id);
}

const char *app_input_prompt(app *a)
{
    if (a->ask_prompt)
        return a->ask_prompt;
    pane_slot *p = &a->panes[a->focus];
    return p->ops->prompt ? p->ops->prompt(p->st) : "查询>";
}

size_t app_contexts(app *a, enum keymap_ctx *out, size_t max)
{
    pane_slot *p = &a->panes[a->focus];
    return p->ops->contexts ? p->ops->contexts(p->st, out, max) : 0;
}

/* ---- actions ------------------------------------------------------------------------ */

static void toggle_script(app *a)
{
    a->script = a->script == CONVERT_TRADITIONAL ? CONVERT_SIMPLIFIED : CONVERT_TRADITIONAL;
    const char *name = a->script == CONVERT_TRADITIONAL ? "traditional" : "simplified";
    char *err = NULL;
    /* Remembered in the config file; the test harness has its own home. */
    if (a->cfg->path && config_set_value(a->cfg->path, "ui", "script", name, &err) != 0) {
        app_message(a, 1, "显示已切换，但未能保存设置：%s", err ? err : "");
        free(err);
        return;
    }
    app_message(a, 0, "显示：%s（搜索不受影响）", a->script == CONVERT_TRADITIONAL ? "繁体" : "简体");
}

/* Recording of the search history, for this run only (the config is not changed). */
static void toggle_history(app *a)
{
    if (hist_recording(a->hist)) {
        hist_set_recording(a->hist, 0);
        app_message(a, 0, "已暂停记录查询历史（本次运行；长期关闭：[history] record = no）");
    } else if (hist_size(a->hist) <= 0) {
        app_message(a, 1, "不记录查询历史：[history] size = 0");
    } else {
        hist_set_recording(a->hist, 1);
        app_message(a, 0, "已恢复记录查询历史");
    }
}

void app_do_action(app *a, enum action act)
{
    pane_slot *p = &a->panes[a->focus];
    if (p->ops->action && p->ops->action(p->st, a, act) != PR_IGNORED)
        return;
    switch (act) {
    case ACT_QUIT:
        a->quit = 1;
        break;
    case ACT_HELP:
        modal_help(a);
        break;
    case ACT_REDRAW:
        term_repaint();
        break;
    case ACT_PANE_SEARCH:
    case ACT_PANE_REGS:
    case ACT_PANE_ORGS:
    case ACT_PANE_PLACES:
    case ACT_PANE_STATS:
    case ACT_PANE_HOTLINES:
        for (int i = 0; i < a->npanes; i++)
            if (a->panes[i].ops->show == act)
                focus_pane(a, i);
        break;
    case ACT_NEXT_PANE:
        focus_pane(a, (a->focus + 1) % a->npanes);
        break;
    case ACT_PREV_PANE:
        focus_pane(a, (a->focus + a->npanes - 1) % a->npanes);
        break;
    case ACT_FOCUS_INPUT:
        a->input_focus = 1;
        break;
    case ACT_TOGGLE_SCRIPT:
        toggle_script(a);
        break;
    case ACT_TOGGLE_HISTORY:
        toggle_history(a);
        break;
    default:
        break;
    }
}

/* ---- keys --------------------------------------------------------------------------- */

static void poll_results(app *a);

/* Enter commits the query: the keys that follow (Down, Enter) must act on its results,
 * not on those of a prefix typed a moment ago. Waits for the search in flight, at most
 * two seconds (searches are interrupted by newer ones, so this is rarely long). */
static void settle(app *a)
{
    for (int i = 0; i < 2000 && worker_busy(a->worker); i++) {
        poll_results(a);
        if (!worker_busy(a->worker))
            break;
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    poll_results(a);
}

static void send_query(app *a, int submitted)
{
    char *text = le_text(&a->input);
    pane_slot *p = &a->panes[a->focus];
    if (submitted)
        hist_add(a->hist, text);
    if (p->ops->query)
        p->ops->query(p->st, a, text, submitted);
    free(text);
}

static int input_key(app *a, const gk_key *k)
{
    enum le_result r = le_key(&a->input, k, a->ask_prompt ? NULL : a->hist);
    switch (r) {
    case LE_CHANGED:
        if (!a->ask_prompt)
            send_query(a, 0); /* search as you type */
        return 1;
    case LE_MOVED:
        return 1;
    case LE_SUBMIT:
        if (a->ask_prompt) {
            char *answer = le_text(&a->input);
            end_ask(a, answer);
            free(answer);
        } else {
            send_query(a, 1);
            settle(a);
            a->input_focus = 0;
        }
        return 1;
    case LE_CANCEL:
        if (a->ask_prompt)
            end_ask(a, NULL);
        else
            a->input_focus = 0;
        return 1;
    case LE_IGNORED:
    default:
        return 0;
    }
}

static void mouse(app *a, const gk_key *k)
{
    if (bars_mouse(a, k))
        return;
    const rect *r = &a->pane_rect;
    if (k->y >= r->y && k->y < r->y + r->h) {
        pane_slot *p = &a->panes[a->focus];
        if (p->ops->mouse)
            p->ops->mouse(p->st, a, r, k);
    } else if (k->y == term_rows() - 2 && k->mouse == MOUSE_CLICK) {
        a->input_focus = 1;
    }
}

static void dispatch(app *a, const gk_key *k)
{
    a->message[0] = '\0';
    if (a->modal.active) {
        modal_key(a, k);
        return;
    }
    if (k->code == KEYC_MOUSE) {
        mouse(a, k);
        return;
    }
    if (a->input_focus && input_key(a, k))
        return;
    enum keymap_ctx chain[8];
    size_t n = app_contexts(a, chain, 8);
    enum action act = keymap_lookup(a->keys, chain, n, k);
    if (act != ACT_NONE) {
        if (a->input_focus && act == ACT_BACK)
            a->input_focus = 0;
        else
            app_do_action(a, act);
        return;
    }
    /* Type to search: a character in a list starts the query. */
    if (!a->input_focus && gkey_is_text(k)) {
        a->input_focus = 1;
        le_set(&a->input, "");
        input_key(a, k);
    }
}

/* ---- results ------------------------------------------------------------------------ */

static void poll_results(app *a)
{
    unsigned gen;
    job_result r;
    int rc;
    char *err = NULL;
    while (worker_poll(a->worker, &gen, &r, &rc, &err)) {
        pane_slot *p = gen == a->gen && a->gen_pane < a->npanes ? &a->panes[a->gen_pane] : NULL;
        if (p && r.kind == JOB_SEARCH && p->ops->result) {
            /* The places and indicators first: the search result redraws the pane. */
            if (r.have_place && p->ops->place_result)
                p->ops->place_result(p->st, a, &r.place, 0, NULL);
            else if (r.have_place)
                place_result_free(&r.place);
            if (r.have_indicators && p->ops->indicator_result)
                p->ops->indicator_result(p->st, a, &r.indicators);
            else if (r.have_indicators)
                statq_match_free(&r.indicators);
            p->ops->result(p->st, a, &r.search, rc, err);
        }
        else if (p && r.kind == JOB_ORG && p->ops->org_result)
            p->ops->org_result(p->st, a, &r.org, rc, err);
        else if (p && r.kind == JOB_PLACE && p->ops->place_result)
            p->ops->place_result(p->st, a, &r.place, rc, err);
        else if (p && r.kind == JOB_STAT && p->ops->stat_result)
            p->ops->stat_result(p->st, a, &r.stat, r.stat_ms, rc, err);
        else if (p && r.kind == JOB_HOTLINE && p->ops->hot_result)
            p->ops->hot_result(p->st, a, &r.hot, r.have_area ? &r.area : NULL, rc, err);
        else
            job_result_free(&r); /* overtaken by a newer query */
        free(err);
        err = NULL;
    }
}

/* ---- drawing ------------------------------------------------------------------------ */

static void layout(app *a)
{
    int rows = term_rows(), cols = term_cols();
    a->too_small = rows < a->cfg->min_rows || cols < a->cfg->min_cols;
    a->pane_rect = (rect){2, 0, rows - 5, cols};
}

static void draw_too_small(app *a)
{
    int rows = term_rows(), cols = term_cols();
    for (int y = 0; y < rows; y++)
        draw_fill(y, 0, cols, AT_NORMAL);
    char msg[160];
    snprintf(msg, sizeof msg, "终端太小：需要至少 %d×%d，现在 %d×%d", a->cfg->min_cols,
             a->cfg->min_rows, cols, rows);
    draw_str(rows / 2 - 1, 0, cols, msg, AT_WARN);
    draw_str(rows / 2, 0, cols, "请放大窗口；F10 退出", AT_DIM);
    term_update(-1, 0);
}

static void draw(app *a)
{
    layout(a);
    if (a->too_small) {
        draw_too_small(a);
        return;
    }
    draw_clear(&a->pane_rect);
    pane_slot *p = &a->panes[a->focus];
    p->ops->draw(p->st, a, &a->pane_rect);
    bars_draw(a);
    int rows = term_rows();
    int cx = draw_lineedit(rows - 2, 0, term_cols(), app_input_prompt(a), &a->input,
                           a->input_focus);
    if (a->modal.active) {
        modal_draw(a);
        term_update(-1, 0);
    } else {
        term_update(a->input_focus ? rows - 2 : -1, cx);
    }
}

/* ---- main --------------------------------------------------------------------------- */

static void load_meta(app *a)
{
    a->corpus_name = db_meta(a->db->h, "corpus_name");
    a->as_of = db_meta(a->db->h, "as_of");
}

int app_main(config_t *cfg, const char *db_path, const char *script, int rows, int cols)
{
    app a;
    memset(&a, 0, sizeof a);
    a.cfg = cfg;
    char *err = NULL;
    if (db_open(db_path, &a.db, &err) != 0) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
        return 2;
    }
    a.keys = keymap_new();
    if (keymap_configure(a.keys, cfg->keys, cfg->nkeys, cfg->path ? cfg->path : "config.ini",
                         &err) != 0) {
        fprintf(stderr, "%s", err);
        free(err);
        keymap_free(a.keys);
        db_close(a.db);
        return 2;
    }
    a.worker = worker_new(db_path, script != NULL, &err);
    if (!a.worker) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
        keymap_free(a.keys);
        db_close(a.db);
        return 2;
    }
    a.hist = hist_open(cfg);
    a.script = cfg->script == CONFIG_SCRIPT_TRADITIONAL ? CONVERT_TRADITIONAL : CONVERT_SIMPLIFIED;
    le_init(&a.input, (size_t)cfg->input_max);
    load_meta(&a);
    term_opts to = {script, rows, cols, cfg->theme == CONFIG_THEME_MONO,
                    cfg->borders == CONFIG_BORDERS_UNICODE};
    int status = 0;
    if (term_init(&to, &err) != 0) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
        status = 2;
        goto out;
    }
    for (size_t i = 0; i < sizeof all_panes / sizeof *all_panes; i++) {
        a.panes[a.npanes].ops = all_panes[i];
        a.panes[a.npanes].st = all_panes[i]->init(&a);
        a.npanes++;
    }
    if (a.panes[0].ops->activate)
        a.panes[0].ops->activate(a.panes[0].st, &a);
    while (!a.quit) {
        poll_results(&a);
        draw(&a);
        gk_key k;
        /* Short waits while a search runs, so its result is drawn soon after it ends. */
        term_read_key(&k, worker_busy(a.worker) ? 2 : 250);
        if (k.code == KEYC_SIGNAL)
            break;
        if (k.code == KEYC_TIMEOUT || k.code == KEYC_RESIZE)
            continue;
        if (a.too_small && !(k.code == KEYC_F && k.n == 10) && !(k.code == KEYC_CTRL && k.ch == 'q'))
            continue;
        dispatch(&a, &k);
    }
    term_done();
    for (int i = 0; i < a.npanes; i++)
        a.panes[i].ops->done(a.panes[i].st);
out:
    modal_close(&a);
    hist_close(a.hist);
    worker_free(a.worker);
    keymap_free(a.keys);
    le_free(&a.input);
    free(a.ask_prompt);
    free(a.saved_input);
    free(a.corpus_name);
    free(a.as_of);
    db_close(a.db);
    return status;
}
