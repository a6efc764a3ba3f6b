#include "action.h"

#include <string.h>

static const struct {
    const char *name, *label, *help;
} table[ACT_COUNT] = {
    [ACT_NONE] = {"none", "", ""},
#define X(id, name, label, help) [ACT_##id] = {name, label, help},
    ACTIONS(X)
#undef X
};

const char *action_name(enum action a)
{
    return (a > ACT_NONE && a < ACT_COUNT) ? table[a].name : "none";
}

const char *action_label(enum action a)
{
    return (a > ACT_NONE && a < ACT_COUNT) ? table[a].label : "";
}

const char *action_help(enum action a)
{
    return (a > ACT_NONE && a < ACT_COUNT) ? table[a].help : "";
}

enum action action_by_name(const char *name)
{
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (!strcmp(table[a].name, name))
            return (enum action)a;
    return ACT_NONE;
}
