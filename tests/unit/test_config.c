/* config.ini through libinih: defaults, every key, error reports with line numbers,
 * the 200-byte line limit, BOM, search order and config_set_value. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "paths.h"
#include "xalloc.h"

static char tmpdir[256];
static int counter;

static int group_setup(void **state)
{
    (void)state;
    const char *base = getenv("GONGKAI_TMP");
    snprintf(tmpdir, sizeof tmpdir, "%s/test_config.XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(tmpdir))
        return -1;
    /* Never read the user's own file. */
    char *xdg = xasprintf("%s/xdg", tmpdir);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    free(xdg);
    unsetenv("GONGKAI_CONFIG");
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", tmpdir);
    int rc = system(cmd);
    free(cmd);
    return rc == 0 ? 0 : -1;
}

static int reset_env(void **state)
{
    (void)state;
    unsetenv("GONGKAI_CONFIG");
    return 0;
}

/* Writes text (len bytes) to a new file under tmpdir; the caller frees the path. */
static char *write_file_n(const char *text, size_t len)
{
    char *path = xasprintf("%s/c%d.ini", tmpdir, ++counter);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return path;
}

static char *write_file(const char *text)
{
    return write_file_n(text, strlen(text));
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    buf_t b;
    buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    return buf_take(&b);
}

/* Loads text and expects success. */
static void load_ok(config_t *c, const char *text)
{
    char *path = write_file(text), *err = NULL;
    int rc = config_load(c, path, &err);
    if (rc != 0)
        fail_msg("unexpected errors:\n%s", err);
    assert_null(err);
    free(path);
}

/* Loads text, expects failure, and returns the error text with the file name replaced
 * by "F" so that tests can compare whole messages. */
static char *load_err(config_t *c, const char *text)
{
    char *path = write_file(text), *err = NULL;
    assert_int_equal(config_load(c, path, &err), -1);
    assert_non_null(err);
    buf_t b;
    buf_init(&b);
    size_t pl = strlen(path);
    for (const char *p = err; *p;) {
        if (strncmp(p, path, pl) == 0) {
            buf_addc(&b, 'F');
            p += pl;
        } else {
            buf_addc(&b, *p++);
        }
    }
    free(err);
    free(path);
    return buf_take(&b);
}

static void expect_errors(const char *text, const char *expect)
{
    config_t c;
    char *e = load_err(&c, text);
    assert_string_equal(e, expect);
    free(e);
    config_free(&c);
}

/* ---- defaults and every key ------------------------------------------------------- */

static void test_defaults(void **state)
{
    (void)state;
    config_t c;
    config_defaults(&c);
    assert_null(c.path);
    assert_null(c.db_path);
    assert_int_equal(c.search_limit, 50);
    assert_int_equal(c.snippet_chars, 40);
    assert_int_equal(c.search_mode, CONFIG_MODE_AND);
    assert_null(c.history_file);
    assert_int_equal(c.history_size, 500);
    assert_int_equal(c.history_record, 1);
    assert_int_equal(c.theme, CONFIG_THEME_DEFAULT);
    assert_int_equal(c.borders, CONFIG_BORDERS_ASCII);
    assert_int_equal(c.script, CONFIG_SCRIPT_SIMPLIFIED);
    assert_int_equal(c.min_cols, 80);
    assert_int_equal(c.min_rows, 24);
    assert_int_equal(c.input_max, 256);
    assert_int_equal(c.nkeys, 0);
    config_free(&c);
}

