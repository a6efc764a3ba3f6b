/* Regulation files → trees: invented Markdown and plain-text documents (示例), then every
 * real file of ../shared when it is present. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "reg_labels.h"
#include "reg_parse.h"
#include "regref.h"

/* ---- helpers ---------------------------------------------------------------------------- */

typedef struct {
    int errors, warnings;
    int lines[16];
    char msgs[16][160];
} diags;

static void collect(void *ctx, int line, int is_error, const char *msg)
{
    diags *d = ctx;
    int i = d->errors + d->warnings;
    if (i < 16) {
        d->lines[i] = line;
        snprintf(d->msgs[i], sizeof d->msgs[i], "%s", msg);
    }
    if (is_error)
        d->errors++;
    else
        d->warnings++;
}

/* Is there a diagnostic containing `what` on `line`? */
static int has_diag(const diags *d, int line, const char *what)
{
    for (int i = 0; i < d->errors + d->warnings && i < 16; i++)
        if (d->lines[i] == line && strstr(d->msgs[i], what))
            return 1;
    return 0;
}

/* 1-based line of the first occurrence of `needle` in src. */
static int line_of(const char *src, const char *needle)
{
    const char *p = strstr(src, needle);
    assert_non_null(p);
    int line = 1;
    for (const char *q = src; q < p; q++)
        line += *q == '\n';
    return line;
}

static int find(const reg_doc *d, const char *ref)
{
    regref r;
    assert_int_equal(regref_parse(ref, &r), 0);
    return reg_doc_find(d, &r);
}

/* The text a 款/项/目 node covers. */
static char *range_text(const reg_doc *d, int i)
{
    const reg_node *n = &d->nodes[i];
    assert_true(n->owner >= 0);
    const char *t = d->nodes[n->owner].text;
    assert_true(n->start <= n->end && n->end <= strlen(t));
    char *r = malloc(n->end - n->start + 1);
    memcpy(r, t + n->start, n->end - n->start);
    r[n->end - n->start] = '\0';
    return r;
}

static void check_range(const reg_doc *d, int i, const char *want)
{
    char *r = range_text(d, i);
    assert_string_equal(r, want);
    free(r);
}

static void check_node(const reg_doc *d, int i, enum reg_kind kind, int parent, const char *label,
                       long num, int line)
{
    assert_true(i >= 0 && (size_t)i < d->n_nodes);
    const reg_node *n = &d->nodes[i];
    if (n->kind != kind || n->parent != parent || strcmp(n->label, label) || n->num != num ||
        n->line != line)
        fail_msg("node %d: %s %s num %ld parent %d line %d; want %s %s num %ld parent %d line %d",
                 i, reg_kind_name(n->kind), n->label, n->num, n->parent, n->line,
                 reg_kind_name(kind), label, num, parent, line);
}

static int parse_md(const char *src, reg_doc *d, diags *dg)
{
    memset(dg, 0, sizeof *dg);
    return reg_parse(src, strlen(src), REG_MARKDOWN, NULL, d, collect, dg);
}

/* ---- labels ----------------------------------------------------------------------------- */

/* Every matcher is called on s alone (no line context); body is checked as the rest of s. */
static void check_label(const reg_label *m, long num, int sub, int spaced, const char *s,
                        const char *body)
{
    assert_int_equal(m->num, num);
    assert_int_equal(m->sub, sub);
    assert_int_equal(m->spaced, spaced);
    assert_string_equal(s + m->body, body);
}

