/* The organisation check: routes the input (code or name), orders and filters the
 * candidates, reads the organisations shown and writes down what was searched. */
#include "orgcheck_int.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *oc_verdict_label(enum oc_verdict v)
{
    switch (v) {
    case OC_LISTED:
        return "在列";
    case OC_WAS_LISTED:
        return "曾列入";
    default:
        return "未列入";
    }
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void load_basis(gk_db *db, oc_result *r)
{
    for (int i = 0; i < LC_RULE_COUNT; i++)
        r->basis[i].citation = xstrdup("");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, "SELECT rule, citation, reg_id, node_id FROM rule_basis", -1,
                           &st, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(st) == SQLITE_ROW) {
        enum lc_rule_id id;
        const char *rule = (const char *)sqlite3_column_text(st, 0);
        if (!rule || lc_rule_find(rule, &id) != 0)
            continue;
        free(r->basis[id].citation);
        r->basis[id].citation = oc_col(st, 1);
        r->basis[id].reg_id = sqlite3_column_int64(st, 2);
        r->basis[id].node_id = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
}

/* The CASE that turns listing.list_kind into its enum value, from our own constants. */
static void kind_case(buf_t *b)
{
    buf_adds(b, "CASE l.list_kind");
    for (int k = 0; k < LK_COUNT; k++)
        buf_printf(b, " WHEN '%s' THEN %d", list_kind_id((enum list_kind)k), k);
    buf_adds(b, " ELSE 31 END");
}

static int filtering(const oc_opts *o)
{
    return o->kinds || o->current_only || (o->region && *o->region);
}

/* Whether org_id passes the list, current-only and region filters. */
static int passes(sqlite3_stmt *st, long long org_id)
{
    sqlite3_bind_int64(st, 1, org_id);
    int ok = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    return ok;
}

/* The region filter as parameter i: NULL when there is none. Only digits reach LIKE (a
 * region is a code prefix); anything else matches nothing. */
static void bind_region(sqlite3_stmt *st, int i, const oc_opts *o)
{
    const char *reg = o->region && *o->region ? o->region : NULL;
    if (reg && strspn(reg, "0123456789") == strlen(reg))
        sqlite3_bind_text(st, i, reg, -1, SQLITE_TRANSIENT);
    else if (reg)
        sqlite3_bind_text(st, i, "-", -1, SQLITE_STATIC);
}

static sqlite3_stmt *filter_stmt(gk_db *db, const oc_opts *o)
{
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "SELECT 1 FROM org o WHERE o.id = ?1 AND (?2 IS NULL OR "
                 "coalesce(o.region_code, '') LIKE ?2 || '%' OR EXISTS (SELECT 1 FROM listing l "
                 "WHERE l.org_id = o.id AND coalesce(l.region_code, '') LIKE ?2 || '%')) AND "
                 "(?3 = 0 AND ?4 = 0 OR EXISTS (SELECT 1 FROM listing l WHERE l.org_id = o.id "
                 "AND (?3 = 0 OR (?3 >> ");
    kind_case(&b);
    buf_adds(&b, ") & 1) AND (?4 = 0 OR l.removed_date IS NULL)))");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->h, b.s, -1, &st, NULL) == SQLITE_OK) {
        bind_region(st, 2, o);
        sqlite3_bind_int(st, 3, (int)o->kinds);
        sqlite3_bind_int(st, 4, o->current_only);
    }
    buf_free(&b);
    return st;
}

static int group_of(sqlite3_stmt *st, long long org_id)
{
    sqlite3_bind_int64(st, 1, org_id);
    int g = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 3;
    sqlite3_reset(st);
    return g;
}

static int cand_cmp(const void *a, const void *b)
{
    const oc_cand *x = a, *y = b;
    if (x->how != y->how)
        return (int)x->how - (int)y->how;
    if (x->group != y->group)
        return x->group - y->group;
    if (x->similarity != y->similarity)
        return x->similarity > y->similarity ? -1 : 1;
    return x->org_id > y->org_id ? -1 : x->org_id < y->org_id;
}

