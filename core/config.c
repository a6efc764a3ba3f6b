#include "config.h"

#include "paths.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* libinih's line buffer as packaged by Debian (INI_MAX_LINE), including "\n\0". */
#define INIH_LINE_MAX 200
/* libinih cuts key names to this many bytes minus one (MAX_NAME). */
#define INIH_NAME_MAX 50

#define LONG_LINE "line too long (inih's limit is 200 bytes)"

void config_defaults(config_t *c)
{
    memset(c, 0, sizeof *c);
    c->search_limit = 50;
    c->snippet_chars = 40;
    c->search_mode = CONFIG_MODE_AND;
    c->history_size = 500;
    c->history_record = 1;
    c->theme = CONFIG_THEME_DEFAULT;
    c->borders = CONFIG_BORDERS_ASCII;
    c->script = CONFIG_SCRIPT_SIMPLIFIED;
    c->min_cols = 80;
    c->min_rows = 24;
    c->input_max = 256;
}

void config_free(config_t *c)
{
    free(c->path);
    free(c->db_path);
    free(c->history_file);
    free(c->trusted_keys);
    for (size_t i = 0; i < c->nkeys; i++) {
        free(c->keys[i].action);
        free(c->keys[i].keys);
    }
    free(c->keys);
    config_defaults(c);
}

/* ---- the keys ------------------------------------------------------------------- */

enum kind { K_STRING, K_INT, K_BOOL, K_CHOICE };

static const char *const modes[] = {"and", "or", NULL};
static const char *const themes[] = {"default", "mono", NULL};
static const char *const border_styles[] = {"ascii", "unicode", NULL};
static const char *const scripts[] = {"simplified", "traditional", NULL};

typedef struct {
    const char *section, *name;
    enum kind kind;
    size_t offset; /* of a char * (K_STRING) or int field in config_t */
    int min, max;
    const char *const *choices; /* K_CHOICE: index = stored value */
} key_def;

#define AT(field) offsetof(config_t, field)
static const key_def key_defs[] = {
    {"database", "path", K_STRING, AT(db_path), 0, 0, NULL},
    {"search", "limit", K_INT, AT(search_limit), CONFIG_SEARCH_LIMIT_MIN,
     CONFIG_SEARCH_LIMIT_MAX, NULL},
    {"search", "snippet_chars", K_INT, AT(snippet_chars), CONFIG_SNIPPET_CHARS_MIN,
     CONFIG_SNIPPET_CHARS_MAX, NULL},
    {"search", "mode", K_CHOICE, AT(search_mode), 0, 0, modes},
    {"history", "file", K_STRING, AT(history_file), 0, 0, NULL},
    {"history", "size", K_INT, AT(history_size), CONFIG_HISTORY_SIZE_MIN,
     CONFIG_HISTORY_SIZE_MAX, NULL},
    {"history", "record", K_BOOL, AT(history_record), 0, 0, NULL},
    {"ui", "theme", K_CHOICE, AT(theme), 0, 0, themes},
    {"ui", "borders", K_CHOICE, AT(borders), 0, 0, border_styles},
    {"ui", "script", K_CHOICE, AT(script), 0, 0, scripts},
    {"ui", "min_cols", K_INT, AT(min_cols), CONFIG_MIN_COLS_MIN, CONFIG_MIN_COLS_MAX, NULL},
    {"ui", "min_rows", K_INT, AT(min_rows), CONFIG_MIN_ROWS_MIN, CONFIG_MIN_ROWS_MAX, NULL},
    {"ui", "input_max", K_INT, AT(input_max), CONFIG_INPUT_MAX_MIN, CONFIG_INPUT_MAX_MAX,
     NULL},
    {"packages", "trusted_keys", K_STRING, AT(trusted_keys), 0, 0, NULL},
};
#define NKEYS (sizeof key_defs / sizeof *key_defs)

/* [keys] takes any names; the console checks them. */
static const char *const section_names[] = {"database", "search", "history", "ui", "packages",
                                            "keys"};
#define NSECTIONS (sizeof section_names / sizeof *section_names)