static void test_labels(void **state)
{
    (void)state;
    reg_label m;
    const char *s;

    /* characters: folded comparison, full-width spaces */
    assert_int_equal(reg_skip_ws("\xE3\x80\x80 x", 5, 0), 4);
    assert_int_equal(reg_match_word("（一）", strlen("（一）"), 0, U"("), 3);
    assert_int_equal(reg_match_word("第一", strlen("第一"), 0, U"条"), 0);
    assert_true(reg_is_space(0x3000) && !reg_is_space('x'));

    s = "第十条 内容";
    assert_true(reg_label_article(s, strlen(s), &m));
    check_label(&m, 10, 0, 1, s, "内容");
    s = "**第三条之一** 插入的条文";
    assert_true(reg_label_article(s, strlen(s), &m));
    check_label(&m, 3, 1, 1, s, "插入的条文");
    s = "第五条：内容";
    assert_true(reg_label_article(s, strlen(s), &m));
    check_label(&m, 5, 0, 1, s, "内容");
    s = "第一条为了示例";
    assert_true(reg_label_article(s, strlen(s), &m));
    check_label(&m, 1, 0, 0, s, "为了示例");
    s = "第十条";
    assert_true(reg_label_article(s, strlen(s), &m));
    check_label(&m, 10, 0, 1, s, "");
    /* sentences that cite an article */
    s = "第十条规定的情形";
    assert_false(reg_label_article(s, strlen(s), &m));
    s = "第十条、第十一条";
    assert_false(reg_label_article(s, strlen(s), &m));
    s = "第零条 x";
    assert_false(reg_label_article(s, strlen(s), &m));

    enum reg_kind kind;
    const char *word;
    s = "第一章　总　则";
    assert_true(reg_label_heading(s, strlen(s), 1, &kind, &word, &m));
    assert_int_equal(kind, REG_CHAPTER);
    assert_string_equal(word, "章");
    check_label(&m, 1, 0, 1, s, "总　则");
    s = "第一分编 通则";
    assert_true(reg_label_heading(s, strlen(s), 1, &kind, &word, &m));
    assert_int_equal(kind, REG_SUBPART);
    assert_string_equal(word, "分编");
    s = "第二节";
    assert_true(reg_label_heading(s, strlen(s), 1, &kind, &word, &m));
    assert_int_equal(kind, REG_SECTION);
    check_label(&m, 2, 0, 1, s, "");
    /* a plain line must look like a heading; a # line need not */
    s = "第二章规定的事项，由县级人民政府负责";
    assert_false(reg_label_heading(s, strlen(s), 1, &kind, &word, &m));
    assert_true(reg_label_heading(s, strlen(s), 0, &kind, &word, &m));
    s = "第1章总则";
    assert_false(reg_label_heading(s, strlen(s), 1, &kind, &word, &m));
    assert_true(reg_label_heading(s, strlen(s), 0, &kind, &word, &m));
    check_label(&m, 1, 0, 0, s, "总则");
    s = "第一条 x";
    assert_false(reg_label_heading(s, strlen(s), 0, &kind, &word, &m));

    s = "一、提高质量";
    assert_true(reg_label_cn_heading(s, strlen(s), &m));
    check_label(&m, 1, 0, 1, s, "提高质量");
    s = "1、提高质量";
    assert_false(reg_label_cn_heading(s, strlen(s), &m));

    s = "（三）基本服务";
    assert_true(reg_label_item(s, strlen(s), &m));
    check_label(&m, 3, 0, 1, s, "基本服务");
    s = "( 十二 ) 专项";
    assert_true(reg_label_item(s, strlen(s), &m));
    check_label(&m, 12, 0, 1, s, "专项");
    s = "(3)专项";
    assert_false(reg_label_item(s, strlen(s), &m));

    s = "2．集中服务";
    assert_true(reg_label_subitem(s, strlen(s), &m));
    check_label(&m, 2, 0, 1, s, "集中服务");
    s = "(12)上门";
    assert_true(reg_label_subitem(s, strlen(s), &m));
    check_label(&m, 12, 0, 1, s, "上门");
    s = "3、 其他";
    assert_true(reg_label_subitem(s, strlen(s), &m));
    check_label(&m, 3, 0, 1, s, "其他");
    s = "2.5万元";
    assert_false(reg_label_subitem(s, strlen(s), &m));
    s = "一.其他";
    assert_false(reg_label_subitem(s, strlen(s), &m));
    s = "1000.其他";
    assert_false(reg_label_subitem(s, strlen(s), &m));
}

/* ---- Markdown --------------------------------------------------------------------------- */

