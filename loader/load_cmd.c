/* `gongkai load`: argument parsing for the loader. */
#include "load.h"

#include "pack.h"

#include "paths.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai load [--db PATH] [--strict] [--quiet] [--verify-full] CORPUS...\n"
          "           gongkai load [--db PATH] --package FILE [--check] [--allow-older]\n"
          "  CORPUS    a directory holding corpus.ini, or a manifest file (*.ini)\n"
          "  --db      database to build (default: config [database] path, else\n"
          "            $XDG_DATA_HOME/gongkai/gongkai.db)\n"
          "  --strict  stop at the first error and change nothing\n"
          "  --quiet   no progress bar and no warnings, only errors and the summary\n"
          "  --verify-full  compare the full-text index with every stored text even when\n"
          "            the input is over 50 MB (always done below that)\n"
          "  --package FILE  install a signed package (gongkai pack): the signature is checked\n"
          "            against [packages] trusted_keys, then every checksum, before anything\n"
          "            is swapped in; an older version than the installed one is refused\n"
          "  --check   with --package: verify only, install nothing\n"
          "  --allow-older  with --package: install even an older or the same version\n"
          "The new database is built beside the old one, verified, then renamed over it;\n"
          "an interrupted or failed load leaves the old database unchanged.\n"
          "Exit status: 0 loaded; 3 loaded, some input rejected; 1 nothing to load;\n"
          "2 failed (nothing changed).\n",
          f);
}

int load_main(int argc, char **argv, const char *db_path, const config_t *cfg)
{
    const char *package = NULL;
    int check_only = 0, allow_older = 0;
    load_opts o;
    memset(&o, 0, sizeof o);
    o.corpora = xcalloc((size_t)argc + 1, sizeof(char *));
    int only_files = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && !strcmp(a, "--")) {
            only_files = 1;
        } else if (!only_files && !strcmp(a, "--strict")) {
            o.strict = 1;
        } else if (!only_files && !strcmp(a, "--quiet")) {
            o.quiet = 1;
        } else if (!only_files && !strcmp(a, "--verify-full")) {
            o.verify_full = 1;
        } else if (!only_files && !strcmp(a, "--package") && i + 1 < argc) {
            package = argv[++i];
        } else if (!only_files && !strcmp(a, "--check")) {
            check_only = 1;
        } else if (!only_files && !strcmp(a, "--allow-older")) {
            allow_older = 1;
        } else if (!only_files && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            usage(stdout);
            free(o.corpora);
            return 0;
        } else if (!only_files && a[0] == '-' && a[1]) {
            fprintf(stderr, "gongkai load: unknown option %s\n", a);
            usage(stderr);
            free(o.corpora);
            return 2;
        } else {
            o.corpora[o.ncorpora++] = argv[i];
        }
    }
    if ((check_only || allow_older) && !package) {
        fprintf(stderr, "gongkai load: %s goes with --package FILE\n",
                check_only ? "--check" : "--allow-older");
        free(o.corpora);
        return 2;
    }
    if (package && o.ncorpora) {
        fprintf(stderr, "gongkai load: give either --package FILE or corpora, not both\n");
        free(o.corpora);
        return 2;
    }
    if (!o.ncorpora && !package) {
        usage(stderr);
        free(o.corpora);
        return 2;
    }
    /* The default location's directory may not exist yet. */
    char *dir = xstrdup(db_path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        if (paths_mkdir_p(dir, 0755) != 0)
            fprintf(stderr, "gongkai load: cannot create %s: %s\n", dir, strerror(errno));
    }
    free(dir);
    if (package) {
        pkg_install_opts po = {package, db_path, check_only, allow_older,
                               o.strict, o.quiet, o.verify_full};
        free(o.corpora);
        return pkg_install(&po, cfg);
    }
    o.db_path = db_path;
    int rc = load_run(&o);
    free(o.corpora);
    return rc;
}
