#include "hist.h"

#include "paths.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct hist {
    History *h;
    char *path;     /* NULL: memory only */
    int size;
    int record;
    int dirty;      /* added since read or saved */
    int unreadable; /* the file exists but could not be read: never overwrite it */
};

/* An existing history file written by an older gongkai, copied in or touched with a loose
 * umask may be readable by others: make it 0600 now, not only at the next save (which
 * may never come when nothing is added). Only a regular file of ours is changed; a
 * symbolic link is left as it is (O_NOFOLLOW), and so is a file of another user. */
static void tighten(const char *path)
{
    /* gongkai's own state directory too (not a directory [history] file names
     * elsewhere, which may be shared on purpose). */
    char *state = paths_state_dir();
    size_t n = state ? strlen(state) : 0;
    struct stat dst;
    if (state && !strncmp(path, state, n) && path[n] == '/' && !strchr(path + n + 1, '/') &&
        lstat(state, &dst) == 0 && S_ISDIR(dst.st_mode) && dst.st_uid == geteuid() &&
        (dst.st_mode & 077))
        (void)chmod(state, dst.st_mode & 0700);
    free(state);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
        (st.st_mode & 077))
        (void)fchmod(fd, st.st_mode & 0700);
    close(fd);
}

hist_t *hist_open(const config_t *cfg)
{
    hist_t *h = xcalloc(1, sizeof *h);
    HistEvent ev;
    h->h = history_init();
    if (!h->h) {
        fputs("gongkai: out of memory\n", stderr);
        abort();
    }
    h->size = cfg->history_size;
    h->record = cfg->history_record;
    /* The default size is 0, which silently keeps nothing. */
    history(h->h, &ev, H_SETSIZE, h->size);
    history(h->h, &ev, H_SETUNIQUE, 1);
    h->path = config_history_path(cfg);
    if (h->path) {
        tighten(h->path);
        if (history(h->h, &ev, H_LOAD, h->path) < 0 && access(h->path, F_OK) == 0)
            h->unreadable = 1;
    }
    return h;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

void hist_add(hist_t *h, const char *line)
{
    HistEvent ev;
    if (!h || !h->record || h->size <= 0 || !line || blank(line))
        return;
    if (history(h->h, &ev, H_ENTER, line) >= 0)
        h->dirty = 1;
}

int hist_recording(const hist_t *h)
{
    return h && h->record && h->size > 0;
}

int hist_set_recording(hist_t *h, int on)
{
    if (!h)
        return 0;
    h->record = on != 0;
    return hist_recording(h);
}

int hist_size(const hist_t *h)
{
    return h ? h->size : 0;
}

void hist_forget(hist_t *h)
{
    HistEvent ev;
    if (!h)
        return;
    history(h->h, &ev, H_CLEAR);
    h->dirty = 0;
    h->unreadable = 0; /* the file is gone; a later save writes a new one */
}

int hist_count(hist_t *h)
{
    HistEvent ev;
    if (history(h->h, &ev, H_GETSIZE) < 0)
        return 0;
    return ev.num;
}

const char *hist_entry(hist_t *h, int i)
{
    HistEvent ev;
    if (i < 0 || history(h->h, &ev, H_FIRST) < 0) /* H_FIRST is the newest */
        return NULL;
    while (i-- > 0)
        if (history(h->h, &ev, H_NEXT) < 0)
            return NULL;
    return ev.str;
}

History *hist_handle(hist_t *h)
{
    return h->h;
}

/* Writes the entries to a new file beside path, then renames it over path, so that a
 * crash or a full disk never leaves half a history. */
static int save_file(hist_t *h, char **err)
{
    char *dir = xstrdup(h->path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        if (paths_mkdir_p(dir, 0700) != 0) {
            if (err)
                *err = xasprintf("无法创建目录 %s：%s", dir, strerror(errno));
            free(dir);
            return -1;
        }
    }
    free(dir);
    char *tmp = xasprintf("%s.tmp-%ld", h->path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int ok = f != NULL;
    if (ok) {
        HistEvent ev;
        ok = history(h->h, &ev, H_SAVE_FP, f) >= 0;
        ok = ok && fflush(f) == 0 && fsync(fd) == 0;
        ok = ok && fchmod(fd, 0600) == 0; /* whatever the umask or an old file said */
    }
    int saved_errno = errno;
    if (f)
        ok = (fclose(f) == 0) && ok;
    else if (fd >= 0)
        close(fd);
    if (ok && rename(tmp, h->path) != 0) {
        saved_errno = errno;
        ok = 0;
    }
    if (!ok) {
        unlink(tmp);
        if (err)
            *err = xasprintf("无法保存查询历史 %s：%s", h->path,
                             strerror(saved_errno ? saved_errno : EIO));
    }
    free(tmp);
    return ok ? 0 : -1;
}

int hist_save(hist_t *h, char **err)
{
    if (!h || !h->dirty || !h->path)
        return 0;
    if (h->unreadable) {
        if (err)
            *err = xasprintf("查询历史文件 %s 无法读取，未覆盖（history file unreadable; "
                             "left as it is）",
                             h->path);
        return -1;
    }
    if (save_file(h, err) != 0)
        return -1;
    h->dirty = 0;
    return 0;
}

void hist_close(hist_t *h)
{
    if (!h)
        return;
    char *err = NULL;
    if (hist_save(h, &err) != 0) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
    }
    history_end(h->h);
    free(h->path);
    free(h);
}
