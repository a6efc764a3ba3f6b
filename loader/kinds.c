#include "kinds.h"

#include <string.h>

/* Order matters for finish(): regulations link versions after the index was read, and
 * the organisation lists finish last, when every registry row and regulation is in. */
const load_kind *const load_kinds[] = {
    &kind_reg_index,
    &kind_regulations,
    &kind_vocab,
    &kind_orgs,
    &kind_org_lists,
    &kind_divisions, /* finishes the JSON kinds' rows too: every file is read first */
    &kind_division_names,
    &kind_division_changes,
    &kind_place_names, /* its spellings are taken by division_finish */
    &kind_stats,       /* after division_finish: regions are resolved by name */
    &kind_area_codes,  /* after division_finish, before hotlines, which compare with it */
    &kind_holidays,
    &kind_hotlines,    /* after division_finish and area_codes */
    &kind_qa,          /* after finish_regs: bases resolve to linked versions */
    NULL,
};

const load_kind *load_kind_find(const char *name)
{
    for (size_t i = 0; load_kinds[i]; i++)
        if (!strcmp(load_kinds[i]->name, name))
            return load_kinds[i];
    return NULL;
}
