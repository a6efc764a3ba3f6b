/* The public keys a package must be signed with, read from [packages] trusted_keys: a
 * directory of *.pub files (each one key, pkgkey.h format) or a single key file. */
#ifndef GONGKAI_PKGTRUST_H
#define GONGKAI_PKGTRUST_H

#include "pkgkey.h"

#include <stdio.h>

typedef struct {
    pkg_pubkey *keys;
    char **files; /* where each key came from */
    size_t n;
    char *where;  /* the configured path */
} pkg_trust;

/* Reads the keys at path. A missing path gives no keys (not an error: the caller says
 * where to put one). A key file that cannot be read or parsed is reported on warn with
 * its name and skipped, so one damaged file does not hide the others. */
void pkg_trust_load(pkg_trust *t, const char *path, FILE *warn);

/* The trusted key with this id, or NULL. */
const pkg_pubkey *pkg_trust_find(const pkg_trust *t, const unsigned char id[PKG_KEYID_BYTES],
                                 const char **file);

void pkg_trust_free(pkg_trust *t);

/* Reads a whole small file (at most max bytes) into a malloc'd NUL-terminated buffer.
 * Returns 0, or -1 with errno set (EFBIG when larger). */
int pkg_read_small(const char *path, size_t max, char **out, size_t *len);

#endif
