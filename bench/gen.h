/* gen.h: shared by the files of gencorpus, the synthetic corpus of `make bench` (the corpus
 * is described in gencorpus.c; docs/benchmarks.md):
 *
 *   gencorpus.c  main: corpus.ini, the documents until the size is reached, DIR.candidates
 *                and DIR.stats
 *   gen_words.c  the word lists (data only)
 *   gen_text.c   random numbers, the word distribution, numbers and prose
 *   gen_docs.c   the documents (regulations, notices of records) and writing them out
 *
 * The random stream is a single sequence: the same calls in the same order give the same
 * corpus, so keep the order of the rnd()/chance() calls when moving code. */
#ifndef GK_BENCH_GEN_H
#define GK_BENCH_GEN_H

#include <opencc.h>
#include <stddef.h>
#include <stdint.h>

#include "rng.h"
#include "xalloc.h"

#define NELEM(arr) (sizeof arr / sizeof *arr)

/* ---- gen_text.c: random numbers --------------------------------------------------- */


/* A random entry of a word list of gen_words.c (NAME and NAME_n). */
#define PICK(arr) (arr[rnd((uint32_t)arr##_n)])

/* ---- gen_words.c: the word lists (Simplified) ------------------------------------- */

/* Ordered from most to least frequent: the position is the Zipf rank. */
extern const char *const core_words[];
extern const size_t core_words_n;

/* Fixed phrases (6-15 characters) added to articles with the given probability. */
struct phrase {
    const char *text;
    double p;
};
#define NBOILERPLATE 10
extern const struct phrase boilerplate[]; /* NBOILERPLATE of them */

extern const char *const provinces[];
extern const size_t provinces_n;
extern const char *const cities[];
extern const size_t cities_n;
extern const char *const departments[];
extern const size_t departments_n;
extern const char *const topics[];
extern const size_t topics_n;
extern const char *const doctypes[];
extern const size_t doctypes_n;
extern const char *const chapter_names[];
extern const size_t chapter_names_n;
extern const char *const org_prefixes[];
extern const size_t org_prefixes_n;
extern const char *const org_suffixes[];
extern const size_t org_suffixes_n;
extern const char *const scope_words[];
extern const size_t scope_words_n;
extern const char *const surnames[];
extern const size_t surnames_n;
extern const char *const street_chars[];
extern const size_t street_chars_n;
extern const char *const indicators[];
extern const size_t indicators_n;
extern const char *const hotline_services[];
extern const size_t hotline_services_n;
/* Places written with uncommon characters: used only in a few rare tail words, so these
 * characters and names are low-frequency search terms. */
extern const char *const rare_places[];
extern const size_t rare_places_n;
/* Never written: zero-frequency characters and strings. */
extern const char *const zero_strings[];
extern const size_t zero_strings_n;
/* Rare entries: a rare place with a suffix, placed at deep ranks. */
extern const char *const rare_suffixes[];
extern const size_t rare_suffixes_n;
/* Connectives between the words of a clause. */
extern const char *const connectors[];
extern const size_t connectors_n;

/* ---- gen_text.c: text building, the word distribution, prose ---------------------- */

#define NTAIL 20000

/* Characters of the core words (and cities): the pool the tail's pseudo-words are made of. */
extern char (*pool)[5];
extern size_t npool;
extern char **tail_store; /* owned strings of the tail, NTAIL of them */

void add_cn(buf_t *b, int n);
void add_fmt(buf_t *b, int fw, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
size_t u8_chars(const char *s, size_t len);
void build_vocab(void);
const char *zipf_word(void);
int rand_year(void);
void add_date_cn(buf_t *b, int y, int m, int d);
void add_clause(buf_t *b);
void add_article_text(buf_t *b);

/* ---- gen_docs.c: the documents ---------------------------------------------------- */

/* Statistics of what was written. */
struct corpus_stats {
    unsigned long long bytes, chars;
    long files, reg_files, notice_files, trad_files, simp_files, works;
    long articles, items, title_units;
    unsigned long long unit_chars;            /* article and item bodies */
    unsigned long long article_chars, item_chars;
};
extern struct corpus_stats stats;

extern opencc_t cc_s2t, cc_s2tw; /* opened by main */
extern const char *outdir;

/* Names of the first organisations of the directories (query candidates). */
extern char *org_names_seen[60];
extern size_t norg_names_seen;

int mkdir_p(const char *path);
void gen_regulation(void);
void gen_notice(void);

#endif
