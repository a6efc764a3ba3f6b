/* Indicator names (core/statcat.h): statcat_key on any text returns a string without
 * spaces, valid UTF-8 when the input is; and the same bytes as a catalogue in the format
 * of data/indicators.csv parse or fail with "line N: reason". The first byte picks. */
#include "fuzz.h"
#include "statcat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int which = 0;
    if (size > 0) {
        which = data[0] & 1;
        data++;
        size--;
    }
    char *text = fuzz_cstr(data, size);
    if (!which) {
        int cumulative = -1;
        char *key = statcat_key(text, &cumulative);
        FUZZ_CHECK(key != NULL);
        FUZZ_CHECK(cumulative == 0 || cumulative == 1);
        FUZZ_CHECK(strchr(key, ' ') == NULL);
        if (fuzz_valid_utf8(text, strlen(text)) && !fuzz_valid_utf8(key, strlen(key))) {
            fprintf(stderr, "statcat_key made invalid UTF-8 from valid input\n");
            abort();
        }
        free(key);
        free(statcat_key(text, NULL));
    } else {
        stat_catalogue c;
        char *err = NULL;
        memset(&c, 0, sizeof c);
        int rc = statcat_parse(text, size, &c, &err);
        FUZZ_CHECK(rc == 0 || rc == -1);
        if (rc == 0) {
            FUZZ_CHECK(err == NULL);
            for (size_t i = 0; i < c.n; i++) {
                FUZZ_CHECK(c.v[i].code && c.v[i].name && c.v[i].units && c.v[i].parent);
                FUZZ_CHECK(statcat_unit_allowed(c.v[i].units, c.v[i].units) ||
                           strchr(c.v[i].units, '|'));
                FUZZ_CHECK(stat_measure_label(c.v[i].measure) != NULL);
            }
            statcat_free(&c);
        } else {
            FUZZ_CHECK(err != NULL && strncmp(err, "line ", 5) == 0);
            free(err);
        }
    }
    free(text);
    return 0;
}
