/* The 社会组织 pane's answer as rows (tui/orgdoc): answers of the organisation check on
 * tests/fixtures/orgs (invented, 示例) wrapped at every width from 15 to 100 columns —
 * no row wider than the pane, no double-width character split, nothing lost but the
 * spaces at a break — with the cursor moving between the lines one can act on (an
 * organisation's name, an article, a look-alike), each carrying its target; scrolling,
 * re-wrapping, display conversion and corpus text made safe for the terminal. orgdoc is
 * pure (no curses). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>

#include "orgcheck.h"
#include "orgdoc.h"
#include "orgtest.h"
#include "u8.h"

static ot_fixture fx;
static gk_db *h; /* fx.h */

static int setup(void **state)
{
    (void)state;
    if (!setlocale(LC_ALL, "C.UTF-8"))
        return -1;
    if (ot_fixture_open(&fx, "orgdoc") != 0)
        return -1;
    h = fx.h;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ot_fixture_close(&fx);
    return 0;
}

/* The answer to input as a document (every subject in full). */
static void doc_of(const char *input, orgdoc *d, oc_result *r)
{
    oc_opts o = {.today = OT_TODAY};
    char *err = NULL;
    if (orgcheck_run(h, input, &o, r, &err) != 0)
        fail_msg("%s: %s", input, err);
    ov_lines lines = {0};
    ov_result(&lines, r, NULL);
    orgdoc_init(d);
    orgdoc_set(d, &lines);
    assert_null(lines.v); /* taken over */
    assert_int_equal(lines.n, 0);
}