static const char md_doc[] =
    "---\n"
    "bookHidden: true\n"
    "---\n"
    "\n"
    "# 示例社会服务条例 <!-- 示例，非真实法规 -->\n"
    "\n"
    "# 总则编\n"
    "\n"
    "2020年1月2日 示例委员会第一次会议通过\n"
    "\n"
    "2020年3月4日 示例部令第1号公布\n"
    "\n"
    "2020年5月1日 施行\n"
    "\n"
    "<!-- INFO END -->\n"
    "<!-- 一条注释\n跨两行 -->\n"
    "\n"
    "示例社会服务条例\n"
    "\n"
    "## 第一章　总　则\n"
    "\n"
    "第一条 为了示例，制定本条例。\n"
    "\n"
    "第二条　本条例所称服务，包括：\n"
    "\n"
    "（一）基本服务；\n"
    "\n"
    "(二)专项服务，包括：\n"
    "\n"
    "1. 上门服务；\n"
    "\n"
    "2．集中服务。\n"
    "\n"
    "前款所列服务由县级人民政府组织实施。\n"
    "\n"
    "### 第一节 一般规定\n"
    "\n"
    "第三条 第一款内容。\n"
    "\n"
    "第二款内容。\n"
    "\n"
    "第三条之一 插入的条文。\n"
    "\n"
    "## 第二章 附则\n"
    "\n"
    "第四条 本条例自2020年5月1日起施行。\n"
    "\n"
    "附件：示例表格\n";