/* ---- parsing state and errors ------------------------------------------------------ */

typedef struct {
    config_t *c;
    const char *file;
    FILE *f;
    char *buf; /* getline's */
    size_t cap;
    int lineno;
    const char *section; /* current known section, NULL before one or in an unknown one */
    int in_unknown;      /* in an unknown section: its keys were reported with it */
    buf_t errors;
    int nerrors;
} parse_t;

static void add_error(parse_t *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_error(parse_t *ps, const char *fmt, ...)
{
    va_list ap;
    if (ps->nerrors++)
        buf_addc(&ps->errors, '\n');
    if (ps->lineno > 0)
        buf_printf(&ps->errors, "%s:%d: ", ps->file, ps->lineno);
    else
        buf_printf(&ps->errors, "%s: ", ps->file);
    va_start(ap, fmt);
    buf_vprintf(&ps->errors, fmt, ap);
    va_end(ap);
}

static int valid_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        if (!valid)
            return 0;
    }
    return 1;
}

/* Where inih would see the '=' or ':' of a key line: the first one before an inline
 * ';' comment (a ';' after whitespace). NULL when there is none. */
static const char *find_separator(const char *s)
{
    int was_space = 0;
    for (; *s; s++) {
        if (*s == '=' || *s == ':')
            return s;
        if (*s == ';' && was_space)
            return NULL;
        was_space = *s == ' ' || *s == '\t';
    }
    return NULL;
}

