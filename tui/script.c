#include "script.h"

#include "utf8dec.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct script {
    FILE *f;
    char *path;
    int line;
    char pending[4096]; /* the rest of a "type" or "key" line still to deliver */
    size_t pos;
    int typing;         /* pending holds characters (type), else key names (key) */
};

script *script_open(const char *path, char **err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        return NULL;
    }
    script *s = xcalloc(1, sizeof *s);
    s->f = f;
    s->path = xstrdup(path);
    return s;
}

void script_close(script *s)
{
    if (!s)
        return;
    fclose(s->f);
    free(s->path);
    free(s);
}

static void bad(script *s, script_cmd *c, const char *why)
{
    fprintf(stderr, "%s:%d: %s\n", s->path, s->line, why);
    c->kind = SC_END;
}

/* Delivers the next character or key name of the pending line; 0 when it is empty. */
static int from_pending(script *s, script_cmd *c)
{
    char *p = s->pending + s->pos;
    if (s->typing) {
        if (!*p)
            return 0;
        uint32_t cp;
        int valid;
        int n = u8_decode((const unsigned char *)p, (const unsigned char *)p + strlen(p), &cp,
                          &valid);
        s->pos += (size_t)n;
        c->kind = SC_KEY;
        c->key = (gk_key){.code = KEYC_CHAR, .ch = cp};
        return 1;
    }
    while (*p == ' ')
        p++;
    if (!*p)
        return 0;
    char *end = strchr(p, ' ');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)len, p);
    s->pos = (size_t)(p - s->pending) + len;
    c->kind = SC_KEY;
    if (gkey_parse(name, &c->key) != 0)
        bad(s, c, "unknown key name");
    return 1;
}

void script_next(script *s, script_cmd *c)
{
    memset(c, 0, sizeof *c);
    if (from_pending(s, c)) {
        c->line = s->line;
        return;
    }
    char line[4096];
    while (fgets(line, sizeof line, s->f)) {
        s->line++;
        c->line = s->line;
        line[strcspn(line, "\r\n")] = '\0';
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            continue;
        char *arg = strchr(p, ' ');
        if (arg)
            *arg++ = '\0';
        else
            arg = p + strlen(p);
        if (!strcmp(p, "key") || !strcmp(p, "type")) {
            snprintf(s->pending, sizeof s->pending, "%s", arg);
            s->pos = 0;
            s->typing = !strcmp(p, "type");
            if (from_pending(s, c))
                return;
            continue;
        }
        if (!strcmp(p, "resize")) {
            if (sscanf(arg, "%d %d", &c->rows, &c->cols) != 2 || c->rows < 1 || c->cols < 1)
                bad(s, c, "resize ROWS COLS");
            else
                c->kind = SC_RESIZE;
            return;
        }
        if (!strcmp(p, "dump")) {
            if (!*arg) {
                bad(s, c, "dump PATH");
                return;
            }
            c->kind = SC_DUMP;
            snprintf(c->path, sizeof c->path, "%s", arg);
            return;
        }
        if (!strcmp(p, "click") || !strcmp(p, "wheel")) {
            int y, x;
            char dir[8] = "";
            int ok = !strcmp(p, "click") ? sscanf(arg, "%d %d", &y, &x) == 2
                                         : sscanf(arg, "%7s %d %d", dir, &y, &x) == 3;
            if (!ok) {
                bad(s, c, "click Y X / wheel up|down Y X");
                return;
            }
            c->kind = SC_KEY;
            c->key.code = KEYC_MOUSE;
            c->key.y = y;
            c->key.x = x;
            c->key.mouse = !strcmp(p, "click") ? MOUSE_CLICK
                           : !strcmp(dir, "up") ? MOUSE_WHEEL_UP
                                                : MOUSE_WHEEL_DOWN;
            return;
        }
        bad(s, c, "unknown command (key, type, resize, click, wheel, dump)");
        return;
    }
    c->kind = SC_END;
}
