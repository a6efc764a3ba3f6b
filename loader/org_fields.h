/* Field handling shared by the organisation kinds (orgs, org_lists): 统一社会信用代码 with
 * warnings instead of rejections (a wrong check digit may be an early pilot code, and a
 * blacklist row must never be dropped for a typo in its code), dates of any published
 * precision, and the names an organisation is found by. */
#ifndef GONGKAI_ORG_FIELDS_H
#define GONGKAI_ORG_FIELDS_H

#include "load.h"
#include "uscc.h"

typedef struct {
    const char *code;  /* normalised code to store, or NULL (empty or malformed) */
    const char *check; /* ok, bad_check, bad_format, none */
    uscc_info info;
} org_code;

/* Reads a code field. Empty gives check "none"; a malformed code is kept only as raw
 * text ("bad_format", warning: the row is matched by name); a wrong check digit is kept
 * with a warning that names the check character expected. what: 统一社会信用代码. */
void org_code_read(load_ctx *c, long line, const char *raw, org_code *out);

/* Reads a date field of any precision (YYYY-MM-DD, YYYY-MM, YYYY, 2021年4月 ...). A
 * parenthesised remark after the date is allowed (kept by the caller in a raw column).
 * Returns 1 with out filled, 0 when raw is empty, -1 after a warning naming the field. */
int org_date_read(load_ctx *c, long line, const char *field, const char *raw, char out[11]);

/* Names are staged (temp.org_name_stage) and written to org_name in verdict order when
 * the load finishes (loader/org_finish.c). org_names_begin creates the stage. */
int org_names_begin(load_ctx *c);
/* Stages a name of org_id (current = 1 for its present name). Returns 0/-1. */
int org_name_add(load_ctx *c, long long org_id, const char *name, int current,
                 const char *valid_to);
/* The same with the name's orgname_key and orgname_core already at hand. */
int org_name_add_keyed(load_ctx *c, long long org_id, const char *name, const char *key,
                       const char *core, int current, const char *valid_to);

/* 正常/存续/成立 -> 1, 注销/撤销/吊销 -> 0, anything else -> -1 (unknown). */
int org_status_active(const char *status);

#endif
