/* kind = vocab: extra search vocabulary shipped with a corpus, in the data/vocab.txt
 * format ("a / b / c" per line). Stored in table vocab; db_open merges it with the
 * built-in groups. */
#include "kinds.h"

#include "vocab.h"

static long next_group;

static int load_vocab_file(load_ctx *c, const char *text, size_t len)
{
    static sqlite3_stmt *st;
    vocab *v = vocab_new();
    int bad_line;
    int bad = vocab_load_text(v, text, len, &bad_line);
    if (bad && diag_error(c->d, c->relpath, bad_line,
                          "a vocabulary line needs two different terms separated by / "
                          "(%d such line%s skipped)",
                          bad, bad > 1 ? "s" : "")) {
        vocab_free(v);
        return -1;
    }
    c->d->skipped += bad;
    for (size_t g = 0; g < vocab_group_count(v); g++) {
        for (size_t i = 0; i < vocab_group_size(v, g); i++) {
            sqlite3_stmt *s = load_stmt(c, &st, "INSERT INTO vocab(grp, term, source_id) VALUES (?1, ?2, ?3)");
            if (!s)
                break;
            sqlite3_bind_int64(s, 1, next_group);
            sqlite3_bind_text(s, 2, vocab_member(v, g, i), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 3, c->source_id);
            if (sqlite3_step(s) != SQLITE_DONE) {
                vocab_free(v);
                return diag_error(c->d, c->relpath, 0, "cannot store the vocabulary") ? -1 : 0;
            }
        }
        next_group++;
        c->records++;
    }
    vocab_free(v);
    return 0;
}

const load_kind kind_vocab = {
    .name = "vocab",
    .keys = NULL,
    .load_file = load_vocab_file,
    .finish = NULL,
};