static void test_markdown_structure(void **state)
{
    (void)state;
    reg_doc d;
    diags dg;
    assert_int_equal(parse_md(md_doc, &d, &dg), 0);
    assert_int_equal(dg.errors + dg.warnings, 0);
    assert_string_equal(d.title, "示例社会服务条例");
    assert_string_equal(d.subtitle, "总则编");
    assert_int_equal(d.title_line, 5);
    assert_string_equal(d.preamble, "2020年1月2日 示例委员会第一次会议通过\n"
                                    "2020年3月4日 示例部令第1号公布\n"
                                    "2020年5月1日 施行");
    assert_string_equal(d.info.adopted_date, "2020-01-02");
    assert_string_equal(d.info.promulgated_date, "2020-03-04");
    assert_string_equal(d.info.effective_date, "2020-05-01");
    assert_string_equal(d.info.doc_number, "示例部令第1号");
    assert_string_equal(d.effective_in_text, "2020-05-01");
    assert_int_equal(d.has_articles, 1);
    assert_int_equal(d.n_articles, 5);
    assert_int_equal(d.n_nodes, 21);

    check_node(&d, 0, REG_CHAPTER, -1, "第一章", 1, line_of(md_doc, "## 第一章"));
    assert_string_equal(d.nodes[0].heading, "总则");
    check_node(&d, 1, REG_ARTICLE, 0, "第一条", 1, line_of(md_doc, "第一条"));
    assert_string_equal(d.nodes[1].text, "为了示例，制定本条例。");
    check_node(&d, 2, REG_PARAGRAPH, 1, "第一款", 1, line_of(md_doc, "第一条"));
    check_range(&d, 2, "为了示例，制定本条例。");

    int l2 = line_of(md_doc, "第二条");
    check_node(&d, 3, REG_ARTICLE, 0, "第二条", 2, l2);
    assert_string_equal(d.nodes[3].text, "本条例所称服务，包括：\n（一）基本服务；\n"
                                         "(二)专项服务，包括：\n1. 上门服务；\n2．集中服务。\n"
                                         "前款所列服务由县级人民政府组织实施。");
    check_node(&d, 4, REG_PARAGRAPH, 3, "第一款", 1, l2);
    check_range(&d, 4, "本条例所称服务，包括：\n（一）基本服务；\n(二)专项服务，包括：\n"
                       "1. 上门服务；\n2．集中服务。");
    check_node(&d, 5, REG_ITEM, 4, "（一）", 1, line_of(md_doc, "（一）"));
    check_range(&d, 5, "（一）基本服务；");
    check_node(&d, 6, REG_ITEM, 4, "（二）", 2, line_of(md_doc, "(二)"));
    check_range(&d, 6, "(二)专项服务，包括：\n1. 上门服务；\n2．集中服务。");
    check_node(&d, 7, REG_SUBITEM, 6, "1.", 1, line_of(md_doc, "1. 上门"));
    check_range(&d, 7, "1. 上门服务；");
    check_node(&d, 8, REG_SUBITEM, 6, "2.", 2, line_of(md_doc, "2．集中"));
    check_node(&d, 9, REG_PARAGRAPH, 3, "第二款", 2, line_of(md_doc, "前款"));
    check_range(&d, 9, "前款所列服务由县级人民政府组织实施。");

    check_node(&d, 10, REG_SECTION, 0, "第一节", 1, line_of(md_doc, "### 第一节"));
    assert_string_equal(d.nodes[10].heading, "一般规定");
    check_node(&d, 11, REG_ARTICLE, 10, "第三条", 3, line_of(md_doc, "第三条 "));
    assert_string_equal(d.nodes[11].text, "第一款内容。\n第二款内容。");
    check_node(&d, 13, REG_PARAGRAPH, 11, "第二款", 2, line_of(md_doc, "第二款内容"));
    check_range(&d, 13, "第二款内容。");
    check_node(&d, 14, REG_ARTICLE, 10, "第三条之一", 3, line_of(md_doc, "第三条之一"));
    assert_int_equal(d.nodes[14].num_sub, 1);
    assert_string_equal(d.nodes[14].text, "插入的条文。");

    check_node(&d, 16, REG_CHAPTER, -1, "第二章", 2, line_of(md_doc, "## 第二章"));
    check_node(&d, 17, REG_ARTICLE, 16, "第四条", 4, line_of(md_doc, "第四条"));
    assert_string_equal(d.nodes[17].text, "本条例自2020年5月1日起施行。");
    /* closing matter is kept, as an unnumbered 段 */
    check_node(&d, 19, REG_UNIT, 16, "第1段", 0, line_of(md_doc, "附件"));
    assert_string_equal(d.nodes[19].text, "附件：示例表格");

    /* references resolve to nodes */
    assert_int_equal(find(&d, "第二条第一款第（二）项第2目"), 8);
    assert_int_equal(find(&d, "第二条第（一）项"), 5);
    assert_int_equal(find(&d, "第2条第2款"), 9);
    assert_int_equal(find(&d, "第三条之一"), 14);
    assert_int_equal(find(&d, "示例社会服务条例 第三条"), 11);
    assert_int_equal(find(&d, "第二章"), 16);
    assert_int_equal(find(&d, "第一节"), 10);
    assert_int_equal(find(&d, "第九条"), -1);
    assert_int_equal(find(&d, "第二条第三款"), -1);
    assert_int_equal(find(&d, "第一条第（一）项"), -1);
    assert_int_equal(find(&d, "第五章"), -1);
    reg_doc_free(&d);
    assert_null(d.nodes);
}

/* Every 款/项/目 lies inside its owner's text, parents precede children. */
static void check_invariants(const reg_doc *d)
{
    for (size_t i = 0; i < d->n_nodes; i++) {
        const reg_node *n = &d->nodes[i];
        assert_true(n->parent < (int)i);
        assert_true(n->line > 0);
        assert_non_null(n->label);
        if (n->kind == REG_ARTICLE || n->kind == REG_UNIT)
            assert_non_null(n->text);
        if (n->kind >= REG_PARAGRAPH) {
            assert_true(n->owner >= 0 && n->owner < (int)i);
            assert_true(n->start <= n->end);
            assert_true(n->end <= strlen(d->nodes[n->owner].text));
            assert_true(n->parent >= n->owner);
        }
    }
}

static void test_markdown_invariants(void **state)
{
    (void)state;
    reg_doc d;
    diags dg;
    assert_int_equal(parse_md(md_doc, &d, &dg), 0);
    check_invariants(&d);
    reg_doc_free(&d);
}

