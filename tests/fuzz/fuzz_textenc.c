/* Decoding (core/textenc.h) with detection: the first byte picks the declared encoding
 * (auto most of the time). A success is NUL-terminated UTF-8 of the stated length in one
 * of the five encodings; a failure leaves res zeroed with a message. The text then goes
 * back out as GB18030 (the export writer), split at an arbitrary byte. */
#include "fuzz.h"
#include "textenc.h"

static const enum textenc encs[] = {
    TEXTENC_AUTO, TEXTENC_AUTO, TEXTENC_AUTO, TEXTENC_AUTO, TEXTENC_UTF8,
    TEXTENC_GB18030, TEXTENC_BIG5, TEXTENC_UTF16, TEXTENC_UTF16LE, TEXTENC_UTF16BE,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum textenc declared = TEXTENC_AUTO;
    if (size > 0) {
        declared = encs[data[0] % (sizeof encs / sizeof *encs)];
        data++;
        size--;
    }
    textenc_result res;
    char err[160];
    err[0] = '\0';
    int rc = textenc_decode((const char *)data, size, declared, &res, err, sizeof err);
    FUZZ_CHECK(rc == 0 || rc == -1);
    if (rc == -1) {
        FUZZ_CHECK(res.text == NULL && res.len == 0);
        FUZZ_CHECK(err[0] != '\0' && fuzz_terminated(err, sizeof err));
        return 0;
    }
    FUZZ_CHECK(res.text != NULL);
    FUZZ_CHECK(res.text[res.len] == '\0');
    FUZZ_CHECK(fuzz_valid_utf8(res.text, res.len));
    FUZZ_CHECK(res.enc == TEXTENC_UTF8 || res.enc == TEXTENC_GB18030 || res.enc == TEXTENC_BIG5 ||
               res.enc == TEXTENC_UTF16LE || res.enc == TEXTENC_UTF16BE);
    FUZZ_CHECK(fuzz_terminated(res.warn_msg, sizeof res.warn_msg));
    FUZZ_CHECK((res.warnings == 0) == (res.warn_line == 0));
    if (declared != TEXTENC_AUTO && declared != TEXTENC_UTF16)
        FUZZ_CHECK(res.enc == declared);
    FUZZ_CHECK(textenc_name(res.enc) != NULL);
    /* UTF-8 decoded as UTF-8 is itself, less a BOM and U+FEFF warnings */
    if (res.enc == TEXTENC_UTF8 && !res.bom && res.warnings == 0)
        FUZZ_CHECK(res.len == size && memcmp(res.text, data, size) == 0);

    char *buf = NULL;
    size_t buflen = 0;
    FILE *f = open_memstream(&buf, &buflen);
    if (f) {
        char oerr[160];
        textenc_out *o = textenc_out_open(f, "gb18030", oerr, sizeof oerr);
        FUZZ_CHECK(o != NULL);
        size_t cut = res.len ? (size_t)(data[size / 2] % (res.len + 1)) : 0;
        FUZZ_CHECK(textenc_out_write(o, res.text, cut) == 0);
        FUZZ_CHECK(textenc_out_write(o, res.text + cut, res.len - cut) == 0);
        size_t replaced = textenc_out_replaced(o);
        FUZZ_CHECK(textenc_out_close(o) == 0);
        fclose(f);
        /* At most one '?' per character (glibc's GB18030 table leaves a few code points
         * out, e.g. some unassigned ones from UTF-16 input); when nothing was replaced the
         * text decodes back to itself */
        FUZZ_CHECK(replaced <= res.len);
        textenc_result back;
        char berr[160];
        if (textenc_decode(buf, buflen, TEXTENC_GB18030, &back, berr, sizeof berr) == 0) {
            if (replaced == 0 && res.warnings == 0 && memchr(res.text, '\0', res.len) == NULL)
                FUZZ_CHECK(back.len == res.len && memcmp(back.text, res.text, res.len) == 0);
            textenc_result_free(&back);
        }
        free(buf);
    }
    textenc_result_free(&res);
    return 0;
}
