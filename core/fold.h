/* Search folding: one code point to one code point (width, case, compatibility
 * ideographs, Traditional/Simplified classes), and the token class of a folded code
 * point. Identical for documents and queries, so every offset stays in the original. */
#ifndef GONGKAI_FOLD_H
#define GONGKAI_FOLD_H

#include <stddef.h>
#include <stdint.h>

enum fold_class {
    FOLD_SEP = 0,  /* punctuation, symbols, spaces, controls: no token */
    FOLD_WORD = 1, /* ASCII letters and digits; Latin, Greek, Cyrillic letters */
    FOLD_CJK = 2,  /* Han ideographs, 〇, kana, Hangul syllables: bigrams */
};

uint32_t fold_cp(uint32_t cp);
enum fold_class fold_class_of(uint32_t folded_cp);

/* Folds a UTF-8 string into a new NUL-terminated UTF-8 string (invalid bytes become
 * U+FFFD). The caller frees it. */
char *fold_utf8(const char *s, size_t len);

/* "zh/<tokenizer version> <fold table version>": stored in the database so that a
 * binary with a different tokenizer or table refuses a stale index. */
const char *fold_stamp(void);

#endif
