/* corpus.ini: the manifest of a corpus directory (docs/data-formats.md).
 *
 *   [corpus]            name, as_of, root (relative to the manifest), description
 *   [any-section-name]  one source: kind, path (glob, repeatable; ** matches directories),
 *                       encoding, provenance (publisher, url, retrieved, licence) and
 *                       kind-specific keys (map.FIELD = CSV column, level, format ...)
 *
 * A corpus argument is either a directory holding corpus.ini or the path of a manifest
 * file. Every path a section names must stay inside the corpus root: absolute patterns,
 * ".." components and symlinks that lead outside are refused. */
#ifndef GONGKAI_MANIFEST_H
#define GONGKAI_MANIFEST_H

#include <stddef.h>

#include "diag.h"

typedef struct {
    char *key;
    char *value;
    int line;
} mf_kv;

typedef struct {
    char *name;
    int line;
    mf_kv *kv;
    size_t nkv, cap;
} mf_section;

typedef struct {
    char *file;    /* the manifest, as given */
    char *root;    /* absolute, resolved corpus root */
    char *name;    /* [corpus] name (default: the root's last component) */
    char *as_of;   /* [corpus] as_of */
    mf_section *sections;
    size_t n, cap;
} manifest;

/* Reads the manifest for a corpus argument. Errors are reported through d with
 * file:line; returns 0 if the manifest is usable, -1 otherwise. */
int manifest_load(const char *arg, manifest *m, diag_t *d);
void manifest_free(manifest *m);

/* The last value of key in section s, or NULL. */
const char *mf_get(const mf_section *s, const char *key);
/* Line of the last occurrence of key (the section's line if absent). */
int mf_line(const mf_section *s, const char *key);

/* Expands the section's path patterns to absolute file paths under the root, sorted and
 * without duplicates. A pattern that matches nothing is an error. Returns 0 or -1. */
int manifest_files(const manifest *m, const mf_section *s, char ***files, size_t *n, diag_t *d);

#endif