static int continuation(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

/* Every invariant of a layout at width. */
static void check_layout(const orgdoc *d, int width)
{
    assert_int_equal(d->width, width);
    assert_true(d->nrows >= d->lines.n);
    size_t line = 0;
    for (size_t r = 0; r < d->nrows; r++) {
        const od_row *row = &d->rows[r];
        /* lines in order, each with at least one row, the first one marked */
        if (row->first) {
            assert_int_equal(row->line, r ? line + 1 : 0);
            line = row->line;
        } else {
            assert_true(r > 0);
            assert_int_equal(row->line, line);
        }
        const ov_line *l = &d->lines.v[row->line];
        const char *text = d->text[row->line];
        size_t len = strlen(text);
        assert_true(row->start <= row->end && row->end <= len);
        /* never inside a character: a double-width character stays whole */
        assert_false(continuation((unsigned char)text[row->start]));
        if (row->end < len)
            assert_false(continuation((unsigned char)text[row->end]));
        /* the indent, the tag (drawn on the first row, its width kept on the others) and
         * the text fit the width */
        const char *tag = d->tag[row->line];
        size_t used = (size_t)l->indent + (tag ? u8_width(tag, strlen(tag)) : 0) +
                      u8_width(text + row->start, row->end - row->start);
        if (used > (size_t)width)
            fail_msg("width %d: row %zu is %zu columns: [%.*s]", width, r, used,
                     (int)(row->end - row->start), text + row->start);
        /* consecutive rows of a line leave out nothing but spaces */
        if (!row->first) {
            const od_row *prev = &d->rows[r - 1];
            assert_true(prev->end <= row->start);
            for (size_t k = prev->end; k < row->start; k++)
                assert_true(text[k] == ' ');
        } else {
            for (size_t k = 0; k < row->start; k++)
                assert_true(text[k] == ' ');
        }
        int last = r + 1 == d->nrows || d->rows[r + 1].first;
        if (last)
            for (size_t k = row->end; k < len; k++)
                assert_true(text[k] == ' ');
    }
    assert_int_equal(line + 1, d->lines.n);
}

static void test_wrapping(void **state)
{
    (void)state;
    /* Answers with everything: several subjects, tags, computed dates and their basis,
     * look-alikes, a long note, Traditional and full-width names. */
    const char *inputs[] = {"示例甲市民间文艺家协会", "中国示例室内装饰协会", "示例甲市", "无此组织测试名称",
                            "51339800MK80O0155J", "钱某"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        orgdoc d;
        oc_result r;
        doc_of(inputs[i], &d, &r);
        size_t narrow_rows = 0;
        for (int w = 100; w >= 15; w--) {
            orgdoc_layout(&d, w, CONVERT_ORIGINAL);
            check_layout(&d, w);
            if (w == 15)
                narrow_rows = d.nrows;
        }
        orgdoc_layout(&d, 100, CONVERT_ORIGINAL);
        assert_true(narrow_rows > d.nrows); /* narrower is taller */
        orgdoc_free(&d);
        oc_result_free(&r);
    }
}

static void test_targets(void **state)
{
    (void)state;
    orgdoc d;
    oc_result r;
    doc_of("中国示例书法家协会", &d, &r);
    orgdoc_layout(&d, 60, CONVERT_ORIGINAL);
    /* The cursor starts on the first organisation's name. */
    const ov_line *cur = orgdoc_current(&d);
    assert_non_null(cur);
    assert_int_equal(cur->style, OV_TITLE);
    assert_int_equal(cur->subject, 0);
    assert_non_null(strstr(d.text[d.cursor], "中国示例书法家协会"));
    /* Down visits exactly the actionable lines, in order. */
    size_t visited = 1, titles = 1, alikes = 0;
    long long alike_org = ot_org_id(h->h, "中国现代示例书法研究会", 0);
    size_t prev = d.cursor;
    while (orgdoc_move(&d, 1)) {
        assert_true(d.cursor > prev);
        for (size_t k = prev + 1; k < d.cursor; k++)
            assert_false(orgdoc_actionable(&d.lines.v[k]));
        prev = d.cursor;
        cur = orgdoc_current(&d);
        assert_true(orgdoc_actionable(cur));
        visited++;
        if (cur->style == OV_TITLE) {
            titles++;
            assert_true(cur->subject < r.n);
            assert_non_null(strstr(d.text[d.cursor], r.subjects[cur->subject].name));
        } else if (cur->style == OV_WARN) {
            assert_int_equal(cur->org_id, alike_org);
            assert_string_equal(cur->tag, "注意");
            alikes++;
        }
    }
    for (size_t k = prev + 1; k < d.lines.n; k++)
        assert_false(orgdoc_actionable(&d.lines.v[k]));
    assert_int_equal(titles, r.n);
    assert_true(alikes >= 1);
    /* ... and Up back to the first. */
    while (orgdoc_move(&d, -1))
        visited--;
    assert_int_equal(visited, 1);
    assert_int_equal(d.cursor, 0);
    orgdoc_free(&d);
    oc_result_free(&r);

    /* Basis lines open the article: a link row carries its reg_node. */
    long long node = ot_scalar(h->h, "SELECT id FROM reg_node WHERE path = '第二章/第十四条/第一款/（二）'");
    doc_of("示例甲市老年人体育协会", &d, &r);
    orgdoc_layout(&d, 30, CONVERT_ORIGINAL);
    int links = 0;
    while (orgdoc_move(&d, 1)) {
        cur = orgdoc_current(&d);
        if (cur->style != OV_LINK)
            continue;
        assert_true(cur->node_id > 0);
        if (cur->node_id == node) {
            assert_non_null(strstr(d.text[d.cursor], "第十四条第（二）项"));
            links++;
        }
        /* the whole line is visible once the view follows the cursor */
        orgdoc_keep_visible(&d, 5);
        size_t first = orgdoc_row_of_line(&d, d.cursor);
        assert_true(first >= d.top && first < d.top + 5);
    }
    assert_int_equal(links, 1);
    /* A basis the corpus lacks is no link: the restart rule's line is never selected. */
    for (size_t k = 0; k < d.lines.n; k++)
        if (strstr(d.lines.v[k].text, "条文不在本库中"))
            assert_false(orgdoc_actionable(&d.lines.v[k]));
    orgdoc_free(&d);
    oc_result_free(&r);
}

static void test_scroll_and_rewrap(void **state)
{
    (void)state;
    orgdoc d;
    oc_result r;
    doc_of("示例甲市", &d, &r);
    orgdoc_layout(&d, 40, CONVERT_ORIGINAL);
    const int height = 10;
    assert_true(d.nrows > 3 * height);
    /* Scrolling stops at the ends; the cursor follows into view, or there is none
     * when no line on screen can be acted on (the last rows of this answer). */
    orgdoc_scroll(&d, 100000, height);
    assert_int_equal(d.top, d.nrows - height);
    if (d.cursor != OD_NONE) {
        size_t row = orgdoc_row_of_line(&d, d.cursor);
        assert_true(row >= d.top && row < d.top + height);
        assert_true(orgdoc_actionable(orgdoc_current(&d)));
    } else {
        assert_null(orgdoc_current(&d));
    }
    /* The pane keeps the cursor visible on every draw: that must not scroll back. */
    orgdoc_keep_visible(&d, height);
    assert_int_equal(d.top, d.nrows - height);
    /* Up selects the last line one can act on above, and shows it. */
    assert_true(orgdoc_move(&d, -1));
    orgdoc_keep_visible(&d, height);
    size_t row = orgdoc_row_of_line(&d, d.cursor);
    assert_true(row >= d.top && row < d.top + height);
    assert_int_equal(d.lines.v[d.cursor].style, OV_TITLE);
    assert_true(d.lines.v[d.cursor].subject == r.n - 1);
    orgdoc_scroll(&d, -100000, height);
    assert_int_equal(d.top, 0);
    row = orgdoc_row_of_line(&d, d.cursor);
    assert_true(row < (size_t)height);
    /* Re-wrapping keeps the line at the top of the view. */
    orgdoc_scroll(&d, 25, height);
    size_t top_line = d.rows[d.top].line;
    orgdoc_layout(&d, 70, CONVERT_ORIGINAL);
    check_layout(&d, 70);
    assert_int_equal(d.rows[d.top].line, top_line);
    assert_true(d.rows[d.top].first);
    /* The same width and script: nothing to do (the rows are not rebuilt). */
    od_row *rows = d.rows;
    orgdoc_layout(&d, 70, CONVERT_ORIGINAL);
    assert_ptr_equal(d.rows, rows);
    /* An empty document: no cursor, nothing moves. */
    orgdoc e;
    orgdoc_init(&e);
    assert_null(orgdoc_current(&e));
    assert_false(orgdoc_move(&e, 1));
    assert_false(orgdoc_move(&e, -1));
    orgdoc_scroll(&e, 5, height);
    orgdoc_keep_visible(&e, height);
    orgdoc_free(&e);
    orgdoc_free(&d);
    oc_result_free(&r);
}

static void test_display_text(void **state)
{
    (void)state;
    orgdoc d;
    oc_result r;
    doc_of("示例甲市民间文艺家协会", &d, &r);
    /* Converted for display: a Traditional screen shows 協會. */
    orgdoc_layout(&d, 50, CONVERT_TRADITIONAL);
    assert_non_null(strstr(d.text[0], "示例甲市民間文藝家協會"));
    assert_string_equal(d.tag[0], "【在列】");
    check_layout(&d, 50);
    orgdoc_layout(&d, 50, CONVERT_ORIGINAL);
    assert_non_null(strstr(d.text[0], "示例甲市民间文艺家协会"));
    orgdoc_free(&d);
    oc_result_free(&r);
    /* Corpus text reaches the terminal sanitised: escape sequences and control
     * characters are gone, the rest is kept. */
    ov_lines lines = {0};
    lines.v = xcalloc(2, sizeof *lines.v);
    lines.n = lines.cap = 2;
    lines.v[0] = (ov_line){.style = OV_TITLE, .tag = xstrdup("在列"), .tag_style = OV_LISTED,
                           .text = xstrdup("示例\x1b[31m红色\x1b]0;title\x07机构\x01\x7f"), .subject = 0};
    lines.v[1] = (ov_line){.style = OV_WARN, .indent = 3, .tag = xstrdup("注意"),
                           .text = xstrdup("名称相近：示例\x1b[2J机构"), .org_id = 42, .subject = 0};
    orgdoc_init(&d);
    orgdoc_set(&d, &lines);
    orgdoc_layout(&d, 20, CONVERT_ORIGINAL);
    check_layout(&d, 20);
    for (size_t i = 0; i < d.lines.n; i++)
        for (const char *p = d.text[i]; *p; p++)
            assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
    assert_non_null(strstr(d.text[0], "示例"));
    assert_non_null(strstr(d.text[0], "红色"));
    assert_non_null(strstr(d.text[0], "机构"));
    assert_null(strstr(d.text[0], "title"));
    /* the look-alike keeps its target */
    assert_true(orgdoc_move(&d, 1));
    assert_int_equal(orgdoc_current(&d)->org_id, 42);
    orgdoc_free(&d);
}

/* The 社会组织 pane's keys on a long answer: PgDn (scroll a page, then keep the cursor
 * visible as every draw does), End (scroll to the end, then select the last line one can
 * act on) and Home reach both ends; Down at the end scrolls. */
static void test_pane_keys_reach_the_end(void **state)
{
    (void)state;
    orgdoc d;
    oc_result r;
    doc_of("示例甲市", &d, &r);
    const int height = 10, page = height - 1;
    for (int w = 30; w <= 80; w += 50) {
        orgdoc_layout(&d, w, CONVERT_ORIGINAL);
        /* Home */
        d.top = 0;
        while (orgdoc_move(&d, -1))
            ;
        orgdoc_keep_visible(&d, height);
        assert_int_equal(d.top, 0);
        assert_int_equal(d.cursor, 0);
        /* PgDn until nothing changes: the last page is shown. */
        size_t last_top = (size_t)-1;
        for (int k = 0; k < 1000 && d.top != last_top; k++) {
            last_top = d.top;
            orgdoc_scroll(&d, page, height);
            orgdoc_keep_visible(&d, height);
        }
        assert_int_equal(d.top, d.nrows - height);
        /* PgUp back to the top */
        for (int k = 0; k < 1000 && d.top; k++) {
            orgdoc_scroll(&d, -page, height);
            orgdoc_keep_visible(&d, height);
        }
        assert_int_equal(d.top, 0);
        /* End */
        orgdoc_scroll(&d, (int)d.nrows, height);
        while (orgdoc_move(&d, 1))
            ;
        orgdoc_keep_visible(&d, height);
        assert_int_equal(d.top, d.nrows - height);
        /* Down at the end: nothing to select below, the view stays at the end. */
        if (!orgdoc_move(&d, 1))
            orgdoc_scroll(&d, 1, height);
        orgdoc_keep_visible(&d, height);
        assert_int_equal(d.top, d.nrows - height);
        /* Down from the top visits every organisation. */
        d.top = 0;
        while (orgdoc_move(&d, -1))
            ;
        size_t titles = 1;
        for (int k = 0; k < 10000; k++) {
            if (!orgdoc_move(&d, 1))
                break;
            orgdoc_keep_visible(&d, height);
            titles += d.lines.v[d.cursor].style == OV_TITLE;
        }
        assert_int_equal(titles, r.n);
    }
    orgdoc_free(&d);
    oc_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrapping),
        cmocka_unit_test(test_targets),
        cmocka_unit_test(test_scroll_and_rewrap),
        cmocka_unit_test(test_pane_keys_reach_the_end),
        cmocka_unit_test(test_display_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