static size_t rtrim_len(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

/* ---- the reader: one physical line at a time, checked before inih sees it ---------- */

/* A "[name]" line; t starts at '['. Returns what inih gets in out. */
static char *section_line(parse_t *ps, const char *t, char *out, int num)
{
    const char *close = strchr(t, ']');
    ps->section = NULL;
    ps->in_unknown = 1; /* until the name is known: no cascade of errors below it */
    if (!close) {
        add_error(ps, "missing ']' in section header");
        return out;
    }
    const char *rest = close + 1 + strspn(close + 1, " \t");
    if (*rest && *rest != ';' && *rest != '#') {
        add_error(ps, "unexpected text after section header");
        return out;
    }
    const char *name = t + 1 + strspn(t + 1, " \t");
    size_t n = rtrim_len(name, (size_t)(close - name));
    for (size_t i = 0; i < NSECTIONS; i++) {
        if (strlen(section_names[i]) == n && strncasecmp(name, section_names[i], n) == 0) {
            ps->section = section_names[i];
            ps->in_unknown = 0;
            snprintf(out, (size_t)num, "[%s]\n", section_names[i]);
            return out;
        }
    }
    add_error(ps, "unknown section [%.*s]", (int)(n > 60 ? 60 : n), name);
    return out;
}

/* inih's reader callback. Reads the whole physical line itself (so a long one is never
 * split into two), counts it, and hands inih either the line, stripped of indentation
 * (no continuation lines), or a blank line when the line is a comment, is in an unknown
 * section or is already known to be wrong. The handler runs right after this returns,
 * so ps->lineno is the handler's line. */
static char *read_line(char *out, int num, void *stream)
{
    parse_t *ps = stream;
    if (num < 3)
        return NULL;
    ssize_t got = getline(&ps->buf, &ps->cap, ps->f);
    if (got < 0)
        return NULL;
    ps->lineno++;
    char *s = ps->buf;
    size_t len = (size_t)got;
    if (ps->lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    s[len] = '\0';
    out[0] = '\n';
    out[1] = '\0';

    if (strlen(s) != len) {
        add_error(ps, "NUL byte in line");
        return out;
    }
    if (!valid_utf8(s, len)) {
        add_error(ps, "invalid UTF-8");
        return out;
    }
    const char *t = s + strspn(s, " \t");
    if (*t == '\0' || *t == ';' || *t == '#')
        return out;
    if (*t == '[')
        return section_line(ps, t, out, num);
    if (ps->in_unknown)
        return out;
    const char *sep = find_separator(t);
    size_t tl = strlen(t);
    if (!sep) {
        add_error(ps, "expected 'key = value'");
    } else if (rtrim_len(t, (size_t)(sep - t)) == 0) {
        add_error(ps, "missing key name before '%c'", *sep);
    } else if (rtrim_len(t, (size_t)(sep - t)) >= INIH_NAME_MAX) {
        add_error(ps, "key name too long");
    } else if (!ps->section) {
        add_error(ps, "'%.*s' is outside any [section]", (int)rtrim_len(t, (size_t)(sep - t)),
                  t);
    } else if (tl + 2 > (size_t)num || tl + 2 > INIH_LINE_MAX) {
        add_error(ps, LONG_LINE);
    } else {
        memcpy(out, t, tl);
        out[tl] = '\n';
        out[tl + 1] = '\0';
    }
    return out;
}

/* ---- the handler: one key = value ------------------------------------------------ */

static int parse_int(const char *v, long *out)
{
    char *end;
    if (!*v)
        return -1;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || end == v || v[0] == ' ')
        return -1;
    *out = n;
    return 0;
}

static int parse_bool(const char *v)
{
    static const char *const yes[] = {"yes", "true", "1", "on"};
    static const char *const no[] = {"no", "false", "0", "off"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    }
    return -1;
}

/* A string value without one pair of surrounding double quotes, for paths written as
 * "C:/my files" out of habit. */
static char *unquote(const char *v)
{
    size_t n = strlen(v);
    if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
        return xstrndup(v + 1, n - 2);
    return xstrdup(v);
}

static void set_key(parse_t *ps, const key_def *k, const char *v)
{
    void *field = (char *)ps->c + k->offset;
    switch (k->kind) {
    case K_STRING: {
        char **sp = field;
        free(*sp);
        *sp = unquote(v);
        if (!**sp) { /* empty: the default */
            free(*sp);
            *sp = NULL;
        }
        return;
    }
    case K_INT: {
        long n;
        if (parse_int(v, &n) != 0)
            add_error(ps, "[%s] %s: '%s' is not a whole number", k->section, k->name, v);
        else if (n < k->min || n > k->max)
            add_error(ps, "[%s] %s: %ld is out of range (%d..%d)", k->section, k->name, n,
                      k->min, k->max);
        else
            *(int *)field = (int)n;
        return;
    }
    case K_BOOL: {
        int b = parse_bool(v);
        if (b < 0)
            add_error(ps, "[%s] %s: '%s' is not yes or no (yes/no, true/false, on/off, 1/0)",
                      k->section, k->name, v);
        else
            *(int *)field = b;
        return;
    }
    case K_CHOICE: {
        buf_t list;
        for (int i = 0; k->choices[i]; i++) {
            if (strcasecmp(v, k->choices[i]) == 0) {
                *(int *)field = i;
                return;
            }
        }
        buf_init(&list);
        for (int i = 0; k->choices[i]; i++)
            buf_printf(&list, "%s%s", i ? ", " : "", k->choices[i]);
        add_error(ps, "[%s] %s: '%s' is not one of: %s", k->section, k->name, v, list.s);
        buf_free(&list);
        return;
    }
    }
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
    parse_t *ps = user;
    (void)section; /* the reader tracks it, along with the line number */
    if (!ps->section || !value)
        return 1;
    if (strlen(value) >= CONFIG_VALUE_MAX) {
        add_error(ps, LONG_LINE);
        return 1;
    }
    if (strcmp(ps->section, "keys") == 0) {
        config_t *c = ps->c;
        c->keys = xgrow(c->keys, &c->keys_cap, c->nkeys + 1, sizeof *c->keys);
        c->keys[c->nkeys].action = xstrdup(name);
        c->keys[c->nkeys].keys = xstrdup(value);
        c->keys[c->nkeys].line = ps->lineno;
        c->nkeys++;
        return 1;
    }
    for (size_t i = 0; i < NKEYS; i++) {
        if (strcmp(key_defs[i].section, ps->section) == 0 &&
            strcasecmp(key_defs[i].name, name) == 0) {
            set_key(ps, &key_defs[i], value);
            return 1;
        }
    }
    add_error(ps, "unknown key '%s' in [%s]", name, ps->section);
    return 1;
}

/* ---- loading -------------------------------------------------------------------- */

const char *config_find(const char *explicit_path)
{
    static char *xdg;
    if (explicit_path && *explicit_path)
        return explicit_path;
    const char *env = getenv("GONGKAI_CONFIG");
    if (env && *env)
        return env;
    free(xdg);
    xdg = paths_config_file();
    return xdg;
}

int config_load(config_t *c, const char *path, char **errors)
{
    parse_t ps;
    int optional = 0;
    config_defaults(c);
    if (errors)
        *errors = NULL;
    if (!path) {
        const char *env = getenv("GONGKAI_CONFIG");
        optional = !(env && *env);
        path = config_find(NULL);
        if (!path)
            return 0; /* no home directory: nothing to read */
    }
    c->path = xstrdup(path);

    memset(&ps, 0, sizeof ps);
    ps.c = c;
    ps.file = c->path;
    buf_init(&ps.errors);
    ps.f = fopen(path, "r");
    if (!ps.f) {
        if (optional && errno == ENOENT)
            return 0;
        add_error(&ps, "cannot open: %s", strerror(errno));
    } else {
        int rc = ini_parse_stream(read_line, &ps, on_value, &ps);
        if (ferror(ps.f)) {
            ps.lineno = 0;
            add_error(&ps, "cannot read: %s", strerror(errno));
        } else if (rc == -2) {
            ps.lineno = 0;
            add_error(&ps, "out of memory");
        } else if (rc > 0 && ps.nerrors == 0) {
            ps.lineno = rc; /* inih saw something the reader let through */
            add_error(&ps, "syntax error");
        }
        fclose(ps.f);
        free(ps.buf);
    }
    if (ps.nerrors == 0)
        return 0;
    if (errors)
        *errors = buf_take(&ps.errors);
    else
        buf_free(&ps.errors);
    return -1;
}

static char *path_or_default(const char *p, char *(*fallback)(void))
{
    return p && *p ? paths_expand_home(p) : fallback();
}

char *config_db_path(const config_t *c)
{
    return path_or_default(c->db_path, paths_default_db);
}

char *config_history_path(const config_t *c)
{
    return path_or_default(c->history_file, paths_history_file);
}

static char *default_trusted_keys(void)
{
    char *dir = paths_config_dir();
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/trusted-keys", dir);
    free(dir);
    return p;
}

char *config_trusted_keys(const config_t *c)
{
    return path_or_default(c->trusted_keys, default_trusted_keys);
}

/* ---- rewriting one value --------------------------------------------------------- */

static int valid_name(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");
    return n > 0 && !s[n] && n < INIH_NAME_MAX;
}

/* Checks that value reads back exactly as written. NULL when fine. */
static const char *value_problem(const char *v)
{
    size_t n = strlen(v);
    if (n >= CONFIG_VALUE_MAX)
        return LONG_LINE;
    if (!valid_utf8(v, n))
        return "value is not valid UTF-8";
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        if (ch < 0x20 || ch == 0x7F)
            return "value contains a control character";
        if (ch == ';' && i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\t'))
            return "value contains ' ;', which would start a comment";
    }
    if (n > 0 && (v[0] == ' ' || v[n - 1] == ' ' || v[0] == '\t' || v[n - 1] == '\t'))
        return "value starts or ends with a space";
    return NULL;
}

/* Reads the whole file into b. Returns 1 when read, 0 when it does not exist, -1 on
 * error (errno set). */
static int read_all(const char *path, buf_t *b, struct stat *st)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? 0 : -1;
    if (fstat(fileno(f), st) != 0) {
        fclose(f);
        return -1;
    }
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(b, chunk, n);
    int bad = ferror(f);
    int err = errno;
    fclose(f);
    if (bad) {
        errno = err ? err : EIO;
        return -1;
    }
    return 1;
}

