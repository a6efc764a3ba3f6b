/* The regulation document model of the 法规 pane: line layout (labels, 款 and 项 indents,
 * widths), highlights mapped to lines, the article tree, navigation, positions kept
 * across re-wrapping, match wrap-around and citations. Invented text (示例). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "query.h"
#include "clipboard.h"
#include "regdoc.h"
#include "u8.h"
#include "vocab.h"
#include "xalloc.h"

static int setup_locale(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* ---- a small document ------------------------------------------------------------------ */

typedef struct {
    long long id, parent;
    const char *kind, *label;
    long num;
    int sub;
    const char *heading, *text;
} spec;

static const spec law[] = {
    {1, 0, "题注", "示例救助办法", 0, 0, NULL, "2014年2月21日 公布\n2019年3月2日 修订"},
    {2, 0, "章", "第一章", 1, 0, "总则", NULL},
    {3, 2, "条", "第一条", 1, 0, NULL, "为了规范低保工作，制定本办法。"},
    {4, 3, "款", "第一款", 1, 0, NULL, "为了规范低保工作，制定本办法。"},
    {5, 0, "章", "第二章", 2, 0, "最低生活保障", NULL},
    {6, 5, "条", "第十条", 10, 0, NULL, "本条只有一句。"},
    {7, 5, "条", "第十条之一", 10, 1, NULL, "本条为第十条之一。"},
    {8, 5, "条", "第十一条", 11, 0, NULL,
     "申请最低生活保障，按照下列程序办理：\n（一）申请人向乡镇人民政府提交书面申请和有关材料；\n"
     "（二）乡镇人民政府调查核实。\n本款演示第二款的写法，第二款另起一行。"},
    {9, 8, "款", "第一款", 1, 0, NULL, "申请"},
    {10, 9, "项", "（一）", 1, 0, NULL, "（一）"},
    {11, 8, "款", "第二款", 2, 0, NULL, "本款"},
    {12, 5, "条", "第十二条", 12, 0, NULL, "低保金按月发放。"},
};

static const spec notice[] = {
    {1, 0, "题注", "示例通知", 0, 0, NULL, "2022年5月5日发布"},
    {2, 0, "段", "第1段", 0, 0, NULL, "为做好公开工作，通知如下。"},
    {3, 0, "章", "一、", 1, 0, "加强公开", NULL},
    {4, 3, "段", "（一）", 1, 0, NULL, "集中公开本局现行有效的规范性文件，提供全文检索和下载服务。"},
    {5, 3, "段", "（二）", 2, 0, NULL, "标注效力状态。"},
};

static regdoc *make_doc(const spec *v, int n, const char *title)
{
    reg_node_t *nodes = xcalloc((size_t)n, sizeof *nodes);
    for (int i = 0; i < n; i++) {
        reg_node_t *x = &nodes[i];
        x->id = v[i].id;
        x->parent_id = v[i].parent;
        snprintf(x->kind, sizeof x->kind, "%s", v[i].kind);
        x->label = xstrdup(v[i].label);
        x->num = v[i].num;
        x->num_sub = v[i].sub;
        x->ordinal = i;
        x->heading = v[i].heading ? xstrdup(v[i].heading) : NULL;
        x->path = xstrdup(v[i].label);
        x->text = v[i].text ? xstrdup(v[i].text) : NULL;
    }
    reg_info info = {0};
    info.id = 7;
    info.title = xstrdup(title);
    info.version_date = xstrdup("2019-03-02");
    info.level = xstrdup("行政法规");
    info.doc_number = xstrdup("国务院令第649号");
    info.status = xstrdup("in_force");
    return regdoc_new(&info, nodes, n);
}

/* The text of line i (without indent). */
static char *line_text(const regdoc *d, int i)
{
    const rd_line *l = &d->lines[i];
    if (l->unit < 0)
        return xstrdup("");
    return xstrndup(d->units[l->unit].s + l->start, l->end - l->start);
}

static int find_line(const regdoc *d, const char *prefix)
{
    for (int i = 0; i < d->nlines; i++) {
        char *t = line_text(d, i);
        int hit = !strncmp(t, prefix, strlen(prefix));
        free(t);
        if (hit)
            return i;
    }
    return -1;
}

static void assert_fits(const regdoc *d, int width)
{
    for (int i = 0; i < d->nlines; i++) {
        char *t = line_text(d, i);
        assert_true(d->lines[i].indent + (int)u8_width(t, strlen(t)) <= width);
        free(t);
    }
}

