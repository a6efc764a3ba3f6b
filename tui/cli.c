/* `gongkai --cli`: a line-mode console for terminals where curses is unwelcome and for
 * scripts (commands piped on stdin). libedit edits the line when stdin is a terminal;
 * otherwise it reads plain lines itself, printing no prompt. */
#include "cli.h"

#include "forget.h"
#include "hist.h"
#include "hotfmt.h"
#include "orgview.h"
#include "output.h"
#include "place.h"
#include "qafmt.h"
#include "placetext.h"
#include "search.h"
#include "statfmt.h"
#include "statq.h"
#include "u8.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define CLI_PAGE 10
#define CLI_GROUP 3 /* places and indicators shown above the first page of a search */

typedef struct {
    const config_t *cfg;
    gk_db *db;
    textenc_out *o;
    hist_t *hist;
    const char *scope;  /* canonical domain or "all" */
    char *last_query;   /* NULL before the first search */
    size_t offset;      /* of the page shown last */
    long long total;    /* hits of the last search that paging can reach */
    enum out_mark mark;
    enum convert_script script;
} cli_state;

static void say(cli_state *c, const char *text)
{
    buf_t b;
    buf_init(&b);
    out_append(&b, text, strlen(text), U8_SAN_KEEP_NL, c->script);
    buf_addc(&b, '\n');
    out_flush(c->o, &b);
    buf_free(&b);
}

static void help(cli_state *c)
{
    say(c, "直接输入文字即查询（type words to search; \"phrase\", a OR b, -word, word*）\n"
           "  in 范围        查询范围：all regs orgs places stats hotlines qa（当前见 in）\n"
           "  more           下一页（next page）\n"
           "  open N         显示第 N 条结果全文（show result N in full）\n"
           "  show 法规名 [条]  显示法规或其中一条，如 show 社会救助暂行办法 第十一条\n"
           "  org 名称或代码   社会组织是否在名单上（is an organisation on a list?）\n"
           "  place 地名、代码或拼音  行政区划查询，如 place 东城区、place 110101、place cq\n"
           "  place 地名 @日期  某日期时的情况，如 place 南川区 @1990-01-01（也可 @2006-10、@1997）\n"
           "  qa 问题或说法    政策问答，如 qa 吃低保；qa @社会救助 列出一个类别（open N 也显示问答全文）\n"
           "  hotline 地名    该地的民政热线及是否正在接听，如 hotline 双阳区、hotline 220112\n"
           "  stats [指标] [选项]  救助统计，如 stats 城市低保人数 --region 北京；stats 列出指标\n"
           "                 （选项同 gongkai stats：--under --period --from --to --yoy --rank …）\n"
           "  forget         删除查询历史、citations.txt 和 last-table.tsv（erase the history and\n"
           "                 copied citations; this line itself is not recorded）\n"
           "  help           本说明\n"
           "  quit / exit    退出（也可按 Ctrl-D）");
}

/* Above the first page of a search in every domain, as the console's 搜索 shows them:
 * the first places the text names (地名) and the statistics indicators it names (统计,
 * with their latest national value). Nothing when there are none or the look-up fails. */
static void groups(cli_state *c, buf_t *b)
{
    place_opts po = PLACE_OPTS_INIT;
    po.limit = CLI_GROUP;
    place_result pr;
    char *err = NULL;
    if (place_lookup(c->db, c->last_query, &po, &pr, &err) == 0 && pr.n) {
        char *head = xasprintf("地名（%s%zu 处%s%s）\n", pr.total_capped ? "约 " : "", pr.total,
                               pr.total > pr.n ? "，显示前 3 处；全部：place " : "",
                               pr.total > pr.n ? c->last_query : "");
        out_append(b, head, strlen(head), U8_SAN_KEEP_NL, c->script);
        free(head);
        pt_hits(b, &pr, c->script);
    }
    place_result_free(&pr);
    free(err);
    err = NULL;
    stat_match m;
    if (statq_match(c->db->h, c->last_query, CLI_GROUP, &m, &err) == 0 && m.n) {
        char *head = sf_match_header(&m, "；表格：stats 指标名");
        out_append(b, head, strlen(head), 0, c->script);
        buf_addc(b, '\n');
        free(head);
        for (size_t i = 0; i < m.n; i++) {
            char *t = sf_match_title(&m.hits[i]), *d = sf_match_detail(&m.hits[i]);
            out_append(b, t, strlen(t), 0, c->script);
            buf_adds(b, "\n  ");
            out_append(b, d, strlen(d), 0, c->script);
            buf_addc(b, '\n');
            free(t);
            free(d);
        }
    }
    statq_match_free(&m);
    free(err);
}

