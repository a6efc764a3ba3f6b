/* Trusted package keys from the configured file or directory (see pkgtrust.h). */
#include "pkgtrust.h"

#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int pkg_read_small(const char *path, size_t max, char **out, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char *buf = xmalloc(max + 1);
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, max + 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) {
            free(buf);
            close(fd);
            errno = EFBIG;
            return -1;
        }
    }
    close(fd);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

static void add_file(pkg_trust *t, const char *file, FILE *warn)
{
    char *text = NULL, *err = NULL;
    size_t len = 0;
    pkg_pubkey k;
    if (pkg_read_small(file, 4096, &text, &len) != 0) {
        if (warn)
            fprintf(warn, "gongkai: trusted key %s: %s (skipped)\n", file, strerror(errno));
        return;
    }
    if (pkg_pubkey_parse(text, len, &k, &err) != 0) {
        if (warn)
            fprintf(warn, "gongkai: trusted key %s: %s (skipped)\n", file, err);
        free(err);
        free(text);
        return;
    }
    free(text);
    t->keys = xrealloc(t->keys, (t->n + 1) * sizeof *t->keys);
    t->files = xrealloc(t->files, (t->n + 1) * sizeof *t->files);
    t->keys[t->n] = k;
    t->files[t->n] = xstrdup(file);
    t->n++;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int pub_file(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 4 && !strcmp(e->d_name + n - 4, ".pub");
}

void pkg_trust_load(pkg_trust *t, const char *path, FILE *warn)
{
    memset(t, 0, sizeof *t);
    t->where = xstrdup(path ? path : "");
    struct stat st;
    if (!path || stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        add_file(t, path, warn);
        return;
    }
    struct dirent **list = NULL;
    int n = scandir(path, &list, pub_file, by_name); /* sorted: messages are stable */
    for (int i = 0; i < n; i++) {
        char *file = xasprintf("%s/%s", path, list[i]->d_name);
        add_file(t, file, warn);
        free(file);
        free(list[i]);
    }
    free(list);
}

const pkg_pubkey *pkg_trust_find(const pkg_trust *t, const unsigned char id[PKG_KEYID_BYTES],
                                 const char **file)
{
    for (size_t i = 0; i < t->n; i++)
        if (!memcmp(t->keys[i].id, id, PKG_KEYID_BYTES)) {
            if (file)
                *file = t->files[i];
            return &t->keys[i];
        }
    return NULL;
}

void pkg_trust_free(pkg_trust *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->files[i]);
    free(t->files);
    free(t->keys);
    free(t->where);
    memset(t, 0, sizeof *t);
}