/* ---- tests ----------------------------------------------------------------------------- */

static void test_layout(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    regdoc_layout(d, 40, CONVERT_ORIGINAL);
    assert_fits(d, 40);
    /* Header: the title centred, then the status line with its tag as the label. */
    char *t = line_text(d, 0);
    assert_string_equal(t, "示例救助办法");
    free(t);
    assert_int_equal(d->lines[0].kind, RD_TITLE);
    assert_int_equal(d->lines[0].indent, (40 - 12) / 2);
    assert_int_equal(d->lines[1].kind, RD_META);
    t = line_text(d, 1);
    assert_true(!strncmp(t, "[现行有效] 2019-03-02 版", strlen("[现行有效] 2019-03-02 版")));
    free(t);
    assert_int_equal(d->lines[1].label_end - d->lines[1].start, strlen("[现行有效]"));
    /* The preamble, a blank line, the centred chapter heading. */
    int pre = find_line(d, "2014年2月21日");
    assert_true(pre > 1);
    assert_int_equal(d->lines[pre].kind, RD_PREAMBLE);
    int ch = find_line(d, "第一章 总则");
    assert_int_equal(d->lines[ch - 1].kind, RD_BLANK);
    assert_int_equal(d->lines[ch].kind, RD_HEADING);
    assert_int_equal(d->lines[ch].indent, (40 - 11) / 2);
    /* An article: its label first, flush left. */
    int a11 = find_line(d, "第十一条 申请最低生活保障");
    assert_true(a11 > ch);
    assert_int_equal(d->lines[a11].indent, 0);
    assert_int_equal(d->lines[a11].label_end - d->lines[a11].start, strlen("第十一条"));
    /* 项 indented by 2, their continuation under the text after the label. */
    int item = find_line(d, "（一）申请人");
    assert_int_equal(d->lines[item].indent, 2);
    assert_int_equal(d->lines[item + 1].indent, 2 + 6);
    /* The second 款 starts a line indented by 2; its continuation is flush left. */
    int kuan = find_line(d, "本款演示");
    assert_int_equal(d->lines[kuan].indent, 2);
    assert_int_equal(d->lines[kuan + 1].indent, 0);
    /* Every line knows its article. */
    assert_string_equal(regdoc_article_at(d, item)->label, "第十一条");
    assert_null(regdoc_article_at(d, 0));
    regdoc_free(d);
}

static void test_narrow_and_wide(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    for (int w = 8; w <= 120; w += 7) {
        regdoc_layout(d, w, CONVERT_ORIGINAL);
        assert_fits(d, w);
    }
    regdoc_free(d);
}

static void test_tree(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    const char *want[] = {"第一章 总则", "第一条", "第二章 最低生活保障", "第十条", "第十条之一",
                          "第十一条", "第十二条"};
    assert_int_equal(d->nentries, 7);
    for (int i = 0; i < 7; i++)
        assert_string_equal(d->entries[i].label, want[i]);
    assert_int_equal(d->entries[0].depth, 0);
    assert_int_equal(d->entries[1].depth, 1);
    assert_false(d->entries[0].article);
    assert_true(d->entries[1].article);
    assert_int_equal(d->narticles, 5);
    /* Lines belong to the entry above them. */
    int a11 = find_line(d, "第十一条");
    assert_int_equal(d->entries[5].line, a11);
    assert_int_equal(d->lines[a11 + 1].entry, 5);
    /* A 款 or 项 node leads to its article; the 题注 to the top. */
    assert_int_equal(regdoc_line_of_node(d, 10), a11);
    assert_int_equal(regdoc_line_of_node(d, 4), find_line(d, "第一条"));
    assert_int_equal(regdoc_line_of_node(d, 1), 0);
    assert_int_equal(regdoc_line_of_node(d, 99), -1);
    regdoc_free(d);
}

