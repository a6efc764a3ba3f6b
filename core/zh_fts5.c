#include "zh_fts5.h"

#include "zh_tokenizer.h"

#include <stddef.h>

/* The tokenizer has no per-table state; any non-NULL handle will do. */
static int zh_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)ctx;
    (void)argv;
    if (argc != 0)
        return SQLITE_ERROR; /* no options yet: refuse rather than silently ignore */
    static int dummy;
    *out = (Fts5Tokenizer *)&dummy;
    return SQLITE_OK;
}

static void zh_delete(Fts5Tokenizer *t)
{
    (void)t;
}

struct emit_ctx {
    void *fts_ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
};

static int emit_to_fts(void *ctx, const char *tok, int ntok, int start, int end)
{
    struct emit_ctx *e = ctx;
    return e->xToken(e->fts_ctx, 0, tok, ntok, start, end);
}

static int zh_tokenize_fts(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
                           int (*xToken)(void *, int, const char *, int, int, int))
{
    (void)t;
    struct emit_ctx e = {ctx, xToken};
    /* FTS5_TOKENIZE_AUX must tokenize like DOCUMENT; only QUERY differs. */
    enum zh_mode mode = (flags & FTS5_TOKENIZE_QUERY) ? ZH_QUERY : ZH_DOC;
    return zh_tokenize(text, len, mode, emit_to_fts, &e);
}

static fts5_api *get_fts5_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int zh_fts5_register(sqlite3 *db)
{
    fts5_api *api = get_fts5_api(db);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    static fts5_tokenizer tok = {zh_create, zh_delete, zh_tokenize_fts};
    return api->xCreateTokenizer(api, "zh", NULL, &tok, NULL);
}
