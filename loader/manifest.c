#include "manifest.h"

#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* libinih as packaged cuts lines at 200 bytes (a Chinese value would end in half a
 * character); our reader counts lines and flags long ones so they become errors. */
#define INI_LINE_LIMIT 200

typedef struct {
    FILE *f;
    int line;
    int long_line; /* line number of the current over-long line, or 0 */
    int headers;   /* "[section]" lines read so far */
} line_reader;

static char *read_line(char *str, int num, void *stream)
{
    line_reader *r = stream;
    if (!fgets(str, num, r->f))
        return NULL;
    r->line++;
    r->long_line = 0;
    /* inih reports keys only, not section headers: count them so that a section
     * repeated right after itself ([a] ... [a]) is seen as a second one. */
    const char *t = str;
    while (*t == ' ' || *t == '\t')
        t++;
    if (*t == '[')
        r->headers++;
    size_t len = strlen(str);
    if (len == (size_t)num - 1 && str[len - 1] != '\n') {
        /* Consume the rest of the over-long line so it is not read as a new line. */
        int c;
        while ((c = fgetc(r->f)) != EOF && c != '\n')
            ;
        r->long_line = r->line;
    }
    return str;
}

typedef struct {
    manifest *m;
    line_reader *r;
    diag_t *d;
    int failed;
    char *root_value;
    int root_line;
    mf_section *cur;
    int cur_headers; /* r->headers when cur was opened */
} parse_ctx;

static int on_kv(void *user, const char *section, const char *name, const char *value)
{
    parse_ctx *p = user;
    manifest *m = p->m;
    int line = p->r->line;
    if (p->r->long_line == line) {
        diag_error(p->d, m->file, line, "line longer than %d bytes (inih would cut it)",
                   INI_LINE_LIMIT - 1);
        p->failed = 1;
        return 1;
    }
    if (!strcmp(section, "corpus")) {
        if (!strcmp(name, "name")) {
            free(m->name);
            m->name = xstrdup(value);
        } else if (!strcmp(name, "as_of")) {
            free(m->as_of);
            m->as_of = xstrdup(value);
        } else if (!strcmp(name, "root")) {
            free(p->root_value);
            p->root_value = xstrdup(value);
            p->root_line = line;
        } else if (strcmp(name, "description") && strcmp(name, "publisher") &&
                   strcmp(name, "licence") && strcmp(name, "license")) {
            diag_error(p->d, m->file, line, "unknown key '%s' in [corpus]", name);
            p->failed = 1;
        }
        return 1;
    }
    if (!p->cur || strcmp(p->cur->name, section) || p->r->headers != p->cur_headers) {
        for (size_t i = 0; i < m->n; i++)
            if (!strcmp(m->sections[i].name, section)) {
                diag_error(p->d, m->file, line, "section [%s] appears twice", section);
                p->failed = 1;
                return 1;
            }
        m->sections = xgrow(m->sections, &m->cap, m->n + 1, sizeof *m->sections);
        p->cur = &m->sections[m->n++];
        memset(p->cur, 0, sizeof *p->cur);
        p->cur->name = xstrdup(section);
        p->cur->line = line;
        p->cur_headers = p->r->headers;
    }
    mf_section *s = p->cur;
    s->kv = xgrow(s->kv, &s->cap, s->nkv + 1, sizeof *s->kv);
    s->kv[s->nkv++] = (mf_kv){xstrdup(name), xstrdup(value), line};
    return 1;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

int manifest_load(const char *arg, manifest *m, diag_t *d)
{
    memset(m, 0, sizeof *m);
    struct stat st;
    if (stat(arg, &st) != 0) {
        diag_error(d, arg, 0, "%s", strerror(errno));
        return -1;
    }
    char *base;
    if (S_ISDIR(st.st_mode)) {
        m->file = xasprintf("%s/corpus.ini", arg);
        base = xstrdup(arg);
    } else {
        m->file = xstrdup(arg);
        base = dir_of(arg);
    }
    FILE *f = fopen(m->file, "r");
    if (!f) {
        diag_error(d, m->file, 0, "cannot read the manifest: %s", strerror(errno));
        free(base);
        return -1;
    }
    line_reader r = {.f = f};
    parse_ctx p = {.m = m, .r = &r, .d = d};
    int rc = ini_parse_stream(read_line, &r, on_kv, &p);
    fclose(f);
    if (rc > 0) {
        diag_error(d, m->file, rc, "not an INI line (expected [section] or key = value)");
        p.failed = 1;
    } else if (rc < 0) {
        diag_error(d, m->file, 0, "cannot parse the manifest");
        p.failed = 1;
    }
    if (!p.failed && m->n == 0) {
        diag_error(d, m->file, 0, "the manifest names no sources");
        p.failed = 1;
    }
    /* Without them the console would show today as 数据截至 and the directory as the
     * corpus's name: say so rather than load silently. */
    if (!p.failed && (!m->name || !m->as_of))
        diag_warn(d, m->file, 1, "no [corpus] %s: %s (add them to [corpus])",
                  !m->name && !m->as_of ? "name or as_of" : !m->name ? "name" : "as_of",
                  !m->as_of ? "the data date (数据截至) shown will be the day of the load"
                            : "the corpus is named after its directory");
    char *root = p.root_value ? (p.root_value[0] == '/' ? xstrdup(p.root_value)
                                                       : xasprintf("%s/%s", base, p.root_value))
                              : xstrdup(base);
    char resolved[PATH_MAX];
    if (!realpath(root, resolved)) {
        diag_error(d, m->file, p.root_line, "corpus root %s: %s", root, strerror(errno));
        p.failed = 1;
    } else {
        m->root = xstrdup(resolved);
        if (!m->name) {
            const char *last = strrchr(resolved, '/');
            m->name = xstrdup(last && last[1] ? last + 1 : resolved);
        }
    }
    free(root);
    free(base);
    free(p.root_value);
    return p.failed ? -1 : 0;
}

void manifest_free(manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        mf_section *s = &m->sections[i];
        for (size_t j = 0; j < s->nkv; j++) {
            free(s->kv[j].key);
            free(s->kv[j].value);
        }
        free(s->kv);
        free(s->name);
    }
    free(m->sections);
    free(m->file);
    free(m->root);
    free(m->name);
    free(m->as_of);
    memset(m, 0, sizeof *m);
}

