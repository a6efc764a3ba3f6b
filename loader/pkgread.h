/* Opening a package file and proving it genuine before anything uses it.
 *
 * pkgread_open reads the header and checks, in this order, each failure with its own
 * message: it is a package, of a format this program reads, well formed, signed, by a
 * trusted key, the signature matches the header, and the file is exactly as long as the
 * header says (truncated and padded files are refused before any payload is read).
 * pkgread_payload then streams the payload files, checking each file's SHA-256, and hands
 * the bytes to a sink; a checksum that does not match fails the whole package. */
#ifndef GONGKAI_PKGREAD_H
#define GONGKAI_PKGREAD_H

#include "pkgfmt.h"
#include "pkgtrust.h"

typedef struct {
    int fd;
    char *path;
    pkg_header h;
    unsigned long long file_size;
    const char *key_file; /* the trusted key file that verified the signature */
    unsigned char header_sha256[PKG_SHA256_BYTES]; /* names this package exactly */
} pkgread;

/* Opens and verifies path's header against trust. Returns 0, or -1 with *err (malloc'd,
 * one line naming the file and the reason). Call pkgread_close in both cases. */
int pkgread_open(pkgread *r, const char *path, const pkg_trust *trust, char **err);

/* Called at the start of each payload file with data NULL and n 0, then with its bytes
 * in order; returns 0 to go on or -1 to stop (with *err set by the sink). */
typedef int (*pkg_sink)(void *ctx, size_t file, const void *data, size_t n, char **err);

/* Streams and checks the payload. Returns 0 when every file matched its checksum, or -1
 * with *err. sink may be NULL (verify only). */
int pkgread_payload(pkgread *r, pkg_sink sink, void *ctx, char **err);

void pkgread_close(pkgread *r);

#endif
