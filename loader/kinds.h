/* The source kinds a manifest section may name (kind = ...), one file each. */
#ifndef GONGKAI_KINDS_H
#define GONGKAI_KINDS_H

#include "load.h"

extern const load_kind kind_regulations;
extern const load_kind kind_reg_index;
extern const load_kind kind_vocab;
extern const load_kind kind_orgs;
extern const load_kind kind_org_lists;
extern const load_kind kind_divisions;
extern const load_kind kind_division_names;
extern const load_kind kind_division_changes;
extern const load_kind kind_place_names;
extern const load_kind kind_stats;
extern const load_kind kind_area_codes;
extern const load_kind kind_holidays;
extern const load_kind kind_hotlines;
extern const load_kind kind_qa;

/* Folded short title (no 中华人民共和国, no spaces or 《》): versions of one work share it. */
char *reg_work_key(const char *title);
/* 现行有效 / in_force / 已废止 ... -> the canonical status; 0, or -1 if unknown. */
int reg_status_parse(const char *s, const char **canonical);

#endif