/* One line of the file being rewritten: [start, end) without the line end, which runs
 * to next. */
typedef struct {
    size_t start, end, next;
} span_t;

/* Does comment line t (starting at ';' or '#') comment out "key = ..."? */
static int comments_out(const char *t, size_t n, const char *key)
{
    size_t i = 0, kl = strlen(key);
    while (i < n && (t[i] == ';' || t[i] == '#' || t[i] == ' ' || t[i] == '\t'))
        i++;
    if (n - i < kl || strncasecmp(t + i, key, kl) != 0)
        return 0;
    i += kl;
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i < n && (t[i] == '=' || t[i] == ':');
}

/* The file's text with the key set (its length in *outlen); NULL and *msg when a line
 * would grow too long. */
static char *rewrite(const char *text, size_t len, const char *section, const char *key,
                     const char *value, size_t *outlen, const char **msg)
{
    span_t *lines = NULL;
    size_t nlines = 0, cap = 0;
    for (size_t p = 0; p < len;) {
        const char *nl = memchr(text + p, '\n', len - p);
        size_t next = nl ? (size_t)(nl - text) + 1 : len, end = nl ? next - 1 : len;
        if (end > p && text[end - 1] == '\r')
            end--;
        lines = xgrow(lines, &cap, nlines + 1, sizeof *lines);
        lines[nlines++] = (span_t){p, end, next};
        p = next;
    }
    const char *eol = nlines > 0 && lines[0].next - lines[0].end == 2 ? "\r\n" : "\n";

    /* First pass: which lines to replace, and where a missing key would go. */
    char *replace = xcalloc(nlines ? nlines : 1, 1);
    size_t insert_after = (size_t)-1, header = (size_t)-1, last_key = (size_t)-1,
           commented = (size_t)-1;
    int in_section = 0, found = 0;
    for (size_t i = 0; i < nlines; i++) {
        const char *s = text + lines[i].start;
        size_t n = lines[i].end - lines[i].start;
        if (i == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        while (n > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        if (n == 0)
            continue;
        if (*s == '[') {
            const char *close = memchr(s, ']', n);
            in_section = 0;
            if (close) {
                const char *name = s + 1;
                while (name < close && (*name == ' ' || *name == '\t'))
                    name++;
                size_t nn = rtrim_len(name, (size_t)(close - name));
                in_section = nn == strlen(section) && strncasecmp(name, section, nn) == 0;
            }
            if (in_section) {
                header = i;
                last_key = commented = (size_t)-1;
            }
            continue;
        }
        if (!in_section)
            continue;
        if (*s == ';' || *s == '#') {
            if (comments_out(s, n, key))
                commented = i;
            continue;
        }
        char *copy = xstrndup(s, n);
        const char *sep = find_separator(copy);
        if (sep) {
            size_t kl = rtrim_len(copy, (size_t)(sep - copy));
            if (kl == strlen(key) && strncasecmp(copy, key, kl) == 0) {
                replace[i] = 1;
                found = 1;
            }
            last_key = i;
        }
        free(copy);
    }
    if (!found && header != (size_t)-1)
        insert_after = commented != (size_t)-1 ? commented
                       : last_key != (size_t)-1 ? last_key
                                                : header;

    buf_t out;
    buf_init(&out);
    for (size_t i = 0; i < nlines; i++) {
        span_t l = lines[i];
        if (replace[i]) {
            /* Keep the key, the separator and its spacing, and any inline comment. */
            char *line = xstrndup(text + l.start, l.end - l.start);
            const char *sep = find_separator(line);
            size_t vstart = (size_t)(sep - line) + 1;
            vstart += strspn(line + vstart, " \t");
            size_t cstart = vstart;
            int was_space = 0;
            for (; line[cstart]; cstart++) {
                if (line[cstart] == ';' && was_space)
                    break;
                was_space = line[cstart] == ' ' || line[cstart] == '\t';
            }
            size_t vend = vstart + rtrim_len(line + vstart, cstart - vstart);
            size_t before = out.len;
            buf_add(&out, line, vstart);
            if (vstart == vend && !line[vend] && line[vstart - 1] != ' ' &&
                line[vstart - 1] != '\t')
                buf_addc(&out, ' '); /* "key =" had no value and no space to reuse */
            buf_adds(&out, value);
            buf_adds(&out, line + vend);
            free(line);
            if (out.len - before + 2 > INIH_LINE_MAX)
                *msg = "the line with the new value would be too long for inih (200 bytes)";
            buf_add(&out, text + l.end, l.next - l.end);
        } else {
            buf_add(&out, text + l.start, l.next - l.start);
        }
        if (i == insert_after) {
            if (l.next == l.end) /* last line without a line end */
                buf_adds(&out, eol);
            buf_printf(&out, "%s = %s%s", key, value, eol);
        }
    }
    if (!found && header == (size_t)-1) {
        if (out.len > 0 && out.s[out.len - 1] != '\n')
            buf_adds(&out, eol);
        buf_printf(&out, "%s[%s]%s%s = %s%s", out.len ? eol : "", section, eol, key, value,
                   eol);
    }
    free(replace);
    free(lines);
    if (*msg) {
        buf_free(&out);
        return NULL;
    }
    *outlen = out.len;
    return buf_take(&out);
}

/* Writes data to path through a temporary file in the same directory, so a crash
 * leaves either the old or the new file. Returns 0 or -1 with *msg set. */
static int write_atomic(const char *path, const char *data, size_t len, mode_t mode,
                        char **msg)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
                      : xstrdup(".");
    char *tmp = xasprintf("%s/.%s.XXXXXX", dir, slash ? slash + 1 : path);
    int fd = mkostemp(tmp, O_CLOEXEC), rc = -1;
    if (fd < 0) {
        *msg = xasprintf("%s: cannot create a temporary file: %s", dir, strerror(errno));
        goto out;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            break;
        off += (size_t)w;
    }
    if (off < len || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
        *msg = xasprintf("%s: cannot write: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        goto out;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        *msg = xasprintf("%s: cannot replace: %s", path, strerror(errno));
        unlink(tmp);
        goto out;
    }
    /* The rename itself must reach the disk too. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    rc = 0;
out:
    free(tmp);
    free(dir);
    return rc;
}

int config_set_value(const char *path, const char *section, const char *key,
                     const char *value, char **err)
{
    char *msg = NULL, *target = NULL, *text = NULL;
    const char *problem = NULL;
    buf_t old;
    struct stat st;
    buf_init(&old);

    if (!valid_name(section) || !valid_name(key)) {
        msg = xasprintf("bad section or key name [%s] %s", section, key);
        goto out;
    }
    if ((problem = value_problem(value)) != NULL) {
        msg = xasprintf("%s: [%s] %s: %s", path, section, key, problem);
        goto out;
    }
    /* Replace a symlink's target (dotfiles often live elsewhere), not the link. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        target = realpath(path, NULL);
        if (!target) {
            msg = xasprintf("%s: cannot follow symlink: %s", path, strerror(errno));
            goto out;
        }
    } else {
        target = xstrdup(path);
    }
    int have = read_all(target, &old, &st);
    if (have < 0) {
        msg = xasprintf("%s: cannot read: %s", target, strerror(errno));
        goto out;
    }
    mode_t mode;
    if (have) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
        char *slash = strrchr(target, '/');
        if (slash && slash != target) {
            *slash = '\0';
            int rc = paths_mkdir_p(target, 0700);
            int e = errno;
            *slash = '/';
            if (rc != 0) {
                msg = xasprintf("%s: cannot create its directory: %s", target, strerror(e));
                goto out;
            }
        }
    }
    size_t tlen = 0;
    text = rewrite(old.s ? old.s : "", old.len, section, key, value, &tlen, &problem);
    if (!text) {
        msg = xasprintf("%s: [%s] %s: %s", target, section, key, problem);
        goto out;
    }
    write_atomic(target, text, tlen, mode, &msg);
out:
    free(text);
    free(target);
    buf_free(&old);
    if (err)
        *err = msg;
    else
        free(msg);
    return msg ? -1 : 0;
}
