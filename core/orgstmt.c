/* The statement cache of the organisation check (core/orgstmt.h).
 *
 * Statements are kept per connection and finalized by oc_stmt_release, which db_close
 * calls before sqlite3_close (that refuses a connection with unfinalized statements). A
 * connection is used by one thread at a time; only the list of connections is shared.
 * The scratch buffer of the similar-name search lives here for the same reason. */
#include "orgstmt.h"

#include "xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_MAX 32 /* statements kept per connection; the check has about 20 */

typedef struct stmt_cache {
    sqlite3 *h;
    struct {
        const char *sql; /* the caller's pointer, then compared as text */
        sqlite3_stmt *st;
        int out; /* handed out, not yet put back */
    } e[CACHE_MAX];
    int n;
    unsigned char *scratch; /* oc_scratch_get */
    size_t scratch_size;
    int scratch_out;
    struct stmt_cache *next;
} stmt_cache;

static pthread_mutex_t caches_lock = PTHREAD_MUTEX_INITIALIZER;
static stmt_cache *caches;


static stmt_cache *cache_of(sqlite3 *h)
{
    pthread_mutex_lock(&caches_lock);
    stmt_cache *c = caches;
    while (c && c->h != h)
        c = c->next;
    if (!c) {
        c = xcalloc(1, sizeof *c);
        c->h = h;
        c->next = caches;
        caches = c;
    }
    pthread_mutex_unlock(&caches_lock);
    return c;
}

sqlite3_stmt *oc_stmt_get(sqlite3 *h, const char *sql)
{
    stmt_cache *c = cache_of(h);
    int same_out = 0;
    for (int i = 0; c && i < c->n; i++)
        if (c->e[i].sql == sql || !strcmp(c->e[i].sql, sql)) {
            if (!c->e[i].out) {
                c->e[i].out = 1;
                return c->e[i].st;
            }
            same_out = 1;
        }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    /* A second use of a statement that is out (a nested call) is not kept. */
    if (c && !same_out && c->n < CACHE_MAX) {
        c->e[c->n].sql = sqlite3_sql(st);
        c->e[c->n].st = st;
        c->e[c->n++].out = 1;
    }
    return st;
}

void oc_stmt_put(sqlite3_stmt *st)
{
    if (!st)
        return;
    stmt_cache *c = cache_of(sqlite3_db_handle(st));
    for (int i = 0; c && i < c->n; i++)
        if (c->e[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            c->e[i].out = 0;
            return;
        }
    sqlite3_finalize(st);
}

void *oc_scratch_get(sqlite3 *h, size_t bytes)
{
    stmt_cache *c = cache_of(h);
    if (!c || c->scratch_out)
        return xcalloc(bytes ? bytes : 1, 1);
    if (c->scratch_size < bytes) {
        free(c->scratch);
        c->scratch = xcalloc(bytes, 1);
        c->scratch_size = bytes;
    }
    c->scratch_out = 1;
    return c->scratch;
}

void oc_scratch_put(sqlite3 *h, void *buf)
{
    stmt_cache *c = cache_of(h);
    if (c && buf == c->scratch && c->scratch_out)
        c->scratch_out = 0;
    else
        free(buf);
}

void oc_stmt_release(sqlite3 *h)
{
    pthread_mutex_lock(&caches_lock);
    stmt_cache *c = NULL;
    for (stmt_cache **pp = &caches; *pp; pp = &(*pp)->next)
        if ((*pp)->h == h) {
            c = *pp;
            *pp = c->next;
            break;
        }
    pthread_mutex_unlock(&caches_lock);
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        sqlite3_finalize(c->e[i].st);
    free(c->scratch);
    free(c);
}
