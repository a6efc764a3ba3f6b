/* XDG locations of the database, config and history, and paths_mkdir_p. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "xalloc.h"

static char *saved_home;
static char tmpdir[256];

/* Every test starts from HOME=/home/tester and no XDG variables. */
static int reset_env(void **state)
{
    (void)state;
    setenv("HOME", "/home/tester", 1);
    unsetenv("XDG_DATA_HOME");
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_STATE_HOME");
    return 0;
}

static int group_setup(void **state)
{
    (void)state;
    const char *h = getenv("HOME");
    saved_home = h ? strdup(h) : NULL;
    const char *base = getenv("GONGKAI_TMP");
    snprintf(tmpdir, sizeof tmpdir, "%s/test_paths.XXXXXX", base ? base : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", tmpdir);
    int rc = system(cmd);
    free(cmd);
    if (saved_home)
        setenv("HOME", saved_home, 1);
    free(saved_home);
    return rc == 0 ? 0 : -1;
}

static void assert_path(char *got, const char *expect)
{
    assert_non_null(got);
    assert_string_equal(got, expect);
    free(got);
}

static void test_defaults_from_home(void **state)
{
    (void)state;
    assert_path(paths_data_dir(), "/home/tester/.local/share/gongkai");
    assert_path(paths_default_db(), "/home/tester/.local/share/gongkai/gongkai.db");
    assert_path(paths_config_dir(), "/home/tester/.config/gongkai");
    assert_path(paths_config_file(), "/home/tester/.config/gongkai/config.ini");
    assert_path(paths_state_dir(), "/home/tester/.local/state/gongkai");
    assert_path(paths_history_file(), "/home/tester/.local/state/gongkai/history");
}

static void test_xdg_absolute(void **state)
{
    (void)state;
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    setenv("XDG_CONFIG_HOME", "/etc/xdg-user", 1);
    setenv("XDG_STATE_HOME", "/var/state", 1);
    assert_path(paths_default_db(), "/srv/data/gongkai/gongkai.db");
    assert_path(paths_config_file(), "/etc/xdg-user/gongkai/config.ini");
    assert_path(paths_history_file(), "/var/state/gongkai/history");
}

static void test_xdg_relative_ignored(void **state)
{
    (void)state;
    setenv("XDG_DATA_HOME", "relative/data", 1);
    setenv("XDG_CONFIG_HOME", "./cfg", 1);
    setenv("XDG_STATE_HOME", "~/state", 1);
    assert_path(paths_default_db(), "/home/tester/.local/share/gongkai/gongkai.db");
    assert_path(paths_config_file(), "/home/tester/.config/gongkai/config.ini");
    assert_path(paths_history_file(), "/home/tester/.local/state/gongkai/history");
}

static void test_xdg_empty_ignored(void **state)
{
    (void)state;
    setenv("XDG_CONFIG_HOME", "", 1);
    assert_path(paths_config_file(), "/home/tester/.config/gongkai/config.ini");
}

static void test_trailing_slashes(void **state)
{
    (void)state;
    setenv("HOME", "/home/tester/", 1);
    setenv("XDG_DATA_HOME", "/srv/data//", 1);
    assert_path(paths_config_file(), "/home/tester/.config/gongkai/config.ini");
    assert_path(paths_data_dir(), "/srv/data/gongkai");
    setenv("HOME", "/", 1);
    assert_path(paths_state_dir(), "/.local/state/gongkai");
}

static void test_home_unset_uses_passwd(void **state)
{
    (void)state;
    struct passwd *pw = getpwuid(getuid());
    if (!pw || !pw->pw_dir || !*pw->pw_dir)
        skip();
    char *expect = xasprintf("%s%s.config/gongkai/config.ini", pw->pw_dir,
                             pw->pw_dir[strlen(pw->pw_dir) - 1] == '/' ? "" : "/");
    unsetenv("HOME");
    assert_path(paths_config_file(), expect);
    setenv("HOME", "", 1); /* empty counts as unset */
    assert_path(paths_config_file(), expect);
    free(expect);
}

static void test_expand_home(void **state)
{
    (void)state;
    assert_path(paths_expand_home("~/db/gk.db"), "/home/tester/db/gk.db");
    assert_path(paths_expand_home("~"), "/home/tester");
    assert_path(paths_expand_home("/abs/path"), "/abs/path");
    assert_path(paths_expand_home("rel/~/x"), "rel/~/x");
    assert_path(paths_expand_home("~other/x"), "~other/x");
}

static void test_mkdir_p_creates_parents(void **state)
{
    (void)state;
    char *dir = xasprintf("%s/a/b/c", tmpdir);
    mode_t old = umask(022);
    assert_int_equal(paths_mkdir_p(dir, 0700), 0);
    umask(old);
    struct stat st;
    assert_int_equal(stat(dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    /* Existing directories are fine, as are doubled and trailing slashes. */
    assert_int_equal(paths_mkdir_p(dir, 0700), 0);
    char *odd = xasprintf("%s//a/b//d/", tmpdir);
    assert_int_equal(paths_mkdir_p(odd, 0755), 0);
    char *d = xasprintf("%s/a/b/d", tmpdir);
    assert_int_equal(stat(d, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    free(d);
    free(odd);
    free(dir);
}

static void test_mkdir_p_mode_for_state(void **state)
{
    (void)state;
    char *base = xasprintf("%s/xdgstate", tmpdir);
    setenv("XDG_STATE_HOME", base, 1);
    char *dir = paths_state_dir();
    mode_t old = umask(022);
    assert_int_equal(paths_mkdir_p(dir, 0700), 0);
    umask(old);
    struct stat st;
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    free(dir);
    free(base);
}

static void test_mkdir_p_file_in_the_way(void **state)
{
    (void)state;
    char *file = xasprintf("%s/plainfile", tmpdir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    errno = 0;
    assert_int_equal(paths_mkdir_p(file, 0700), -1);
    assert_int_equal(errno, ENOTDIR);
    char *below = xasprintf("%s/sub", file);
    assert_int_equal(paths_mkdir_p(below, 0700), -1);
    assert_int_equal(errno, ENOTDIR);
    errno = 0;
    assert_int_equal(paths_mkdir_p("", 0700), -1);
    assert_int_equal(errno, ENOENT);
    free(below);
    free(file);
}

static void test_mkdir_p_relative(void **state)
{
    (void)state;
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmpdir), 0);
    assert_int_equal(paths_mkdir_p("rel/x/y", 0755), 0);
    struct stat st;
    assert_int_equal(stat("rel/x/y", &st), 0);
    assert_int_equal(chdir(cwd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_defaults_from_home, reset_env),
        cmocka_unit_test_setup(test_xdg_absolute, reset_env),
        cmocka_unit_test_setup(test_xdg_relative_ignored, reset_env),
        cmocka_unit_test_setup(test_xdg_empty_ignored, reset_env),
        cmocka_unit_test_setup(test_trailing_slashes, reset_env),
        cmocka_unit_test_setup(test_home_unset_uses_passwd, reset_env),
        cmocka_unit_test_setup(test_expand_home, reset_env),
        cmocka_unit_test_setup(test_mkdir_p_creates_parents, reset_env),
        cmocka_unit_test_setup(test_mkdir_p_mode_for_state, reset_env),
        cmocka_unit_test_setup(test_mkdir_p_file_in_the_way, reset_env),
        cmocka_unit_test_setup(test_mkdir_p_relative, reset_env),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