static void test_navigation(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    regdoc_layout(d, 30, CONVERT_ORIGINAL);
    int a1 = find_line(d, "第一条"), a10 = find_line(d, "第十条 "), a10_1 = find_line(d, "第十条之一"),
        a11 = find_line(d, "第十一条"), a12 = find_line(d, "第十二条");
    assert_int_equal(regdoc_next_article(d, 0, 1), a1);
    assert_int_equal(regdoc_next_article(d, a1, 1), a10);
    assert_int_equal(regdoc_next_article(d, a10, 1), a10_1);
    assert_int_equal(regdoc_next_article(d, a12, 1), -1);
    /* Back: to the start of the article holding the line, then the one before. */
    assert_int_equal(regdoc_next_article(d, a11 + 2, -1), a11);
    assert_int_equal(regdoc_next_article(d, a11, -1), a10_1);
    assert_int_equal(regdoc_next_article(d, a1, -1), -1);
    /* Scrolling stops with the last line at the bottom, but a jump may go further. */
    regdoc_scroll_to(d, 0);
    regdoc_scroll_by(d, 1000, 5);
    assert_int_equal(d->top, d->nlines - 5);
    regdoc_scroll_to(d, a12);
    assert_int_equal(d->top, a12);
    regdoc_scroll_by(d, 3, 10);
    assert_int_equal(d->top, a12); /* already past the end: stays */
    regdoc_scroll_by(d, -1, 10);
    assert_int_equal(d->top, a12 - 1);
    regdoc_scroll_to(d, 100000);
    assert_int_equal(d->top, d->nlines - 1);
    /* The same article in another version. */
    reg_node_t like = {0};
    snprintf(like.kind, sizeof like.kind, "条");
    like.num = 10;
    like.num_sub = 1;
    int e = regdoc_entry_like(d, &like);
    assert_true(e >= 0);
    assert_string_equal(d->entries[e].label, "第十条之一");
    like.num = 90;
    assert_int_equal(regdoc_entry_like(d, &like), -1);
    regdoc_free(d);
}

static void test_position_survives_rewrap(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    regdoc_scroll_to(d, find_line(d, "第十一条"));
    for (int w = 20; w <= 100; w += 16) {
        regdoc_layout(d, w, CONVERT_ORIGINAL);
        char *t = line_text(d, d->top);
        assert_true(!strncmp(t, "第十一条", strlen("第十一条")));
        free(t);
    }
    /* In the middle of an article: the same text stays on the top line. */
    regdoc_layout(d, 20, CONVERT_ORIGINAL);
    int item = find_line(d, "（二）");
    regdoc_scroll_to(d, item);
    regdoc_layout(d, 44, CONVERT_ORIGINAL);
    char *t = line_text(d, d->top);
    assert_true(!strncmp(t, "（二）", strlen("（二）")));
    free(t);
    /* A blank line above a heading stays a blank line above it. */
    int ch = find_line(d, "第二章");
    regdoc_scroll_to(d, ch - 1);
    regdoc_layout(d, 25, CONVERT_ORIGINAL);
    assert_int_equal(d->top, find_line(d, "第二章") - 1);
    /* The 繁 display keeps the place too. */
    regdoc_scroll_to(d, find_line(d, "第十二条"));
    regdoc_layout(d, 25, CONVERT_TRADITIONAL);
    t = line_text(d, d->top);
    assert_true(!strncmp(t, "第十二條", strlen("第十二條")));
    free(t);
    regdoc_free(d);
}

static hl_matcher *matcher(const char *text)
{
    query q;
    assert_int_equal(query_build(text, strlen(text), vocab_builtin(), 0, &q), 0);
    hl_matcher *m = hl_matcher_new(&q);
    query_free(&q);
    return m;
}

/* The highlighted texts of line i. */
static int spans_of(const regdoc *d, int i, char out[][64], int max)
{
    hl_spans sp = {0};
    regdoc_line_spans(d, i, &sp);
    const char *s = d->units[d->lines[i].unit].s + d->lines[i].start;
    int n = 0;
    for (size_t k = 0; k < sp.n && n < max; k++, n++)
        snprintf(out[n], 64, "%.*s", (int)(sp.v[k].end - sp.v[k].start), s + sp.v[k].start);
    hl_spans_free(&sp);
    return n;
}