/* Runs the last query from offset and prints up to n numbered results. */
static void run_page(cli_state *c, size_t offset, size_t n)
{
    search_opts so = {
        .domain = c->scope,
        .limit = n,
        .offset = offset,
        .snippet_chars = (size_t)c->cfg->snippet_chars,
        .or_mode = c->cfg->search_mode == CONFIG_MODE_OR,
    };
    search_result r;
    char *err = NULL;
    int rc = search_run(c->db, c->last_query, strlen(c->last_query), &so, &r, &err);
    if (rc < 0) {
        say(c, err);
        free(err);
        search_result_free(&r);
        return;
    }
    if (r.note) {
        char *note = u8_sanitize(r.note, strlen(r.note), U8_SAN_KEEP_NL);
        fprintf(stderr, "%s\n", note);
        free(note);
    }
    buf_t b;
    buf_init(&b);
    if (!offset && !strcmp(c->scope, "all"))
        groups(c, &b);
    for (size_t i = 0; i < r.n; i++)
        out_hit_line(&b, &r.hits[i], offset + i + 1, c->mark, c->script);
    if (rc == 0)
        out_summary(&b, &r, offset, !strcmp(c->scope, "all"), c->script);
    out_flush(c->o, &b);
    buf_free(&b);
    c->offset = offset;
    c->total = r.reachable;
    search_result_free(&r);
}

static void cmd_more(cli_state *c)
{
    if (!c->last_query) {
        say(c, "还没有查询（nothing searched yet）");
        return;
    }
    size_t next = c->offset + CLI_PAGE;
    if ((long long)next >= c->total) {
        say(c, "没有更多结果了（no more results）");
        return;
    }
    run_page(c, next, CLI_PAGE);
}

static void cmd_open(cli_state *c, const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (!c->last_query) {
        say(c, "还没有查询（nothing searched yet）");
        return;
    }
    if (end == arg || *end || n < 1 || n > c->total) {
        say(c, "请给出结果编号，如 open 3（give a result number）");
        return;
    }
    search_opts so = {.domain = c->scope, .limit = 1, .offset = (size_t)n - 1,
                      .or_mode = c->cfg->search_mode == CONFIG_MODE_OR};
    search_result r;
    char *err = NULL;
    if (search_run(c->db, c->last_query, strlen(c->last_query), &so, &r, &err) < 0) {
        say(c, err);
        free(err);
    } else if (!r.n) {
        say(c, "该结果已不存在（no such result）");
    } else if (!strcmp(r.hits[0].domain, "reg")) {
        show_reg_node(c->db, c->o, r.hits[0].ref_id, c->script);
    } else if (!strcmp(r.hits[0].domain, "qa")) {
        qa_entry e;
        char *qerr = NULL;
        if (qa_get(c->db, r.hits[0].ref_id, &e, &qerr) != 0) {
            say(c, qerr ? qerr : "该问答已不存在（no such item）");
            free(qerr);
        } else {
            buf_t b;
            buf_init(&b);
            qf_item_text(&b, &e, c->script);
            out_flush(c->o, &b);
            buf_free(&b);
            qa_entry_free(&e);
        }
    } else {
        buf_t b;
        buf_init(&b);
        const search_hit *h = &r.hits[0];
        out_append(&b, h->title, strlen(h->title), 0, c->script);
        buf_addc(&b, '\n');
        out_append(&b, h->body, strlen(h->body), U8_SAN_KEEP_NL, c->script);
        buf_addc(&b, '\n');
        out_flush(c->o, &b);
        buf_free(&b);
    }
    search_result_free(&r);
}

static void cmd_in(cli_state *c, const char *arg)
{
    if (*arg) {
        const char *d = search_domain_name(arg);
        if (!d) {
            say(c, "未知的范围（unknown domain）：all regs orgs places stats hotlines qa");
            return;
        }
        c->scope = d;
    }
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "查询范围（scope）：%s",
               strcmp(c->scope, "all") ? search_domain_label(c->scope) : "全部 all");
    say(c, b.s);
    buf_free(&b);
}

