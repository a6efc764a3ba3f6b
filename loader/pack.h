/* Signed corpus packages (docs/packages.md): `gongkai pack` makes them, `gongkai load
 * --package` checks and installs them. */
#ifndef GONGKAI_PACK_H
#define GONGKAI_PACK_H

#include "config.h"
#include "pkgfmt.h"

/* `gongkai pack ARGS`; db_path is the database a database package holds. Exit status. */
int pack_main(int argc, char **argv, const char *db_path);

/* Fills h (content, name and as_of when unset) and writes a corpus package of the corpus
 * directory dir to out: its manifest, with any [corpus] root line turned into a comment,
 * at the top, and every file its sections name, by their paths under the root. 0, or 2
 * with the reason on stderr. */
int pack_corpus(const char *dir, const char *out, pkg_header *h, const pkg_seckey *key);

typedef struct {
    const char *package;
    const char *db_path;
    int check_only;  /* verify and describe, install nothing */
    int allow_older; /* install even when the installed package is newer or the same */
    int strict, quiet, verify_full; /* for corpus packages, as for a load */
} pkg_install_opts;

/* `gongkai load --package`: verifies the package against the configured trusted keys and
 * the installed version, then swaps the new database in. Exit status as for a load (0
 * installed or checked, 1 nothing to do, 2 refused or failed: nothing changed). */
int pkg_install(const pkg_install_opts *o, const config_t *cfg);

#endif