const char *mf_get(const mf_section *s, const char *key)
{
    for (size_t i = s->nkv; i-- > 0;)
        if (!strcmp(s->kv[i].key, key))
            return s->kv[i].value;
    return NULL;
}

int mf_line(const mf_section *s, const char *key)
{
    for (size_t i = s->nkv; i-- > 0;)
        if (!strcmp(s->kv[i].key, key))
            return s->kv[i].line;
    return s->line;
}

/* ---- path patterns ---------------------------------------------------------------- */

typedef struct {
    char **v;
    size_t n, cap;
} strlist;

static void strlist_add(strlist *l, char *s)
{
    l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = s;
}

/* Matches pattern components comp[i..] below dir (an absolute path). Directories are
 * entered only when they are real directories (not symlinks), so loops cannot occur. */
static void walk(const char *dir, char **comp, size_t ncomp, size_t i, strlist *out, int depth)
{
    if (depth > 64)
        return;
    if (i == ncomp)
        return;
    int last = (i + 1 == ncomp);
    if (!strcmp(comp[i], "**")) {
        walk(dir, comp, ncomp, i + 1, out, depth + 1); /* zero directories */
        DIR *dh = opendir(dir);
        if (!dh)
            return;
        struct dirent *e;
        while ((e = readdir(dh))) {
            if (e->d_name[0] == '.')
                continue;
            char *p = xasprintf("%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                walk(p, comp, ncomp, i, out, depth + 1);
            free(p);
        }
        closedir(dh);
        return;
    }
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    struct dirent *e;
    while ((e = readdir(dh))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (fnmatch(comp[i], e->d_name, FNM_PERIOD) != 0)
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        struct stat lst, st;
        if (lstat(p, &lst) != 0) {
            free(p);
            continue;
        }
        if (last) {
            if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
                strlist_add(out, p);
                continue;
            }
            /* a symlink loop or a dangling link is kept so that it can be reported */
            if (S_ISLNK(lst.st_mode)) {
                strlist_add(out, p);
                continue;
            }
        } else if (S_ISDIR(lst.st_mode)) {
            walk(p, comp, ncomp, i + 1, out, depth + 1);
        }
        free(p);
    }
    closedir(dh);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int manifest_files(const manifest *m, const mf_section *s, char ***files, size_t *n, diag_t *d)
{
    strlist out = {NULL, 0, 0};
    int failed = 0, any_pattern = 0;
    size_t rootlen = strlen(m->root);
    for (size_t k = 0; k < s->nkv; k++) {
        if (strcmp(s->kv[k].key, "path"))
            continue;
        any_pattern = 1;
        const char *pat = s->kv[k].value;
        int line = s->kv[k].line;
        if (pat[0] == '/' || !strcmp(pat, "..") || !strncmp(pat, "../", 3) || strstr(pat, "/../") ||
            (strlen(pat) >= 3 && !strcmp(pat + strlen(pat) - 3, "/.."))) {
            diag_error(d, m->file, line, "path '%s' leaves the corpus directory", pat);
            failed = 1;
            continue;
        }
        char *copy = xstrdup(pat);
        char *comp[64];
        size_t ncomp = 0;
        for (char *tok = strtok(copy, "/"); tok && ncomp < 64; tok = strtok(NULL, "/"))
            if (strcmp(tok, "."))
                comp[ncomp++] = tok;
        size_t before = out.n;
        walk(m->root, comp, ncomp, 0, &out, 0);
        free(copy);
        if (out.n == before) {
            diag_error(d, m->file, line, "path '%s' matches no file under %s", pat, m->root);
            failed = 1;
        }
        /* Confinement: what each match really points to must be under the root. Errors
         * name the manifest's line and the file under the root. */
        for (size_t i = before; i < out.n; i++) {
            char resolved[PATH_MAX];
            const char *rel = out.v[i];
            if (!strncmp(rel, m->root, rootlen) && rel[rootlen] == '/')
                rel += rootlen + 1;
            if (!realpath(out.v[i], resolved)) {
                diag_error(d, m->file, line, "path '%s': %s cannot be resolved (%s; a symlink loop?)",
                           pat, rel, strerror(errno));
                failed = 1;
                free(out.v[i]);
                out.v[i] = NULL;
            } else if (strncmp(resolved, m->root, rootlen) ||
                       (resolved[rootlen] != '/' && resolved[rootlen] != '\0')) {
                diag_error(d, m->file, line, "path '%s': %s points outside the corpus directory (%s)",
                           pat, rel, resolved);
                failed = 1;
                free(out.v[i]);
                out.v[i] = NULL;
            }
        }
    }
    if (!any_pattern) {
        diag_error(d, m->file, s->line, "section [%s] has no path", s->name);
        failed = 1;
    }
    /* Drop rejected entries and duplicates (two patterns may match one file). */
    size_t w = 0;
    for (size_t i = 0; i < out.n; i++)
        if (out.v[i])
            out.v[w++] = out.v[i];
    out.n = w;
    if (out.n > 1) /* out.v is NULL when nothing matched: qsort(NULL, 0) is undefined */
        qsort(out.v, out.n, sizeof *out.v, cmp_str);
    w = 0;
    for (size_t i = 0; i < out.n; i++) {
        if (w && !strcmp(out.v[w - 1], out.v[i]))
            free(out.v[i]);
        else
            out.v[w++] = out.v[i];
    }
    out.n = w;
    *files = out.v;
    *n = out.n;
    return failed ? -1 : 0;
}
