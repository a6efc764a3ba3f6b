/* The FTS5 query builder (core/query.h): for any bytes, query_build gives an expression
 * or a note; the expression is accepted by FTS5 on an in-memory table with the zh
 * tokenizer (never an SQL error); query_relax likewise. */
#include <sqlite3.h>
#include "fuzz.h"
#include "query.h"
#include "zh_fts5.h"

static sqlite3 *db;
static sqlite3_stmt *st;

static void setup(void)
{
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || zh_fts5_register(db) != SQLITE_OK)
        abort();
    if (sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='zh');"
                     "INSERT INTO t VALUES('民政部', '社会救助 AND OR NOT near 2022年');"
                     "INSERT INTO t VALUES('最低生活保障', '規範性檔案 低保 abc 123');",
                     NULL, NULL, NULL) != SQLITE_OK)
        abort();
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL) !=
        SQLITE_OK)
        abort();
}

static void check_fts(const query *q, const uint8_t *data, size_t size)
{
    FUZZ_CHECK(q->fts != NULL && q->fts[0] != '\0');
    /* query_relax may split one term into many two-character pieces */
    FUZZ_CHECK(q->nterms >= 1 && q->nterms <= (q->relaxed ? QUERY_MAX_TERMS * 8 : QUERY_MAX_TERMS));
    for (size_t i = 0; i < q->nterms; i++)
        FUZZ_CHECK(q->terms[i].nalts >= 1);
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, q->fts, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        fprintf(stderr, "input of %zu bytes built %s: %s\n", size, q->fts, sqlite3_errmsg(db));
        (void)data;
        abort();
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db)
        setup();
    int or_mode = 0;
    const vocab *v = vocab_builtin();
    if (size > 0) {
        or_mode = data[0] & 1;
        if (data[0] & 2)
            v = NULL;
        data++;
        size--;
    }
    query q;
    int rc = query_build((const char *)data, size, v, or_mode, &q);
    FUZZ_CHECK(rc == 0 || rc == 1);
    if (rc == 0) {
        check_fts(&q, data, size);
        query r;
        if (query_relax(&q, &r) == 0) {
            FUZZ_CHECK(r.relaxed);
            check_fts(&r, data, size);
            query_free(&r);
        }
    } else {
        FUZZ_CHECK(q.fts == NULL);
        FUZZ_CHECK(q.note != NULL);
    }
    query_free(&q);
    return 0;
}
