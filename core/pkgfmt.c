/* The package header: strict parsing and writing (see pkgfmt.h). */
#include "pkgfmt.h"

#include "utf8dec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pkg_header_free(pkg_header *h)
{
    free(h->name);
    free(h->version);
    free(h->content);
    free(h->created);
    free(h->as_of);
    free(h->tool);
    free(h->note);
    for (size_t i = 0; i < h->nfiles; i++)
        free(h->files[i].path);
    free(h->files);
    memset(h, 0, sizeof *h);
}

/* Valid UTF-8 without C0, DEL, C1 or bidi controls: header text may reach a terminal. */
static int clean_text(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        if (!valid || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C)
            return 0;
    }
    return 1;
}

int pkg_version_valid(const char *v)
{
    int parts = 0;
    const char *p = v;
    for (;;) {
        size_t d = strspn(p, "0123456789");
        if (d < 1 || d > 9 || ++parts > 8)
            return 0;
        p += d;
        if (!*p)
            return 1;
        if (*p++ != '.')
            return 0;
    }
}

int pkg_version_cmp(const char *a, const char *b)
{
    while (*a || *b) {
        unsigned long x = strtoul(a, NULL, 10), y = strtoul(b, NULL, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a += strspn(a, "0123456789");
        b += strspn(b, "0123456789");
        if (*a == '.')
            a++;
        if (*b == '.')
            b++;
    }
    return 0;
}

int pkg_path_safe(const char *p)
{
    size_t n = strlen(p);
    if (!n || n > 1000 || !clean_text(p, n) || strchr(p, '\\'))
        return 0;
    const char *c = p;
    for (;;) {
        const char *slash = strchr(c, '/');
        size_t len = slash ? (size_t)(slash - c) : strlen(c);
        if (!len || (len == 1 && c[0] == '.') || (len == 2 && c[0] == '.' && c[1] == '.'))
            return 0;
        if (!slash)
            return 1;
        c = slash + 1;
    }
}

void pkg_sha256_hex(const unsigned char d[PKG_SHA256_BYTES], char out[2 * PKG_SHA256_BYTES + 1])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < PKG_SHA256_BYTES; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * PKG_SHA256_BYTES] = '\0';
}

static int sha256_parse(const char *s, size_t n, unsigned char out[PKG_SHA256_BYTES])
{
    if (n != 2 * PKG_SHA256_BYTES)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return -1; /* lower case only: one spelling per checksum */
    for (int i = 0; i < PKG_SHA256_BYTES; i++) {
        int hi = s[2 * i] <= '9' ? s[2 * i] - '0' : s[2 * i] - 'a' + 10;
        int lo = s[2 * i + 1] <= '9' ? s[2 * i + 1] - '0' : s[2 * i + 1] - 'a' + 10;
        out[i] = (unsigned char)(hi << 4 | lo);
    }
    return 0;
}

static int iso_date(const char *s)
{
    return strlen(s) == 10 && strspn(s, "0123456789-") == 10 && s[4] == '-' && s[7] == '-';
}

static int iso_time(const char *s)
{
    /* 2026-12-07T17:42:03Z */
    return strlen(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[19] == 'Z' &&
           s[13] == ':' && s[16] == ':' && strspn(s, "0123456789-T:Z") == 20;
}

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

#define FAIL(...)                                   \
    do {                                            \
        *err = xasprintf(__VA_ARGS__);              \
        return PKG_BAD;                             \
    } while (0)

/* The fields one at a time; *slot must still be empty. */
static enum pkg_status set_once(char **slot, const char *key, const char *v, size_t vn,
                                int lineno, char **err)
{
    if (*slot)
        FAIL("header line %d: %s appears twice", lineno, key);
    *slot = xstrndup(v, vn);
    return PKG_OK;
}

static enum pkg_status parse_file_line(pkg_header *h, size_t *cap, const char *v, size_t vn,
                                       int lineno, char **err)
{
    /* SIZE SP SHA256 SP PATH */
    const char *sp1 = memchr(v, ' ', vn);
    const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(v + vn - sp1 - 1)) : NULL;
    if (!sp1 || !sp2)
        FAIL("header line %d: file needs SIZE SHA256 PATH", lineno);
    size_t dn = (size_t)(sp1 - v);
    if (!dn || dn > 15 || strspn(v, "0123456789") != dn || (dn > 1 && v[0] == '0'))
        FAIL("header line %d: file size is not a number", lineno);
    unsigned long long size = strtoull(v, NULL, 10);
    if (size > PKG_FILE_MAX)
        FAIL("header line %d: file size %llu is too large", lineno, size);
    pkg_file f = {0};
    f.size = size;
    if (sha256_parse(sp1 + 1, (size_t)(sp2 - sp1 - 1), f.sha256) != 0)
        FAIL("header line %d: the checksum is not 64 lower-case hexadecimal digits", lineno);
    f.path = xstrndup(sp2 + 1, (size_t)(v + vn - sp2 - 1));
    if (!pkg_path_safe(f.path)) {
        free(f.path);
        FAIL("header line %d: file path is not a safe relative path", lineno);
    }
    h->files = xgrow(h->files, cap, h->nfiles + 1, sizeof *h->files);
    h->files[h->nfiles++] = f;
    h->payload_bytes += size;
    return PKG_OK;
}