static void test_markdown_warnings(void **state)
{
    (void)state;
    static const char src[] = "（2020年1月2日示例部令第2号公布）\n"
                              "\n"
                              "第一条 甲。\n"
                              "\n"
                              "第三条 乙。\n"
                              "\n"
                              "第二条 丙。\n"
                              "\n"
                              "第三条 丁。\n"
                              "\n"
                              "## 附录说明\n"
                              "\n"
                              "第四条 戊。\n";
    reg_doc d;
    diags dg;
    assert_int_equal(parse_md(src, &d, &dg), 0);
    assert_int_equal(dg.errors, 0);
    assert_int_equal(dg.warnings, 4);
    assert_true(has_diag(&dg, 0, "INFO END"));
    /* no title: not a warning here; kind_regs.c refuses the file with its line */
    assert_false(has_diag(&dg, 0, "title"));
    assert_true(has_diag(&dg, 7, "out of sequence"));
    assert_true(has_diag(&dg, 9, "duplicate"));
    assert_true(has_diag(&dg, 11, "unknown heading"));
    assert_string_equal(d.title, "");
    assert_string_equal(d.info.doc_number, "示例部令第2号");
    assert_int_equal(d.n_articles, 5);
    /* the unknown heading is kept and holds what follows */
    int h = -1;
    for (size_t i = 0; i < d.n_nodes; i++)
        if (d.nodes[i].kind == REG_HEADING)
            h = (int)i;
    assert_true(h >= 0);
    assert_string_equal(d.nodes[h].heading, "附录说明");
    assert_int_equal(d.nodes[find(&d, "第四条")].parent, h);
    check_invariants(&d);
    reg_doc_free(&d);

    /* the hint stands in for a missing title */
    memset(&dg, 0, sizeof dg);
    assert_int_equal(reg_parse(src, strlen(src), REG_MARKDOWN, "示例办法", &d, collect, &dg), 0);
    assert_string_equal(d.title, "示例办法");
    assert_false(has_diag(&dg, 0, "title"));
    reg_doc_free(&d);
}

static void test_fatal(void **state)
{
    (void)state;
    reg_doc d;
    diags dg;
    assert_int_equal(parse_md("", &d, &dg), -1);
    assert_int_equal(dg.errors, 1);
    assert_true(has_diag(&dg, 1, "empty"));
    assert_int_equal(parse_md(" \n\n\t\n　\n", &d, &dg), -1);
    assert_int_equal(dg.errors, 1);
    assert_int_equal(parse_md("# 示例法\n\n2020年1月1日 公布\n\n<!-- INFO END -->\n\n", &d, &dg),
                     -1);
    assert_int_equal(dg.errors, 1);
    assert_true(has_diag(&dg, 0, "no content"));
    assert_null(d.nodes);
    assert_null(d.title);
    /* no callback: still fails cleanly */
    assert_int_equal(reg_parse("", 0, REG_TEXT, NULL, &d, NULL, NULL), -1);
    assert_int_equal(reg_parse(NULL, 0, REG_TEXT, NULL, &d, NULL, NULL), -1);
}

static void test_markdown_unnumbered(void **state)
{
    (void)state;
    static const char src[] = "\xEF\xBB\xBF# 示例法\r\n\r\n<!-- INFO END -->\r\n\r\n"
                              "序言段落一。\r\n\r\n序言段落二。\r\n\r\n"
                              "第一条 内容。\r\n";
    reg_doc d;
    diags dg;
    assert_int_equal(parse_md(src, &d, &dg), 0);
    assert_int_equal(dg.errors + dg.warnings, 0);
    assert_string_equal(d.title, "示例法");
    assert_int_equal(d.n_nodes, 6);
    check_node(&d, 0, REG_UNIT, -1, "第1段", 0, 5);
    assert_string_equal(d.nodes[0].text, "序言段落一。");
    check_node(&d, 2, REG_UNIT, -1, "第2段", 0, 7);
    check_node(&d, 4, REG_ARTICLE, -1, "第一条", 1, 9);
    assert_string_equal(d.nodes[4].text, "内容。"); /* no \r */
    reg_doc_free(&d);
}

/* ---- plain text ------------------------------------------------------------------------- */

