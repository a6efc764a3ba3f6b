/* The regulations list: rows read once from the database, then filtered and sorted in
 * memory (a corpus has hundreds of regulations, not millions). */
#include "reglist.h"

#include "fold.h"
#include "output.h"
#include "reg.h"
#include "u8.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const dim_names[RL_NDIMS] = {"效力位阶", "状态", "制定机关", "年份"};
static const char *const sort_names[RL_NSORTS] = {"效力位阶", "标题", "最新"};

const char *reglist_dim_name(enum reglist_dim d)
{
    return d < RL_NDIMS ? dim_names[d] : "";
}

const char *reglist_sort_name(enum reglist_sort s)
{
    return s < RL_NSORTS ? sort_names[s] : "";
}

int reglist_level_rank(const char *level)
{
    static const char *const levels[] = {
        "宪法",         "法律",         "法律解释",     "行政法规", "监察法规",
        "部门规章",     "司法解释",     "地方性法规",   "自治条例", "单行条例",
        "地方政府规章", "行政规范性文件", "规范性文件", "党内法规",
    };
    if (!level || !*level)
        return 100;
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
        if (!strcmp(level, levels[i]))
            return (int)i;
    return 50;
}

static int status_rank(const char *status)
{
    static const char *const order[] = {"in_force", "not_yet_effective", "partly_invalid",
                                        "amended", "expired", "repealed"};
    for (size_t i = 0; status && i < sizeof order / sizeof *order; i++)
        if (!strcmp(status, order[i]))
            return (int)i;
    return 9;
}

int reglist_status_current(const char *status)
{
    return status && (!strcmp(status, "in_force") || !strcmp(status, "not_yet_effective") ||
                      !strcmp(status, "partly_invalid"));
}

void reglist_init(reglist *l)
{
    memset(l, 0, sizeof *l);
    l->text = xstrdup("");
}

static void free_rows(reglist *l)
{
    for (int i = 0; i < l->n; i++) {
        reglist_row *r = &l->rows[i];
        free(r->title);
        free(r->level);
        free(r->date);
        free(r->doc_number);
        free(r->organs);
        free(r->status);
        free(r->fold);
        free(r->disp_title);
        free(r->disp_level);
        free(r->disp_number);
    }
    free(l->rows);
    l->rows = NULL;
    l->n = 0;
    l->cap = 0;
}

void reglist_free(reglist *l)
{
    free_rows(l);
    for (int d = 0; d < RL_NDIMS; d++)
        free(l->filter[d]);
    free(l->text);
    free(l->vis);
    memset(l, 0, sizeof *l);
}

static char *dup_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

void reglist_add(reglist *l, long long id, const char *title, const char *level,
                 const char *date, const char *doc_number, const char *organs,
                 const char *status)
{
    l->rows = xgrow(l->rows, &l->cap, (size_t)l->n + 1, sizeof *l->rows);
    reglist_row *r = &l->rows[l->n++];
    memset(r, 0, sizeof *r);
    r->id = id;
    r->title = xstrdup(title ? title : "");
    r->level = dup_or_null(level);
    r->date = dup_or_null(date);
    r->doc_number = dup_or_null(doc_number);
    r->organs = dup_or_null(organs);
    r->status = xstrdup(status ? status : "");
    char *both = xasprintf("%s %s", r->title, r->doc_number ? r->doc_number : "");
    r->fold = fold_utf8(both, strlen(both));
    free(both);
}

static void today(char out[11])
{
    const char *fixed = getenv("GONGKAI_TODAY"); /* as reg.c: tests pin the date */
    if (fixed && strlen(fixed) == 10) {
        memcpy(out, fixed, 11);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int reglist_load(reglist *l, gk_db *db, char **err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h,
                                "SELECT id, title, level, version_date, doc_number, "
                                "issuing_organs, status, effective_date FROM regulation",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        *err = xstrdup(db_error_text(rc));
        return -1;
    }
    free_rows(l);
    l->have_disp = 0;
    char now[11];
    today(now);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *c[8];
        for (int i = 1; i < 8; i++)
            c[i] = (const char *)sqlite3_column_text(st, i);
        const char *status = c[6];
        /* In force on paper but not yet in effect today (as reg_get says). */
        if (status && !strcmp(status, "in_force") && c[7] && strcmp(c[7], now) > 0)
            status = "not_yet_effective";
        reglist_add(l, sqlite3_column_int64(st, 0), c[1], c[2], c[3], c[4], c[5], status);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        *err = xstrdup(db_error_text(rc));
        return -1;
    }
    reglist_refresh(l);
    return 0;
}

