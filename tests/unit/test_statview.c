/* The 统计 pane's table model (tui/statview): column widths in display columns with CJK
 * labels and headers, the frozen label column and horizontal scrolling that keeps the
 * cursor's column visible (and gives columns back on a wider screen), vertical scrolling,
 * cursor bounds, sorting by a column (largest first, again smallest first, absent values
 * last both ways, pinned rows on top) and by the label column, the cursor following its
 * row, a new table keeping the cursor and the sort by label, cell and header text, TSV. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statview.h"
#include "u8.h"
#include "xalloc.h"

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static size_t width(const char *s)
{
    return u8_width(s, strlen(s));
}

static void cell(statview *v, size_t r, size_t c, const char *text, double value)
{
    sv_cell *x = &v->cells[r * v->ncols + c];
    free(x->text);
    x->text = text ? xstrdup(text) : NULL;
    x->value = value;
    x->present = text != NULL;
}

/* A value with its text as the engine writes it (thousands grouped, one decimal). */
static void cellf(statview *v, size_t r, size_t c, double value)
{
    char buf[48];
    if (value >= 1000)
        snprintf(buf, sizeof buf, "%d,%05.1f", (int)(value / 1000), value - 1000 * (int)(value / 1000));
    else
        snprintf(buf, sizeof buf, "%.1f", value);
    cell(v, r, c, buf, value);
}

/* Regions × years: 全国 (pinned), 北京市, 内蒙古自治区, 新疆维吾尔自治区, 上海市. */
static void fill(statview *v, size_t ncols)
{
    static const char *const rows[] = {"全国", "北京市", "内蒙古自治区", "新疆维吾尔自治区",
                                       "上海市"};
    sv_begin(v, 5, ncols);
    v->corner = xstrdup("地区");
    v->npinned = 1;
    for (size_t r = 0; r < 5; r++)
        v->row_labels[r] = xstrdup(rows[r]);
    for (size_t c = 0; c < ncols; c++) {
        v->col_labels[c] = xasprintf("%zu年", 2015 + c);
        v->col_units[c] = xstrdup("万人");
        cellf(v, 0, c, 1701.1 - (double)c);
        cellf(v, 1, c, 7.1 + (double)c);
        cellf(v, 2, c, 60.3);
        if (c != 1)
            cellf(v, 3, c, 45.0);
        cellf(v, 4, c, 12.9 - (double)c);
    }
    sv_end(v);
}

static void test_layout_cjk(void **state)
{
    (void)state;
    statview v;
    sv_init(&v);
    fill(&v, 3);
    sv_layout(&v, 80);
    /* 新疆维吾尔自治区: 8 characters, 16 columns (a third of 80 is 26). */
    assert_int_equal(v.label_w, 16);
    /* 1,701.1 is 7 columns, 2015年 6: the widest value wins. */
    assert_int_equal(v.col_w[0], 7);
    assert_int_equal(v.col_mark[0], 0);
    char *h = sv_header_text(&v, 0, 0);
    assert_string_equal(h, " 2015年");
    free(h);
    h = sv_header_text(&v, 0, 1);
    assert_string_equal(h, "   万人");
    free(h);
    /* Marks take a column of their own in the columns that have them. */
    v.cells[1 * 3 + 2].derived = 1;
    v.cells[2 * 3 + 2].flagged = 1;
    v.cells[2 * 3 + 2].derived = 1;
    sv_layout(&v, 80);
    assert_int_equal(v.col_w[2], 8);
    assert_int_equal(v.col_mark[2], 1);
    char *t = sv_cell_text(&v, 1, 2); /* display row 1 = 北京市 (unsorted) */
    assert_string_equal(t, "    9.1*");
    free(t);
    t = sv_cell_text(&v, 2, 2);
    assert_string_equal(t, "   60.3!");
    free(t);
    t = sv_cell_text(&v, 0, 2);
    assert_string_equal(t, "1,699.1 ");
    free(t);
    t = sv_cell_text(&v, 3, 1); /* absent */
    assert_string_equal(t, "      -");
    free(t);
    assert_int_equal(width(t = sv_cell_text(&v, 3, 2)), 8);
    free(t);
    /* A long header is cut at SV_COL_MAX with '>'; the unit too. */
    free(v.col_labels[0]);
    v.col_labels[0] = xstrdup("农村低保平均保障标准同比增长");
    sv_layout(&v, 80);
    assert_int_equal(v.col_w[0], SV_COL_MAX);
    h = sv_header_text(&v, 0, 0);
    assert_int_equal(width(h), SV_COL_MAX);
    assert_non_null(strstr(h, ">"));
    assert_string_equal(h, " 农村低保平均保>"); /* 7 characters and the marker: 15 columns */
    free(h);
    /* On a narrow pane the label column takes at most a third. */
    sv_layout(&v, 30);
    assert_int_equal(v.label_w, 10);
    sv_layout(&v, 12); /* a third is 4: then half */
    assert_int_equal(v.label_w, 6);
    sv_free(&v);
}