static const char txt_seedlike[] = "制定經過\n"
                                   "2021年3月1日,示例部辦公廳發布《示例部2021年政務公開工作要點》。\n"
                                   "通知內容\n"
                                   "一、提高政務公開質量\n"
                                   "(一)深化示例規章集中公開。建立健全示例工作機制。\n"
                                   "(二)開展行政規範性檔案集中公開。\n"
                                   "1.清理現行檔案。\n"
                                   "2.公開目錄。\n"
                                   "二、優化政務公開服務\n"
                                   "(三)科學確定公開方式。\n"
                                   "示例部辦公廳\n";

static void test_text_units(void **state)
{
    (void)state;
    reg_doc d;
    diags dg;
    memset(&dg, 0, sizeof dg);
    assert_int_equal(reg_parse(txt_seedlike, strlen(txt_seedlike), REG_TEXT, NULL, &d, collect,
                               &dg),
                     0);
    assert_int_equal(dg.errors + dg.warnings, 0);
    assert_string_equal(d.title, "示例部2021年政務公開工作要點");
    assert_int_equal(d.title_line, 2);
    assert_string_equal(d.preamble, "制定經過\n"
                                    "2021年3月1日,示例部辦公廳發布《示例部2021年政務公開工作要點》。\n"
                                    "通知內容");
    assert_string_equal(d.info.promulgated_date, "2021-03-01");
    assert_string_equal(d.info.issuer, "示例部办公厅");
    assert_int_equal(d.has_articles, 0);
    assert_int_equal(d.n_articles, 0);
    assert_int_equal(d.n_nodes, 12);
    check_node(&d, 0, REG_CHAPTER, -1, "一、", 1, 4);
    assert_string_equal(d.nodes[0].heading, "提高政務公開質量");
    check_node(&d, 1, REG_UNIT, 0, "（一）", 1, 5);
    assert_string_equal(d.nodes[1].text, "深化示例規章集中公開。建立健全示例工作機制。");
    check_node(&d, 3, REG_UNIT, 0, "（二）", 2, 6);
    assert_string_equal(d.nodes[3].text, "開展行政規範性檔案集中公開。\n1.清理現行檔案。\n2.公開目錄。");
    check_node(&d, 5, REG_SUBITEM, 4, "1.", 1, 7);
    check_range(&d, 5, "1.清理現行檔案。");
    check_node(&d, 7, REG_CHAPTER, -1, "二、", 2, 9);
    check_node(&d, 8, REG_UNIT, 7, "（三）", 3, 10);
    check_node(&d, 10, REG_UNIT, 7, "第1段", 0, 11);
    assert_string_equal(d.nodes[10].text, "示例部辦公廳");
    assert_int_equal(find(&d, "（二）"), 3);
    assert_int_equal(find(&d, "(三)"), 8);
    assert_int_equal(find(&d, "（九）"), -1);
    check_invariants(&d);
    reg_doc_free(&d);
}