/* ---- filtering ------------------------------------------------------------------------ */

static int year_of(const char *date, char out[5])
{
    if (!date || strlen(date) < 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (date[i] < '0' || date[i] > '9')
            return 0;
    memcpy(out, date, 4);
    out[4] = '\0';
    return 1;
}

/* Is want one of the organs ("a、b")? */
static int organ_has(const char *organs, const char *want)
{
    if (!organs)
        return 0;
    size_t wl = strlen(want);
    for (const char *p = organs; *p;) {
        const char *sep = strstr(p, "、");
        size_t len = sep ? (size_t)(sep - p) : strlen(p);
        if (len == wl && !memcmp(p, want, wl))
            return 1;
        p += len + (sep ? strlen("、") : 0);
    }
    return 0;
}

static int dim_match(const reglist_row *r, enum reglist_dim d, const char *want)
{
    char y[5];
    switch (d) {
    case RL_LEVEL:
        return r->level && !strcmp(r->level, want);
    case RL_STATUS:
        return !strcmp(reg_status_label(r->status), want);
    case RL_ORGAN:
        return organ_has(r->organs, want);
    case RL_YEAR:
        return year_of(r->date, y) && !strcmp(y, want);
    case RL_NDIMS:
    default:
        return 1;
    }
}

/* Does the row pass every filter except dimension `skip` (RL_NDIMS: none)? words: the
 * folded typed filter split at spaces. */
static int passes(const reglist *l, const reglist_row *r, enum reglist_dim skip, char **words,
                  int nwords)
{
    int status_chosen = l->filter[RL_STATUS] != NULL;
    if (skip != RL_STATUS && !status_chosen && !l->show_all && !reglist_status_current(r->status))
        return 0;
    for (int d = 0; d < RL_NDIMS; d++)
        if ((enum reglist_dim)d != skip && l->filter[d] && !dim_match(r, (enum reglist_dim)d, l->filter[d]))
            return 0;
    for (int i = 0; i < nwords; i++)
        if (!strstr(r->fold, words[i]))
            return 0;
    return 1;
}

/* The typed filter as folded words. */
static int split_words(const char *text, char ***out)
{
    char *norm = u8_normalize_input(text, strlen(text));
    char *f = fold_utf8(norm, strlen(norm));
    free(norm);
    int n = 0;
    char **w = NULL;
    for (char *save = NULL, *t = strtok_r(f, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        w = xrealloc(w, (size_t)(n + 1) * sizeof *w);
        w[n++] = xstrdup(t);
    }
    free(f);
    *out = w;
    return n;
}

static void free_words(char **w, int n)
{
    for (int i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int row_cmp(const void *pa, const void *pb, void *arg)
{
    const reglist *sorting = arg;
    const reglist_row *a = &sorting->rows[*(const int *)pa], *b = &sorting->rows[*(const int *)pb];
    int c = 0;
    switch (sorting->sort) {
    case RL_SORT_LEVEL:
        c = reglist_level_rank(a->level) - reglist_level_rank(b->level);
        if (!c)
            c = cmp_str(a->fold, b->fold);
        break;
    case RL_SORT_NEWEST:
        c = -cmp_str(a->date, b->date);
        break;
    case RL_SORT_TITLE:
    case RL_NSORTS:
    default:
        break;
    }
    if (!c)
        c = cmp_str(a->fold, b->fold);
    if (!c)
        c = -cmp_str(a->date, b->date); /* versions of one title: newest first */
    if (!c)
        c = a->id < b->id ? -1 : a->id > b->id;
    return c;
}

void reglist_refresh(reglist *l)
{
    long long keep = reglist_selected(l);
    char **words;
    int nwords = split_words(l->text ? l->text : "", &words);
    free(l->vis);
    l->vis = xcalloc((size_t)l->n + 1, sizeof *l->vis);
    l->nvis = 0;
    for (int i = 0; i < l->n; i++)
        if (passes(l, &l->rows[i], RL_NDIMS, words, nwords))
            l->vis[l->nvis++] = i;
    free_words(words, nwords);
    qsort_r(l->vis, (size_t)l->nvis, sizeof *l->vis, row_cmp, l);
    int i = keep ? reglist_find(l, keep) : -1;
    l->sel = i >= 0 ? i : 0;
}

void reglist_select(reglist *l, int to)
{
    l->sel = to >= l->nvis ? l->nvis - 1 : to;
    l->sel = l->sel < 0 ? 0 : l->sel;
}

long long reglist_selected(const reglist *l)
{
    return l->vis && l->sel >= 0 && l->sel < l->nvis ? l->rows[l->vis[l->sel]].id : 0;
}

int reglist_scroll(reglist *l, int h)
{
    reglist_select(l, l->sel);
    h = h < 1 ? 1 : h;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + h)
        l->top = l->sel - h + 1;
    if (l->top > l->nvis - h)
        l->top = l->nvis - h;
    l->top = l->top < 0 ? 0 : l->top;
    return l->top;
}

void reglist_set_filter(reglist *l, enum reglist_dim d, const char *value)
{
    if (d >= RL_NDIMS)
        return;
    free(l->filter[d]);
    l->filter[d] = value && *value ? xstrdup(value) : NULL;
    reglist_refresh(l);
}

void reglist_set_text(reglist *l, const char *text)
{
    free(l->text);
    l->text = xstrdup(text ? text : "");
    l->sel = -1; /* typing selects the first match */
    reglist_refresh(l);
    l->sel = 0;
}

void reglist_clear_filters(reglist *l)
{
    for (int d = 0; d < RL_NDIMS; d++) {
        free(l->filter[d]);
        l->filter[d] = NULL;
    }
    reglist_refresh(l);
}

int reglist_find(const reglist *l, long long id)
{
    for (int i = 0; i < l->nvis; i++)
        if (l->rows[l->vis[i]].id == id)
            return i;
    return -1;
}

/* ---- facets --------------------------------------------------------------------------- */

static void count_value(reglist_value **v, int *n, size_t *cap, const char *value, size_t len)
{
    for (int i = 0; i < *n; i++)
        if (strlen((*v)[i].value) == len && !memcmp((*v)[i].value, value, len)) {
            (*v)[i].count++;
            return;
        }
    *v = xgrow(*v, cap, (size_t)*n + 1, sizeof **v);
    (*v)[*n].value = xstrndup(value, len);
    (*v)[*n].count = 1;
    (*n)++;
}

static int value_cmp(const void *pa, const void *pb, void *arg)
{
    const reglist_value *a = pa, *b = pb;
    int c = 0;
    switch (*(const enum reglist_dim *)arg) {
    case RL_LEVEL:
        c = reglist_level_rank(a->value) - reglist_level_rank(b->value);
        break;
    case RL_STATUS: {
        static const char *const canon[] = {"in_force", "not_yet_effective", "partly_invalid",
                                            "amended", "expired", "repealed"};
        int ra = 9, rb = 9;
        for (int i = 0; i < 6; i++) {
            if (!strcmp(a->value, reg_status_label(canon[i])))
                ra = status_rank(canon[i]);
            if (!strcmp(b->value, reg_status_label(canon[i])))
                rb = status_rank(canon[i]);
        }
        c = ra - rb;
        break;
    }
    case RL_ORGAN:
        c = b->count - a->count;
        break;
    case RL_YEAR:
        c = -strcmp(a->value, b->value);
        break;
    case RL_NDIMS:
    default:
        break;
    }
    return c ? c : strcmp(a->value, b->value);
}

int reglist_values(const reglist *l, enum reglist_dim d, reglist_value **out)
{
    char **words;
    int nwords = split_words(l->text ? l->text : "", &words);
    reglist_value *v = NULL;
    int n = 0;
    size_t cap = 0;
    for (int i = 0; i < l->n; i++) {
        const reglist_row *r = &l->rows[i];
        if (!passes(l, r, d, words, nwords))
            continue;
        char y[5];
        switch (d) {
        case RL_LEVEL:
            if (r->level)
                count_value(&v, &n, &cap, r->level, strlen(r->level));
            break;
        case RL_STATUS: {
            const char *s = reg_status_label(r->status);
            count_value(&v, &n, &cap, s, strlen(s));
            break;
        }
        case RL_ORGAN:
            for (const char *p = r->organs; p && *p;) {
                const char *sep = strstr(p, "、");
                size_t len = sep ? (size_t)(sep - p) : strlen(p);
                if (len)
                    count_value(&v, &n, &cap, p, len);
                p += len + (sep ? strlen("、") : 0);
            }
            break;
        case RL_YEAR:
            if (year_of(r->date, y))
                count_value(&v, &n, &cap, y, 4);
            break;
        case RL_NDIMS:
        default:
            break;
        }
    }
    free_words(words, nwords);
    if (n > 1)
        qsort_r(v, (size_t)n, sizeof *v, value_cmp, &d);
    *out = v;
    return n;
}

void reglist_values_free(reglist_value *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].value);
    free(v);
}

void reglist_describe(const reglist *l, buf_t *b)
{
    buf_printf(b, "%d 部法规（", l->nvis);
    int any = 0;
    for (int d = 0; d < RL_NDIMS; d++) {
        if (!l->filter[d])
            continue;
        buf_adds(b, any ? "，" : "筛选：");
        if (d == RL_YEAR)
            buf_printf(b, "%s年", l->filter[d]);
        else
            buf_adds(b, l->filter[d]);
        any = 1;
    }
    if (l->text && *l->text) {
        buf_adds(b, any ? "，" : "筛选：");
        buf_printf(b, "标题含「%s」", l->text);
        any = 1;
    }
    if (any)
        buf_adds(b, "；");
    if (!l->filter[RL_STATUS])
        buf_adds(b, l->show_all ? "含已修改、已废止；" : "仅现行有效，F7 显示全部；");
    buf_printf(b, "按%s排序）", reglist_sort_name(l->sort));
}

/* ---- display -------------------------------------------------------------------------- */

static char *shown(const char *s, enum convert_script script)
{
    out_text t;
    out_text_make(&t, s ? s : "", 0, s ? strlen(s) : 0, NULL, 0, script);
    hl_spans_free(&t.spans);
    return t.s;
}

void reglist_display(reglist *l, enum convert_script script)
{
    if (l->have_disp && l->disp_script == script)
        return;
    for (int i = 0; i < l->n; i++) {
        reglist_row *r = &l->rows[i];
        free(r->disp_title);
        free(r->disp_level);
        free(r->disp_number);
        r->disp_title = shown(r->title, script);
        r->disp_level = shown(r->level, script);
        r->disp_number = shown(r->doc_number, script);
    }
    l->have_disp = 1;
    l->disp_script = script;
}

static int width_of(const char *s)
{
    return s ? (int)u8_width(s, strlen(s)) : 0;
}

reglist_cols reglist_columns(const reglist *l, int w)
{
    reglist_cols c = {10, 0, 8, 10, 4}; /* at least as wide as the column names */
    for (int i = 0; i < l->nvis; i++) {
        const reglist_row *r = &l->rows[l->vis[i]];
        int lw = width_of(r->level), nw = width_of(r->doc_number);
        c.level = lw > c.level ? lw : c.level;
        c.num = nw > c.num ? nw : c.num;
    }
    c.level = c.level > 14 ? 14 : c.level;
    c.num = c.num > 24 ? 24 : c.num;
    const int min_title = 34;
    int fixed = 1 + c.tag + 1 + 1 + c.level + 1 + c.date + 1; /* all but title and 文号 */
    if (w - fixed - c.num < min_title) {
        int room = w - fixed - min_title;
        c.num = room >= 10 ? room : 0;
    }
    if (!c.num && w - fixed < min_title) {
        fixed -= c.level + 1;
        c.level = 0;
    }
    if (!c.level && w - fixed < min_title) {
        fixed -= c.date + 1;
        c.date = 0;
    }
    c.title = w - fixed - (c.num ? c.num : -1);
    if (c.title < 4)
        c.title = 4;
    return c;
}

void reglist_strv_free(char **v, int n)
{
    for (int i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

int reglist_pick_items(const reglist *l, enum reglist_dim d, enum convert_script script,
                       char ***items, char ***values, int *selected)
{
    reglist_value *v;
    int n = reglist_values(l, d, &v);
    char **it = xcalloc((size_t)n + 1, sizeof *it), **val = xcalloc((size_t)n + 1, sizeof *val);
    it[0] = xstrdup("全部");
    *selected = 0;
    for (int i = 0; i < n; i++) {
        char *name = shown(v[i].value, script);
        it[i + 1] = xasprintf("%s%s (%d)", name, d == RL_YEAR ? " 年" : "", v[i].count);
        free(name);
        val[i] = v[i].value;
        v[i].value = NULL;
        if (l->filter[d] && !strcmp(l->filter[d], val[i]))
            *selected = i + 1;
    }
    reglist_values_free(v, n);
    *items = it;
    *values = val;
    return n;
}