static void test_every_key(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[database]\n"
                "path = /srv/gongkai/民政.db\n"
                "[search]\n"
                "limit = 100\n"
                "snippet_chars = 60\n"
                "mode = or\n"
                "[history]\n"
                "file = /tmp/hist\n"
                "size = 0\n"
                "record = no\n"
                "[ui]\n"
                "theme = mono\n"
                "borders = unicode\n"
                "script = traditional\n"
                "min_cols = 100\n"
                "min_rows = 30\n"
                "input_max = 512\n"
                "[packages]\n"
                "trusted_keys = /etc/gongkai/keys\n");
    assert_string_equal(c.db_path, "/srv/gongkai/民政.db");
    assert_int_equal(c.search_limit, 100);
    assert_int_equal(c.snippet_chars, 60);
    assert_int_equal(c.search_mode, CONFIG_MODE_OR);
    assert_string_equal(c.history_file, "/tmp/hist");
    assert_int_equal(c.history_size, 0);
    assert_int_equal(c.history_record, 0);
    assert_int_equal(c.theme, CONFIG_THEME_MONO);
    assert_int_equal(c.borders, CONFIG_BORDERS_UNICODE);
    assert_int_equal(c.script, CONFIG_SCRIPT_TRADITIONAL);
    assert_int_equal(c.min_cols, 100);
    assert_int_equal(c.min_rows, 30);
    assert_int_equal(c.input_max, 512);
    assert_string_equal(c.trusted_keys, "/etc/gongkai/keys");
    assert_non_null(c.path);
    config_free(&c);
}

static void test_empty_file_is_defaults(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "");
    assert_int_equal(c.search_limit, 50);
    config_free(&c);
    load_ok(&c, "; only comments\n# and these\n\n[search]\n");
    assert_int_equal(c.search_limit, 50);
    config_free(&c);
}

static void test_booleans(void **state)
{
    (void)state;
    const char *yes[] = {"yes", "true", "1", "on", "YES", "True"};
    const char *no[] = {"no", "false", "0", "off", "No", "OFF"};
    for (size_t i = 0; i < 6; i++) {
        config_t c;
        char *t = xasprintf("[history]\nrecord = %s\n", no[i]);
        load_ok(&c, t);
        assert_int_equal(c.history_record, 0);
        free(t);
        config_free(&c);
        t = xasprintf("[history]\nrecord = %s\n", yes[i]);
        load_ok(&c, "[history]\nrecord = no\n");
        config_free(&c);
        load_ok(&c, t);
        assert_int_equal(c.history_record, 1);
        free(t);
        config_free(&c);
    }
    expect_errors("[history]\nrecord = maybe\n",
                  "F:2: [history] record: 'maybe' is not yes or no (yes/no, true/false, "
                  "on/off, 1/0)");
}

static void test_case_insensitive_names_and_choices(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[UI]\nTheme = Mono\n[ search ]\nMODE = OR\n");
    assert_int_equal(c.theme, CONFIG_THEME_MONO);
    assert_int_equal(c.search_mode, CONFIG_MODE_OR);
    config_free(&c);
}

static void test_range_limits(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[search]\nlimit = 1\nsnippet_chars = 200\n[history]\nsize = 100000\n");
    assert_int_equal(c.search_limit, 1);
    assert_int_equal(c.snippet_chars, 200);
    assert_int_equal(c.history_size, 100000);
    config_free(&c);
    load_ok(&c, "[search]\nlimit = 1000\nsnippet_chars = 10\n");
    assert_int_equal(c.search_limit, 1000);
    assert_int_equal(c.snippet_chars, 10);
    config_free(&c);
    expect_errors("[search]\nlimit = 0\nlimit = 1001\nsnippet_chars = 9\n"
                  "[history]\nsize = -1\n",
                  "F:2: [search] limit: 0 is out of range (1..1000)\n"
                  "F:3: [search] limit: 1001 is out of range (1..1000)\n"
                  "F:4: [search] snippet_chars: 9 is out of range (10..200)\n"
                  "F:6: [history] size: -1 is out of range (0..100000)");
}

static void test_bad_integers(void **state)
{
    (void)state;
    expect_errors("[search]\nlimit = abc\nlimit = 50x\nlimit = 0x10\nlimit =\n"
                  "limit = 99999999999999999999\nlimit = ５０\n",
                  "F:2: [search] limit: 'abc' is not a whole number\n"
                  "F:3: [search] limit: '50x' is not a whole number\n"
                  "F:4: [search] limit: '0x10' is not a whole number\n"
                  "F:5: [search] limit: '' is not a whole number\n"
                  "F:6: [search] limit: '99999999999999999999' is not a whole number\n"
                  "F:7: [search] limit: '５０' is not a whole number");
}

