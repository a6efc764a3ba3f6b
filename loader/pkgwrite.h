/* Writing a signed package: the payload files are hashed, the header signed, then the
 * header and the files written to OUT through a temp file renamed into place. Each
 * source is read through one open descriptor for both passes, and the second pass hashes
 * again: a file that changes while it is packed fails the pack instead of producing a
 * package whose checksums lie. */
#ifndef GONGKAI_PKGWRITE_H
#define GONGKAI_PKGWRITE_H

#include "pkgfmt.h"

typedef struct {
    const char *source; /* file to read */
    const char *path;   /* its path inside the package */
} pkg_source;

/* h carries name, version, content, created, schema, as_of, tool, note; its files,
 * signer and signature are filled in here. Returns 0, or -1 with a message on stderr. */
int pkg_write(const char *out, pkg_header *h, const pkg_source *src, size_t n,
              const pkg_seckey *key);

/* Writes all n bytes, retrying short writes and EINTR. 0, or -1 with errno set. */
int pkg_write_all(int fd, const void *p, size_t n);

#endif
