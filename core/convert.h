/* Display conversion between Simplified and Traditional characters with OpenCC.
 *
 * Only what is shown changes: search folds both scripts together by itself (fold.h) and
 * never calls this. Each OpenCC converter is opened the first time it is needed and
 * closed at exit. When OpenCC cannot be opened (missing data files) the text is shown
 * as it is, after one warning on stderr: a display preference is no reason to fail. */
#ifndef GONGKAI_CONVERT_H
#define GONGKAI_CONVERT_H

#include <stddef.h>

enum convert_script {
    CONVERT_ORIGINAL = 0, /* as stored, no conversion */
    CONVERT_SIMPLIFIED,   /* OpenCC t2s.json */
    CONVERT_TRADITIONAL,  /* OpenCC s2t.json */
};

/* Parses simplified/traditional/original (also 简, 繁, 原文, s, t, o). Returns 0, or -1
 * for an unknown name. */
int convert_parse(const char *name, enum convert_script *out);

/* "simplified", "traditional" or "original". */
const char *convert_name(enum convert_script s);

/* New NUL-terminated string: text[0..len) in the script (*outlen, may be NULL, gets its
 * length). The input should be valid UTF-8 (sanitised text is); anything OpenCC refuses
 * is copied unchanged. The caller frees. */
char *convert_text(enum convert_script s, const char *text, size_t len, size_t *outlen);

/* Closes the converters now (also registered with atexit when one is opened). */
void convert_close(void);

#endif
