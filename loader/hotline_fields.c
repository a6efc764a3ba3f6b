/* The words of a hotline row (loader/hotline_fields.h). */
#include "hotline_fields.h"

#include "hotservice.h"
#include "xalloc.h"

#include <string.h>

typedef struct {
    const char *text;
    const char *value;
} word;

/* Text without ASCII and ideographic spaces, into buf (truncated). */
static const char *squeeze(const char *s, char *buf, size_t n)
{
    size_t w = 0;
    for (; *s && w + 1 < n; s++) {
        if (*s == ' ' || *s == '\t')
            continue;
        if (!strncmp(s, "\xE3\x80\x80", 3)) { /* U+3000 */
            s += 2;
            continue;
        }
        buf[w++] = *s;
    }
    buf[w] = '\0';
    return buf;
}

static const char *lookup(const word *t, const char *text)
{
    char buf[128];
    squeeze(text, buf, sizeof buf);
    for (size_t i = 0; t[i].text; i++)
        if (!strcmp(t[i].text, buf))
            return t[i].value;
    return NULL;
}

/* The service lines are shared with the routing engine (core/hotservice.c). */
const char *hotline_service_line(const char *text)
{
    return hotservice_line(text);
}

const char *hotline_service_lines_label(void)
{
    return hotservice_lines_label();
}

static const word statuses[] = {
    {"", "active"},      {"active", "active"},   {"在用", "active"},    {"有效", "active"},
    {"正常", "active"},  {"开通", "active"},     {"merged", "merged"},  {"已并入", "merged"},
    {"并入", "merged"},  {"已合并", "merged"},   {"合并", "merged"},    {"已整合", "merged"},
    {"retired", "retired"}, {"停用", "retired"}, {"已停用", "retired"}, {"撤销", "retired"},
    {"已撤销", "retired"},  {"停机", "retired"}, {NULL, NULL},
};

const char *hotline_status(const char *text)
{
    return lookup(statuses, text);
}

static const word levels[] = {
    {"部", "部"},     {"部级", "部"},     {"国家", "部"},     {"国家级", "部"},   {"中央", "部"},
    {"全国", "部"},   {"省", "省"},       {"省级", "省"},     {"市", "市"},       {"市级", "市"},
    {"地", "市"},     {"地级", "市"},     {"地市", "市"},     {"地市级", "市"},   {"县", "县"},
    {"县级", "县"},   {"区县", "县"},     {"县区", "县"},     {"乡", "乡"},       {"乡级", "乡"},
    {"乡镇", "乡"},   {"街道", "乡"},     {"乡镇街道", "乡"}, {NULL, NULL},
};

const char *hotline_admin_level(const char *text)
{
    return lookup(levels, text);
}

const char *hotline_level_of(int div_level)
{
    static const char *const by_level[] = {"部", "省", "市", "县", "乡", "乡"};
    return div_level >= 0 && div_level <= 5 ? by_level[div_level] : NULL;
}

size_t hotline_operator_places(const char *op, char **out, size_t max)
{
    static const char *const suffixes[] = {"省", "市", "区", "县", "旗", "州", "盟", NULL};
    size_t n = 0, len = strlen(op);
    /* Ends of suffixes, scanned from the right: the longest prefix first. */
    for (size_t end = len; end > 0 && n < max; end--) {
        if (end >= len)
            continue; /* a name must follow the place */
        if (((unsigned char)op[end] & 0xC0) == 0x80)
            continue;
        for (size_t i = 0; suffixes[i]; i++) {
            size_t sl = strlen(suffixes[i]);
            if (end >= sl + 3 && !memcmp(op + end - sl, suffixes[i], sl)) {
                out[n++] = xstrndup(op, end);
                break;
            }
        }
    }
    return n;
}
