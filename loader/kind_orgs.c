/* kind = orgs: the social-organisation registry, one row per organisation (名称, 统一社会
 * 信用代码, 类型, 登记管理机关, 业务主管单位, 法定代表人, 成立登记日期, 注册资金, 登记状态,
 * 住所, 业务范围, 曾用名, 数据截至), columns named by map.FIELD (docs/data-formats.md).
 * Lists are linked to these rows, and search units made, when the load finishes
 * (loader/org_finish.c). */
#include "kinds.h"

#include "csvmap.h"
#include "org_fields.h"
#include "orgname.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {
    "name",    "uscc",   "org_type", "reg_authority", "supervisor_unit", "legal_rep",
    "founded_date", "registered_capital", "status", "address", "scope", "former_names",
    "as_of",   "region_code", NULL};
enum {
    F_NAME, F_USCC, F_TYPE, F_AUTH, F_SUPERVISOR, F_REP, F_FOUNDED, F_CAPITAL, F_STATUS,
    F_ADDRESS, F_SCOPE, F_FORMER, F_AS_OF, F_REGION
};

/* The type a code's second character stands for must agree with the type column. */
static void check_type(load_ctx *c, long line, const org_code *oc, const char *type)
{
    if (!oc->code || !*type)
        return;
    const char *t = oc->info.type_label;
    int agree = t && (strstr(type, t) ||
                      (!strcmp(t, "民办非企业单位") && strstr(type, "社会服务机构")));
    if (oc->info.social_org && !agree)
        diag_warn(c->d, c->relpath, line, "类型“%s”与统一社会信用代码第2位（%s）不符", type,
                  t ? t : "?");
    else if (!oc->info.social_org)
        diag_warn(c->d, c->relpath, line,
                  "统一社会信用代码 %s 不是民政部门登记的社会组织代码（第1位应为5，第2位为1、2、3或9）",
                  oc->code);
}

/* 曾用名: several separated by ；; 、 or |. */
static void add_former_names(load_ctx *c, long long id, const char *list)
{
    buf_t b;
    buf_init(&b);
    for (const char *p = list; *p;) {
        if (!strncmp(p, "；", 3) || !strncmp(p, "、", 3)) {
            buf_addc(&b, ';');
            p += 3;
        } else {
            buf_addc(&b, *p++);
        }
    }
    char *save = NULL;
    for (char *t = strtok_r(b.s, ";|", &save); t; t = strtok_r(NULL, ";|", &save))
        if (orgname_valid(t))
            org_name_add(c, id, t, 0, NULL);
    buf_free(&b);
}

static int load_orgs_file(load_ctx *c, const char *text, size_t len)
{
    static sqlite3_stmt *st;
    static const char *const required[] = {"name", NULL};
    csvmap m;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(&m, c)) {
        const char *const *v = m.v;
        if (!orgname_valid(v[F_NAME])) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, m.line, "没有可用的名称"))
                break;
            continue;
        }
        org_code oc;
        org_code_read(c, m.line, v[F_USCC], &oc);
        check_type(c, m.line, &oc, v[F_TYPE]);
        char founded[11], as_of[11];
        org_date_read(c, m.line, "成立登记日期", v[F_FOUNDED], founded);
        if (org_date_read(c, m.line, "数据截至", v[F_AS_OF], as_of) <= 0 && c->m->as_of)
            snprintf(as_of, sizeof as_of, "%s", c->m->as_of);
        const char *region = *v[F_REGION] ? v[F_REGION]
                             : oc.code && oc.info.region_shape_ok ? oc.info.region
                                                                  : NULL;
        int active = *v[F_STATUS] ? org_status_active(v[F_STATUS]) : -1;
        char *key = orgname_key(v[F_NAME]);
        char *core = orgname_core(key);
        sqlite3_stmt *s = load_stmt(
            c, &st,
            "INSERT INTO org(registered, uscc, uscc_raw, uscc_check, name, name_key, name_core, "
            "org_type, reg_authority, supervisor_unit, legal_rep, founded_date, "
            "registered_capital, status, active, address, scope, region_code, as_of, source_id, "
            "line) VALUES (1,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)");
        if (!s) {
            free(key);
            free(core);
            break;
        }
        sqlite3_bind_text(s, 1, oc.code, -1, SQLITE_STATIC);
        if (*v[F_USCC])
            sqlite3_bind_text(s, 2, v[F_USCC], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, oc.check, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, v[F_NAME], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, core, -1, SQLITE_STATIC);
        static const int text_fields[] = {F_TYPE, F_AUTH, F_SUPERVISOR, F_REP};
        for (size_t i = 0; i < 4; i++)
            if (*v[text_fields[i]])
                sqlite3_bind_text(s, 7 + (int)i, v[text_fields[i]], -1, SQLITE_STATIC);
        if (*founded)
            sqlite3_bind_text(s, 11, founded, -1, SQLITE_STATIC);
        if (*v[F_CAPITAL])
            sqlite3_bind_text(s, 12, v[F_CAPITAL], -1, SQLITE_STATIC);
        if (*v[F_STATUS])
            sqlite3_bind_text(s, 13, v[F_STATUS], -1, SQLITE_STATIC);
        if (active >= 0)
            sqlite3_bind_int(s, 14, active);
        if (*v[F_ADDRESS])
            sqlite3_bind_text(s, 15, v[F_ADDRESS], -1, SQLITE_STATIC);
        if (*v[F_SCOPE])
            sqlite3_bind_text(s, 16, v[F_SCOPE], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 17, region, -1, SQLITE_STATIC);
        if (*as_of)
            sqlite3_bind_text(s, 18, as_of, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 19, c->source_id);
        sqlite3_bind_int64(s, 20, m.line);
        int rc = sqlite3_step(s);
        long long id = sqlite3_last_insert_rowid(c->db);
        /* The name's key and core serve its org_name row too. */
        int name_rc = rc == SQLITE_DONE ? org_name_add_keyed(c, id, v[F_NAME], key, core, 1, NULL)
                                        : 0;
        free(key);
        free(core);
        if (rc != SQLITE_DONE) {
            diag_error(c->d, c->relpath, m.line, "cannot store the row");
            break;
        }
        if (name_rc != 0) {
            diag_error(c->d, c->relpath, m.line, "cannot store the name");
            break;
        }
        if (*v[F_FORMER])
            add_former_names(c, id, v[F_FORMER]);
        c->records++;
    }
    csvmap_close(&m);
    return 0;
}

const load_kind kind_orgs = {
    .name = "orgs",
    .keys = NULL,
    .csv_fields = fields,
    .begin = org_names_begin,
    .load_file = load_orgs_file,
    .finish = NULL,
};
