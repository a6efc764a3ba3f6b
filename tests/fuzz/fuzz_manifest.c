/* corpus.ini (loader/manifest.h): manifest_load reads a path, so the input is written to
 * a manifest in a private temporary directory (never the project). Sections, keys and
 * lines are consistent; path patterns expand only when the root is that directory (a
 * root of "/" with "**" would walk the whole disk). */
#include <limits.h>
#include <unistd.h>
#include "fuzz.h"
#include "manifest.h"

static char dir[PATH_MAX];
static char file[PATH_MAX + 16];

static void cleanup(void)
{
    unlink(file);
    rmdir(dir);
}

static int setup(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/gongkai-fuzz-manifest-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        abort();
    char real[PATH_MAX];
    if (!realpath(dir, real))
        abort();
    snprintf(dir, sizeof dir, "%s", real);
    snprintf(file, sizeof file, "%s/corpus.ini", dir);
    atexit(cleanup);
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready)
        ready = setup();
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    FILE *sink = fopen("/dev/null", "w");
    diag_t d;
    diag_init(&d, sink, 0);
    d.quiet = 1;
    manifest m;
    int rc = manifest_load((data && size && (data[0] & 1)) ? dir : file, &m, &d);
    FUZZ_CHECK(rc == 0 || rc == -1);
    if (rc == 0) {
        FUZZ_CHECK(m.root && m.name && m.n > 0);
        for (size_t i = 0; i < m.n; i++) {
            const mf_section *s = &m.sections[i];
            FUZZ_CHECK(s->name && s->line >= 1);
            for (size_t j = 0; j < s->nkv; j++) {
                FUZZ_CHECK(s->kv[j].key && s->kv[j].value);
                FUZZ_CHECK(s->kv[j].line >= s->line);
                const char *v = mf_get(s, s->kv[j].key);
                FUZZ_CHECK(v != NULL);
                FUZZ_CHECK(mf_line(s, s->kv[j].key) >= s->kv[j].line);
            }
            if (strcmp(m.root, dir) == 0 && mf_get(s, "path")) {
                char **files = NULL;
                size_t n = 0;
                /* the list is set (and the caller's) even when it returns -1 */
                int frc = manifest_files(&m, s, &files, &n, &d);
                for (size_t k = 0; k < n; k++) {
                    if (frc == 0)
                        FUZZ_CHECK(strncmp(files[k], dir, strlen(dir)) == 0);
                    free(files[k]);
                }
                free(files);
            }
        }
    }
    manifest_free(&m);
    if (sink)
        fclose(sink);
    return 0;
}
