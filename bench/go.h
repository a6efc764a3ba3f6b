/* go.h: shared by the files of genorgs, the generated registry and lists of the
 * organisation-check benchmark (bench/orgs.sh, docs/benchmarks.md "Organisation check"):
 *
 *   genorgs.c   main, the invented regions, names, codes, the registry
 *   go_util.c   random numbers, UTF-8 lengths, CSV fields, day numbers, the name set
 *   go_words.c  the word lists (data only)
 *   go_lists.c  the listings (credit lists, illegal-organisation batches, elder care)
 *               and the sample queries of each class (queries.tsv)
 *
 * The random stream is one sequence: the same calls in the same order give the same
 * files, so keep the order of the rnd()/chance() calls when moving code. */
#ifndef GK_BENCH_GO_H
#define GK_BENCH_GO_H

#include <opencc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rng.h"
#include "xalloc.h"

#define NELEM(arr) (sizeof arr / sizeof *arr)

/* ---- go_util.c: random numbers ------------------------------------------------------- */

/* An index 0..n-1 with weight 1/(i+shift)^s: the head much more frequent than the tail. */
size_t zipf(const double *cum, size_t n);
/* Cumulative weights for zipf() (malloc'd). */
double *zipf_table(size_t n, double shift, double s);

/* ---- go_words.c: the word lists (Simplified) ----------------------------------------- */

/* A field of activity: the word and the department that usually supervises it. */
struct field {
    const char *word;
    int dept; /* index into depts[] */
};
extern const struct field fields[]; /* most frequent first (Zipf rank) */
extern const size_t fields_n;
extern const char *const depts[]; /* 体育局, 文化和旅游局 ... */
extern const size_t depts_n;
extern const char *const qualifiers[]; /* 青少年, 老年人 ... (optional, before the field) */
extern const size_t qualifiers_n;
struct suffix {
    const char *word;
    char type;   /* code position 2: '1' 社会团体, '2' 民办非企业单位, '3' 基金会 */
    double w;    /* weight within the type */
};
extern const struct suffix suffixes[];
extern const size_t suffixes_n;
extern const char *const syllables[]; /* invented place-name syllables (示 + one of them) */
extern const size_t syllables_n;
extern const char *const street_words[]; /* road names of addresses */
extern const size_t street_words_n;
extern const char *const surnames[];
extern const size_t surnames_n;
extern const char *const scope_words[];
extern const size_t scope_words_n;
/* Grand prefixes and extra words of unregistered (illegal) organisations' names. */
extern const char *const grand_prefixes[];
extern const size_t grand_prefixes_n;
extern const char *const grand_words[];
extern const size_t grand_words_n;
extern const char *const illegal_suffixes[];
extern const size_t illegal_suffixes_n;
/* Characters used to change one character of a name (similar names, typos). */
extern const char *const swap_chars[];
extern const size_t swap_chars_n;

/* ---- genorgs.c: regions, organisations --------------------------------------------- */

enum { LV_NATIONAL, LV_PROVINCE, LV_CITY, LV_COUNTY };
enum { ST_ACTIVE, ST_CANCELLED, ST_REVOKED, ST_LICENCE }; /* 正常 注销 撤销 吊销登记证书 */

struct region {
    char name[64];      /* how organisation names begin: 示澜省, 示川市, 示川市示北区, 示安县 */
    char code[7];       /* region segment of the codes */
    char authority[64]; /* 登记管理机关: 民政部, 示澜省民政厅, 示川市民政局 */
    char abbr[16];      /* of decision numbers: 示川民 */
    char dept_prefix[64]; /* of supervising departments: 示川市 */
    int level;
    unsigned counter;   /* codes issued */
};
extern struct region *regions;
extern size_t nregions;

struct org {
    char *name;        /* current name */
    char *former;      /* 曾用名 ("；"-separated) or NULL */
    char code[19];     /* as published (a few with a wrong check character) */
    uint32_t region;
    uint16_t field;
    uint8_t type;      /* '1' '2' '3' */
    uint8_t bad_check; /* the check character was written wrong */
    uint8_t prefix_len; /* bytes of the region part at the start of name */
    uint8_t status;    /* ST_* */
    int founded;       /* year */
    int listed;        /* listings naming it */
};
extern struct org *orgs;
extern size_t norgs;

size_t pick_field(void);
const char *pick_qualifier(void);
/* A registry-style name of region r in b; *prefix_len receives the bytes of its region
 * part (for national bodies 中国示例, 中华示例 or 全国示例). */
void make_name(buf_t *b, const struct region *r, char type, size_t field, size_t *prefix_len);

/* "2026-11-01": the data's as-of date; dates of listings stay before it. */
#define AS_OF "2026-11-01"

/* ---- go_util.c: the name set, dates, CSV, UTF-8 ------------------------------------ */

/* A set of strings (names) for uniqueness checks. */
int names_has(const char *s);
void names_add(const char *s);
/* 64-bit FNV-1a of s, never 0. */
uint64_t go_hash(const char *s);

/* YYYY-MM-DD of a day number (days since 1970-01-01). */
void day_str(long day, char out[11]);
long day_of(int y, int m, int d);

/* CSV field: written as is unless it holds a comma, quote or line break. */
void csv_put(FILE *f, const char *s);

/* Byte length of the first n characters of s (UTF-8), or strlen when shorter. */
size_t go_prefix(const char *s, size_t n);
/* Characters (code points) of s. (Not u8_prefix/u8_count: core/u8.h has a u8_count.) */
size_t go_chars(const char *s);

/* ---- go_lists.c ------------------------------------------------------------------- */

struct list_stats {
    long abnormal, serious, illegal, eldercare, removed, by_name, batches, near_miss, noted;
};
extern struct list_stats lstats;

extern opencc_t cc_s2t; /* opened by main */

/* Writes DIR/lists.csv with about n entries. */
void write_lists(const char *dir, long n);
/* Writes DIR/queries.tsv: per class q queries. */
void write_queries(const char *dir, int q);

#endif
