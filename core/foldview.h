#ifndef GONGKAI_FOLDVIEW_H
#define GONGKAI_FOLDVIEW_H

/* Text decoded once into folded code points with the byte offset of each, so pattern
 * matching sees 條/条, 發布/发布 and （/( alike while every extracted piece is copied
 * from the original bytes. Used by the citation and preamble parsers. */

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *s;
    size_t len;
    uint32_t *cp; /* folded code points */
    size_t *off;  /* n + 1 entries; off[n] == len */
    size_t n;
} foldview;

void foldview_init(foldview *v, const char *s, size_t len);
void foldview_free(foldview *v);

/* ASCII white space, ideographic space and no-break space. */
int foldview_is_space(uint32_t c);

#endif
