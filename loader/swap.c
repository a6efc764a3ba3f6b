/* The temp file beside the database and the atomic rename (see swap.h). */
#include "swap.h"

#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp_path[4096];
static char db_dir[4096];

static void on_signal(int sig)
{
    /* Only async-signal-safe calls: drop the half-built file and leave. */
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define NSIGNALS (sizeof signals / sizeof *signals)

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaction(signals[i], &sa, NULL);
}

static void restore_signals(void)
{
    for (size_t i = 0; i < NSIGNALS; i++)
        signal(signals[i], SIG_DFL);
}

static void unlink_path(const char *path)
{
    unlink(path);
}

void swap_remove_stale(const char *dir, const char *prefix, void (*remove_it)(const char *path))
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    size_t plen = strlen(prefix);
    struct dirent *e;
    while ((e = readdir(dh))) {
        if (strncmp(e->d_name, prefix, plen))
            continue;
        long pid = strtol(e->d_name + plen, NULL, 10);
        if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue; /* that process is still running */
        char *p = xasprintf("%s/%s", dir, e->d_name);
        remove_it(p);
        free(p);
    }
    closedir(dh);
}

static int fsync_path(const char *path, int dir)
{
    int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

const char *swap_begin(const char *db_path)
{
    char *copy1 = xstrdup(db_path), *copy2 = xstrdup(db_path);
    const char *dir = dirname(copy1), *base = basename(copy2);
    snprintf(db_dir, sizeof db_dir, "%s", dir);
    char *prefix = xasprintf(".%s.load-", base);
    swap_remove_stale(dir, prefix, unlink_path);
    free(prefix);
    snprintf(tmp_path, sizeof tmp_path, "%s/.%s.load-%ld.tmp", dir, base, (long)getpid());
    free(copy1);
    free(copy2);
    unlink(tmp_path);
    install_signals();
    return tmp_path;
}

int swap_commit(const char *db_path)
{
    if (fsync_path(tmp_path, 0) != 0 || rename(tmp_path, db_path) != 0)
        return -1;
    tmp_path[0] = '\0';
    fsync_path(db_dir, 1);
    restore_signals();
    return 0;
}

void swap_abort(void)
{
    if (tmp_path[0])
        unlink(tmp_path);
    tmp_path[0] = '\0';
    restore_signals();
}
