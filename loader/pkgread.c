/* Verifying a package file: header, signature, length, then checksums (see pkgread.h). */
#include "pkgread.h"

#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (1u << 20)

static ssize_t read_full(int fd, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* "A, B (dir)" or a hint where to put a key. */
static char *trusted_list(const pkg_trust *t)
{
    buf_t b;
    buf_init(&b);
    if (!t->n) {
        buf_printf(&b, "no trusted keys are configured: put the publisher's public key (.pub) in %s "
                       "([packages] trusted_keys)",
                   t->where && *t->where ? t->where : "the trusted-keys directory");
        return buf_take(&b);
    }
    buf_adds(&b, "trusted: ");
    for (size_t i = 0; i < t->n; i++) {
        char id[PKG_KEYID_HEX];
        pkg_keyid_hex(t->keys[i].id, id);
        buf_printf(&b, "%s%s", i ? ", " : "", id);
    }
    buf_printf(&b, " in %s", t->where);
    return buf_take(&b);
}

int pkgread_open(pkgread *r, const char *path, const pkg_trust *trust, char **err)
{
    memset(r, 0, sizeof *r);
    r->fd = -1;
    r->path = xstrdup(path);
    *err = NULL;
    r->fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (r->fd < 0 || fstat(r->fd, &st) != 0) {
        *err = xasprintf("%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = xasprintf("%s: not a regular file", path);
        return -1;
    }
    r->file_size = (unsigned long long)st.st_size;
    if (!r->file_size) {
        *err = xasprintf("%s: an empty file, not a gongkai package", path);
        return -1;
    }
    size_t want = r->file_size < PKG_HEADER_MAX + 1ULL ? (size_t)r->file_size : PKG_HEADER_MAX + 1;
    char *head = xmalloc(want + 1);
    ssize_t got = read_full(r->fd, head, want);
    if (got < 0) {
        *err = xasprintf("%s: read error: %s", path, strerror(errno));
        free(head);
        return -1;
    }
    char *perr = NULL;
    enum pkg_status ps = pkg_header_parse(head, (size_t)got, &r->h, &perr);
    int rc = -1;
    switch (ps) {
    case PKG_NOT_PACKAGE:
        *err = xasprintf("%s: not a gongkai package (it does not start with \"%s %d\")", path,
                         PKG_MAGIC, PKG_FORMAT);
        break;
    case PKG_UNSUPPORTED:
        *err = xasprintf("%s: %s: update gongkai to install it", path, perr);
        break;
    case PKG_INCOMPLETE:
        *err = xasprintf("%s: truncated: the file ends inside the package header (%lld bytes)",
                         path, (long long)got);
        break;
    case PKG_BAD:
        *err = xasprintf("%s: damaged or not made by gongkai pack: %s", path, perr);
        break;
    case PKG_OK:
        rc = 0;
        break;
    }
    free(perr);
    if (rc != 0) {
        free(head);
        return -1;
    }
    crypto_hash_sha256(r->header_sha256, (const unsigned char *)head, r->h.header_len);
    char id[PKG_KEYID_HEX];
    pkg_keyid_hex(r->h.signer, id);
    if (!r->h.is_signed) {
        *err = xasprintf("%s: the package is not signed; gongkai installs only packages signed "
                         "with a trusted key",
                         path);
        free(head);
        return -1;
    }
    /* Every trusted key with this id is tried: two files may (wrongly) share an id. */
    int verified = 0, known = 0;
    for (size_t i = 0; i < trust->n && !verified; i++) {
        if (memcmp(trust->keys[i].id, r->h.signer, PKG_KEYID_BYTES))
            continue;
        known = 1;
        if (crypto_sign_verify_detached(r->h.sig, (const unsigned char *)head, r->h.signed_len,
                                        trust->keys[i].pk) == 0) {
            verified = 1;
            r->key_file = trust->files[i];
        }
    }
    free(head);
    if (!known) {
        char *list = trusted_list(trust);
        *err = xasprintf("%s: signed by key %s, which is not trusted (%s)", path, id, list);
        free(list);
        return -1;
    }
    if (!verified) {
        *err = xasprintf("%s: the signature does not match (key %s): the package was altered "
                         "after it was signed, or is damaged",
                         path, id);
        return -1;
    }
    unsigned long long need = r->h.header_len + r->h.payload_bytes;
    if (r->file_size < need) {
        *err = xasprintf("%s: truncated: %llu of %llu bytes (%llu missing); copy it again", path,
                         r->file_size, need, need - r->file_size);
        return -1;
    }
    if (r->file_size > need) {
        *err = xasprintf("%s: %llu unexpected bytes after the last file: refused", path,
                         r->file_size - need);
        return -1;
    }
    return 0;
}

int pkgread_payload(pkgread *r, pkg_sink sink, void *ctx, char **err)
{
    *err = NULL;
    if (lseek(r->fd, (off_t)r->h.header_len, SEEK_SET) < 0) {
        *err = xasprintf("%s: cannot seek: %s", r->path, strerror(errno));
        return -1;
    }
    posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    unsigned char *buf = xmalloc(CHUNK);
    int rc = 0;
    for (size_t i = 0; i < r->h.nfiles && rc == 0; i++) {
        const pkg_file *f = &r->h.files[i];
        crypto_hash_sha256_state st;
        crypto_hash_sha256_init(&st);
        if (sink && sink(ctx, i, NULL, 0, err) != 0) {
            rc = -1;
            break;
        }
        unsigned long long left = f->size;
        while (left && rc == 0) {
            size_t want = left < CHUNK ? (size_t)left : CHUNK;
            ssize_t got = read_full(r->fd, buf, want);
            if (got < 0) {
                *err = xasprintf("%s: read error in %s: %s", r->path, f->path, strerror(errno));
                rc = -1;
            } else if ((size_t)got < want) {
                *err = xasprintf("%s: truncated inside %s (the file changed while it was read?)",
                                 r->path, f->path);
                rc = -1;
            } else {
                crypto_hash_sha256_update(&st, buf, (size_t)got);
                if (sink && sink(ctx, i, buf, (size_t)got, err) != 0)
                    rc = -1;
                left -= (unsigned long long)got;
            }
        }
        if (rc != 0)
            break;
        unsigned char d[PKG_SHA256_BYTES];
        crypto_hash_sha256_final(&st, d);
        if (sodium_memcmp(d, f->sha256, sizeof d) != 0) {
            *err = xasprintf("%s: %s does not match its checksum: the package is damaged or "
                             "was altered",
                             r->path, f->path);
            rc = -1;
        }
    }
    free(buf);
    return rc;
}

void pkgread_close(pkgread *r)
{
    if (r->fd >= 0)
        close(r->fd);
    free(r->path);
    pkg_header_free(&r->h);
    memset(r, 0, sizeof *r);
    r->fd = -1;
}
