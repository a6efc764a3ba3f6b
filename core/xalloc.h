/* Allocation helpers that abort on out-of-memory, and a growable byte buffer.
 * A console that runs all day must not limp on after malloc fails. */
#ifndef GONGKAI_XALLOC_H
#define GONGKAI_XALLOC_H

#include <stddef.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` elements of `size` bytes; *cap is updated. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Growable NUL-terminated byte buffer. */
typedef struct {
    char *s;
    size_t len, cap;
} buf_t;

void buf_init(buf_t *b);
void buf_free(buf_t *b);
void buf_clear(buf_t *b);
void buf_add(buf_t *b, const char *s, size_t n);
void buf_adds(buf_t *b, const char *s);
void buf_addc(buf_t *b, char c);
void buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf_t *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands the string to the caller (never NULL) and resets the buffer. */
char *buf_take(buf_t *b);

#endif