static void test_bad_choices(void **state)
{
    (void)state;
    expect_errors("[search]\nmode = xor\n[ui]\ntheme = dark\nborders = fancy\nscript = 繁体\n",
                  "F:2: [search] mode: 'xor' is not one of: and, or\n"
                  "F:4: [ui] theme: 'dark' is not one of: default, mono\n"
                  "F:5: [ui] borders: 'fancy' is not one of: ascii, unicode\n"
                  "F:6: [ui] script: '繁体' is not one of: simplified, traditional");
}

static void test_bad_values_keep_defaults(void **state)
{
    (void)state;
    config_t c;
    char *e = load_err(&c, "[search]\nlimit = abc\nsnippet_chars = 20\n");
    assert_int_equal(c.search_limit, 50);
    assert_int_equal(c.snippet_chars, 20); /* valid settings still apply */
    free(e);
    config_free(&c);
}

static void test_unknown_key_line_number(void **state)
{
    (void)state;
    expect_errors("; comment\n"
                  "\n"
                  "[search]\n"
                  "limit = 20\n"
                  "colour = red\n",
                  "F:5: unknown key 'colour' in [search]");
}

static void test_unknown_section_reported_once(void **state)
{
    (void)state;
    expect_errors("[search]\nlimit = 20\n\n[network]\nproxy = x\nport = 80\n[ui]\nfoo = 1\n",
                  "F:4: unknown section [network]\n"
                  "F:8: unknown key 'foo' in [ui]");
}

static void test_all_errors_collected(void **state)
{
    (void)state;
    config_t c;
    char *e = load_err(&c, "limit = 3\n"
                           "[search\n"
                           "[search]\n"
                           "just words\n"
                           "= 5\n"
                           "limit = x\n"
                           "[ui] extra\n"
                           "mode = or\n");
    assert_string_equal(e, "F:1: 'limit' is outside any [section]\n"
                           "F:2: missing ']' in section header\n"
                           "F:4: expected 'key = value'\n"
                           "F:5: missing key name before '='\n"
                           "F:6: [search] limit: 'x' is not a whole number\n"
                           "F:7: unexpected text after section header");
    free(e);
    config_free(&c);
}

static void test_long_value_rejected(void **state)
{
    (void)state;
    /* 189 bytes is the longest value allowed, 190 is refused. */
    char v189[190], v190[191];
    memset(v189, 'a', 189);
    v189[0] = '/';
    v189[189] = '\0';
    memset(v190, 'b', 190);
    v190[0] = '/';
    v190[190] = '\0';
    config_t c;
    char *t = xasprintf("[database]\npath = %s\n", v189);
    load_ok(&c, t);
    assert_string_equal(c.db_path, v189);
    free(t);
    config_free(&c);
    t = xasprintf("[database]\npath = %s\n[search]\nlimit = 9\n", v190);
    char *e = load_err(&c, t);
    assert_string_equal(e, "F:2: line too long (inih's limit is 200 bytes)");
    assert_null(c.db_path);
    assert_int_equal(c.search_limit, 9);
    free(e);
    free(t);
    config_free(&c);
}

static void test_long_chinese_line_keeps_line_numbers(void **state)
{
    (void)state;
    /* 100 Chinese characters: 300 bytes, which inih would cut mid-character and read
     * the rest as a line of its own. */
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "[database]\npath = /数据/");
    for (int i = 0; i < 100; i++)
        buf_adds(&b, "民");
    buf_adds(&b, ".db\n[search]\nbogus = 1\n");
    expect_errors(b.s, "F:2: line too long (inih's limit is 200 bytes)\n"
                       "F:4: unknown key 'bogus' in [search]");
    buf_free(&b);
}

