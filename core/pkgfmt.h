/* The header of a signed corpus package (docs/packages.md), as bytes: parsing and
 * writing, no files.
 *
 * A package is one file: a text header, then the payload files back to back.
 *
 *   gongkai-package 1
 *   name = 民政部政务公开语料
 *   version = 2026.12.1
 *   content = database                  (or corpus)
 *   created = 2026-12-07T17:42:03Z
 *   schema = 9                          (database packages: the schema they hold)
 *   as_of = 2024-01-01                  (optional: data as of)
 *   tool = gongkai 0.1.0                (optional)
 *   note = 第三季度更新                    (optional)
 *   file = 285500000 SHA256HEX gongkai.db   (one line per payload file, in payload order)
 *   signer = 1A2B3C4D5E6F7081
 *   signature = BASE64                  (Ed25519 over every byte before this line)
 *   end
 *
 * The signature covers the header up to and including the signer line, so every field,
 * every file's size and SHA-256, and the signer are signed; the payload is covered by
 * the checksums. Format 1 is strict: an unknown field, a duplicate, a control character,
 * invalid UTF-8 or a path leaving the package is an error, so a future format must bump
 * the number. A header without signer and signature parses (is_signed 0) so that the
 * caller can refuse it with the right message. */
#ifndef GONGKAI_PKGFMT_H
#define GONGKAI_PKGFMT_H

#include "pkgkey.h"
#include "xalloc.h"

#include <stddef.h>

#define PKG_MAGIC "gongkai-package"
#define PKG_FORMAT 1
/* A header larger than this is refused (a corpus of 20,000 files fits). */
#define PKG_HEADER_MAX (4u * 1024 * 1024)
/* A payload file larger than this is refused (keeps every sum far from overflow). */
#define PKG_FILE_MAX (1ULL << 44)
#define PKG_SHA256_BYTES 32

enum pkg_status {
    PKG_OK = 0,
    PKG_NOT_PACKAGE,  /* does not start with the magic line */
    PKG_UNSUPPORTED,  /* a format number this program does not read */
    PKG_INCOMPLETE,   /* no "end" line in the bytes given */
    PKG_BAD,          /* malformed: *err says where and why */
};

typedef struct {
    char *path; /* relative, '/'-separated */
    unsigned long long size;
    unsigned char sha256[PKG_SHA256_BYTES];
} pkg_file;

typedef struct {
    char *name, *version, *content, *created, *as_of, *tool, *note;
    int schema; /* 0 when absent */
    pkg_file *files;
    size_t nfiles;
    int is_signed;
    unsigned char signer[PKG_KEYID_BYTES];
    unsigned char sig[PKG_SIG_BYTES];
    size_t signed_len;  /* bytes the signature covers */
    size_t header_len;  /* bytes up to and including "end\n": the payload starts here */
    unsigned long long payload_bytes; /* sum of the files' sizes */
} pkg_header;

/* Parses the header at the start of buf[0..len). On PKG_BAD/PKG_UNSUPPORTED *err
 * (malloc'd) says why, naming the header line. h must be freed with pkg_header_free
 * whatever the result. */
enum pkg_status pkg_header_parse(const char *buf, size_t len, pkg_header *h, char **err);

void pkg_header_free(pkg_header *h);

/* Appends the signed part of h (magic line to signer line) to b; h->signer must be set. */
void pkg_header_write_signed(buf_t *b, const pkg_header *h);

/* Appends the signature and end lines. */
void pkg_header_write_end(buf_t *b, const pkg_header *h);

/* 1 when v is a version: 1 to 8 dot-separated numbers of 1 to 9 digits ("3",
 * "2026.12.1"). */
int pkg_version_valid(const char *v);

/* Compares versions number by number (2026.12.10 > 2026.12.9; a missing number counts as
 * 0, so 3 = 3.0): <0, 0, >0. Both must be valid. */
int pkg_version_cmp(const char *a, const char *b);

/* 1 when p is a safe relative path: non-empty '/'-separated components, none empty, "."
 * or "..", no leading '/', no backslash, no control character, valid UTF-8, at most
 * 1,000 bytes. */
int pkg_path_safe(const char *p);

/* "3f5a..." (64 lowercase hex digits) into out. */
void pkg_sha256_hex(const unsigned char d[PKG_SHA256_BYTES], char out[2 * PKG_SHA256_BYTES + 1]);

#endif
