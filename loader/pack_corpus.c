/* Packing a corpus directory: its manifest and exactly the files its sections name. */
#include "pack.h"

#include "manifest.h"
#include "pkgtrust.h"
#include "pkgwrite.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The manifest text with the [corpus] section's root line made a comment: in the package
 * the files sit under the manifest itself. Line numbers stay as they were, so the load's
 * file:line messages match the publisher's copy. */
static char *unroot(const char *text)
{
    buf_t b;
    buf_init(&b);
    int in_corpus = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
        const char *s = p;
        while (s < p + n && (*s == ' ' || *s == '\t'))
            s++;
        if (*s == '[') {
            const char *e = s + 1;
            while (*e == ' ')
                e++;
            in_corpus = !strncmp(e, "corpus", 6) && (e[6] == ']' || e[6] == ' ');
        } else if (in_corpus && !strncmp(s, "root", 4)) {
            const char *e = s + 4;
            while (*e == ' ' || *e == '\t')
                e++;
            if (*e == '=' || *e == ':')
                buf_adds(&b, "; (gongkai pack) ");
        }
        buf_add(&b, p, n);
        p += n;
    }
    return buf_take(&b);
}

int pack_corpus(const char *dir, const char *out, pkg_header *h, const pkg_seckey *key)
{
    diag_t d;
    diag_init(&d, stderr, 1);
    manifest m;
    if (manifest_load(dir, &m, &d) != 0) {
        fprintf(stderr, "gongkai pack: the manifest has errors; nothing was written\n");
        manifest_free(&m);
        return 2;
    }
    int rc = 2;
    char **files = NULL;
    size_t nfiles = 0, cap = 0;
    size_t rootlen = strlen(m.root);
    for (size_t s = 0; s < m.n; s++) {
        char **f = NULL;
        size_t n = 0;
        if (manifest_files(&m, &m.sections[s], &f, &n, &d) != 0) {
            fprintf(stderr, "gongkai pack: [%s] names files that cannot be packed\n",
                    m.sections[s].name);
            for (size_t i = 0; i < n; i++)
                free(f[i]);
            free(f);
            goto out;
        }
        for (size_t i = 0; i < n; i++) {
            files = xgrow(files, &cap, nfiles + 1, sizeof *files);
            files[nfiles++] = f[i];
        }
        free(f);
    }
    qsort(files, nfiles, sizeof *files, cmp_str);
    /* The manifest goes into a private temp file, rewritten; the files are read in place. */
    char *text = NULL;
    size_t tlen = 0;
    if (pkg_read_small(m.file, 1u << 20, &text, &tlen) != 0) {
        fprintf(stderr, "gongkai pack: %s: %s\n", m.file, strerror(errno));
        goto out;
    }
    char *rewritten = unroot(text);
    free(text);
    const char *tdir = getenv("TMPDIR");
    char *tmpl = xasprintf("%s/gongkai-pack-XXXXXX", tdir && *tdir ? tdir : "/tmp");
    int fd = mkstemp(tmpl);
    size_t rlen = strlen(rewritten);
    int wrote = fd >= 0 && write(fd, rewritten, rlen) == (ssize_t)rlen;
    if (fd >= 0)
        close(fd);
    free(rewritten);
    if (!wrote) {
        fprintf(stderr, "gongkai pack: cannot write a temp file in %s: %s\n",
                tdir && *tdir ? tdir : "/tmp", strerror(errno));
        if (fd >= 0)
            unlink(tmpl);
        free(tmpl);
        goto out;
    }
    pkg_source *src = xcalloc(nfiles + 1, sizeof *src);
    size_t nsrc = 0;
    src[nsrc++] = (pkg_source){tmpl, "corpus.ini"};
    int bad = 0;
    for (size_t i = 0; i < nfiles && !bad; i++) {
        if (i && !strcmp(files[i], files[i - 1]))
            continue; /* named by two sections */
        const char *rel = files[i];
        if (!strncmp(rel, m.root, rootlen) && rel[rootlen] == '/')
            rel += rootlen + 1;
        if (!pkg_path_safe(rel) || !strcmp(rel, "corpus.ini")) {
            fprintf(stderr, "gongkai pack: %s cannot be packed under that name (%s)\n", files[i],
                    rel);
            bad = 1;
        }
        src[nsrc++] = (pkg_source){files[i], rel};
    }
    h->content = xstrdup("corpus");
    if (!h->name)
        h->name = xstrdup(m.name);
    if (!h->as_of && m.as_of && strlen(m.as_of) == 10)
        h->as_of = xstrdup(m.as_of);
    if (!bad && pkg_write(out, h, src, nsrc, key) == 0)
        rc = 0;
    unlink(tmpl);
    free(tmpl);
    free(src);
out:
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    manifest_free(&m);
    return rc;
}
