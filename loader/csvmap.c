#include "csvmap.h"

#include <stdio.h>
#include <string.h>

static char separator(const mf_section *sec)
{
    const char *delim = mf_get(sec, "delimiter");
    if (delim && (!strcmp(delim, "tab") || !strcmp(delim, "\\t")))
        return '\t';
    if (delim && strlen(delim) == 1)
        return delim[0];
    return ',';
}

int csvmap_open(csvmap *m, load_ctx *c, const char *text, size_t len,
                const char *const *fields, const char *const *required)
{
    memset(m, 0, sizeof *m);
    m->fields = fields;
    while (fields[m->nfields])
        m->nfields++;
    if (m->nfields > CSVMAP_MAX_FIELDS)
        return diag_error(c->d, "gongkai", 0, "internal: too many fields"), -1;
    char sep = separator(c->sec);
    csv_init(&m->r, text, len, sep, sep != '\t');
    int rc = csv_next(&m->r, &m->row, m->err, sizeof m->err);
    if (rc != 1) {
        if (rc < 0)
            diag_error_msg(c->d, c->relpath, m->err);
        else
            diag_error(c->d, c->relpath, 1, "empty file, no header row");
        return -1;
    }
    m->header_fields = m->row.nfields;
    for (size_t f = 0; f < m->nfields; f++) {
        char key[64];
        snprintf(key, sizeof key, "map.%s", fields[f]);
        const char *name = mf_get(c->sec, key);
        snprintf(key, sizeof key, "value.%s", fields[f]);
        m->constant[f] = mf_get(c->sec, key);
        m->col[f] = -1;
        if (name && m->constant[f]) {
            diag_error(c->d, c->m->file, mf_line(c->sec, key),
                       "[%s] gives %s both a column (map.) and a value (value.)", c->sec->name,
                       fields[f]);
            return -1;
        }
        if (!name)
            continue;
        m->col[f] = csv_find_column(&m->row, name);
        if (m->col[f] < 0) {
            snprintf(key, sizeof key, "map.%s", fields[f]);
            diag_error(c->d, c->relpath, 1, "no column '%s' (named by %s in %s:%d)", name, key,
                       c->m->file, mf_line(c->sec, key));
            return -1;
        }
    }
    for (size_t i = 0; required && required[i]; i++)
        for (size_t f = 0; f < m->nfields; f++)
            if (!strcmp(fields[f], required[i]) && !csvmap_mapped(m, f)) {
                diag_error(c->d, c->m->file, c->sec->line,
                           "[%s] needs map.%s = COLUMN (or value.%s = TEXT)", c->sec->name,
                           fields[f], fields[f]);
                return -1;
            }
    return 0;
}

int csvmap_mapped(const csvmap *m, size_t i)
{
    return i < m->nfields && (m->col[i] >= 0 || m->constant[i]);
}

int csvmap_next(csvmap *m, load_ctx *c)
{
    while ((m->rc = csv_next(&m->r, &m->row, m->err, sizeof m->err)) == 1) {
        m->line = (long)m->row.line;
        if (m->row.nfields != m->header_fields) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, m->line, "%zu fields, the header has %zu",
                           m->row.nfields, m->header_fields))
                return 0;
            continue;
        }
        for (size_t f = 0; f < m->nfields; f++)
            m->v[f] = m->col[f] >= 0 ? m->row.fields[m->col[f]]
                      : m->constant[f] ? m->constant[f]
                                       : "";
        return 1;
    }
    if (m->rc < 0) {
        /* The reader stops at a syntax error: say so when rows follow, or they would be
         * lost without a word. */
        const char *d = m->r.data, *nl = NULL;
        size_t n = m->r.len, pos = m->r.pos < n ? m->r.pos : n;
        nl = memchr(d + pos, '\n', n - pos);
        int more = 0;
        for (const char *q = nl; q && q < d + n && !more; q++)
            more = *q != '\n' && *q != '\r' && *q != ' ' && *q != '\t';
        c->d->skipped++;
        if (more) {
            char msg[sizeof m->err + 64];
            snprintf(msg, sizeof msg, "%s; the rest of the file was not read", m->err);
            diag_error_msg(c->d, c->relpath, msg);
        } else {
            diag_error_msg(c->d, c->relpath, m->err);
        }
    }
    return 0;
}

void csvmap_close(csvmap *m)
{
    csv_free(&m->r);
}