static void test_scroll_frozen(void **state)
{
    (void)state;
    statview v;
    sv_init(&v);
    fill(&v, 7);
    /* Label 16 (a third of 48), each column 7 + 2: 16 + 9 * 3 = 43 fits 48, a fourth
     * does not. */
    sv_layout(&v, 48);
    sv_keep_visible(&v, 10);
    int first, end;
    sv_visible(&v, &first, &end);
    assert_int_equal(first, 0);
    assert_int_equal(end, 3);
    int w;
    assert_int_equal(sv_col_x(&v, 0, &w), 18);
    assert_int_equal(w, 7);
    assert_int_equal(sv_col_x(&v, 2, NULL), 36);
    assert_int_equal(sv_col_x(&v, 3, NULL), -1);
    /* Right to column 3: the view scrolls by one column; the label column stays. */
    for (int i = 0; i < 3; i++)
        assert_true(sv_move_col(&v, 1));
    sv_keep_visible(&v, 10);
    assert_int_equal(v.col, 3);
    assert_int_equal(v.left, 1);
    assert_int_equal(sv_col_x(&v, 3, NULL), 36);
    assert_int_equal(sv_col_x(&v, 0, NULL), -1);
    /* To the last column and back: the cursor is always shown. */
    for (int c = 4; c < 7; c++) {
        assert_true(sv_move_col(&v, 1));
        sv_keep_visible(&v, 10);
        assert_true(sv_col_x(&v, c, NULL) >= 0);
    }
    assert_false(sv_move_col(&v, 1));
    assert_int_equal(v.col, 6);
    assert_int_equal(v.left, 4);
    while (sv_move_col(&v, -1)) {
        sv_keep_visible(&v, 10);
        if (v.col >= 0)
            assert_true(sv_col_x(&v, v.col, NULL) >= 0);
    }
    /* Left of column 0 is the label column (sort by label); no further. */
    assert_int_equal(v.col, SV_LABEL_COL);
    assert_false(sv_move_col(&v, -1));
    sv_keep_visible(&v, 10);
    assert_int_equal(v.left, 0);
    /* A wider screen gives the hidden columns back. */
    v.col = 6;
    sv_keep_visible(&v, 10);
    assert_int_equal(v.left, 4);
    sv_layout(&v, 200);
    sv_keep_visible(&v, 10);
    assert_int_equal(v.left, 0);
    sv_visible(&v, &first, &end);
    assert_int_equal(end, 7);
    /* Too narrow for even one column beside the labels: it is shown cut. */
    sv_layout(&v, 10);
    sv_keep_visible(&v, 10);
    sv_visible(&v, &first, &end);
    assert_int_equal(first, 6);
    assert_int_equal(end, 7);
    int x = sv_col_x(&v, 6, &w);
    assert_int_equal(x, 7);
    assert_int_equal(w, 3);
    sv_free(&v);
}

static void test_rows_and_bounds(void **state)
{
    (void)state;
    statview v;
    sv_init(&v);
    fill(&v, 2);
    sv_layout(&v, 80);
    assert_false(sv_move_row(&v, -1));
    assert_int_equal(v.row, 0);
    assert_true(sv_move_row(&v, 100));
    assert_int_equal(v.row, 4);
    assert_false(sv_move_row(&v, 1));
    /* Two rows high: the cursor's row is shown, the top follows. */
    sv_keep_visible(&v, 2);
    assert_int_equal(v.top, 3);
    sv_first(&v);
    sv_keep_visible(&v, 2);
    assert_int_equal(v.top, 0);
    sv_last(&v);
    assert_int_equal(v.row, 4);
    /* Taller than the table: no empty rows under it. */
    v.top = 4;
    sv_keep_visible(&v, 10);
    assert_int_equal(v.top, 0);
    /* An empty table: nothing moves, nothing breaks. */
    sv_begin(&v, 0, 0);
    sv_end(&v);
    sv_layout(&v, 80);
    sv_keep_visible(&v, 5);
    assert_false(sv_move_row(&v, 1));
    assert_false(sv_move_col(&v, 1));
    assert_int_equal(v.col, SV_LABEL_COL);
    assert_null(sv_cell_at(&v, 0, 0));
    char *t = sv_tsv(&v);
    assert_string_equal(t, "\n");
    free(t);
    sv_free(&v);
}

/* The row labels in display order, joined by spaces. */
static char *order_of(const statview *v)
{
    buf_t b;
    buf_init(&b);
    for (size_t r = 0; r < v->nrows; r++)
        buf_printf(&b, "%s%s", r ? " " : "", v->row_labels[sv_table_row(v, r)]);
    return buf_take(&b);
}

static void expect_order(const statview *v, const char *want)
{
    char *o = order_of(v);
    if (strcmp(o, want))
        fail_msg("order \"%s\", expected \"%s\"", o, want);
    free(o);
}