/* What the whole header must hold once it is read. */
static enum pkg_status check_complete(pkg_header *h, char **err)
{
    if (!h->name || !h->version || !h->content || !h->created)
        FAIL("the header lacks %s", !h->name ? "name" : !h->version ? "version"
                                      : !h->content ? "content" : "created");
    if (!h->nfiles)
        FAIL("the header lists no files");
    if (!strcmp(h->content, "database")) {
        if (h->nfiles != 1)
            FAIL("a database package holds exactly one file, not %zu", h->nfiles);
        if (!h->schema)
            FAIL("a database package must give its schema");
    } else {
        char **paths = xcalloc(h->nfiles, sizeof *paths);
        int has_manifest = 0;
        for (size_t i = 0; i < h->nfiles; i++) {
            paths[i] = h->files[i].path;
            has_manifest |= !strcmp(paths[i], "corpus.ini");
        }
        qsort(paths, h->nfiles, sizeof *paths, cmp_paths);
        for (size_t i = 1; i < h->nfiles; i++)
            if (!strcmp(paths[i - 1], paths[i])) {
                *err = xasprintf("the file %s is listed twice", paths[i]);
                free(paths);
                return PKG_BAD;
            }
        free(paths);
        if (!has_manifest)
            FAIL("a corpus package must hold corpus.ini at its top");
    }
    return PKG_OK;
}