static void test_long_comment_is_fine(void **state)
{
    (void)state;
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "; ");
    for (int i = 0; i < 120; i++)
        buf_adds(&b, "注");
    buf_adds(&b, "\n[search]\nlimit = 7\n");
    config_t c;
    load_ok(&c, b.s);
    assert_int_equal(c.search_limit, 7);
    config_free(&c);
    buf_free(&b);
}

static void test_bom(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "\xEF\xBB\xBF[search]\nlimit = 7\n");
    assert_int_equal(c.search_limit, 7);
    config_free(&c);
    load_ok(&c, "\xEF\xBB\xBF; 注释\n[ui]\nscript = traditional\n");
    assert_int_equal(c.script, CONFIG_SCRIPT_TRADITIONAL);
    config_free(&c);
    expect_errors("\xEF\xBB\xBF[search]\nlimt = 7\n", "F:2: unknown key 'limt' in [search]");
}

static void test_crlf(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[search]\r\nlimit = 8\r\nmode = or\r\n");
    assert_int_equal(c.search_limit, 8);
    assert_int_equal(c.search_mode, CONFIG_MODE_OR);
    config_free(&c);
}

static void test_inline_comments_and_quotes(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[search]\nlimit = 30 ; 三十条\n[database]\npath = \"/srv/my db.db\"\n"
                "[history]\nfile = /a;b\n");
    assert_int_equal(c.search_limit, 30);
    assert_string_equal(c.db_path, "/srv/my db.db");
    assert_string_equal(c.history_file, "/a;b");
    config_free(&c);
}

static void test_indented_lines_are_not_continuations(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[search]\n    limit = 12\n\tmode = or\n");
    assert_int_equal(c.search_limit, 12);
    assert_int_equal(c.search_mode, CONFIG_MODE_OR);
    config_free(&c);
    expect_errors("[search]\nlimit = 12\n    more text\n", "F:3: expected 'key = value'");
}

static void test_colon_separator_and_duplicates(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[search]\nlimit: 15\nlimit = 16\n");
    assert_int_equal(c.search_limit, 16); /* the last one wins */
    config_free(&c);
}

static void test_empty_string_means_default(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[database]\npath =\n[history]\nfile = \"\"\n");
    assert_null(c.db_path);
    assert_null(c.history_file);
    config_free(&c);
}

static void test_invalid_utf8_and_nul(void **state)
{
    (void)state;
    expect_errors("[database]\npath = /x\xff\n", "F:2: invalid UTF-8");
    config_t c;
    char *path = write_file_n("[search]\nlimit = 5\0 junk\n", 24), *err = NULL;
    assert_int_equal(config_load(&c, path, &err), -1);
    assert_non_null(strstr(err, ":2: NUL byte in line"));
    free(err);
    free(path);
    config_free(&c);
}

static void test_keys_section(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[keys]\n; comment\nquit = q F10\nsearch = /\n\nquit = C-c\n");
    assert_int_equal(c.nkeys, 3);
    assert_string_equal(c.keys[0].action, "quit");
    assert_string_equal(c.keys[0].keys, "q F10");
    assert_int_equal(c.keys[0].line, 3);
    assert_string_equal(c.keys[1].action, "search");
    assert_string_equal(c.keys[1].keys, "/");
    assert_int_equal(c.keys[1].line, 4);
    assert_string_equal(c.keys[2].keys, "C-c");
    assert_int_equal(c.keys[2].line, 6);
    config_free(&c);
    assert_int_equal(c.nkeys, 0);
}

