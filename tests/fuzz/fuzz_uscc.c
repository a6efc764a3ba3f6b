/* 统一社会信用代码 (core/uscc.h): normalising never overruns a buffer of any size nor
 * splits a character, and is idempotent; parsing fills NUL-terminated fields; every
 * suggestion is a different code that passes the check, and its label fits. */
#include "fuzz.h"
#include "uscc.h"

static int check_passes(const char *code)
{
    uscc_info i;
    uscc_parse(code, &i);
    return i.format_ok && i.check_ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    size_t cap = size * 2 + 8;
    char *out = malloc(cap);
    if (!out)
        abort();
    size_t n = uscc_normalize(text, out, cap);
    FUZZ_CHECK(n < cap && out[n] == '\0' && strlen(out) == n);
    char *again = malloc(cap);
    if (!again)
        abort();
    size_t n2 = uscc_normalize(out, again, cap);
    /* idempotent on valid UTF-8 (dropping a space between two invalid bytes may join
     * them into a full-width character the second pass folds) */
    if (fuzz_valid_utf8(text, size) && (n2 != n || strcmp(out, again) != 0)) {
        fprintf(stderr, "normalise not idempotent: \"%s\" -> \"%s\"\n", out, again);
        abort();
    }
    /* small buffers: a prefix of the full result, NUL-terminated inside */
    for (size_t sz = 1; sz <= 24 && sz <= cap; sz += 5) {
        char small[24];
        size_t m = uscc_normalize(text, small, sz);
        FUZZ_CHECK(m < sz && small[m] == '\0');
        FUZZ_CHECK(m <= n && memcmp(small, out, m) == 0);
    }
    again[0] = 0x5a;
    uscc_normalize(text, again, 0); /* must not write */
    FUZZ_CHECK(again[0] == 0x5a);

    uscc_info info;
    uscc_parse(text, &info);
    FUZZ_CHECK(fuzz_terminated(info.code, sizeof info.code));
    FUZZ_CHECK(fuzz_terminated(info.region, sizeof info.region));
    FUZZ_CHECK(fuzz_terminated(info.problem, sizeof info.problem));
    FUZZ_CHECK(info.format_ok == (info.problem[0] == '\0'));
    if (info.format_ok)
        FUZZ_CHECK(info.length_ok && strlen(info.code) == USCC_LEN);
    uscc_looks_like_code(info.code);

    uscc_fix fixes[64];
    size_t nf = uscc_suggest(out, fixes, 64);
    for (size_t i = 0; i < nf && i < 64; i++) {
        FUZZ_CHECK(strlen(fixes[i].code) == USCC_LEN);
        FUZZ_CHECK(strcmp(fixes[i].code, out) != 0);
        FUZZ_CHECK(check_passes(fixes[i].code));
        char label[96], tiny[8];
        uscc_fix_label(&fixes[i], label, sizeof label);
        FUZZ_CHECK(fuzz_terminated(label, sizeof label));
        uscc_fix_label(&fixes[i], tiny, sizeof tiny);
        FUZZ_CHECK(fuzz_terminated(tiny, sizeof tiny));
        FUZZ_CHECK(fuzz_valid_utf8(tiny, strlen(tiny)));
    }
    free(again);
    free(out);
    free(text);
    return 0;
}
