/* One organisation as a check shows it: registry facts, other names, every listing with
 * its batch and provenance (newest first), the 60号令 dates of each listing, the verdict,
 * and look-alike warnings. */
#include "orgcheck_int.h"

#include "orgstmt.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static int load_names(sqlite3 *h, oc_subject *s)
{
    sqlite3_stmt *st;
    if (!(st = oc_stmt_get(h, "SELECT DISTINCT name FROM org_name WHERE org_id = ?1 AND name <> ?2 "
                              "ORDER BY current DESC, rowid")))
        return -1;
    sqlite3_bind_int64(st, 1, s->org_id);
    sqlite3_bind_text(st, 2, s->name, -1, SQLITE_STATIC);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        s->former = xgrow(s->former, &cap, s->nformer + 1, sizeof *s->former);
        s->former[s->nformer++] = oc_col(st, 0);
    }
    oc_stmt_put(st);
    return 0;
}

static int load_listings(sqlite3 *h, oc_subject *s, const isodate *today)
{
    sqlite3_stmt *st;
    if (!(st = oc_stmt_get(
              h,
              "SELECT l.id, l.list_kind, l.name, l.subject_kind, l.uscc, l.id_masked, b.batch_no, "
              "b.issuer, b.published_date, l.listed_date, l.listed_raw, l.listed_reason, "
              "l.listed_by, l.decision_doc_no, l.listed_ground, l.removed_date, l.removed_reason, "
              "l.removed_by, l.note, l.confusable_name, l.enforcement_body, l.illegal_facts, "
              "l.measures, src.path, coalesce(l.url, b.url, src.url), l.as_of "
              "FROM listing l LEFT JOIN list_batch b ON b.id = l.batch_id "
              "LEFT JOIN source src ON src.id = l.source_id WHERE l.org_id = ?1 "
              "ORDER BY coalesce(l.listed_date, '') DESC, l.id DESC")))
        return -1;
    sqlite3_bind_int64(st, 1, s->org_id);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        s->listings = xgrow(s->listings, &cap, s->nlistings + 1, sizeof *s->listings);
        oc_listing *l = &s->listings[s->nlistings++];
        memset(l, 0, sizeof *l);
        l->id = sqlite3_column_int64(st, 0);
        const char *kind = (const char *)sqlite3_column_text(st, 1);
        if (list_kind_parse(kind ? kind : "", &l->kind) != 0)
            l->kind = LK_SUSPECTED;
        char **text[] = {&l->name,        &l->subject_kind,   &l->uscc,         &l->id_masked,
                         &l->batch_no,    &l->issuer,         &l->published,    &l->listed_date,
                         &l->listed_raw,  &l->listed_reason,  &l->listed_by,    &l->doc_no};
        for (int i = 0; i < 12; i++)
            *text[i] = oc_col(st, 2 + i);
        l->ground = sqlite3_column_int(st, 14);
        char **more[] = {&l->removed_date, &l->removed_reason, &l->removed_by,
                         &l->note,         &l->confusable,     &l->enforcement,
                         &l->facts,        &l->measures,       &l->source,
                         &l->url,          &l->as_of};
        for (int i = 0; i < 11; i++)
            *more[i] = oc_col(st, 15 + i);
        l->current = l->removed_date == NULL;
    }
    oc_stmt_put(st);
    /* The lifecycle looks at all of the organisation's listings at once (restarts). */
    lc_listing *all = xcalloc(s->nlistings + 1, sizeof *all);
    for (size_t i = 0; i < s->nlistings; i++) {
        all[i].kind = s->listings[i].kind;
        isodate_parse_all(s->listings[i].listed_date ? s->listings[i].listed_date : "",
                          &all[i].listed);
        if (!s->listings[i].removed_date ||
            !isodate_parse_all(s->listings[i].removed_date, &all[i].removed))
            all[i].removed.prec = 0;
    }
    for (size_t i = 0; i < s->nlistings; i++)
        s->listings[i].nevents = lc_events(all, s->nlistings, i, today, s->listings[i].events);
    free(all);
    return 0;
}