static int by_code(gk_db *db, oc_result *r, oc_cands *c)
{
    uscc_parse(r->input, &r->code);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, "SELECT id FROM org WHERE uscc = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    if (r->code.format_ok) {
        sqlite3_bind_text(st, 1, r->code.code, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW)
            oc_cands_add(c, sqlite3_column_int64(st, 0), ONM_EXACT, 1, r->code.code,
                         "统一社会信用代码一致");
        sqlite3_reset(st);
    }
    /* A code that fails its check, finds nothing, or is one character short or long may
     * hold one typo. */
    char norm[64];
    size_t len = uscc_normalize(r->input, norm, sizeof norm);
    if ((r->code.length_ok && (!r->code.check_ok || !c->n)) || len == USCC_LEN - 1 ||
        len == USCC_LEN + 1) {
        uscc_fix all[64];
        size_t n = uscc_suggest(norm, all, 64);
        /* The codes that exist come first: they are the likely intended ones. */
        size_t kept = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < n && kept < OC_MAX_FIXES; i++) {
                sqlite3_bind_text(st, 1, all[i].code, -1, SQLITE_STATIC);
                int exists = sqlite3_step(st) == SQLITE_ROW;
                sqlite3_reset(st);
                if (exists == !pass)
                    r->fixes[kept++] = all[i];
            }
        r->nfixes = kept;
        for (size_t i = 0; i < r->nfixes; i++) {
            sqlite3_bind_text(st, 1, r->fixes[i].code, -1, SQLITE_STATIC);
            char label[160];
            uscc_fix_label(&r->fixes[i], label, sizeof label);
            char *why = xasprintf("按“%s”更正后代码一致（可能录入错误）", label);
            while (sqlite3_step(st) == SQLITE_ROW) {
                r->fix_found[i]++;
                oc_cands_add(c, sqlite3_column_int64(st, 0), ONM_SIMILAR, 0, r->fixes[i].code,
                             why);
            }
            free(why);
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    /* A code the registry itself gives malformed, typed as it stands there (few rows:
     * they are compared normalised). */
    if (!c->n && !r->code.format_ok) {
        if (sqlite3_prepare_v2(db->h,
                               "SELECT id, uscc_raw FROM org WHERE uscc_check = 'bad_format'",
                               -1, &st, NULL) != SQLITE_OK)
            return -1;
        while (sqlite3_step(st) == SQLITE_ROW) {
            char raw[64];
            const char *t = (const char *)sqlite3_column_text(st, 1);
            if (t && uscc_normalize(t, raw, sizeof raw) == len && !strcmp(raw, norm))
                oc_cands_add(c, sqlite3_column_int64(st, 0), ONM_EXACT, 1, t,
                             "与登记信息中的代码一致（该代码格式不符）");
        }
        sqlite3_finalize(st);
    }
    /* A well-formed code that finds nothing: the registry may hold it with a wrong check
     * character (an entry error, or an early pilot code), which no one-character change
     * of a valid code can reach. The first 17 characters decide. */
    if (!c->n && r->code.length_ok) {
        char lo[USCC_LEN], hi[USCC_LEN];
        memcpy(lo, r->code.code, USCC_LEN - 1);
        lo[USCC_LEN - 1] = '\0';
        memcpy(hi, lo, sizeof hi);
        hi[USCC_LEN - 2]++; /* an ASCII digit or capital: the increment stays printable */
        if (sqlite3_prepare_v2(db->h, "SELECT id, uscc FROM org WHERE uscc > ?1 AND uscc < ?2",
                               -1, &st, NULL) != SQLITE_OK)
            return -1;
        sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW)
            oc_cands_add(c, sqlite3_column_int64(st, 0), ONM_SIMILAR, 0,
                         (const char *)sqlite3_column_text(st, 1),
                         "前17位一致、校验位不同（登记信息中的代码校验位可能有误）");
        sqlite3_finalize(st);
    }
    return 0;
}

/* Empty input: the organisations most recently listed on the chosen lists. */
static int browse(gk_db *db, const oc_opts *o, oc_cands *c)
{
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "SELECT l.org_id, max(coalesce(l.listed_date, '')) AS d FROM listing l "
                 "WHERE (?1 = 0 OR (?1 >> ");
    kind_case(&b);
    /* The region filter belongs in the query: applied after the LIMIT it would hide the
     * area's organisations behind the other areas' newer ones. */
    buf_adds(&b, ") & 1) AND (?2 = 0 OR l.removed_date IS NULL) AND (?3 IS NULL OR "
                 "coalesce(l.region_code, '') LIKE ?3 || '%' OR EXISTS (SELECT 1 FROM org o "
                 "WHERE o.id = l.org_id AND coalesce(o.region_code, '') LIKE ?3 || '%')) "
                 "GROUP BY l.org_id ORDER BY d DESC, l.org_id DESC LIMIT 1000");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, b.s, -1, &st, NULL);
    buf_free(&b);
    if (rc != SQLITE_OK)
        return -1;
    sqlite3_bind_int(st, 1, (int)o->kinds);
    sqlite3_bind_int(st, 2, o->current_only);
    bind_region(st, 3, o);
    while (sqlite3_step(st) == SQLITE_ROW)
        oc_cands_add(c, sqlite3_column_int64(st, 0), ONM_EXACT, 0, NULL, "最近列入");
    sqlite3_finalize(st);
    return 0;
}