static void test_highlights(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    hl_matcher *m = matcher("低保");
    regdoc_set_matcher(d, m);
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    char got[4][64];
    /* 低保 in 第一条 and, through the vocabulary, 最低生活保障 in the heading and 第十一条. */
    assert_int_equal(spans_of(d, find_line(d, "第一条"), got, 4), 1);
    assert_string_equal(got[0], "低保");
    assert_int_equal(spans_of(d, find_line(d, "第二章"), got, 4), 1);
    assert_string_equal(got[0], "最低生活保障");
    assert_int_equal(spans_of(d, find_line(d, "第十一条"), got, 4), 1);
    assert_string_equal(got[0], "最低生活保障");
    assert_int_equal(spans_of(d, find_line(d, "第十二条"), got, 4), 1);
    assert_string_equal(got[0], "低保");
    assert_int_equal(d->nmatches, 4);
    /* A match cut by wrapping shows on both lines. */
    regdoc_layout(d, 17, CONVERT_ORIGINAL); /* 第十一条 申请最低|生活保障 */
    int a11 = find_line(d, "第十一条");
    char a[4][64], b[4][64];
    assert_int_equal(spans_of(d, a11, a, 4), 1);
    assert_int_equal(spans_of(d, a11 + 1, b, 4), 1);
    char joined[128];
    snprintf(joined, sizeof joined, "%s%s", a[0], b[0]);
    assert_string_equal(joined, "最低生活保障");
    /* Traditional display: spans cover the converted words. */
    regdoc_layout(d, 57, CONVERT_TRADITIONAL);
    assert_int_equal(spans_of(d, find_line(d, "第十一條"), got, 4), 1);
    assert_string_equal(got[0], "最低生活保障");
    assert_int_equal(spans_of(d, find_line(d, "第一條"), got, 4), 1);
    assert_string_equal(got[0], "低保");
    /* A new matcher replaces the highlights; none clears them. */
    hl_matcher *m2 = matcher("申請");
    regdoc_set_matcher(d, m2);
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    assert_int_equal(d->nmatches, 3); /* 申请最低…, 申请人, 书面申请 */
    assert_int_equal(spans_of(d, find_line(d, "第十一条"), got, 4), 1);
    assert_string_equal(got[0], "申请");
    regdoc_set_matcher(d, NULL);
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    assert_int_equal(d->nmatches, 0);
    hl_matcher_free(m);
    hl_matcher_free(m2);
    regdoc_free(d);
}

static void test_find_match(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    hl_matcher *m = matcher("低保");
    regdoc_set_matcher(d, m);
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    int wrapped, h = 3;
    /* From the top: the first match at or below it, then onwards, then round. */
    regdoc_scroll_to(d, 0);
    assert_int_equal(regdoc_find_match(d, h, 1, &wrapped), 0);
    assert_false(wrapped);
    int seen = 1;
    for (int i = 1; i < d->nmatches; i++, seen++) {
        assert_int_equal(regdoc_find_match(d, h, 1, &wrapped), i);
        assert_false(wrapped);
        int line = d->matches[i].line;
        assert_true(line >= d->top && line < d->top + h); /* scrolled into view */
    }
    assert_int_equal(seen, 4);
    assert_int_equal(regdoc_find_match(d, h, 1, &wrapped), 0);
    assert_true(wrapped);
    assert_int_equal(regdoc_find_match(d, h, -1, &wrapped), 3);
    assert_true(wrapped);
    assert_int_equal(regdoc_find_match(d, h, -1, &wrapped), 2);
    assert_false(wrapped);
    /* The current match is drawn apart. */
    hl_spans sp = {0};
    assert_int_equal(regdoc_line_spans(d, d->matches[2].line, &sp), 0);
    hl_spans_free(&sp);
    /* After scrolling away, the search starts from the view again. */
    regdoc_scroll_to(d, find_line(d, "第十二条"));
    assert_int_equal(regdoc_find_match(d, h, 1, &wrapped), 3);
    assert_false(wrapped);
    hl_matcher_free(m);
    regdoc_free(d);
}

static void test_document_without_articles(void **state)
{
    (void)state;
    regdoc *d = make_doc(notice, sizeof notice / sizeof *notice, "示例通知");
    regdoc_layout(d, 24, CONVERT_ORIGINAL);
    assert_fits(d, 24);
    assert_int_equal(d->narticles, 0);
    assert_int_equal(d->nentries, 3);
    assert_string_equal(d->entries[0].label, "一、加强公开");
    assert_string_equal(d->entries[1].label, "（一）");
    /* The plain paragraph has no label; an item hangs under its label. */
    assert_true(find_line(d, "为做好公开工作") > 0);
    int item = find_line(d, "（一）集中公开");
    assert_int_equal(d->lines[item].indent, 0);
    assert_int_equal(d->lines[item + 1].indent, 6);
    assert_int_equal(regdoc_line_of_node(d, 5), find_line(d, "（二）"));
    assert_string_equal(regdoc_article_at(d, item + 1)->label, "（一）");
    buf_t b;
    buf_init(&b);
    regdoc_scroll_to(d, 0);
    regdoc_describe(d, 5, NULL, &b);
    assert_true(strstr(b.s, "第 1–5 行") != NULL);
    buf_free(&b);
    regdoc_free(d);
}

