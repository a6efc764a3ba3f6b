#include "foldview.h"

#include "fold.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>

void foldview_init(foldview *v, const char *s, size_t len)
{
    v->s = s;
    v->len = len;
    v->cp = xmalloc((len + 1) * sizeof *v->cp);
    v->off = xmalloc((len + 1) * sizeof *v->off);
    v->n = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t c;
        int valid;
        v->off[v->n] = i;
        i += (size_t)u8_decode((const unsigned char *)s + i, (const unsigned char *)s + len, &c,
                               &valid);
        v->cp[v->n++] = fold_cp(c);
    }
    v->off[v->n] = len;
}

void foldview_free(foldview *v)
{
    free(v->cp);
    free(v->off);
    v->cp = NULL;
    v->off = NULL;
    v->n = 0;
}

int foldview_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
}