static void describe(oc_result *r, const oc_opts *o)
{
    buf_t b;
    buf_init(&b);
    if (r->browse) {
        buf_adds(&b, "最近列入名单的组织");
    } else if (r->by_code) {
        buf_printf(&b, "统一社会信用代码 %s", *r->code.code ? r->code.code : r->input);
        if (r->code.check_ok)
            buf_adds(&b, "（校验位正确）");
        else if (r->code.format_ok)
            buf_printf(&b, "（校验位不符，应为 %c：可能录入错误，或为早期试点代码）",
                       r->code.expected_check);
        else
            buf_printf(&b, "（%s）", r->code.problem);
        if (r->nfixes)
            buf_printf(&b, "；另查了只差一个字符的 %zu 个有效代码", r->nfixes);
    } else {
        buf_printf(&b, "名称“%s”：名称一致，繁简、全半角、标点和空格写法不同，"
                       "“中国/中华/全国”前缀不同，名称包含所查文字，所查文字包含名称，名称相近",
                   r->input);
    }
    buf_adds(&b, "；范围：社会组织登记信息");
    for (int k = 0; k < LK_COUNT; k++)
        buf_printf(&b, "、%s", list_kind_name((enum list_kind)k));
    if (filtering(o)) {
        buf_adds(&b, "；筛选：");
        int first = 1;
        for (int k = 0; k < LK_COUNT; k++)
            if (o->kinds & (1u << k)) {
                buf_printf(&b, "%s%s", first ? "" : "、", list_kind_name((enum list_kind)k));
                first = 0;
            }
        if (o->current_only) {
            buf_printf(&b, "%s仅看在列", first ? "" : "，");
            first = 0;
        }
        if (o->region && *o->region)
            buf_printf(&b, "%s地区代码 %s*", first ? "" : "，", o->region);
    }
    r->searched = buf_take(&b);
}

static int finish(gk_db *db, const oc_opts *o, oc_cands *c, size_t total, oc_result *r,
                  const isodate *today, char **err)
{
    sqlite3_stmt *g;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT rank_group FROM doc WHERE domain = 'org' AND ref_id = ?1", -1,
                           &g, NULL) != SQLITE_OK)
        goto db_error;
    for (size_t i = 0; i < c->n; i++)
        c->v[i].group = group_of(g, c->v[i].org_id);
    sqlite3_finalize(g);
    r->total = total > c->n ? total : c->n;
    if (filtering(o) && !r->browse) {
        sqlite3_stmt *f = filter_stmt(db, o);
        if (!f)
            goto db_error;
        size_t kept = 0;
        for (size_t i = 0; i < c->n; i++) {
            if (passes(f, c->v[i].org_id)) {
                c->v[kept++] = c->v[i];
            } else {
                free(c->v[i].matched);
                free(c->v[i].why);
            }
        }
        r->filtered = c->n - kept;
        c->n = kept;
        sqlite3_finalize(f);
    }
    /* Not with no candidates: c->v is NULL then, and qsort's first argument must not be
     * (UBSan stops `make asan` on every name that matches nothing). */
    if (!r->browse && c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, cand_cmp);
    size_t limit = o->limit && o->limit < OC_MAX_SUBJECTS ? o->limit : OC_MAX_SUBJECTS;
    size_t n = c->n < limit ? c->n : limit;
    r->subjects = xcalloc(n + 1, sizeof *r->subjects);
    for (size_t i = 0; i < n; i++) {
        oc_subject *s = &r->subjects[r->n];
        int rc = oc_subject_load(db, c->v[i].org_id, today, s);
        if (rc < 0)
            goto db_error;
        if (rc > 0)
            continue;
        r->n++;
        s->how = c->v[i].how;
        s->similarity = c->v[i].similarity;
        s->matched = c->v[i].matched ? xstrdup(c->v[i].matched) : NULL;
        s->why = xstrdup(c->v[i].why ? c->v[i].why : orgname_match_label(c->v[i].how));
        /* Similar names are looked for only around the strongest answers: the search
         * costs a few milliseconds each. */
        int similar = !r->browse && i < 3 && (s->how <= ONM_PREFIX || n == 1);
        if (oc_subject_alikes(db, s, similar) != 0)
            goto db_error;
    }
    return 0;
