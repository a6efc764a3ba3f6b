/* The input line model: editing keys, wide characters, history, horizontal view. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "utf8dec.h"

static void keys(lineedit *le, const char *names)
{
    char *copy = strdup(names);
    for (char *save = NULL, *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        gk_key k;
        assert_int_equal(gkey_parse(t, &k), 0);
        le_key(le, &k, NULL);
    }
    free(copy);
}

static void expect(lineedit *le, const char *text, size_t cur)
{
    char *t = le_text(le);
    assert_string_equal(t, text);
    assert_int_equal(le->cur, cur);
    free(t);
}

static void type(lineedit *le, const char *utf8)
{
    const unsigned char *p = (const unsigned char *)utf8;
    while (*p) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, p + strlen((const char *)p), &cp, &valid);
        le_insert(le, cp);
    }
}

static void test_editing(void **state)
{
    (void)state;
    lineedit le;
    le_init(&le, 64);
    type(&le, "民政部 养老");
    expect(&le, "民政部 养老", 6);
    keys(&le, "Left Left BS");
    expect(&le, "民政部养老", 3);
    keys(&le, "C-a Del");
    expect(&le, "政部养老", 0);
    keys(&le, "C-e C-b C-k");
    expect(&le, "政部养", 3);
    type(&le, " 服务 标准");
    keys(&le, "C-w");
    expect(&le, "政部养 服务 ", 7);
    keys(&le, "C-w");
    expect(&le, "政部养 ", 4);
    keys(&le, "Left C-u");
    expect(&le, " ", 0);
    gk_key enter = {.code = KEYC_ENTER}, esc = {.code = KEYC_ESC};
    assert_int_equal(le_key(&le, &enter, NULL), LE_SUBMIT);
    assert_int_equal(le_key(&le, &esc, NULL), LE_CANCEL);
    /* controls are refused, the maximum holds */
    assert_int_equal(le_insert(&le, 0x1b), LE_IGNORED);
    le_set(&le, "");
    for (int i = 0; i < 70; i++)
        le_insert(&le, 0x4e00);
    assert_int_equal(le.len, 64);
    le_free(&le);
}

static void test_view_scrolls_by_columns(void **state)
{
    (void)state;
    lineedit le;
    le_init(&le, 256);
    type(&le, "一二三四五六七八九十"); /* 20 columns */
    le_view v;
    le_layout(&le, 11, &v);
    /* cursor at the end: the last characters and one free column are visible */
    assert_true(v.more_left);
    assert_false(v.more_right);
    assert_int_equal(v.end, 10);
    assert_true(v.cursor_col <= 10);
    assert_int_equal(v.cursor_col % 2, 0); /* never inside a wide character */
    keys(&le, "Home");
    le_layout(&le, 11, &v);
    assert_int_equal(v.start, 0);
    assert_int_equal(v.cursor_col, 0);
    assert_int_equal(v.end, 5); /* 5 wide characters fit in 11 columns, not 6 */
    assert_true(v.more_right);
    /* short text: everything visible */
    le_set(&le, "ab中");
    le_layout(&le, 11, &v);
    assert_int_equal(v.start, 0);
    assert_int_equal(v.end, 3);
    assert_int_equal(v.cursor_col, 4);
    le_free(&le);
}

/* Corpus text put into the line (an organisation's name opened from a look-alike) and
 * pasted text: escape sequences go whole, controls and bidi controls are dropped, so the
 * line neither shows "[2J]0;pwned" nor sends U+202E to the terminal (issue 8). */
static void test_hostile_text(void **state)
{
    (void)state;
    lineedit le;
    le_init(&le, 256);
    le_set(&le, "示例恶意协会\033[2J\033]0;pwned\007\033]52;c;cm0g\007\007\302\233X"
                "\342\200\256\342\201\246\342\201\251");
    expect(&le, "示例恶意协会X", 7);
    le_set(&le, "a\tb\nc\r\n\377d");
    expect(&le, "a b c ?d", 8);
    le_set(&le, "");
    static const uint32_t refused[] = {0x1b, 0x07, 0x9b, 0x061c, 0x200e, 0x200f, 0x202a,
                                       0x202e, 0x2066, 0x2069};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        assert_int_equal(le_insert(&le, refused[i]), LE_IGNORED);
    assert_int_equal(le.len, 0);
    assert_int_equal(le_insert(&le, 0x4e00), LE_CHANGED);
    le_free(&le);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_editing),
        cmocka_unit_test(test_view_scrolls_by_columns),
        cmocka_unit_test(test_hostile_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
