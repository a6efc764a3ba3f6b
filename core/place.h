/* Place names and division codes (行政区划): what a caller means by "东城", "110101",
 * "dongcheng" or "南川县", answered with every division that fits, each with its full
 * path, its number of children, why it matched and, for a code no longer in force, what
 * it became.
 *
 * Routing (place_lookup): input that is 1 to 12 digits (core/divcode.h forms) is a code;
 * ASCII letters (with spaces or apostrophes, at least 2 letters) are pinyin
 * (core/pinyin.h); anything else is a name, folded (繁简, width) as the loader folded the
 * names. Each hit says why it matched:
 *   code     代码一致 (a whole code: its rows, current and earlier names)
 *            代码开头 (a partial code: everything under it, in code order, counted)
 *   name     名称一致, 名称开头, 名称包含 (the name index, bigram phrase; 2+ characters)
 *   pinyin   拼音 (full spelling), 拼音首字母 (initials), checked by pinyin_match
 * Order: reason (code and exact name, then prefixes, pinyin, initials, contains), then
 * current before ended, then level (province first), then code. A name shared by several
 * divisions gives every one of them, each with its own path.
 *
 * As of a date (place_opts.date, the "what was it then"): each hit says whether
 * its row was in force then (enum place_at), the code's name then and, when the code was
 * not in force, the codes of its history that were (place_history_t.then). Only dates a
 * source gives decide; see enum place_at for rows without any.
 *
 * Work per look-up is bounded: at most PLACE_SCAN_KEYS index entries are read (a key
 * range holding more gives its first ones in key order), and at most PLACE_READ_ROWS
 * division rows, the strongest reasons first and within one the rows loaded first (which
 * puts provinces before villages when the sources are loaded in that order); total is
 * then an estimate (total_capped). Pure engine: no curses, no output formats; one read
 * transaction, bound statements prepared per call. */
#ifndef GONGKAI_PLACE_H
#define GONGKAI_PLACE_H

#include <stddef.h>

#include "db.h"
#include "divcode.h"

#define PLACE_DEFAULT_LIMIT 50
#define PLACE_MAX_LIMIT 500
#define PLACE_INPUT_MAX 256     /* bytes of a query (after trimming); longer is refused */
#define PLACE_SCAN_KEYS 20000   /* index entries read per look-up (keys, phrase matches) */
#define PLACE_READ_ROWS 1000    /* division rows read per look-up to order the candidates */
#define PLACE_CHAIN_STEPS 8     /* links followed from a code, each way */

/* Why a division was found, strongest first (the order of the answer). */
enum place_reason {
    PLACE_BY_CODE = 0,    /* 代码一致 */
    PLACE_BY_NAME,        /* 名称一致 */
    PLACE_BY_CODE_PREFIX, /* 代码开头 */
    PLACE_BY_NAME_PREFIX, /* 名称开头 */
    PLACE_BY_PINYIN,      /* 拼音 */
    PLACE_BY_INITIALS,    /* 拼音首字母 */
    PLACE_BY_CONTAINS,    /* 名称包含 */
    PLACE_BY_CHILD,       /* 下级 (place_children) */
};
const char *place_reason_label(enum place_reason r);

/* 省级 地级 县级 乡级 村级 ("" outside 1..5). */
const char *place_level_label(int level);

/* A row at the as-of date, in the order of the answer: in force, the two kinds of cannot
 * tell, then not in force. A row without dates (valid_from '' and no valid_to: the NBS
 * tables, the county history) is known only from the database's 数据截至 (meta as_of)
 * on: in force then, or ended if it is ended now; before that it is UNKNOWN, never
 * guessed. A source date of month or year precision names a period: a date inside it
 * cannot be told apart from the change (UNSURE). */
