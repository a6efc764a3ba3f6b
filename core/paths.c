#include "paths.h"

#include "xalloc.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *paths_home(void)
{
    const char *h = getenv("HOME");
    if (h && *h)
        return xstrdup(h);
    struct passwd *pw = getpwuid(getuid());
    if (pw && pw->pw_dir && *pw->pw_dir)
        return xstrdup(pw->pw_dir);
    return NULL;
}

/* dir + "/" + name, without doubling the slash when dir ends in one. */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 1 && dir[0] == '/')
        n = 0;
    return xasprintf("%.*s/%s", (int)n, dir, name);
}

/* $var/gongkai when var holds an absolute path, else ~/fallback/gongkai. */
static char *xdg_dir(const char *var, const char *fallback)
{
    const char *v = getenv(var);
    if (v && v[0] == '/')
        return join(v, "gongkai");
    char *home = paths_home();
    if (!home)
        return NULL;
    char *base = join(home, fallback);
    char *dir = join(base, "gongkai");
    free(base);
    free(home);
    return dir;
}

/* dir/name, or NULL when dir is NULL. */
static char *in_dir(char *dir, const char *name)
{
    if (!dir)
        return NULL;
    char *p = join(dir, name);
    free(dir);
    return p;
}

char *paths_data_dir(void)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *paths_default_db(void)
{
    return in_dir(paths_data_dir(), "gongkai.db");
}

char *paths_config_dir(void)
{
    return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *paths_config_file(void)
{
    return in_dir(paths_config_dir(), "config.ini");
}

char *paths_state_dir(void)
{
    return xdg_dir("XDG_STATE_HOME", ".local/state");
}

char *paths_history_file(void)
{
    return in_dir(paths_state_dir(), "history");
}

char *paths_expand_home(const char *p)
{
    if (p[0] != '~' || (p[1] != '\0' && p[1] != '/'))
        return xstrdup(p); /* ~user is not supported: taken literally */
    char *home = paths_home();
    if (!home)
        return NULL;
    char *r = p[1] ? join(home, p + 2) : xstrdup(home);
    free(home);
    return r;
}

int paths_mkdir_p(const char *dir, mode_t mode)
{
    if (!dir[0]) {
        errno = ENOENT;
        return -1;
    }
    char *path = xstrdup(dir);
    int rc = 0;
    /* Each prefix ending before a '/' (and the whole path) in turn. */
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (p[-1] != '/') { /* not an empty component of "a//b" or "a/" */
            struct stat st;
            if (stat(path, &st) != 0 &&
                (errno != ENOENT || (mkdir(path, mode) != 0 && errno != EEXIST) ||
                 stat(path, &st) != 0)) {
                rc = -1;
                break;
            }
            if (!S_ISDIR(st.st_mode)) {
                errno = ENOTDIR;
                rc = -1;
                break;
            }
        }
        *p = saved;
        if (!saved)
            break;
    }
    int err = errno;
    free(path);
    errno = err;
    return rc;
}
