/* CSV/TSV reader (core/csv.h): any bytes, CSV or TSV by the first byte. Every field is
 * NUL-terminated at its length, records start on non-decreasing lines, and an error is
 * sticky. */
#include "csv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int quoting = 1;
    char delim = ',';
    if (size > 0) {
        quoting = !(data[0] & 1);
        delim = (data[0] & 2) ? '\t' : ',';
        data++;
        size--;
    }
    csv_reader r;
    csv_init(&r, (const char *)data, size, delim, quoting);
    csv_row row, header;
    char err[200];
    size_t last_line = 0, records = 0;
    int have_header = 0;
    int rc;
    memset(&header, 0, sizeof header);
    while ((rc = csv_next(&r, &row, err, sizeof err)) == 1) {
        FUZZ_CHECK(row.line >= last_line);
        FUZZ_CHECK(row.line >= 1);
        last_line = row.line;
        for (size_t i = 0; i < row.nfields; i++) {
            FUZZ_CHECK(row.fields[i][row.lens[i]] == '\0');
            FUZZ_CHECK(row.lens[i] <= size);
        }
        if (row.warnings)
            FUZZ_CHECK(row.warn_line >= row.line && row.warn_field < row.nfields);
        if (!have_header) {
            /* look up the first record's own fields in it */
            for (size_t i = 0; i < row.nfields && i < 4; i++) {
                int c = csv_find_column(&row, row.fields[i]);
                FUZZ_CHECK(c >= -1 && c < (int)row.nfields);
            }
            have_header = 1;
        }
        if (++records > size + 1) /* a record consumes at least one byte */
            abort();
    }
    if (rc == -1) {
        FUZZ_CHECK(fuzz_terminated(err, sizeof err));
        char err2[200];
        FUZZ_CHECK(csv_next(&r, &row, err2, sizeof err2) == -1);
        FUZZ_CHECK(strcmp(err, err2) == 0);
    } else {
        FUZZ_CHECK(rc == 0);
        FUZZ_CHECK(csv_next(&r, &row, err, sizeof err) == 0);
    }
    csv_free(&r);
    return 0;
}
