#include "vocab.h"

#include "fold.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct vgroup {
    char **members;
    size_t n;
};

struct vocab {
    struct vgroup *groups;
    size_t n, cap;
};

extern const char embedded_vocab_txt[];
extern const unsigned long embedded_vocab_txt_len;

vocab *vocab_new(void)
{
    return xcalloc(1, sizeof(vocab));
}

void vocab_free(vocab *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++) {
        for (size_t j = 0; j < v->groups[i].n; j++)
            free(v->groups[i].members[j]);
        free(v->groups[i].members);
    }
    free(v->groups);
    free(v);
}

static char *trim_fold(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    return len ? fold_utf8(s, len) : NULL;
}

long vocab_add_group(vocab *v, const char *const *members, size_t n)
{
    struct vgroup g = {xcalloc(n ? n : 1, sizeof(char *)), 0};
    for (size_t i = 0; i < n; i++) {
        char *m = trim_fold(members[i], strlen(members[i]));
        if (!m)
            continue;
        int dup = 0;
        for (size_t j = 0; j < g.n; j++)
            dup |= !strcmp(g.members[j], m);
        if (dup)
            free(m);
        else
            g.members[g.n++] = m;
    }
    if (g.n < 2) {
        for (size_t j = 0; j < g.n; j++)
            free(g.members[j]);
        free(g.members);
        return -1;
    }
    v->groups = xgrow(v->groups, &v->cap, v->n + 1, sizeof *v->groups);
    v->groups[v->n] = g;
    return (long)v->n++;
}

int vocab_load_text(vocab *v, const char *text, size_t len, int *bad_line)
{
    const char *p = text, *end = text + len;
    int line = 0, bad = 0;
    if (bad_line)
        *bad_line = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        line++;
        const char *s = p;
        p = eol < end ? eol + 1 : end;
        while (s < eol && (*s == ' ' || *s == '\t'))
            s++;
        if (s == eol || *s == '#' || (eol - s == 1 && *s == '\r'))
            continue;
        const char *members[32];
        char *copies[32];
        size_t n = 0;
        const char *q = s;
        while (q <= eol && n < 32) {
            const char *slash = memchr(q, '/', (size_t)(eol - q));
            const char *stop = slash ? slash : eol;
            copies[n] = xstrndup(q, (size_t)(stop - q));
            members[n] = copies[n];
            n++;
            if (!slash)
                break;
            q = slash + 1;
        }
        long g = vocab_add_group(v, members, n);
        for (size_t i = 0; i < n; i++)
            free(copies[i]);
        if (g < 0 && bad++ == 0 && bad_line)
            *bad_line = line;
    }
    return bad;
}

const vocab *vocab_builtin(void)
{
    static vocab *builtin;
    if (!builtin) {
        builtin = vocab_new();
        /* The file is checked by the unit tests; a bad line only loses that line. */
        vocab_load_text(builtin, embedded_vocab_txt, embedded_vocab_txt_len, NULL);
    }
    return builtin;
}

size_t vocab_match(const vocab *v, const char *folded, size_t len, size_t *group)
{
    size_t best = 0;
    for (size_t i = 0; v && i < v->n; i++)
        for (size_t j = 0; j < v->groups[i].n; j++) {
            const char *m = v->groups[i].members[j];
            size_t ml = strlen(m);
            if (ml > best && ml <= len && !memcmp(folded, m, ml)) {
                best = ml;
                *group = i;
            }
        }
    return best;
}

size_t vocab_group_count(const vocab *v)
{
    return v ? v->n : 0;
}

size_t vocab_group_size(const vocab *v, size_t group)
{
    return group < v->n ? v->groups[group].n : 0;
}

const char *vocab_member(const vocab *v, size_t group, size_t i)
{
    return (group < v->n && i < v->groups[group].n) ? v->groups[group].members[i] : NULL;
}