static void test_text_articles(void **state)
{
    (void)state;
    static const char src[] = "示例救助办法\n"
                              "（2019年1月1日示例部令第3号公布　自2019年2月1日起施行）\n"
                              "\n"
                              "第一章　总则\n"
                              "　　第一条　为了示例，制定本办法。\n"
                              "　　第二条为了第二条的示例：\n"
                              "　　（一）第一项；\n"
                              "　　第十条规定的情形除外。\n"
                              "　　第三条 示例。\n";
    reg_doc d;
    diags dg;
    memset(&dg, 0, sizeof dg);
    assert_int_equal(reg_parse(src, strlen(src), REG_TEXT, NULL, &d, collect, &dg), 0);
    assert_int_equal(dg.errors + dg.warnings, 0);
    assert_string_equal(d.title, "示例救助办法");
    assert_int_equal(d.title_line, 1);
    assert_string_equal(d.preamble, "（2019年1月1日示例部令第3号公布　自2019年2月1日起施行）");
    assert_string_equal(d.info.doc_number, "示例部令第3号");
    assert_string_equal(d.info.effective_date, "2019-02-01");
    assert_int_equal(d.has_articles, 1);
    assert_int_equal(d.n_articles, 3);
    check_node(&d, 0, REG_CHAPTER, -1, "第一章", 1, 4);
    check_node(&d, 1, REG_ARTICLE, 0, "第一条", 1, 5);
    assert_string_equal(d.nodes[1].text, "为了示例，制定本办法。");
    int a2 = find(&d, "第二条");
    check_node(&d, a2, REG_ARTICLE, 0, "第二条", 2, 6);
    assert_string_equal(d.nodes[a2].text, "为了第二条的示例：\n（一）第一项；\n第十条规定的情形除外。");
    assert_int_equal(find(&d, "第二条第二款"), a2 + 3);
    check_range(&d, find(&d, "第二条第一款第（一）项"), "（一）第一项；");
    check_invariants(&d);
    reg_doc_free(&d);

    /* the caller's title wins and no line is consumed */
    static const char src2[] = "第一条 甲。\n第二条 乙。\n";
    assert_int_equal(reg_parse(src2, strlen(src2), REG_TEXT, "示例规定", &d, NULL, NULL), 0);
    assert_string_equal(d.title, "示例规定");
    assert_int_equal(d.title_line, 0);
    assert_int_equal(d.n_articles, 2);
    reg_doc_free(&d);

    /* the hint's title written out on the first line is not preamble */
    static const char src3[] = "示例 规定\n（2019年1月1日示例部令第4号公布）\n第一条 甲。\n";
    assert_int_equal(reg_parse(src3, strlen(src3), REG_TEXT, "示例规定", &d, NULL, NULL), 0);
    assert_int_equal(d.title_line, 1);
    assert_string_equal(d.preamble, "（2019年1月1日示例部令第4号公布）");
    assert_int_equal(d.n_articles, 1);
    reg_doc_free(&d);
}

/* ---- the real corpus -------------------------------------------------------------------- */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ../shared: $GONGKAI_ROOT/../shared, else ../shared, else /work/shared. */
static char *shared_dir(void)
{
    char buf[4096];
    const char *root = getenv("GONGKAI_ROOT");
    if (root && *root) {
        snprintf(buf, sizeof buf, "%s/../shared", root);
        if (is_dir(buf))
            return strdup(buf);
    }
    if (is_dir("../shared"))
        return strdup("../shared");
    if (is_dir("/work/shared"))
        return strdup("/work/shared");
    return NULL;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = NULL;
    size_t n = 0, cap = 0, r;
    do {
        if (n + 65536 > cap) {
            cap = (n + 65536) * 2;
            b = realloc(b, cap);
            assert_non_null(b);
        }
        r = fread(b + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return b;
}

typedef struct {
    int files, articles, warnings;
} corpus_stats;

static void parse_tree(const char *dir, corpus_stats *st)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (is_dir(path)) {
            parse_tree(path, st);
            continue;
        }
        size_t nl = strlen(e->d_name);
        if (nl < 3 || strcmp(e->d_name + nl - 3, ".md"))
            continue;
        size_t len;
        char *src = read_all(path, &len);
        assert_non_null(src);
        reg_doc d;
        diags dg;
        memset(&dg, 0, sizeof dg);
        int rc = reg_parse(src, len, REG_MARKDOWN, NULL, &d, collect, &dg);
        if (rc != 0 || dg.errors)
            fail_msg("%s: parse failed: %s", path, dg.msgs[0]);
        if (d.n_articles < 1)
            fail_msg("%s: no articles", path);
        check_invariants(&d);
        print_message("%4zu articles  %s%s\n", d.n_articles, path + strlen(path) - strlen(e->d_name),
                      dg.warnings ? "  (warnings)" : "");
        st->files++;
        st->articles += (int)d.n_articles;
        st->warnings += dg.warnings;
        reg_doc_free(&d);
        free(src);
    }
    closedir(dp);
}