static void test_missing_files(void **state)
{
    (void)state;
    config_t c;
    char *err = NULL;
    char *missing = xasprintf("%s/nope.ini", tmpdir);
    assert_int_equal(config_load(&c, missing, &err), -1);
    char *expect = xasprintf("%s: cannot open: No such file or directory", missing);
    assert_string_equal(err, expect);
    free(expect);
    free(err);
    config_free(&c);
    /* The default XDG file may be missing. */
    assert_int_equal(config_load(&c, NULL, &err), 0);
    assert_null(err);
    assert_non_null(c.path);
    assert_non_null(strstr(c.path, "/xdg/gongkai/config.ini"));
    config_free(&c);
    /* $GONGKAI_CONFIG names a file on purpose: it must exist. */
    setenv("GONGKAI_CONFIG", missing, 1);
    assert_int_equal(config_load(&c, NULL, &err), -1);
    free(err);
    config_free(&c);
    /* A directory is not a config file. */
    assert_int_equal(config_load(&c, tmpdir, &err), -1);
    assert_non_null(strstr(err, "cannot read"));
    free(err);
    config_free(&c);
    free(missing);
}

static void test_search_order(void **state)
{
    (void)state;
    char *xdg = xasprintf("%s/xdg/gongkai/config.ini", tmpdir);
    assert_string_equal(config_find(NULL), xdg);
    setenv("GONGKAI_CONFIG", "/env/config.ini", 1);
    assert_string_equal(config_find(NULL), "/env/config.ini");
    assert_string_equal(config_find("/cli/config.ini"), "/cli/config.ini");
    setenv("GONGKAI_CONFIG", "", 1);
    assert_string_equal(config_find(NULL), xdg);
    assert_string_equal(config_find(""), xdg);

    /* config_load(NULL) reads $GONGKAI_CONFIG ahead of the XDG file. */
    char *dir = xasprintf("%s/xdg/gongkai", tmpdir);
    assert_int_equal(paths_mkdir_p(dir, 0700), 0);
    FILE *f = fopen(xdg, "w");
    assert_non_null(f);
    fputs("[search]\nlimit = 11\n", f);
    fclose(f);
    char *envfile = write_file("[search]\nlimit = 22\n");
    config_t c;
    assert_int_equal(config_load(&c, NULL, NULL), 0);
    assert_int_equal(c.search_limit, 11);
    assert_string_equal(c.path, xdg);
    config_free(&c);
    setenv("GONGKAI_CONFIG", envfile, 1);
    assert_int_equal(config_load(&c, NULL, NULL), 0);
    assert_int_equal(c.search_limit, 22);
    assert_string_equal(c.path, envfile);
    config_free(&c);
    unlink(xdg);
    free(envfile);
    free(dir);
    free(xdg);
}

static void test_paths_resolved(void **state)
{
    (void)state;
    config_t c;
    load_ok(&c, "[database]\npath = ~/corpus/gk.db\n");
    char *home = getenv("HOME");
    char *expect = xasprintf("%s/corpus/gk.db", home);
    char *p = config_db_path(&c);
    assert_string_equal(p, expect);
    free(p);
    free(expect);
    p = config_history_path(&c);
    assert_non_null(p);
    assert_non_null(strstr(p, "gongkai/history"));
    free(p);
    /* Trusted package keys: the XDG default, or the configured path with ~ expanded. */
    p = config_trusted_keys(&c);
    assert_non_null(p);
    assert_non_null(strstr(p, "gongkai/trusted-keys"));
    free(p);
    config_free(&c);
    load_ok(&c, "[packages]\ntrusted_keys = ~/keys/mca.pub\n");
    expect = xasprintf("%s/keys/mca.pub", home);
    p = config_trusted_keys(&c);
    assert_string_equal(p, expect);
    free(p);
    free(expect);
    config_free(&c);
}

/* ---- config_set_value ------------------------------------------------------------- */

