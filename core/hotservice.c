/* Service lines of hotlines (core/hotservice.h). */
#include "hotservice.h"

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

static const word service_lines[] = {
    {"社会救助", "社会救助"},
    {"救助", "社会救助"},
    {"社会救助服务", "社会救助"},
    {"社会救助热线", "社会救助"},
    {"社会救助服务热线", "社会救助"},
    {"低保", "社会救助"},
    {"急难救助", "社会救助"},
    {"儿童救助保护", "儿童救助保护"},
    {"儿童保护", "儿童救助保护"},
    {"儿童救助", "儿童救助保护"},
    {"未成年人保护", "儿童救助保护"},
    {"未成年人救助保护", "儿童救助保护"},
    {"儿童救助保护热线", "儿童救助保护"},
    {"养老服务", "养老服务"},
    {"养老", "养老服务"},
    {"流浪乞讨救助", "流浪乞讨救助"},
    {"流浪乞讨", "流浪乞讨救助"},
    {"流浪乞讨人员救助", "流浪乞讨救助"},
    {"救助管理", "流浪乞讨救助"},
    {"救助管理站", "流浪乞讨救助"},
    {"婚姻登记", "婚姻登记"},
    {"婚姻", "婚姻登记"},
    {"殡葬", "殡葬"},
    {"殡葬服务", "殡葬"},
    {"殡葬管理", "殡葬"},
    {"社会组织投诉举报", "社会组织投诉举报"},
    {"社会组织举报", "社会组织投诉举报"},
    {"社会组织投诉", "社会组织投诉举报"},
    {"非法社会组织举报", "社会组织投诉举报"},
    {"综合", "综合"},
    {"综合服务", "综合"},
    {"政务服务", "综合"},
    {"政务服务便民热线", "综合"},
    {"民政综合", "综合"},
    {NULL, NULL},
};

static const word numbers[] = {
    {"12349", "儿童救助保护"},
    {"12345", "综合"},
    {NULL, NULL},
};

static const char *lookup(const word *t, const char *text)
{
    char buf[128];
    if (!text)
        return NULL;
    squeeze(text, buf, sizeof buf);
    for (size_t i = 0; t[i].text; i++)
        if (!strcmp(t[i].text, buf))
            return t[i].value;
    return NULL;
}

const char *hotservice_line(const char *text)
{
    return lookup(service_lines, text);
}

const char *hotservice_line_or_number(const char *text)
{
    const char *v = lookup(service_lines, text);
    return v ? v : lookup(numbers, text);
}

const char *hotservice_lines_label(void)
{
    return "社会救助、儿童救助保护、养老服务、流浪乞讨救助、婚姻登记、殡葬、社会组织投诉举报、综合";
}

int hotservice_rank(const char *line)
{
    static const char *const order[] = {"社会救助", "儿童救助保护", "养老服务", "流浪乞讨救助",
                                        "婚姻登记", "殡葬", "社会组织投诉举报", "综合"};
    for (int i = 0; line && i < 8; i++)
        if (!strcmp(order[i], line))
            return i;
    return 8;
}