static void test_real_corpus(void **state)
{
    (void)state;
    char *sh = shared_dir();
    if (!sh) {
        print_message("../shared not found (set GONGKAI_ROOT): real corpus skipped\n");
        skip();
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpus/regulations", sh);
    free(sh);
    if (!is_dir(dir)) {
        print_message("%s not found: real corpus skipped\n", dir);
        skip();
    }
    corpus_stats st = {0, 0, 0};
    parse_tree(dir, &st);
    print_message("real corpus: %d files, %d articles, %d warnings\n", st.files, st.articles,
                  st.warnings);
    assert_true(st.files > 0);
}

static void test_real_social_assistance(void **state)
{
    (void)state;
    char *sh = shared_dir();
    if (!sh) {
        print_message("../shared not found (set GONGKAI_ROOT): skipped\n");
        skip();
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/corpus/regulations/行政法规/社会救助暂行办法(2019-03-02).md", sh);
    free(sh);
    size_t len;
    char *src = read_all(path, &len);
    if (!src) {
        print_message("%s not found: skipped\n", path);
        skip();
    }
    reg_doc d;
    assert_int_equal(reg_parse(src, len, REG_MARKDOWN, NULL, &d, NULL, NULL), 0);
    assert_string_equal(d.title, "社会救助暂行办法");
    assert_string_equal(d.info.doc_number, "国务院令第649号");
    assert_string_equal(d.info.promulgated_date, "2014-02-21");
    int a = find(&d, "社会救助暂行办法第十一条");
    assert_true(a >= 0);
    assert_string_equal(d.nodes[a].label, "第十一条");
    assert_true(!strncmp(d.nodes[a].text, "申请最低生活保障", strlen("申请最低生活保障")));
    int x1 = find(&d, "第十一条第（一）项");
    assert_true(x1 > a);
    assert_int_equal(d.nodes[x1].kind, REG_ITEM);
    assert_string_equal(d.nodes[x1].label, "（一）");
    char *t = range_text(&d, x1);
    assert_true(!strncmp(t, "(一)", 4));
    free(t);
    assert_true(find(&d, "第十一条第一款第（三）项") > x1);
    assert_int_equal(d.nodes[d.nodes[a].parent].kind, REG_CHAPTER);
    assert_string_equal(d.nodes[d.nodes[a].parent].heading, "最低生活保障");
    reg_doc_free(&d);
    free(src);
}

static void test_real_seed(void **state)
{
    (void)state;
    char *sh = shared_dir();
    if (!sh) {
        print_message("../shared not found (set GONGKAI_ROOT): skipped\n");
        skip();
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/seed/000_d043e8fffc68ce4c.txt", sh);
    free(sh);
    size_t len;
    char *src = read_all(path, &len);
    if (!src) {
        print_message("%s not found: skipped\n", path);
        skip();
    }
    reg_doc d;
    diags dg;
    memset(&dg, 0, sizeof dg);
    assert_int_equal(reg_parse(src, len, REG_TEXT, NULL, &d, collect, &dg), 0);
    assert_int_equal(dg.errors, 0);
    assert_int_equal(d.has_articles, 0);
    assert_string_equal(d.title, "民政部2022年政務公開工作要點及任務分工");
    assert_string_equal(d.info.promulgated_date, "2022-05-05");
    assert_string_equal(d.info.issuer, "民政部办公厅");
    int units = 0, heads = 0;
    for (size_t i = 0; i < d.n_nodes; i++) {
        units += d.nodes[i].kind == REG_UNIT;
        heads += d.nodes[i].kind == REG_CHAPTER;
    }
    assert_int_equal(heads, 4);
    assert_int_equal(units, 22);
    int u2 = find(&d, "（二）");
    assert_true(u2 >= 0);
    assert_int_equal(d.nodes[u2].kind, REG_UNIT);
    assert_non_null(strstr(d.nodes[u2].text, "規範性檔案"));
    assert_string_equal(d.nodes[d.nodes[u2].parent].label, "一、");
    check_invariants(&d);
    reg_doc_free(&d);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_markdown_structure),
        cmocka_unit_test(test_markdown_invariants),
        cmocka_unit_test(test_markdown_warnings),
        cmocka_unit_test(test_fatal),
        cmocka_unit_test(test_markdown_unnumbered),
        cmocka_unit_test(test_text_units),
        cmocka_unit_test(test_text_articles),
        cmocka_unit_test(test_real_corpus),
        cmocka_unit_test(test_real_social_assistance),
        cmocka_unit_test(test_real_seed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
