/* 热线: a caller says where they are; which line should the operator put them through
 * to, and is anyone answering now? The input line takes a place as the 地名 pane does (a
 * name in either script, an old name, a code, pinyin); the answer follows every keystroke
 * (core/hotroute.h on the worker thread): the place it resolved to, then the lines that
 * serve it (its own, then its city's, province's and the national ones, each saying why
 * it is offered), each with whether it is open at the time asked, why, and when that
 * changes (tui/hotview.c). F4 one service line, F7 another date and time (a holiday, the
 * evening), a merged and retired lines too, q the area's relief standard and Q&A above
 * the lines, c (F8, Enter) copies a line for the record. */
#include "app.h"
#include "docpane.h"
#include "hotview.h"
#include "isodate.h"
#include "orgdoc.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const services[] = {"全部服务类别", "社会救助",       "儿童救助保护",
                                       "养老服务",     "流浪乞讨救助",   "婚姻登记",
                                       "殡葬",         "社会组织投诉举报", "综合"};
#define NSERVICES (int)(sizeof services / sizeof *services)

typedef struct {
    char *query;         /* the text the answer is for (NULL: nothing asked yet) */
    hr_result res;
    int have_res;
    hotarea area;        /* with show_area, of res.division */
    int have_area;
    int show_area;       /* q */
    int service;         /* index into services; 0 all */
    int include_inactive;
    char at[17];         /* "YYYY-MM-DD HH:MM" set with F7; "" now */
    char date[11];       /* of the answer shown */
    int minute;
    long long loaded;    /* hotline rows in the database (-1: could not read) */
    orgdoc doc;
    int view_h;
} hot_pane;

