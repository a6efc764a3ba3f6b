/* Package headers and key files (core/pkgfmt.h, core/pkgkey.h): any bytes parse without a
 * crash; a header that parses has sane offsets, safe paths and valid versions, and, when
 * written again, reads back as the same header (same fields, same signed length). */
#include "fuzz.h"
#include "pkgfmt.h"
#include "pkgkey.h"

#include <string.h>

static int same_header(const pkg_header *a, const pkg_header *b)
{
    if (strcmp(a->name, b->name) || strcmp(a->version, b->version) ||
        strcmp(a->content, b->content) || a->nfiles != b->nfiles || a->schema != b->schema ||
        a->payload_bytes != b->payload_bytes || memcmp(a->signer, b->signer, sizeof a->signer) ||
        memcmp(a->sig, b->sig, sizeof a->sig))
        return 0;
    for (size_t i = 0; i < a->nfiles; i++)
        if (strcmp(a->files[i].path, b->files[i].path) || a->files[i].size != b->files[i].size ||
            memcmp(a->files[i].sha256, b->files[i].sha256, PKG_SHA256_BYTES))
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        FUZZ_CHECK(pkg_crypto_init() == 0);
    pkg_header h;
    char *err = NULL;
    enum pkg_status st = pkg_header_parse((const char *)data, size, &h, &err);
    FUZZ_CHECK((st == PKG_BAD || st == PKG_UNSUPPORTED) == (err != NULL));
    if (st == PKG_OK) {
        FUZZ_CHECK(h.header_len <= size && h.signed_len <= h.header_len);
        FUZZ_CHECK(h.name && h.version && h.content && h.created && h.nfiles > 0);
        FUZZ_CHECK(pkg_version_valid(h.version));
        for (size_t i = 0; i < h.nfiles; i++)
            FUZZ_CHECK(pkg_path_safe(h.files[i].path) && h.files[i].size <= PKG_FILE_MAX);
        if (h.is_signed) {
            /* Fields may come in any order in the input; the writer's order must read back
             * to the same header. */
            buf_t b;
            buf_init(&b);
            pkg_header_write_signed(&b, &h);
            pkg_header_write_end(&b, &h);
            pkg_header back;
            char *e2 = NULL;
            FUZZ_CHECK(pkg_header_parse(b.s, b.len, &back, &e2) == PKG_OK);
            FUZZ_CHECK(same_header(&h, &back) && back.header_len == b.len);
            free(e2);
            pkg_header_free(&back);
            buf_free(&b);
        }
    }
    free(err);
    pkg_header_free(&h);
    /* The same bytes as a key file. */
    pkg_pubkey pub;
    pkg_seckey sec;
    err = NULL;
    if (pkg_pubkey_parse((const char *)data, size, &pub, &err) != 0)
        FUZZ_CHECK(err != NULL);
    free(err);
    err = NULL;
    if (pkg_seckey_parse((const char *)data, size, &sec, &err) != 0)
        FUZZ_CHECK(err != NULL);
    free(err);
    return 0;
}