static void test_set_value_keeps_comments(void **state)
{
    (void)state;
    const char *orig = "; 我的配置\n"
                       "[search]\n"
                       "limit = 20 ; 二十条\n"
                       "\n"
                       "[ui]\n"
                       "; 显示字形\n"
                       "; script = simplified\n"
                       "theme = mono\n"
                       "\n"
                       "[keys]\n"
                       "quit = q\n";
    char *path = write_file(orig), *err = NULL;
    assert_int_equal(config_set_value(path, "ui", "script", "traditional", &err), 0);
    assert_null(err);
    char *text = read_file(path);
    assert_string_equal(text, "; 我的配置\n"
                              "[search]\n"
                              "limit = 20 ; 二十条\n"
                              "\n"
                              "[ui]\n"
                              "; 显示字形\n"
                              "; script = simplified\n"
                              "script = traditional\n"
                              "theme = mono\n"
                              "\n"
                              "[keys]\n"
                              "quit = q\n");
    free(text);
    /* Set again: the line is rewritten in place. */
    assert_int_equal(config_set_value(path, "ui", "script", "simplified", &err), 0);
    assert_int_equal(config_set_value(path, "search", "limit", "35", &err), 0);
    text = read_file(path);
    assert_string_equal(text, "; 我的配置\n"
                              "[search]\n"
                              "limit = 35 ; 二十条\n"
                              "\n"
                              "[ui]\n"
                              "; 显示字形\n"
                              "; script = simplified\n"
                              "script = simplified\n"
                              "theme = mono\n"
                              "\n"
                              "[keys]\n"
                              "quit = q\n");
    free(text);
    config_t c;
    assert_int_equal(config_load(&c, path, NULL), 0);
    assert_int_equal(c.search_limit, 35);
    assert_int_equal(c.script, CONFIG_SCRIPT_SIMPLIFIED);
    config_free(&c);
    free(path);
}

static void test_set_value_adds_key_and_section(void **state)
{
    (void)state;
    char *path = write_file("[search]\nlimit = 5\n\n[ui]\ntheme = mono\n\n; trailer\n");
    assert_int_equal(config_set_value(path, "ui", "borders", "unicode", NULL), 0);
    assert_int_equal(config_set_value(path, "history", "record", "no", NULL), 0);
    char *text = read_file(path);
    assert_string_equal(text, "[search]\nlimit = 5\n\n[ui]\ntheme = mono\nborders = unicode\n"
                              "\n; trailer\n\n[history]\nrecord = no\n");
    free(text);
    config_t c;
    assert_int_equal(config_load(&c, path, NULL), 0);
    assert_int_equal(c.borders, CONFIG_BORDERS_UNICODE);
    assert_int_equal(c.history_record, 0);
    config_free(&c);
    free(path);
}

static void test_set_value_creates_file(void **state)
{
    (void)state;
    char *path = xasprintf("%s/new/dir/config.ini", tmpdir);
    char *err = NULL;
    assert_int_equal(config_set_value(path, "ui", "script", "traditional", &err), 0);
    assert_null(err);
    char *text = read_file(path);
    assert_string_equal(text, "[ui]\nscript = traditional\n");
    free(text);
    free(path);
}

static void test_set_value_no_trailing_newline_and_crlf(void **state)
{
    (void)state;
    char *path = write_file("[ui]\r\ntheme = mono");
    assert_int_equal(config_set_value(path, "ui", "script", "traditional", NULL), 0);
    char *text = read_file(path);
    assert_string_equal(text, "[ui]\r\ntheme = mono\r\nscript = traditional\r\n");
    free(text);
    free(path);
    path = write_file("\xEF\xBB\xBF[ui]\nscript=simplified\n");
    assert_int_equal(config_set_value(path, "ui", "script", "traditional", NULL), 0);
    text = read_file(path);
    assert_string_equal(text, "\xEF\xBB\xBF[ui]\nscript=traditional\n");
    free(text);
    free(path);
}

static void test_set_value_rejects_bad_values(void **state)
{
    (void)state;
    char *path = write_file("[ui]\n");
    char *err = NULL;
    assert_int_equal(config_set_value(path, "ui", "script", "a\nb", &err), -1);
    assert_non_null(err);
    free(err);
    assert_int_equal(config_set_value(path, "ui", "script", "x ; y", &err), -1);
    free(err);
    assert_int_equal(config_set_value(path, "u i", "script", "x", &err), -1);
    free(err);
    char big[200];
    memset(big, 'x', 195);
    big[195] = '\0';
    assert_int_equal(config_set_value(path, "database", "path", big, &err), -1);
    assert_non_null(strstr(err, "inih"));
    free(err);
    char *text = read_file(path);
    assert_string_equal(text, "[ui]\n"); /* untouched */
    free(text);
    free(path);
}

