/* Telephone numbers (core/phone.h): every field NUL-terminated inside its array; a number
 * read as valid reads again from its display form to the same digits; splitting never
 * writes past a part. */
#include "fuzz.h"
#include "phone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    phone_t p;
    const char *why = NULL;
    enum phone_kind k = phone_parse(text, &p, &why);
    if (k == PK_BAD) {
        FUZZ_CHECK(why != NULL && why[0] != '\0');
    } else {
        FUZZ_CHECK(fuzz_terminated(p.digits, sizeof p.digits));
        FUZZ_CHECK(fuzz_terminated(p.area, sizeof p.area));
        FUZZ_CHECK(fuzz_terminated(p.local, sizeof p.local));
        FUZZ_CHECK(fuzz_terminated(p.extension, sizeof p.extension));
        FUZZ_CHECK(fuzz_terminated(p.display, sizeof p.display));
        FUZZ_CHECK(p.digits[0] != '\0');
        for (const char *c = p.digits; *c; c++)
            FUZZ_CHECK(*c >= '0' && *c <= '9');
        phone_t q;
        const char *why2 = NULL;
        enum phone_kind k2 = phone_parse(p.display, &q, &why2);
        if (k2 != k || strcmp(q.digits, p.digits) != 0 || strcmp(q.extension, p.extension) != 0) {
            fprintf(stderr, "\"%s\" -> display \"%s\" (kind %d, %s ext %s) re-reads as kind %d "
                    "%s ext %s (%s)\n", text, p.display, (int)k, p.digits, p.extension, (int)k2,
                    q.digits, q.extension, why2 ? why2 : "");
            abort();
        }
        phone_service_name(p.digits);
    }
    char parts[6][64];
    memset(parts, 0x5a, sizeof parts);
    size_t n = phone_split(text, parts, 6);
    for (size_t i = 0; i < n && i < 6; i++) {
        FUZZ_CHECK(fuzz_terminated(parts[i], 64));
        FUZZ_CHECK(strlen(parts[i]) <= 63);
    }
    if (n < 6)
        FUZZ_CHECK(parts[n][0] == 0x5a); /* nothing written past the count */
    free(text);
    return 0;
}