static int subject_load(gk_db *db, long long org_id, const isodate *today, oc_subject *s)
{
    memset(s, 0, sizeof *s);
    sqlite3_stmt *st;
    if (!(st = oc_stmt_get(db->h,
                           "SELECT o.registered, o.name, coalesce(o.uscc, o.uscc_raw), o.uscc_check, o.org_type, "
                           "o.reg_authority, o.supervisor_unit, o.legal_rep, o.founded_date, "
                           "o.registered_capital, o.status, o.address, o.scope, o.region_code, "
                           "o.as_of, src.path, o.active, "
                           "EXISTS (SELECT 1 FROM org_name n WHERE n.org_id = o.id "
                           "AND n.name <> o.name), "
                           "EXISTS (SELECT 1 FROM listing l WHERE l.org_id = o.id) FROM org o "
                           "LEFT JOIN source src ON src.id = o.source_id WHERE o.id = ?1")))
        return -1;
    sqlite3_bind_int64(st, 1, org_id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        oc_stmt_put(st);
        return rc == SQLITE_DONE ? 1 : -1;
    }
    s->org_id = org_id;
    s->registered = sqlite3_column_int(st, 0);
    char **text[] = {&s->name,    &s->uscc,          &s->uscc_check, &s->org_type,
                     &s->reg_authority, &s->supervisor, &s->legal_rep, &s->founded,
                     &s->capital, &s->status,        &s->address,    &s->scope,
                     &s->region_code, &s->as_of,     &s->source};
    for (int i = 0; i < 15; i++)
        *text[i] = oc_col(st, 1 + i);
    s->active = sqlite3_column_type(st, 16) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 16);
    /* Most organisations have one name and no listing: their statements are not even
     * prepared (preparing them costs more than running them). */
    int other_names = sqlite3_column_int(st, 17), listed = sqlite3_column_int(st, 18);
    oc_stmt_put(st);
    if (!s->name)
        s->name = xstrdup("");
    if ((other_names && load_names(db->h, s) != 0) ||
        (listed && load_listings(db->h, s, today) != 0))
        return -1;
    s->verdict = OC_NOT_LISTED;
    for (size_t i = 0; i < s->nlistings; i++)
        if (s->listings[i].current)
            s->verdict = OC_LISTED;
        else if (s->verdict == OC_NOT_LISTED)
            s->verdict = OC_WAS_LISTED;
    return 0;
}

static void add_alike(oc_subject *s, size_t *cap, long long org_id, const char *name,
                      int registered, int listed, const char *why)
{
    for (size_t i = 0; i < s->nalikes; i++)
        if ((org_id && s->alikes[i].org_id == org_id) ||
            (!org_id && !strcmp(s->alikes[i].name, name)))
            return;
    s->alikes = xgrow(s->alikes, cap, s->nalikes + 1, sizeof *s->alikes);
    s->alikes[s->nalikes++] = (oc_alike){org_id, xstrdup(name), registered, listed,
                                         xstrdup(why)};
}

/* Whether org_id is on a list now, and registered. */
static void org_flags(sqlite3 *h, long long org_id, int *registered, int *listed)
{
    sqlite3_stmt *st;
    *registered = *listed = 0;
    if (!(st = oc_stmt_get(h, "SELECT registered, EXISTS (SELECT 1 FROM listing WHERE org_id = ?1 "
                              "AND removed_date IS NULL) FROM org WHERE id = ?1")))
        return;
    sqlite3_bind_int64(st, 1, org_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *registered = sqlite3_column_int(st, 0);
        *listed = sqlite3_column_int(st, 1);
    }
    oc_stmt_put(st);
}

