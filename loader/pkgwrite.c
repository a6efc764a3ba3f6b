/* Writing a signed package (see pkgwrite.h). */
#include "pkgwrite.h"

#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (1u << 20)

int pkg_write_all(int fd, const void *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p = (const char *)p + w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads fd from the start to the end, hashing, and copying to out when out >= 0. Returns
 * the size read, or -1 (errno set). */
static long long pass(int fd, int out, unsigned char d[PKG_SHA256_BYTES], unsigned char *buf)
{
    if (lseek(fd, 0, SEEK_SET) < 0)
        return -1;
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    long long total = 0;
    for (;;) {
        ssize_t r = read(fd, buf, CHUNK);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        crypto_hash_sha256_update(&st, buf, (size_t)r);
        if (out >= 0 && pkg_write_all(out, buf, (size_t)r) != 0)
            return -1;
        total += r;
    }
    crypto_hash_sha256_final(&st, d);
    return total;
}

int pkg_write(const char *out, pkg_header *h, const pkg_source *src, size_t n,
              const pkg_seckey *key)
{
    int rc = -1;
    int *fds = xcalloc(n ? n : 1, sizeof *fds);
    unsigned char *buf = xmalloc(CHUNK);
    char *tmp = xasprintf("%s.tmp-%ld", out, (long)getpid());
    int ofd = -1;
    buf_t hb;
    buf_init(&hb);
    for (size_t i = 0; i < n; i++)
        fds[i] = -1;
    h->files = xcalloc(n ? n : 1, sizeof *h->files);
    h->nfiles = n;
    /* 1. Hash every file. */
    for (size_t i = 0; i < n; i++) {
        h->files[i].path = xstrdup(src[i].path);
        fds[i] = open(src[i].source, O_RDONLY | O_CLOEXEC);
        long long size = fds[i] < 0 ? -1 : pass(fds[i], -1, h->files[i].sha256, buf);
        if (size < 0) {
            fprintf(stderr, "gongkai pack: %s: %s\n", src[i].source, strerror(errno));
            goto out;
        }
        h->files[i].size = (unsigned long long)size;
        h->payload_bytes += (unsigned long long)size;
    }
    /* 2. Sign the header. */
    memcpy(h->signer, key->id, sizeof h->signer);
    pkg_header_write_signed(&hb, h);
    crypto_sign_detached(h->sig, NULL, (const unsigned char *)hb.s, hb.len, key->sk);
    size_t signed_len = hb.len;
    pkg_header_write_end(&hb, h);
    {
        /* What we wrote must read back as what we meant, signature included. */
        pkg_header back;
        char *err = NULL;
        pkg_pubkey pub;
        pkg_seckey_public(key, &pub);
        enum pkg_status st = pkg_header_parse(hb.s, hb.len, &back, &err);
        int good = st == PKG_OK && back.is_signed && back.signed_len == signed_len &&
                   back.header_len == hb.len &&
                   crypto_sign_verify_detached(back.sig, (const unsigned char *)hb.s, signed_len,
                                               pub.pk) == 0;
        if (!good)
            fprintf(stderr, "gongkai pack: the header does not read back: %s\n",
                    err ? err : "signature check failed");
        free(err);
        pkg_header_free(&back);
        if (!good)
            goto out;
    }
    /* 3. Write header and files, hashing again. */
    ofd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (ofd < 0 || pkg_write_all(ofd, hb.s, hb.len) != 0) {
        fprintf(stderr, "gongkai pack: %s: %s\n", ofd < 0 ? tmp : out, strerror(errno));
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char d[PKG_SHA256_BYTES];
        long long size = pass(fds[i], ofd, d, buf);
        if (size < 0) {
            fprintf(stderr, "gongkai pack: writing %s: %s\n", out, strerror(errno));
            goto out;
        }
        if ((unsigned long long)size != h->files[i].size || memcmp(d, h->files[i].sha256, sizeof d)) {
            fprintf(stderr, "gongkai pack: %s changed while it was packed; nothing was written\n",
                    src[i].source);
            goto out;
        }
    }
    if (fsync(ofd) != 0 || close(ofd) != 0) {
        ofd = -1;
        fprintf(stderr, "gongkai pack: writing %s: %s\n", out, strerror(errno));
        goto out;
    }
    ofd = -1;
    if (rename(tmp, out) != 0) {
        fprintf(stderr, "gongkai pack: cannot create %s: %s\n", out, strerror(errno));
        goto out;
    }
    rc = 0;
out:
    if (ofd >= 0)
        close(ofd);
    if (rc != 0)
        unlink(tmp);
    for (size_t i = 0; i < n; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    free(fds);
    free(buf);
    free(tmp);
    buf_free(&hb);
    return rc;
}