static void test_citation(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    char *c = regdoc_cite(d, find_line(d, "第十一条") + 1, CONVERT_ORIGINAL);
    assert_string_equal(c, "《示例救助办法》第十一条（国务院令第649号，2019-03-02 版，现行有效）");
    char *whole = regdoc_cite(d, 0, CONVERT_ORIGINAL);
    assert_string_equal(whole, "《示例救助办法》（国务院令第649号，2019-03-02 版，现行有效）");
    /* Appended to citations.txt in the state directory, private; no clipboard here. */
    char dir[] = "/tmp/test_regdoc_XXXXXX";
    assert_non_null(mkdtemp(dir));
    setenv("XDG_STATE_HOME", dir, 1);
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    assert_int_equal(clipboard_save_citation(c), 0);
    assert_int_equal(clipboard_save_citation(whole), 0);
    /* no desktop tool and no terminal (test mode off, curses not started): nothing sent */
    char path[256];
    snprintf(path, sizeof path, "%s/gongkai/citations.txt", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f));
    char want[512];
    snprintf(want, sizeof want, "%s\n", c);
    assert_string_equal(line, want);
    assert_non_null(fgets(line, sizeof line, f));
    assert_null(fgets(line, sizeof line, f));
    fclose(f);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    snprintf(line, sizeof line, "%s/gongkai", dir);
    assert_int_equal(stat(line, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    unlink(path);
    rmdir(line);
    rmdir(dir);
    free(c);
    free(whole);
    regdoc_free(d);
}

/* Text that needs cleaning (escape sequences, a tab) is laid out from the cleaned text,
 * and its matches still land on the right characters. */
static void test_dirty_text(void **state)
{
    (void)state;
    static const spec dirty[] = {
        {1, 0, "条", "第一条", 1, 0, NULL, "\x1b[31m申请\x1b[0m低保\t的家庭。\n（一）\x1b]0;x\x07低保对象；"},
    };
    regdoc *d = make_doc(dirty, 1, "示例");
    hl_matcher *m = matcher("低保");
    regdoc_set_matcher(d, m);
    regdoc_layout(d, 40, CONVERT_ORIGINAL);
    int a1 = find_line(d, "第一条");
    char *t = line_text(d, a1);
    assert_string_equal(t, "第一条 申请低保 的家庭。");
    free(t);
    assert_false(d->units[d->lines[a1].unit].same);
    char got[4][64];
    assert_int_equal(spans_of(d, a1, got, 4), 1);
    assert_string_equal(got[0], "低保");
    assert_int_equal(spans_of(d, a1 + 1, got, 4), 1);
    assert_string_equal(got[0], "低保");
    assert_int_equal(d->lines[a1 + 1].indent, 2);
    /* Changing the highlights re-makes such a unit; the layout stays right. */
    regdoc_set_matcher(d, NULL);
    regdoc_layout(d, 40, CONVERT_ORIGINAL);
    assert_int_equal(d->nmatches, 0);
    assert_int_equal(find_line(d, "（一）低保对象"), a1 + 1);
    hl_matcher_free(m);
    regdoc_free(d);
}

static void test_status_line(void **state)
{
    (void)state;
    regdoc *d = make_doc(law, sizeof law / sizeof *law, "示例救助办法");
    hl_matcher *m = matcher("低保");
    regdoc_set_matcher(d, m);
    regdoc_layout(d, 57, CONVERT_ORIGINAL);
    regdoc_scroll_to(d, find_line(d, "第十一条"));
    buf_t b;
    buf_init(&b);
    regdoc_describe(d, 10, "低保", &b);
    assert_string_equal(b.s, "第十一条，共 5 条，「低保」4 处（n/N 跳转）");
    buf_clear(&b);
    int wrapped;
    regdoc_find_match(d, 10, 1, &wrapped);
    regdoc_describe(d, 10, "低保", &b);
    assert_string_equal(b.s, "第十一条，共 5 条，「低保」第 3/4 处");
    buf_free(&b);
    hl_matcher_free(m);
    regdoc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_narrow_and_wide),
        cmocka_unit_test(test_tree),
        cmocka_unit_test(test_navigation),
        cmocka_unit_test(test_position_survives_rewrap),
        cmocka_unit_test(test_highlights),
        cmocka_unit_test(test_find_match),
        cmocka_unit_test(test_document_without_articles),
        cmocka_unit_test(test_citation),
        cmocka_unit_test(test_dirty_text),
        cmocka_unit_test(test_status_line),
    };
    return cmocka_run_group_tests(tests, setup_locale, NULL);
}