enum place_at {
    PLACE_AT_NONE = 0, /* no date asked */
    PLACE_AT_IN_FORCE, /* 有效: valid_from <= date <= valid_to (either may be open) */
    PLACE_AT_UNSURE,   /* 来源日期只到年或月，无法判断: the date is in the period of one */
    PLACE_AT_UNKNOWN,  /* 来源未注明日期 */
    PLACE_AT_NOT_YET,  /* 尚未设立: valid_from after the date */
    PLACE_AT_ENDED,    /* 已撤销: valid_to before the date (or undated, ended, date after
                          数据截至) */
};
const char *place_at_label(enum place_at a); /* "" for PLACE_AT_NONE */
const char *place_at_key(enum place_at a);   /* in_force, unsure, unknown, not_yet, ended */

/* The as-of date as typed: YYYY-MM-DD, YYYY-MM, YYYY, 2006年10月(1日) (core/isodate.h
 * forms, years 1900..2100). A partial date names a period and stands for its first day:
 * 1990 is 1990-01-01, 2006-10 is 2006-10-01. Returns 1 with out "YYYY-MM-DD", 0 for an
 * empty or NULL text (no date), -1 for a malformed one with *problem (new string, for
 * the user). */
int place_date_parse(const char *text, char out[11], char **problem);

enum place_route {
    PLACE_ROUTE_NONE = 0, /* nothing looked up (see problem) */
    PLACE_ROUTE_CODE,
    PLACE_ROUTE_PINYIN,
    PLACE_ROUTE_NAME,
};

/* A code with the name it goes by: its current row's, else its latest. */
typedef struct {
    char code[DIV_BUF];
    char *name;  /* "" when the code has no row */
    int ended;   /* no current row */
} place_ref;

/* One link of the code history (division_event_link), old code → new code. */
typedef struct {
    place_ref from, to;  /* to.code "" for a code abolished without successor */
    char *relation;      /* superseded_by, split_into, merged_into ... */
    char *event;         /* 代码变更, 拆分, 撤销 ... (division_event.event_type) */
    int depth;           /* 1 for a link of the code itself, 2 the next one ... */
} place_step;

typedef struct {
    char *name;
    int ended;
    char *valid_from, *valid_to; /* NULL when unknown */
    enum place_at at;            /* this row at the as-of date */
} place_name_row;

/* A gazetteer record of the code (kind place_names): what the source gives, NULL when it
 * gives nothing for a field. */
typedef struct {
    char *name;            /* the standard name */
    char *category;        /* 地名类别 */
    char *pinyin;          /* as published */
    char *meaning, *origin, *history; /* 含义, 来历, 沿革 */
    char *source;          /* the source's publisher, else its path */
    int has_coords;
    double lon, lat;
} place_gaz;

typedef struct {
    char code[DIV_BUF];
    place_name_row *names; /* every row of the code, current first */
    size_t nnames;
    place_step *pred;      /* codes that became this one, followed back */
    size_t npred;
    place_step *succ;      /* what it became, followed forward (breadth first) */
    size_t nsucc;
    place_ref *now;        /* the codes in force the successors end at */
    size_t nnow;
    place_gaz *gaz;        /* gazetteer records of the code, in load order (place_history;
                              a look-up with place_opts.gazetteer) */
    size_t ngaz;
    /* With an as-of date (PLACE_AT_NONE and NULL without one): */
    enum place_at code_at; /* the code then: the best verdict of its rows */
    char *name_at;         /* its name then (a row in force then), else NULL */
    place_ref *then;       /* when the code was not in force then: the codes of pred and
                              succ in force then, each with its name then (predecessors
                              first, nearest first); ended is the code's state now */
    size_t nthen;
    int then_unsure;       /* none was surely in force then: then lists the codes whose
                              dates cannot tell (PLACE_AT_UNSURE), named by those rows */
} place_history_t;