static long long count_lines(app *a)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(app_db(a)->h, "SELECT count(*) FROM hotline", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void *init(app *a)
{
    hot_pane *s = xcalloc(1, sizeof *s);
    orgdoc_init(&s->doc);
    s->loaded = count_lines(a);
    return s;
}

static void drop(hot_pane *s)
{
    if (s->have_res)
        hr_result_free(&s->res);
    if (s->have_area)
        hotarea_free(&s->area);
    s->have_res = s->have_area = 0;
}

static void done(void *st)
{
    hot_pane *s = st;
    drop(s);
    orgdoc_free(&s->doc);
    free(s->query);
    free(s);
}

/* ---- the time asked about ------------------------------------------------------------ */

/* Now: today (GONGKAI_TODAY pins it for tests) and the minute of the clock (GONGKAI_NOW
 * = HH:MM pins it). */
static void now(char date[11], int *minute)
{
    isodate d = isodate_today();
    isodate_format(&d, date);
    const char *fixed = getenv("GONGKAI_NOW");
    int h, m;
    if (fixed && sscanf(fixed, "%d:%d", &h, &m) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60) {
        *minute = h * 60 + m;
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    *minute = tm.tm_hour * 60 + tm.tm_min;
}

/* "2026-10-08 09:30", "2026-10-08" (the clock's time), "9:30" (today); full-width digits
 * and ： are not expected here (the input line is the operator's). Returns 1 with the
 * canonical "YYYY-MM-DD HH:MM", 0 for empty, -1 when unreadable. */
static int parse_at(const char *text, char out[17])
{
    while (isspace((unsigned char)*text))
        text++;
    if (!*text)
        return 0;
    char date[11];
    int minute;
    now(date, &minute);
    int y, mo, d, h, mi, n = 0;
    const char *p = text;
    if (sscanf(p, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3) {
        char buf[11];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
        isodate id;
        if (!isodate_parse_all(buf, &id) || id.prec != ISODATE_DAY)
            return -1;
        snprintf(date, sizeof date, "%s", buf);
        p += n;
        while (isspace((unsigned char)*p))
            p++;
    }
    if (*p) {
        n = 0;
        if (sscanf(p, "%2d:%2d%n", &h, &mi, &n) != 2 || h < 0 || h > 23 || mi < 0 || mi > 59)
            return -1;
        p += n;
        while (isspace((unsigned char)*p))
            p++;
        if (*p)
            return -1;
        minute = h * 60 + mi;
    }
    minute = minute < 0 ? 0 : minute % 1440;
    snprintf(out, 17, "%.10s %02d:%02d", date, (minute / 60) % 24, minute % 60);
    return 1;
}

/* ---- asking --------------------------------------------------------------------------- */

static void build(hot_pane *s, app *a)
{
    ov_lines lines = {0};
    if (s->have_res) {
        hv_opts o = {s->service ? services[s->service] : NULL, s->at, s->include_inactive,
                     s->minute};
        hv_result(&lines, &s->res, s->show_area && s->have_area ? &s->area : NULL, &o);
    }
    orgdoc_set(&s->doc, &lines);
    /* With the area asked for, it shows first: the cursor waits (Down selects a line). */
    if (s->show_area && s->have_area)
        s->doc.cursor = OD_NONE;
    char *sum = s->have_res ? hv_summary(&s->res) : NULL;
    app_set_count(a, sum ? sum : "");
    free(sum);
}

static void ask(hot_pane *s, app *a)
{
    const char *text = s->query ? s->query : "";
    if (!*text || s->loaded <= 0) {
        app_cancel_search(a);
        drop(s);
        build(s, a);
        return;
    }
    if (*s->at) {
        snprintf(s->date, sizeof s->date, "%.10s", s->at);
        s->minute = atoi(s->at + 11) * 60 + atoi(s->at + 14);
    } else {
        now(s->date, &s->minute);
    }
    hr_opts o = {s->service ? services[s->service] : NULL, s->date, s->minute,
                 s->include_inactive};
    app_route_hotline(a, text, &o, s->show_area);
}

static void on_query(void *st, app *a, const char *text, int submitted)
{
    hot_pane *s = st;
    if (submitted && s->query && !strcmp(s->query, text) && s->have_res)
        return;
    free(s->query);
    s->query = xstrdup(text);
    ask(s, a);
}

static void on_result(void *st, app *a, hr_result *r, hotarea *area, int rc, const char *err)
{
    hot_pane *s = st;
    if (rc < 0) {
        hr_result_free(r);
        if (area)
            hotarea_free(area);
        app_message(a, 1, "%s", err ? err : "查询失败");
        return;
    }
    drop(s);
    s->res = *r;
    s->have_res = 1;
    if (area) {
        s->area = *area;
        s->have_area = 1;
    }
    build(s, a);
    if (err)
        app_message(a, 1, "%s", err);
}

/* ---- drawing -------------------------------------------------------------------------- */

static void draw_lines(const rect *r, const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n && (int)i * 2 + 1 < r->h; i++)
        draw_str(r->y + 1 + (int)i * 2, r->x + 2, r->w - 4, lines[i], i ? AT_DIM : AT_NORMAL);
}

static void draw(void *st, app *a, const rect *r)
{
    (void)a;
    hot_pane *s = st;
    if (s->loaded <= 0) {
        static const char *const empty[] = {
            "这个数据库里没有热线数据（12349、12345 和各地民政服务热线）。",
            "加载：在 corpus.ini 里写 kind = hotlines 的源，节假日安排写 kind = holidays",
            "（docs/data-formats.md），再运行 gongkai load --db 数据库 语料目录。",
            "演示语料 data/demo 带有示例热线：gongkai load --db build/demo.db data/demo",
        };
        static const char *const failed[] = {"读取热线数据失败：数据库里没有热线表。",
                                             "请用本版本的 gongkai load 重新加载语料。"};
        if (s->loaded < 0)
            draw_lines(r, failed, 2);
        else
            draw_lines(r, empty, sizeof empty / sizeof *empty);
        return;
    }
    if (!s->have_res) {
        static const char *const welcome[] = {
            "输入来电人所在的地方：地名、旧名、区划代码或拼音，结果随输入更新。",
            "先列本地的热线，没有的由市、省、全国热线接替，各说明原因；",
            "每条标明【开放中】【已下班】【不确定】及何时变化，超过6个月未核实的标出。",
            "F4 选服务类别，F7 设日期时间（如节假日），a 含已并入、停用的号码，",
            "q 本地低保标准和政策问答，c 复制一条热线。",
        };
        draw_lines(r, welcome, sizeof welcome / sizeof *welcome);
        return;
    }
    docpane_draw(&s->doc, a, r, &s->view_h);
}

/* ---- actions -------------------------------------------------------------------------- */

static const hr_line *current_line(const hot_pane *s)
{
    const ov_line *l = orgdoc_current(&s->doc);
    if (!s->have_res || !l || l->style != OV_TITLE || l->subject >= s->res.nlines)
        return NULL;
    return &s->res.lines[l->subject];
}

static int copy_line(hot_pane *s, app *a)
{
    const hr_line *l = current_line(s);
    if (!l) {
        app_message(a, 1, "先选中一条热线");
        return PR_HANDLED;
    }
    char *line = hv_citation(l, &s->res);
    docpane_copy(a, line);
    free(line);
    return PR_HANDLED;
}

static void on_service(void *st, app *a, int index)
{
    hot_pane *s = st;
    if (index < 0 || index >= NSERVICES)
        return;
    s->service = index;
    ask(s, a);
}

static void service_menu(hot_pane *s, app *a)
{
    const char *items[NSERVICES];
    char *owned[NSERVICES];
    for (int i = 0; i < NSERVICES; i++) {
        owned[i] = xasprintf("%s %s", s->service == i ? "●" : "○", services[i]);
        items[i] = owned[i];
    }
    app_pick(a, "服务类别", items, NSERVICES, s->service, on_service, s);
    for (int i = 0; i < NSERVICES; i++)
        free(owned[i]);
}

static void on_at(void *st, app *a, const char *answer)
{
    hot_pane *s = st;
    if (!answer)
        return;
    char at[17];
    int rc = parse_at(answer, at);
    if (rc < 0) {
        app_message(a, 1, "看不懂“%s”：请写 2026-10-08 09:30、2026-10-08 或 9:30；空白为现在",
                    answer);
        return;
    }
    snprintf(s->at, sizeof s->at, "%s", rc ? at : "");
    ask(s, a);
    app_message(a, 0, rc ? "按 %s 判断是否有人接听（F7 更改，空白回到现在）"
                         : "按现在的时间判断是否有人接听%s",
                s->at);
}

static int action(void *st, app *a, enum action act)
{
    hot_pane *s = st;
    switch (act) {
    case ACT_FILTER:
        service_menu(s, a);
        return PR_HANDLED;
    case ACT_AS_OF:
        app_ask(a, "日期时间（如 2026-10-08 09:30；空白为现在）：", on_at, s);
        return PR_HANDLED;
    case ACT_TOGGLE_INACTIVE:
        s->include_inactive = !s->include_inactive;
        ask(s, a);
        app_message(a, 0, s->include_inactive ? "也列出已并入、已停用的号码（a 隐藏）"
                                              : "只列在用的号码（a 也列出已并入、已停用的）");
        return PR_HANDLED;
    case ACT_LOCAL_INFO:
        s->show_area = !s->show_area;
        if (s->show_area && !(s->have_res && *s->res.division))
            app_message(a, 0, "先输入来电人所在的地方，再按 q 看当地低保标准和政策问答");
        ask(s, a);
        return PR_HANDLED;
    case ACT_COPY_CITATION:
        return copy_line(s, a);
    default:
        break;
    }
    if (!s->have_res)
        return PR_IGNORED;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
    case ACT_FIRST:
    case ACT_LAST:
        return docpane_move(&s->doc, act, s->view_h);
    case ACT_OPEN:
        return copy_line(s, a);
    default:
        return PR_IGNORED;
    }
}

static size_t contexts(void *st, enum keymap_ctx *out, size_t max)
{
    (void)st;
    if (max < 2)
        return 0;
    out[0] = KM_HOTLINES;
    out[1] = KM_LIST;
    return 2;
}

static int mouse(void *st, app *a, const rect *r, const gk_key *k)
{
    hot_pane *s = st;
    if (!s->have_res)
        return PR_IGNORED;
    switch (docpane_mouse(&s->doc, r, k, s->view_h)) {
    case DP_CLICK_AGAIN:
        return copy_line(s, a);
    case DP_CLICK_MOVED:
        return PR_HANDLED;
    default:
        return PR_IGNORED;
    }
}

static void activate(void *st, app *a)
{
    hot_pane *s = st;
    app_set_input(a, s->query ? s->query : "");
    char *sum = s->have_res ? hv_summary(&s->res) : NULL;
    app_set_count(a, sum ? sum : "");
    free(sum);
}

static const char *prompt(void *st)
{
    (void)st;
    return "来电地点> ";
}

const pane_ops pane_hotlines_ops = {
    .name = "hotlines",
    .show = ACT_PANE_HOTLINES,
    .label = "热线",
    .init = init,
    .done = done,
    .draw = draw,
    .action = action,
    .query = on_query,
    .hot_result = on_result,
    .contexts = contexts,
    .mouse = mouse,
    .activate = activate,
    .prompt = prompt,
};