static void test_set_value_keeps_mode_and_follows_symlink(void **state)
{
    (void)state;
    char *real = write_file("[ui]\nscript = simplified\n");
    assert_int_equal(chmod(real, 0640), 0);
    char *link = xasprintf("%s/link.ini", tmpdir);
    assert_int_equal(symlink(real, link), 0);
    assert_int_equal(config_set_value(link, "ui", "script", "traditional", NULL), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(stat(real, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    char *text = read_file(real);
    assert_string_equal(text, "[ui]\nscript = traditional\n");
    free(text);
    free(link);
    free(real);
}

static void test_shipped_config_loads(void **state)
{
    (void)state;
    const char *root = getenv("GONGKAI_ROOT");
    char *path = xasprintf("%s/config.ini", root ? root : ".");
    if (access(path, R_OK) != 0) {
        free(path);
        skip();
    }
    config_t c, d;
    char *err = NULL;
    int rc = config_load(&c, path, &err);
    if (rc != 0)
        fail_msg("%s", err);
    config_defaults(&d);
    assert_int_equal(c.search_limit, d.search_limit);
    assert_int_equal(c.script, d.script);
    assert_int_equal(c.nkeys, 0);
    /* Uncommenting each documented default must give the same settings. */
    char *text = read_file(path);
    buf_t b;
    buf_init(&b);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "; ", 2) == 0 && strchr(line, '=') && line[2] >= 'a' &&
            line[2] <= 'z' && !strstr(line, "quit"))
            line += 2;
        buf_adds(&b, line);
        buf_addc(&b, '\n');
    }
    config_t u;
    load_ok(&u, b.s);
    assert_int_equal(u.search_limit, d.search_limit);
    assert_int_equal(u.snippet_chars, d.snippet_chars);
    assert_int_equal(u.search_mode, d.search_mode);
    assert_int_equal(u.history_size, d.history_size);
    assert_int_equal(u.history_record, d.history_record);
    assert_int_equal(u.theme, d.theme);
    assert_int_equal(u.borders, d.borders);
    assert_int_equal(u.script, d.script);
    assert_int_equal(u.min_cols, d.min_cols);
    assert_int_equal(u.min_rows, d.min_rows);
    assert_int_equal(u.input_max, d.input_max);
    assert_null(u.db_path);
    assert_null(u.history_file);
    config_free(&u);
    buf_free(&b);
    free(text);
    config_free(&c);
    free(path);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, reset_env)
    const struct CMUnitTest tests[] = {
        T(test_defaults),
        T(test_every_key),
        T(test_empty_file_is_defaults),
        T(test_booleans),
        T(test_case_insensitive_names_and_choices),
        T(test_range_limits),
        T(test_bad_integers),
        T(test_bad_choices),
        T(test_bad_values_keep_defaults),
        T(test_unknown_key_line_number),
        T(test_unknown_section_reported_once),
        T(test_all_errors_collected),
        T(test_long_value_rejected),
        T(test_long_chinese_line_keeps_line_numbers),
        T(test_long_comment_is_fine),
        T(test_bom),
        T(test_crlf),
        T(test_inline_comments_and_quotes),
        T(test_indented_lines_are_not_continuations),
        T(test_colon_separator_and_duplicates),
        T(test_empty_string_means_default),
        T(test_invalid_utf8_and_nul),
        T(test_keys_section),
        T(test_missing_files),
        T(test_search_order),
        T(test_paths_resolved),
        T(test_set_value_keeps_comments),
        T(test_set_value_adds_key_and_section),
        T(test_set_value_creates_file),
        T(test_set_value_no_trailing_newline_and_crlf),
        T(test_set_value_rejects_bad_values),
        T(test_set_value_keeps_mode_and_follows_symlink),
        T(test_shipped_config_loads),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