typedef struct {
    long long id;          /* division.id */
    char code[DIV_BUF];
    char *name;
    int level;
    char *type;            /* division.type, else the code's category (type_by_code) or "" */
    int type_by_code;      /* type is div_category: a numbering convention (按代码) */
    int ended;
    char parent[DIV_BUF];  /* the parent shown in the path ("" for a province): its
                              children are this hit's siblings */
    char **path;           /* names, province first, ending with the hit's own; summary
                              codes such as 110100 市辖区 are left out */
    size_t npath;
    char *path_text;       /* "北京市 / 东城区 / 东华门街道" */
    size_t children;       /* current children, through summary codes */
    enum place_reason reason;
    place_history_t hist;  /* names of the code, predecessors, successors and now */
    char *valid_from, *valid_to; /* the row's dates, NULL when the source gives none */
    char *pinyin;          /* a published spelling of the name's first characters ("lu an"
                              for 六安市: kind place_names), NULL when none; pinyin
                              queries are matched with it first */
    enum place_at at;      /* the row at the as-of date (PLACE_AT_NONE without one) */
} place_hit;

typedef struct {
    size_t limit;          /* hits returned: 1..PLACE_MAX_LIMIT, 0 = PLACE_DEFAULT_LIMIT */
    int level;             /* 1..5: that level only; 0 any */
    int include_ended;     /* also codes no longer in force (PLACE_OPTS_INIT: 1); "in force"
                              means now, with or without a date */
    const char *date;      /* the as-of date (place_date_parse forms); NULL or "" none */
    int gazetteer;         /* also each hit's gazetteer records (hist.gaz; one more read
                              per hit, so only for a detail view); place_history always */
} place_opts;

#define PLACE_OPTS_INIT {PLACE_DEFAULT_LIMIT, 0, 1, NULL, 0}

typedef struct {
    char *input;           /* as looked up: trimmed, spaces collapsed */
    enum place_route route;
    char *problem;         /* "" or why nothing could be looked up (a malformed code ...) */
    place_hit *hits;
    size_t n;
    size_t total;          /* divisions that matched (before the limit) */
    int total_capped;      /* total is an estimate: the bounds above were reached */
    size_t same_name;      /* distinct codes in force carrying exactly the typed name */
    char *searched;        /* what was looked up, for people */
    char *as_of;           /* the database's 数据截至, "" if unknown */
    double ms;
    char *date;            /* the as-of date used, "YYYY-MM-DD" (a partial date's first
                              day); "" without one */
} place_result;

/* Looks query up (NULL options: PLACE_OPTS_INIT). Returns 0 (r filled; r->n may be 0,
 * r->problem then may say why: a malformed o->date too), or -1 on a database error
 * (*err, for the user). With a date, hits of one reason go in force then first, then
 * those the dates cannot tell, then those not in force then (instead of current before
 * ended); code prefixes stay in code order. */
int place_lookup(gk_db *db, const char *query, const place_opts *o, place_result *r,
                 char **err);

/* The current children of code (any written form), in code order, through summary codes
 * (北京市's children are its districts, not 110100 市辖区), as hits with reason
 * PLACE_BY_CHILD; r->total counts them all. Siblings are the children of a hit's parent.
 * An empty code ("" or spaces) is the top: the provinces (rows without a parent).
 * With o->date, the children then instead: a child code is listed by a row in force then,
 * else by one whose dates cannot tell (UNSURE), else by a current row without dates
 * (listed as now, marked UNKNOWN); codes whose dates say they were not in force then are
 * left out. Each hit's children count stays the current one.
 * Returns 0 (r->problem set for a malformed code or date), -1 on a database error. */
int place_children(gk_db *db, const char *code, const place_opts *o, place_result *r,
                   char **err);

/* The history of code (any written form): its names, the codes that became it and what
 * it became, through division_event_link up to PLACE_CHAIN_STEPS links each way.
 * Returns 0, 1 when the database knows nothing of the code (or it is malformed), -1 on a
 * database error (*err). */
int place_history(gk_db *db, const char *code, place_history_t *out, char **err);

/* The same with an as-of date (NULL or "": none): each name row's verdict, the code's,
 * its name then and the codes in force then. 2 for a malformed date (*err says why). */
int place_history_at(gk_db *db, const char *code, const char *date, place_history_t *out,
                     char **err);

void place_history_free(place_history_t *h);
void place_result_free(place_result *r);

#endif
