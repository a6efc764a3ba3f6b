/* Key names, the action table and key bindings with config overrides. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "keymap.h"
#include "keys.h"

static void roundtrip(const char *name, const char *canonical)
{
    gk_key k;
    if (gkey_parse(name, &k) != 0)
        fail_msg("key %s did not parse", name);
    char buf[32];
    assert_string_equal(gkey_name(&k, buf, sizeof buf), canonical);
}

static void test_key_names(void **state)
{
    (void)state;
    roundtrip("F10", "F10");
    roundtrip("f1", "F1");
    roundtrip("C-q", "C-q");
    roundtrip("^Q", "C-q");
    roundtrip("Enter", "Enter");
    roundtrip("return", "Enter");
    roundtrip("S-Tab", "S-Tab");
    roundtrip("PgDn", "PgDn");
    roundtrip("Space", "Space");
    roundtrip("g", "g");
    roundtrip("中", "中");
    roundtrip("M-x", "M-x");
    roundtrip("/", "/");
    gk_key k;
    assert_int_equal(gkey_parse("F13", &k), -1);
    assert_int_equal(gkey_parse("C-1", &k), -1);
    assert_int_equal(gkey_parse("ab", &k), -1);
    assert_int_equal(gkey_parse("", &k), -1);
    assert_int_equal(gkey_parse("Hyper", &k), -1);
    /* F1 is a function key, "F" alone a letter */
    assert_int_equal(gkey_parse("F", &k), 0);
    assert_int_equal(k.code, KEYC_CHAR);
}

static void test_text_keys(void **state)
{
    (void)state;
    gk_key k;
    gkey_parse("中", &k);
    assert_true(gkey_is_text(&k));
    gkey_parse("Space", &k);
    assert_false(gkey_is_text(&k));
    gkey_parse("C-a", &k);
    assert_false(gkey_is_text(&k));
    gkey_parse("M-a", &k);
    assert_false(gkey_is_text(&k));
}

static void test_actions(void **state)
{
    (void)state;
    assert_int_equal(action_by_name("quit"), ACT_QUIT);
    assert_string_equal(action_name(ACT_GOTO_ARTICLE), "goto-article");
    assert_int_equal(action_by_name("nonsense"), ACT_NONE);
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        assert_true(strlen(action_help((enum action)a)) > 0);
        assert_int_equal(action_by_name(action_name((enum action)a)), a);
    }
}

static enum action lookup(keymap *km, enum keymap_ctx ctx, const char *name)
{
    gk_key k;
    assert_int_equal(gkey_parse(name, &k), 0);
    enum keymap_ctx chain[] = {ctx, KM_LIST};
    return keymap_lookup(km, chain, 2, &k);
}

static void test_defaults_and_fallback(void **state)
{
    (void)state;
    keymap *km = keymap_new();
    assert_int_equal(lookup(km, KM_SEARCH, "F10"), ACT_QUIT);
    assert_int_equal(lookup(km, KM_DOC, "n"), ACT_NEXT_MATCH);
    assert_int_equal(lookup(km, KM_SEARCH, "n"), ACT_NONE); /* letters search in lists */
    assert_int_equal(lookup(km, KM_DOC, "Left"), ACT_PREV_ARTICLE);
    assert_int_equal(lookup(km, KM_REGS, "Left"), ACT_BACK);
    assert_int_equal(keymap_fkey_of(km, KM_REGS, ACT_FILTER), 4);
    assert_int_equal(keymap_fkey_of(km, KM_DOC, ACT_QUIT), 10);
    char buf[64];
    assert_string_equal(keymap_keys_of(km, KM_GLOBAL, ACT_QUIT, buf, sizeof buf), "F10 C-q");
    keymap_free(km);
}

static void test_config_overrides(void **state)
{
    (void)state;
    keymap *km = keymap_new();
    config_binding_t b[] = {
        {(char *)"quit", (char *)"C-x F12", 3},
        {(char *)"next-match", (char *)"j", 4},
        {(char *)"frobnicate", (char *)"F2", 5},
        {(char *)"help", (char *)"F1 Hyper-1", 6},
    };
    char *err = NULL;
    assert_int_equal(keymap_configure(km, b, 4, "config.ini", &err), -1);
    assert_non_null(strstr(err, "config.ini:5: unknown action 'frobnicate'"));
    assert_non_null(strstr(err, "config.ini:6: unknown key 'Hyper-1'"));
    free(err);
    assert_int_equal(lookup(km, KM_SEARCH, "C-x"), ACT_QUIT);
    assert_int_equal(lookup(km, KM_SEARCH, "F10"), ACT_NONE);
    assert_int_equal(keymap_fkey_of(km, KM_SEARCH, ACT_QUIT), 12);
    assert_int_equal(lookup(km, KM_DOC, "j"), ACT_NEXT_MATCH);
    assert_int_equal(lookup(km, KM_DOC, "n"), ACT_NONE);
    /* a bad line leaves the action's defaults alone */
    assert_int_equal(lookup(km, KM_SEARCH, "F1"), ACT_HELP);
    keymap_free(km);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_names),          cmocka_unit_test(test_text_keys),
        cmocka_unit_test(test_actions),            cmocka_unit_test(test_defaults_and_fallback),
        cmocka_unit_test(test_config_overrides),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
