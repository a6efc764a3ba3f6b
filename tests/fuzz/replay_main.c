/* A main for the harnesses without libFuzzer (tests/fuzz/regress.t.sh, any C compiler):
 * feeds each file named on the command line to LLVMFuzzerTestOneInput once. A harness
 * that finds a broken invariant aborts, and the sanitizers (when the library was built
 * with them) report their own findings. */
#include "fuzz.h"

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        size_t cap = 4096, len = 0;
        uint8_t *buf = malloc(cap);
        size_t got;
        while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
            len += got;
            if (len == cap) {
                uint8_t *nb = realloc(buf, cap *= 2);
                if (!nb)
                    free(buf);
                buf = nb;
            }
        }
        fclose(f);
        if (!buf)
            return 2;
        /* an exactly sized copy, so reads past the end are caught by ASan */
        uint8_t *exact = malloc(len ? len : 1);
        if (!exact)
            return 2;
        if (len)
            memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    return 0;
}
