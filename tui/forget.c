#include "forget.h"

#include "paths.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Overwrites a regular file of one link with zeros and flushes it; see forget.h for
 * what that is worth. Failures are ignored: the unlink that follows is what counts. */
static void overwrite(const char *path)
{
    int fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1) {
        static const char zeros[4096];
        off_t left = st.st_size;
        while (left > 0) {
            size_t n = left > (off_t)sizeof zeros ? sizeof zeros : (size_t)left;
            ssize_t w = write(fd, zeros, n);
            if (w <= 0)
                break;
            left -= w;
        }
        (void)fsync(fd);
    }
    close(fd);
}

/* Erases one file; reports it under label. Returns 0 when it is gone. */
static int erase(const char *label, const char *path, FILE *out, FILE *err)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT) {
            fprintf(out, "没有%s（not present）：%s\n", label, path);
            return 0;
        }
        fprintf(err, "gongkai: %s %s：%s\n", label, path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(err, "gongkai: %s %s 是目录，未删除（a directory; left alone）\n", label, path);
        return -1;
    }
    if (S_ISREG(st.st_mode))
        overwrite(path);
    if (unlink(path) != 0) {
        fprintf(err, "gongkai: 未能删除%s %s：%s\n", label, path, strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode))
        fprintf(out, "已删除%s（removed, %lld 字节）：%s\n", label, (long long)st.st_size, path);
    else
        fprintf(out, "已删除%s（removed, a link or special file）：%s\n", label, path);
    return 0;
}

/* history.tmp-PID files a save interrupted by a crash or kill -9 left beside path. */
static int erase_leftovers(const char *path, FILE *out, FILE *err)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    const char *base = path;
    if (slash) {
        base = path + (slash - dir) + 1;
        if (slash == dir)
            slash[1] = '\0';
        else
            *slash = '\0';
    } else {
        free(dir);
        dir = xstrdup(".");
    }
    char *prefix = xasprintf("%s.tmp-", base);
    size_t np = strlen(prefix);
    int rc = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strncmp(e->d_name, prefix, np) || !e->d_name[np] ||
            strspn(e->d_name + np, "0123456789") != strlen(e->d_name + np))
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        if (erase("未写完的查询历史 (history temporary file)", p, out, err) != 0)
            rc = -1;
        free(p);
    }
    if (d)
        closedir(d);
    free(prefix);
    free(dir);
    return rc;
}

int forget_files(const config_t *cfg, FILE *out, FILE *err)
{
    int rc = 0;
    char *hist = config_history_path(cfg);
    if (hist) {
        if (erase("查询历史 (search history)", hist, out, err) != 0)
            rc = 1;
        if (erase_leftovers(hist, out, err) != 0)
            rc = 1;
    } else {
        fputs("gongkai: 找不到主目录，无法确定查询历史文件（no home directory）\n", err);
        rc = 1;
    }
    free(hist);
    char *state = paths_state_dir();
    if (state) {
        static const char *const files[][2] = {
            {"citations.txt", "复制过的引用 (copied citations)"},
            {"last-table.tsv", "复制过的统计表 (last copied table)"},
        };
        for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
            char *p = xasprintf("%s/%s", state, files[i][0]);
            if (erase(files[i][1], p, out, err) != 0)
                rc = 1;
            free(p);
        }
    }
    free(state);
    fflush(out);
    return rc;
}
