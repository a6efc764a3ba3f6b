/* Indicators named by a search's text (core/statmatch.h). */
#include "statmatch.h"

#include "u8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

long statmatch_index(const statmatch_cat *c, const char *code)
{
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->v[i].code, code))
            return (long)i;
    return -1;
}

void statmatch_add(statmatch_cat *c, const char *code, const char *key)
{
    long at = c->n && !strcmp(c->v[c->n - 1].code, code) ? (long)c->n - 1
                                                          : statmatch_index(c, code);
    if (at < 0) {
        c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
        memset(&c->v[c->n], 0, sizeof *c->v);
        c->v[c->n].code = xstrdup(code);
        at = (long)c->n++;
    }
    if (!key || !*key)
        return;
    statmatch_ind *d = &c->v[at];
    d->keys = xgrow(d->keys, &d->capkeys, d->nkeys + 1, sizeof *d->keys);
    d->keys[d->nkeys++] = xstrdup(key);
}

static void add_folded(statmatch_cat *c, const char *code, const char *text, size_t len)
{
    char *one = xstrndup(text, len);
    char *key = statcat_key(one, NULL);
    statmatch_add(c, code, key);
    free(key);
    free(one);
}

void statmatch_from_defs(const stat_catalogue *defs, statmatch_cat *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < defs->n; i++) {
        const stat_ind_def *d = &defs->v[i];
        add_folded(out, d->code, d->name, strlen(d->name));
        for (const char *p = d->aliases; p && *p;) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            add_folded(out, d->code, p, n);
            if (!bar)
                break;
            p = bar + 1;
        }
        add_folded(out, d->code, d->code, strlen(d->code));
        if (d->official_code)
            add_folded(out, d->code, d->official_code, strlen(d->official_code));
    }
}

void statmatch_free(statmatch_cat *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (size_t k = 0; k < c->v[i].nkeys; k++)
            free(c->v[i].keys[k]);
        free(c->v[i].keys);
        free(c->v[i].code);
    }
    free(c->v);
    memset(c, 0, sizeof *c);
}

static int ascii_only(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* Does one key match the folded text q (of nchars characters)? */
static int key_matches(const char *key, const char *q, size_t nchars)
{
    if (!strcmp(key, q))
        return 1;
    if (nchars < 2 || ascii_only(key))
        return 0;
    return strstr(key, q) != NULL;
}

size_t statmatch_find(const statmatch_cat *c, const char *text, size_t *out, size_t max)
{
    if (!text)
        return 0;
    char *q = statcat_key(text, NULL);
    size_t nchars = u8_count(q, strlen(q));
    /* One character: a CJK one, and then only a whole key. */
    if (!nchars || (nchars == 1 && ascii_only(q))) {
        free(q);
        return 0;
    }
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++) {
        const statmatch_ind *d = &c->v[i];
        int hit = 0;
        for (size_t k = 0; k < d->nkeys && !hit; k++)
            hit = key_matches(d->keys[k], q, nchars);
        if (!hit)
            continue;
        if (total < max)
            out[total] = i;
        total++;
    }
    free(q);
    return total;
}