static int subject_alikes(gk_db *db, oc_subject *s, int similar)
{
    size_t cap = 0;
    sqlite3_stmt *st;
    /* 1. The legal organisation a listing's note names ("合法登记的为…"). */
    for (size_t i = 0; i < s->nlistings; i++) {
        const char *c = s->listings[i].confusable;
        if (!c)
            continue;
        char *key = orgname_key(c);
        long long id = 0;
        if ((st =
                 oc_stmt_get(db->h, "SELECT n.org_id FROM org_name n JOIN org o ON o.id = n.org_id "
                                    "WHERE n.name_key = ?1 AND o.registered = 1 LIMIT 1"))) {
            sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
            if (sqlite3_step(st) == SQLITE_ROW)
                id = sqlite3_column_int64(st, 0);
            oc_stmt_put(st);
        }
        free(key);
        int reg = 1, listed = 0;
        if (id)
            org_flags(db->h, id, &reg, &listed);
        add_alike(s, &cap, id, c, 1, listed, "名单注明的名称相近的合法组织");
    }
    /* 2. List entries whose note names this organisation as the legal one. */
    if ((st = oc_stmt_get(db->h,
                          "SELECT DISTINCT l.org_id, l.name FROM listing l WHERE "
                          "l.confusable_key IN (SELECT name_key FROM org_name WHERE org_id = ?1) "
                          "AND l.org_id <> ?1"))) {
        sqlite3_bind_int64(st, 1, s->org_id);
        while (sqlite3_step(st) == SQLITE_ROW) {
            long long id = sqlite3_column_int64(st, 0);
            int reg, listed;
            org_flags(db->h, id, &reg, &listed);
            add_alike(s, &cap, id, (const char *)sqlite3_column_text(st, 1), reg, listed,
                      "名单注明与本组织名称相近的组织");
        }
        oc_stmt_put(st);
    }
    if (!similar)
        return 0;
    /* 3. Similar names on the other side: a legal body's illegal look-alikes, an illegal
     * body's legal namesakes. */
    oc_cands c = {0};
    oc_similar_opts so = {s->registered ? 0 : 1, s->org_id, 1, NULL, 0};
    int rc = oc_find_similar(db, s->name, &so, &c, 5);
    for (size_t i = 0; i < c.n; i++) {
        int reg, listed;
        org_flags(db->h, c.v[i].org_id, &reg, &listed);
        add_alike(s, &cap, c.v[i].org_id, c.v[i].matched, reg, listed,
                  reg ? "名称相近的合法登记组织" : "名称相近的名单组织");
    }
    oc_cands_free(&c);
    return rc;
}

/* Both in one read transaction each (orgcheck_int.h: oc_read_begin). */
int oc_subject_load(gk_db *db, long long org_id, const isodate *today, oc_subject *s)
{
    int tx = oc_read_begin(db->h);
    int rc = subject_load(db, org_id, today, s);
    oc_read_end(db->h, tx);
    return rc;
}

int oc_subject_alikes(gk_db *db, oc_subject *s, int similar)
{
    int tx = oc_read_begin(db->h);
    int rc = subject_alikes(db, s, similar);
    oc_read_end(db->h, tx);
    return rc;
}

void oc_subject_free(oc_subject *s)
{
    char **text[] = {&s->name,    &s->uscc,          &s->uscc_check, &s->org_type,
                     &s->reg_authority, &s->supervisor, &s->legal_rep, &s->founded,
                     &s->capital, &s->status,        &s->address,    &s->scope,
                     &s->region_code, &s->as_of,     &s->source,     &s->matched,
                     &s->why};
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        free(*text[i]);
    for (size_t i = 0; i < s->nformer; i++)
        free(s->former[i]);
    free(s->former);
    for (size_t i = 0; i < s->nlistings; i++) {
        oc_listing *l = &s->listings[i];
        char **f[] = {&l->name,        &l->subject_kind, &l->uscc,         &l->id_masked,
                      &l->batch_no,    &l->issuer,       &l->published,    &l->listed_date,
                      &l->listed_raw,  &l->listed_reason, &l->listed_by,   &l->doc_no,
                      &l->removed_date, &l->removed_reason, &l->removed_by, &l->note,
                      &l->confusable,  &l->enforcement,  &l->facts,        &l->measures,
                      &l->source,      &l->url,          &l->as_of};
        for (size_t j = 0; j < sizeof f / sizeof *f; j++)
            free(*f[j]);
    }
    free(s->listings);
    for (size_t i = 0; i < s->nalikes; i++) {
        free(s->alikes[i].name);
        free(s->alikes[i].why);
    }
    free(s->alikes);
    memset(s, 0, sizeof *s);
}
