/* Internals of the place look-up, shared by place.c (routing, order, the answer),
 * placecand.c (candidates by code, name and pinyin), placehist.c (paths, children,
 * the code history) and placeat.c (the as-of date). */
#ifndef GONGKAI_PLACE_INT_H
#define GONGKAI_PLACE_INT_H

#include "isodate.h"
#include "place.h"

/* The statements of one call, prepared when first used (pl_stmt). */
enum pl_sql {
    PL_ROW,        /* id -> code, level, ended, name */
    PL_DETAIL,     /* id -> code, name, level, type, ended, parent_code */
    PL_BEST,       /* code -> the row it goes by: name, parent_code, ended */
    PL_NAMES,      /* code -> every row */
    PL_SUCC,       /* old code -> links */
    PL_PRED,       /* new code -> links */
    PL_KIDS,       /* parent code -> child codes */
    PL_KIDS_AT,    /* parent code -> every row of the children, with dates */
    PL_CODE_ROWS,  /* code -> ids */
    PL_CODE_RANGE, /* code range -> ids in code order */
    PL_CODE_COUNT, /* code range -> count, capped */
    PL_KEY_EXACT,  /* name key -> ids */
    PL_KEY_RANGE,  /* key range of a kind -> ids */
    PL_KEY_SPAN,   /* key range -> ids and kinds */
    PL_FTS,        /* phrase -> ids */
    PL_MAX_ID,     /* the largest division id */
    PL_GAZ,        /* code -> place_name records */
    PL_NSQL
};

typedef struct {
    gk_db *db;
    place_opts o;  /* normalised (o.date points to date below) */
    sqlite3_stmt *st[PL_NSQL];
    int dated;      /* an as-of date was given */
    char date[11];  /* it, YYYY-MM-DD */
    isodate day;    /* it, parsed */
    isodate data_as_of; /* meta as_of: undated rows are known from then on (prec 0: never) */
} pl_ctx;

/* The statement, reset and with its bindings cleared; NULL on a database error. */
sqlite3_stmt *pl_stmt(pl_ctx *c, enum pl_sql which);
void pl_ctx_close(pl_ctx *c);

/* Column text copied ("" for NULL). */
char *pl_col(sqlite3_stmt *st, int i);

/* A candidate: a division row and the strongest reason it was found for. */
typedef struct {
    long long id;
    enum place_reason reason;
    int ended, level;
    int rank;       /* order within a reason: ended (0, 1), or pl_at_rank with a date */
    char code[DIV_BUF];
} pl_cand;

typedef struct {
    pl_cand *v;
    size_t n, cap;
    size_t unread;  /* matching ids left unread by PLACE_READ_ROWS (estimate) */
    int capped;     /* some bound was reached: the total is an estimate */
    size_t total;   /* when set (code prefixes), the total counted by SQL */
} pl_cands;

/* rank: pl_cand.rank. */
void pl_cands_add(pl_cands *c, long long id, enum place_reason why, const char *code,
                  int level, int ended, int rank);

/* Candidates for each route (placecand.c). 0, or -1 on a database error; a problem with
 * the input goes to r->problem. */
int pl_by_code(pl_ctx *c, const char *input, place_result *r, pl_cands *out);
int pl_by_pinyin(pl_ctx *c, const char *input, pl_cands *out);
int pl_by_name(pl_ctx *c, const char *input, pl_cands *out);

/* Fills h from division row id (path, children, history). 0, 1 when there is no such
 * row, -1 on a database error (placehist.c). */
int pl_fill_hit(pl_ctx *c, long long id, enum place_reason why, place_hit *h);

/* The history of a canonical code into h (already zeroed). 0, or -1. */
int pl_history(pl_ctx *c, const char *code, place_history_t *h);

/* The current children of a canonical code through summary codes, in code order: ids of
 * their rows appended to *ids (may be NULL to count only); at_date: the children at
 * c's as-of date instead (place_children). Returns the count, -1 on a database error. */
long pl_children(pl_ctx *c, const char *code, int at_date, long long **ids, size_t *cap);

void pl_hit_free(place_hit *h);

/* ---- the as-of date (placeat.c) ---- */

/* Sets c's date from text and the database's 数据截至. 0, or -1 with *problem for a
 * malformed date (no date: 0, c->dated 0). */
int pl_date_set(pl_ctx *c, const char *text, char **problem);

/* A row at c's date: dates as stored (NULL or "" for none), ended as stored. */
enum place_at pl_verdict(const pl_ctx *c, const char *from, const char *to, int ended);

/* The order of verdicts: 0 in force, 1 cannot tell (UNSURE, UNKNOWN), 2 not in force. */
int pl_at_rank(enum place_at a);

/* A candidate's pl_cand.rank from its row: ended without a date. */
int pl_cand_rank(const pl_ctx *c, const char *from, const char *to, int ended);

/* With a date, fills h's verdicts: each name row, the code, its name then and, when the
 * code was not in force then, the codes of h->pred and h->succ that were. 0, or -1. */
int pl_history_at(pl_ctx *c, place_history_t *h);

#endif
