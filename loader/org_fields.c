#include "org_fields.h"

#include "isodate.h"
#include "orgname.h"

#include <stdlib.h>
#include <string.h>

void org_code_read(load_ctx *c, long line, const char *raw, org_code *out)
{
    memset(out, 0, sizeof *out);
    out->check = "none";
    while (*raw == ' ')
        raw++;
    if (!*raw)
        return;
    uscc_parse(raw, &out->info);
    if (!out->info.format_ok) {
        out->check = "bad_format";
        diag_warn(c->d, c->relpath, line, "统一社会信用代码“%s”格式错误：%s；按名称匹配", raw,
                  out->info.problem);
        return;
    }
    out->code = out->info.code;
    out->check = out->info.check_ok ? "ok" : "bad_check";
    if (!out->info.check_ok)
        diag_warn(c->d, c->relpath, line,
                  "统一社会信用代码 %s 校验位不符（应为 %c）：可能录入错误，或为早期试点代码",
                  out->info.code, out->info.expected_check);
}

int org_date_read(load_ctx *c, long line, const char *field, const char *raw, char out[11])
{
    out[0] = 0;
    while (*raw == ' ')
        raw++;
    if (!*raw)
        return 0;
    isodate d;
    const char *rest;
    if (!isodate_parse(raw, &d, &rest)) {
        diag_warn(c->d, c->relpath, line, "%s “%s” 不是日期（YYYY-MM-DD、YYYY-MM 或 YYYY）", field,
                  raw);
        return -1;
    }
    /* "2021-04 (page dated 2021-04-28)": a remark in brackets is fine, anything else is a
     * sign that the column holds something other than a date. */
    if (*rest && strncmp(rest, "(", 1) && strncmp(rest, "（", strlen("（"))) {
        diag_warn(c->d, c->relpath, line, "%s “%s” 在日期后还有文字", field, raw);
        return -1;
    }
    isodate_format(&d, out);
    return 1;
}

int org_name_add_keyed(load_ctx *c, long long org_id, const char *name, const char *key,
                       const char *core, int current, const char *valid_to)
{
    static sqlite3_stmt *st;
    sqlite3_stmt *s = load_stmt(c, &st,
                                "INSERT INTO temp.org_name_stage(org_id, name, name_key, "
                                "name_core, current, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, org_id);
    sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, core, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 5, current);
    if (valid_to && *valid_to)
        sqlite3_bind_text(s, 6, valid_to, -1, SQLITE_STATIC);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
}

int org_name_add(load_ctx *c, long long org_id, const char *name, int current,
                 const char *valid_to)
{
    char *key = orgname_key(name);
    char *core = orgname_core(key);
    int rc = org_name_add_keyed(c, org_id, name, key, core, current, valid_to);
    free(key);
    free(core);
    return rc;
}

int org_names_begin(load_ctx *c)
{
    return sqlite3_exec(c->db,
                        "CREATE TEMP TABLE IF NOT EXISTS org_name_stage(org_id INTEGER, "
                        "name TEXT, name_key TEXT, name_core TEXT, current INTEGER, "
                        "valid_to TEXT)",
                        NULL, NULL, NULL);
}

int org_status_active(const char *status)
{
    static const char *const active[] = {"正常", "存续", "成立", "登记", "活动", NULL};
    static const char *const ended[] = {"注销", "撤销", "吊销", "已注销", "已撤销", "撤销登记",
                                        "吊销登记证书", NULL};
    for (size_t i = 0; ended[i]; i++)
        if (strstr(status, ended[i]))
            return 0;
    for (size_t i = 0; active[i]; i++)
        if (strstr(status, active[i]))
            return 1;
    return -1;
}