/* An organisation check, printed as `gongkai org` prints it. */
static void cmd_org(cli_state *c, const char *arg)
{
    if (!*arg) {
        say(c, "用法：org 组织名称或统一社会信用代码，如 org 示例市书画艺术研究会");
        return;
    }
    oc_opts o = {0};
    oc_result r;
    char *err = NULL;
    if (orgcheck_run(c->db, arg, &o, &r, &err) != 0) {
        say(c, err ? err : "查询失败");
        free(err);
    } else {
        buf_t b;
        buf_init(&b);
        ov_print(&b, &r, c->script);
        out_flush(c->o, &b);
        buf_free(&b);
    }
    oc_result_free(&r);
}

/* A place look-up, printed as `gongkai place` prints it. A last word @DATE asks what
 * the places were then, as `gongkai place --as-of DATE` (place 南川区 @1990-01-01). */
static void cmd_place(cli_state *c, const char *arg)
{
    char *text = xstrdup(arg), date[11] = "";
    char *at = strrchr(text, '@');
    if (at && (at == text || at[-1] == ' ') && !strchr(at, ' ')) {
        char *problem = NULL;
        if (place_date_parse(at + 1, date, &problem) <= 0) {
            say(c, problem ? problem : "请在 @ 后写日期，如 place 南川区 @1990-01-01");
            free(problem);
            free(text);
            return;
        }
        *at = '\0';
        while (at > text && at[-1] == ' ')
            *--at = '\0';
    }
    if (!*text) {
        say(c, "用法：place 地名、区划代码或拼音，如 place 东城区、place 110101、place dongcheng");
        free(text);
        return;
    }
    place_opts o = PLACE_OPTS_INIT;
    o.date = date;
    place_result r;
    char *err = NULL;
    int rc = place_lookup(c->db, text, &o, &r, &err);
    free(text);
    if (rc != 0) {
        say(c, err ? err : "查询失败");
        free(err);
    } else {
        buf_t b;
        buf_init(&b);
        pt_lookup(&b, &r, c->script);
        out_flush(c->o, &b);
        buf_free(&b);
    }
    place_result_free(&r);
}

/* Policy Q&A, printed as `gongkai qa` prints them: the items a text finds, or with
 * "qa @类别" a category's items. */
static void cmd_qa(cli_state *c, const char *arg)
{
    if (!*arg) {
        say(c, "用法：qa 问题或说法，如 qa 吃低保；qa @社会救助 列出一个类别");
        return;
    }
    qa_result r;
    char *err = NULL;
    int category = *arg == '@';
    int rc = category ? qa_browse(c->db, arg + 1, 20, &r, &err)
                      : qa_search(c->db, arg, NULL, 20, &r, &err);
    if (rc < 0) {
        say(c, err ? err : "查询失败");
        free(err);
        return;
    }
    if (rc == 1) {
        say(c, r.note ? r.note : "没有可查的文字");
    } else {
        buf_t b;
        buf_init(&b);
        qf_text(&b, &r, category ? NULL : arg, category ? arg + 1 : NULL, c->script);
        out_flush(c->o, &b);
        buf_free(&b);
    }
    qa_result_free(&r);
}

/* Word at the start of line: returns the rest after it (spaces skipped) when the line
 * starts with word followed by a space or the end, else NULL. */
static const char *command(const char *line, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(line, word, n) || (line[n] && line[n] != ' '))
        return NULL;
    line += n;
    while (*line == ' ')
        line++;
    return line;
}

/* "forget": erase the history and copied citations (forget.h). Normalised lines only. */
static int is_forget(const char *line)
{
    return !strcmp(line, "forget");
}