static void test_sort(void **state)
{
    (void)state;
    statview v;
    sv_init(&v);
    fill(&v, 3);
    sv_layout(&v, 80);
    char *s = sv_sort_text(&v);
    assert_string_equal(s, "");
    free(s);
    /* The cursor on 上海市; sort by 2016年: largest first, 新疆 (absent) last, 全国 on top. */
    v.row = 4;
    sv_sort(&v, 1);
    expect_order(&v, "全国 内蒙古自治区 上海市 北京市 新疆维吾尔自治区");
    assert_int_equal(v.row, 2); /* the cursor followed 上海市 */
    s = sv_sort_text(&v);
    assert_string_equal(s, "按“2016年”从大到小");
    free(s);
    /* Again: smallest first, absent still last. */
    sv_sort(&v, 1);
    expect_order(&v, "全国 北京市 上海市 内蒙古自治区 新疆维吾尔自治区");
    assert_int_equal(v.row, 2);
    s = sv_sort_text(&v);
    assert_string_equal(s, "按“2016年”从小到大");
    free(s);
    /* Another column starts largest first again; ties keep the table's order. */
    sv_sort(&v, 0);
    expect_order(&v, "全国 内蒙古自治区 新疆维吾尔自治区 上海市 北京市");
    /* The label column: the table's order, then reversed (pinned rows stay). */
    sv_sort(&v, SV_LABEL_COL);
    expect_order(&v, "全国 北京市 内蒙古自治区 新疆维吾尔自治区 上海市");
    s = sv_sort_text(&v);
    assert_string_equal(s, "按地区顺序");
    free(s);
    sv_sort(&v, SV_LABEL_COL);
    expect_order(&v, "全国 上海市 新疆维吾尔自治区 内蒙古自治区 北京市");
    s = sv_sort_text(&v);
    assert_string_equal(s, "按地区倒序");
    free(s);
    /* No column out of range. */
    sv_sort(&v, 3);
    sv_sort(&v, -3);
    expect_order(&v, "全国 上海市 新疆维吾尔自治区 内蒙古自治区 北京市");
    /* Without a pinned row 全国 sorts like the others. */
    v.npinned = 0;
    sv_sort(&v, 2);
    expect_order(&v, "全国 内蒙古自治区 新疆维吾尔自治区 上海市 北京市");
    sv_sort(&v, 2);
    expect_order(&v, "北京市 上海市 新疆维吾尔自治区 内蒙古自治区 全国");
    sv_free(&v);
}

static void test_new_table_keeps_state(void **state)
{
    (void)state;
    statview v;
    sv_init(&v);
    fill(&v, 4);
    sv_sort(&v, 2);
    /* The cursor on 北京市, column 2017年. */
    for (size_t r = 0; r < v.nrows; r++)
        if (!strcmp(v.row_labels[sv_table_row(&v, r)], "北京市"))
            v.row = r;
    v.col = 2;
    /* The same labels again (同比 toggled): sort and cursor kept. */
    fill(&v, 4);
    assert_int_equal(v.sort_col, 2);
    assert_int_equal(v.sort_desc, 1);
    assert_string_equal(v.row_labels[sv_table_row(&v, v.row)], "北京市");
    assert_int_equal(v.col, 2);
    expect_order(&v, "全国 内蒙古自治区 新疆维吾尔自治区 上海市 北京市");
    /* Scrolled to the right: the same first column shown again. */
    sv_layout(&v, 40);
    v.left = 2;
    fill(&v, 4);
    assert_int_equal(v.left, 2);
    /* Fewer columns: the sorted one is gone, so is the cursor's; the row is kept. */
    fill(&v, 2);
    assert_int_equal(v.sort_col, SV_UNSORTED);
    assert_int_equal(v.col, 0);
    assert_string_equal(v.row_labels[sv_table_row(&v, v.row)], "北京市");
    /* The label column as cursor and sort is kept too. */
    v.col = SV_LABEL_COL;
    sv_sort(&v, SV_LABEL_COL);
    sv_sort(&v, SV_LABEL_COL);
    fill(&v, 2);
    assert_int_equal(v.col, SV_LABEL_COL);
    assert_int_equal(v.sort_col, SV_LABEL_COL);
    assert_int_equal(v.sort_desc, 1);
    /* Cleared: a new table starts at the top left, unsorted. */
    sv_clear(&v);
    fill(&v, 2);
    assert_int_equal(v.row, 0);
    assert_int_equal(v.col, 0);
    assert_int_equal(v.sort_col, SV_UNSORTED);
    sv_free(&v);
}

static void test_tsv(void **state)
{
    (void)state;
    statview v;
    sv_init(&v);
    fill(&v, 2);
    free(v.row_labels[4]);
    v.row_labels[4] = xstrdup("上海\t市\n");
    free(v.col_units[1]);
    v.col_units[1] = NULL;
    sv_sort(&v, 0);
    char *t = sv_tsv(&v);
    assert_string_equal(t, "地区\t2015年（万人）\t2016年\n"
                           "全国\t1701.1\t1700.1\n"
                           "内蒙古自治区\t60.3\t60.3\n"
                           "新疆维吾尔自治区\t45.0\t\n"
                           "上海 市 \t12.9\t11.9\n"
                           "北京市\t7.1\t8.1\n");
    free(t);
    sv_free(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_cjk),
        cmocka_unit_test(test_scroll_frozen),
        cmocka_unit_test(test_rows_and_bounds),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_new_table_keeps_state),
        cmocka_unit_test(test_tsv),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