db_error:
    *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
    return -1;
}

static void begin(gk_db *db, const char *input, oc_result *r)
{
    memset(r, 0, sizeof *r);
    const char *p = input ? input : "";
    while (*p == ' ' || *p == '\t')
        p++;
    size_t len = strlen(p);
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\n'))
        len--;
    r->input = xstrndup(p, len);
    r->as_of = db_meta(db->h, "as_of");
    if (!r->as_of)
        r->as_of = xstrdup("");
    load_basis(db, r);
}

static isodate today_of(const oc_opts *o)
{
    isodate d;
    if (o->today && isodate_parse_all(o->today, &d) && d.prec == ISODATE_DAY)
        return d;
    return isodate_today();
}

int orgcheck_run(gk_db *db, const char *input, const oc_opts *o, oc_result *r, char **err)
{
    double t0 = now_ms();
    oc_opts none = {0};
    if (!o)
        o = &none;
    begin(db, input, r);
    isodate today = today_of(o);
    /* One read transaction for the whole check: one snapshot, and no lock taken and
     * dropped per statement (the steps' own oc_read_begin then nest into it). */
    int tx = oc_read_begin(db->h);
    oc_cands c = {0};
    size_t total = 0;
    char norm[64];
    uscc_normalize(r->input, norm, sizeof norm);
    int rc;
    if (!*r->input) {
        r->browse = 1;
        rc = browse(db, o, &c);
    } else if (uscc_looks_like_code(norm)) {
        r->by_code = 1;
        rc = by_code(db, r, &c);
    } else {
        rc = oc_find_by_name(db, r->input, &c, &total);
    }
    describe(r, o);
    if (rc != 0) {
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
    } else {
        rc = finish(db, o, &c, total, r, &today, err);
    }
    oc_read_end(db->h, tx);
    oc_cands_free(&c);
    r->ms = now_ms() - t0;
    return rc;
}

int orgcheck_subject(gk_db *db, long long org_id, const oc_opts *o, oc_result *r, char **err)
{
    double t0 = now_ms();
    oc_opts none = {0};
    if (!o)
        o = &none;
    begin(db, "", r);
    isodate today = today_of(o);
    r->subjects = xcalloc(1, sizeof *r->subjects);
    int rc = oc_subject_load(db, org_id, &today, &r->subjects[0]);
    if (rc == 0) {
        r->n = r->total = 1;
        oc_subject *s = &r->subjects[0];
        s->how = ONM_EXACT;
        s->why = xstrdup("");
        free(r->input);
        r->input = xstrdup(s->name);
        if (oc_subject_alikes(db, s, 1) != 0)
            rc = -1;
    }
    describe(r, o);
    if (rc < 0)
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
    r->ms = now_ms() - t0;
    return rc;
}

void oc_result_free(oc_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        oc_subject_free(&r->subjects[i]);
    free(r->subjects);
    for (int i = 0; i < LC_RULE_COUNT; i++)
        free(r->basis[i].citation);
    free(r->input);
    free(r->as_of);
    free(r->searched);
    memset(r, 0, sizeof *r);
}

char *oc_subject_detail(const oc_subject *s)
{
    buf_t b;
    buf_init(&b);
    /* The listing that decides the verdict: the newest current one, else the newest. */
    const oc_listing *l = NULL;
    for (size_t i = 0; i < s->nlistings && !l; i++)
        if (s->listings[i].current)
            l = &s->listings[i];
    if (!l && s->nlistings)
        l = &s->listings[0];
    if (l) {
        buf_adds(&b, list_kind_name(l->kind));
        if (l->listed_date)
            buf_printf(&b, " %s 列入", l->listed_date);
        if (!l->current && l->removed_date)
            buf_printf(&b, "，%s 移出", l->removed_date);
        if (s->nlistings > 1)
            buf_printf(&b, "（共 %zu 条名单记录）", s->nlistings);
    } else if (s->registered) {
        buf_printf(&b, "不在任何名单上；登记状态 %s", s->status ? s->status : "不详");
    } else {
        buf_adds(&b, "不在任何名单上");
    }
    return buf_take(&b);
}

char *oc_subject_summary(const oc_subject *s)
{
    char *detail = oc_subject_detail(s);
    char *out = xasprintf("%s：%s", oc_verdict_label(s->verdict), detail);
    free(detail);
    return out;
}
