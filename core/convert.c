#include "convert.h"

#include "xalloc.h"

#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    enum convert_script script;
    const char *name, *alias1, *alias2;
} names[] = {
    {CONVERT_ORIGINAL, "original", "原文", "o"},
    {CONVERT_SIMPLIFIED, "simplified", "简", "s"},
    {CONVERT_TRADITIONAL, "traditional", "繁", "t"},
};

int convert_parse(const char *name, enum convert_script *out)
{
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i].name) || !strcmp(name, names[i].alias1) ||
            !strcmp(name, names[i].alias2)) {
            *out = names[i].script;
            return 0;
        }
    return -1;
}

const char *convert_name(enum convert_script s)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].script == s)
            return names[i].name;
    return "original";
}

/* One converter per direction. OpenCC reports failure as (opencc_t)-1, not NULL; a
 * failed open is remembered so that it is neither retried nor reported twice. */
#define CONVERT_FAILED ((opencc_t)-1)

static struct {
    opencc_t h;
    int tried;
} conv[3];
static int atexit_done;

static opencc_t converter(enum convert_script s)
{
    if (s != CONVERT_SIMPLIFIED && s != CONVERT_TRADITIONAL)
        return CONVERT_FAILED;
    if (!conv[s].tried) {
        conv[s].tried = 1;
        const char *config = s == CONVERT_SIMPLIFIED ? "t2s.json" : "s2t.json";
        conv[s].h = opencc_open(config);
        if (conv[s].h == CONVERT_FAILED) {
            const char *why = opencc_error();
            fprintf(stderr, "gongkai: 无法加载 OpenCC %s，按原文显示（cannot load OpenCC: %s）\n",
                    config, why ? why : "unknown error");
        } else if (!atexit_done) {
            atexit_done = 1;
            atexit(convert_close);
        }
    }
    return conv[s].h;
}

char *convert_text(enum convert_script s, const char *text, size_t len, size_t *outlen)
{
    char *res = NULL;
    if (len && s != CONVERT_ORIGINAL) {
        opencc_t h = converter(s);
        if (h != CONVERT_FAILED) {
            char *o = opencc_convert_utf8(h, text, len);
            if (o) {
                res = xstrdup(o); /* ours to free with free() */
                opencc_convert_utf8_free(o);
            }
        }
    }
    if (!res)
        res = xstrndup(text, len);
    if (outlen)
        *outlen = strlen(res);
    return res;
}

void convert_close(void)
{
    for (size_t i = 0; i < sizeof conv / sizeof *conv; i++) {
        if (conv[i].tried && conv[i].h != CONVERT_FAILED)
            opencc_close(conv[i].h);
        conv[i].h = CONVERT_FAILED;
        conv[i].tried = 0;
    }
}
