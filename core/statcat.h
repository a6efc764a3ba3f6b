/* The indicator catalogue of relief statistics (data/indicators.csv, built in): each
 * indicator's identity, the names and official codes sources publish it under, the units
 * it may be given in, and its measure type (domain.md §6.2). The loader puts it in the
 * indicator and indicator_alias tables of every database; names a source uses are
 * matched through statcat_key. Pure: no database. */
#ifndef GONGKAI_STATCAT_H
#define GONGKAI_STATCAT_H

#include <stddef.h>

enum stat_measure { SM_POINT = 0, SM_CUMULATIVE, SM_AVERAGE };

typedef struct {
    char *code;          /* urban_dibao_persons */
    char *name;          /* 城市低保人数 */
    char *aliases;       /* other names and codes, separated by | ("" when none) */
    char *units;         /* allowed units, canonical spellings, separated by |; first shown */
    enum stat_measure measure;
    char *parent;        /* code this is a component of, or "" */
    char *official_code; /* YZH012410000, or "" */
    char *note;          /* "" when none */
} stat_ind_def;

typedef struct {
    stat_ind_def *v;
    size_t n;
} stat_catalogue;

/* Parses a catalogue in the format of data/indicators.csv (comment lines start with #).
 * Checks that codes are unique, units parse (core/statunit.h), measures are known and
 * parents exist. Returns 0, or -1 with *err = "line N: reason" (malloc'd). */
int statcat_parse(const char *text, size_t len, stat_catalogue *out, char **err);

/* The catalogue built into the program (parsed once; never fails: tests check it). */
const stat_catalogue *statcat_builtin(void);

void statcat_free(stat_catalogue *c);

/* "point", "cumulative", "average" and back (1/0); the measure for people: 时点数,
 * 累计数 (当年1月1日起), 平均数. */
const char *stat_measure_key(enum stat_measure m);
int stat_measure_parse(const char *key, enum stat_measure *out);
const char *stat_measure_label(enum stat_measure m);

/* The key a published indicator name is matched by: folded (繁→简, full-width → half),
 * without spaces, a numbering prefix (一、 (一) 1. (1) A I II), a trailing "*" or a
 * trailing (累计)/（累计）, which the sources use to mark year-to-date figures; *cumulative
 * (may be NULL) says whether such a mark was there. Official codes fold to upper case.
 * Returns a new string ("" when nothing is left). */
char *statcat_key(const char *name, int *cumulative);

/* Does the unit (canonical spelling) appear in a |-separated list of allowed units? */
int statcat_unit_allowed(const char *units, const char *unit);

#endif