/* Runs one line; returns 0 to go on, 1 to quit. */
static int run_line(cli_state *c, const char *raw)
{
    char *line = u8_normalize_input(raw, strlen(raw));
    const char *arg;
    int quit = 0;
    if (!*line) {
        /* nothing */
    } else if (!strcmp(line, "quit") || !strcmp(line, "exit") || !strcmp(line, "退出")) {
        quit = 1;
    } else if (!strcmp(line, "help") || !strcmp(line, "?") || !strcmp(line, "帮助")) {
        help(c);
    } else if (is_forget(line)) {
        fflush(stdout);
        hist_forget(c->hist); /* or closing would write the entries back */
        forget_files(c->cfg, stdout, stderr);
    } else if (!strcmp(line, "more")) {
        cmd_more(c);
    } else if ((arg = command(line, "open"))) {
        cmd_open(c, arg);
    } else if ((arg = command(line, "org"))) {
        cmd_org(c, arg);
    } else if ((arg = command(line, "place"))) {
        cmd_place(c, arg);
    } else if ((arg = command(line, "qa"))) {
        cmd_qa(c, arg);
    } else if ((arg = command(line, "hotline")) || (arg = command(line, "热线"))) {
        hr_opts ho = {NULL, NULL, -1, 0};
        if (*arg)
            hotline_run(c->db, c->o, arg, &ho, FMT_TEXT, c->script);
        else
            say(c, "用法：hotline 地名、区划代码或拼音，如 hotline 双阳区、hotline 220112");
    } else if ((arg = command(line, "stats"))) {
        stats_line(c->db, c->o, arg, c->script);
    } else if ((arg = command(line, "in"))) {
        cmd_in(c, arg);
    } else if ((arg = command(line, "show"))) {
        const char *spec = command(arg, "reg") ? command(arg, "reg") : arg;
        if (*spec)
            show_reg(c->db, c->o, spec, NULL, 0, c->script);
        else
            say(c, "用法：show 法规名 [条]，如 show 社会救助暂行办法 第十一条");
    } else {
        free(c->last_query);
        c->last_query = xstrdup(line);
        run_page(c, 0, CLI_PAGE);
    }
    free(line);
    fflush(stdout);
    return quit;
}

static wchar_t cli_prompt_text[] = L"gongkai> ";

static wchar_t *cli_prompt(EditLine *el)
{
    (void)el;
    return cli_prompt_text;
}

/* A wide line from libedit as UTF-8 without its line break (wchar_t is a code point). */
static char *to_utf8(const wchar_t *w, int n)
{
    buf_t b;
    buf_init(&b);
    for (int i = 0; i < n && w[i] != L'\n' && w[i] != L'\r'; i++) {
        char enc[4];
        uint32_t cp = (uint32_t)w[i];
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = '?';
        buf_add(&b, enc, (size_t)u8_encode(cp, enc));
    }
    return buf_take(&b);
}

int cli_main(const config_t *cfg, const char *db_path)
{
    cli_state c;
    memset(&c, 0, sizeof c);
    c.cfg = cfg;
    c.scope = "all";
    c.mark = out_mark_default(stdout);
    c.script = out_config_script(cfg->script);
    char *err = NULL;
    if (db_open(db_path, &c.db, &err) != 0) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
        return 2;
    }
    char encerr[160];
    c.o = textenc_out_open(stdout, "utf-8", encerr, sizeof encerr);
    c.hist = hist_open(cfg);
    int tty = isatty(STDIN_FILENO);
    EditLine *el = el_init("gongkai", stdin, stdout, stderr);
    if (el) {
        el_set(el, EL_EDITOR, "emacs");
        el_set(el, EL_SIGNAL, 1);
        el_wset(el, EL_PROMPT, cli_prompt);
        el_set(el, EL_HIST, history, hist_handle(c.hist));
        el_source(el, NULL); /* the user's ~/.editrc, as other libedit programs do */
    }
    if (tty)
        say(&c, "gongkai 政务公开查询台 — 输入 help 查看命令（type help）");
    char *getline_buf = NULL;
    size_t getline_cap = 0;
    int eof = 0, hist_warned = 0;
    for (;;) {
        char *line;
        if (el) {
            int n = 0;
            const wchar_t *w = el_wgets(el, &n);
            if (!w || n <= 0) {
                eof = 1;
                break;
            }
            line = to_utf8(w, n);
        } else {
            ssize_t n = getline(&getline_buf, &getline_cap, stdin);
            if (n < 0) {
                eof = 1;
                break;
            }
            line = xstrndup(getline_buf, strcspn(getline_buf, "\r\n"));
        }
        char *norm = u8_normalize_input(line, strlen(line));
        /* "forget" itself is not recorded (nor quit, which would bring the file back) */
        if (!is_forget(norm) && strcmp(norm, "quit") && strcmp(norm, "exit") &&
            strcmp(norm, "退出"))
            hist_add(c.hist, line);
        free(norm);
        char *herr = NULL;
        if (hist_save(c.hist, &herr) != 0 && !hist_warned++) /* now: Ctrl-C loses nothing */
            fprintf(stderr, "gongkai: %s\n", herr);
        free(herr);
        int quit = run_line(&c, line);
        free(line);
        if (quit)
            break;
    }
    if (tty && eof)
        fputc('\n', stdout); /* leave the shell prompt on a line of its own */
    free(getline_buf);
    if (el)
        el_end(el);
    hist_close(c.hist);
    textenc_out_close(c.o);
    free(c.last_query);
    db_close(c.db);
    return 0;
}