enum pkg_status pkg_header_parse(const char *buf, size_t len, pkg_header *h, char **err)
{
    memset(h, 0, sizeof *h);
    *err = NULL;
    size_t mlen = strlen(PKG_MAGIC);
    size_t look = len < mlen + 1 ? len : mlen + 1;
    if (memcmp(buf, PKG_MAGIC " ", look))
        return PKG_NOT_PACKAGE;
    size_t cap = 0;
    int lineno = 0;
    int stage = 0; /* 0 fields, 1 after signer, 2 after signature */
    const char *p = buf, *end = buf + (len > PKG_HEADER_MAX ? PKG_HEADER_MAX : len);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        size_t n = (size_t)(nl - p);
        lineno++;
        if (lineno == 1) {
            if (n < mlen + 2 || strspn(p + mlen + 1, "0123456789") != n - mlen - 1)
                return PKG_NOT_PACKAGE;
            long fmt = strtol(p + mlen + 1, NULL, 10);
            if (fmt != PKG_FORMAT) {
                *err = xasprintf("package format %.*s; this gongkai reads format %d",
                                 (int)(n - mlen - 1 > 9 ? 9 : n - mlen - 1), p + mlen + 1,
                                 PKG_FORMAT);
                return PKG_UNSUPPORTED;
            }
            p = nl + 1;
            continue;
        }
        if (!clean_text(p, n))
            FAIL("header line %d: invalid UTF-8 or a control character", lineno);
        if (n == 3 && !memcmp(p, "end", 3)) {
            if (stage == 1)
                FAIL("header line %d: the signer line has no signature after it", lineno);
            h->header_len = (size_t)(nl + 1 - buf);
            if (!h->is_signed)
                h->signed_len = h->header_len;
            return check_complete(h, err);
        }
        const char *eq = memmem(p, n, " = ", 3);
        if (!eq)
            FAIL("header line %d: expected \"field = value\"", lineno);
        size_t kn = (size_t)(eq - p);
        const char *v = eq + 3;
        size_t vn = n - kn - 3;
        if (!vn)
            FAIL("header line %d: %.*s is empty", lineno, (int)(kn > 40 ? 40 : kn), p);
#define IS(k) (kn == strlen(k) && !memcmp(p, k, kn))
        if (stage == 1 && !IS("signature"))
            FAIL("header line %d: the signer line must be followed by the signature", lineno);
        if (stage == 2)
            FAIL("header line %d: only \"end\" may follow the signature", lineno);
        enum pkg_status st = PKG_OK;
        if (IS("name")) {
            if (vn > 200)
                FAIL("header line %d: name is longer than 200 bytes", lineno);
            st = set_once(&h->name, "name", v, vn, lineno, err);
        } else if (IS("version")) {
            st = set_once(&h->version, "version", v, vn, lineno, err);
            if (st == PKG_OK && !pkg_version_valid(h->version))
                FAIL("header line %d: version must be numbers separated by dots (2026.12.1)",
                     lineno);
        } else if (IS("content")) {
            st = set_once(&h->content, "content", v, vn, lineno, err);
            if (st == PKG_OK && strcmp(h->content, "database") && strcmp(h->content, "corpus"))
                FAIL("header line %d: content must be database or corpus", lineno);
        } else if (IS("created")) {
            st = set_once(&h->created, "created", v, vn, lineno, err);
            if (st == PKG_OK && !iso_time(h->created))
                FAIL("header line %d: created must look like 2026-12-07T17:42:03Z", lineno);
        } else if (IS("as_of")) {
            st = set_once(&h->as_of, "as_of", v, vn, lineno, err);
            if (st == PKG_OK && !iso_date(h->as_of))
                FAIL("header line %d: as_of must be a date (2024-01-01)", lineno);
        } else if (IS("tool")) {
            st = set_once(&h->tool, "tool", v, vn, lineno, err);
        } else if (IS("note")) {
            st = set_once(&h->note, "note", v, vn, lineno, err);
        } else if (IS("schema")) {
            if (h->schema)
                FAIL("header line %d: schema appears twice", lineno);
            if (vn > 6 || strspn(v, "0123456789") != vn || v[0] == '0')
                FAIL("header line %d: schema must be a number", lineno);
            h->schema = atoi(v);
        } else if (IS("file")) {
            st = parse_file_line(h, &cap, v, vn, lineno, err);
        } else if (IS("signer")) {
            if (pkg_keyid_parse(v, vn, h->signer) != 0)
                FAIL("header line %d: signer must be a key id of 16 hexadecimal digits", lineno);
            h->signed_len = (size_t)(nl + 1 - buf);
            stage = 1;
        } else if (IS("signature")) {
            if (stage != 1)
                FAIL("header line %d: a signature must follow the signer line", lineno);
            if (pkg_unbase64(v, vn, h->sig, sizeof h->sig) != PKG_SIG_BYTES)
                FAIL("header line %d: the signature is not base64 of 64 bytes", lineno);
            h->is_signed = 1;
            stage = 2;
        } else {
            FAIL("header line %d: unknown field %.*s", lineno, (int)(kn > 40 ? 40 : kn), p);
        }
#undef IS
        if (st != PKG_OK)
            return st;
        p = nl + 1;
    }
    if (len > PKG_HEADER_MAX) {
        *err = xasprintf("the header is larger than %u bytes", PKG_HEADER_MAX);
        return PKG_BAD;
    }
    return PKG_INCOMPLETE;
}

void pkg_header_write_signed(buf_t *b, const pkg_header *h)
{
    buf_printf(b, "%s %d\n", PKG_MAGIC, PKG_FORMAT);
    buf_printf(b, "name = %s\nversion = %s\ncontent = %s\ncreated = %s\n", h->name, h->version,
               h->content, h->created);
    if (h->schema)
        buf_printf(b, "schema = %d\n", h->schema);
    if (h->as_of)
        buf_printf(b, "as_of = %s\n", h->as_of);
    if (h->tool)
        buf_printf(b, "tool = %s\n", h->tool);
    if (h->note)
        buf_printf(b, "note = %s\n", h->note);
    for (size_t i = 0; i < h->nfiles; i++) {
        char hex[2 * PKG_SHA256_BYTES + 1];
        pkg_sha256_hex(h->files[i].sha256, hex);
        buf_printf(b, "file = %llu %s %s\n", h->files[i].size, hex, h->files[i].path);
    }
    char id[PKG_KEYID_HEX];
    pkg_keyid_hex(h->signer, id);
    buf_printf(b, "signer = %s\n", id);
}

void pkg_header_write_end(buf_t *b, const pkg_header *h)
{
    char *sig = pkg_base64(h->sig, sizeof h->sig);
    buf_printf(b, "signature = %s\nend\n", sig);
    free(sig);
}
