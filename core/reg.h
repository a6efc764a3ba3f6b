/* Reading regulations from a database: find one by title (full, short, Traditional or a
 * unique part), list its versions, walk its article tree, address an article as
 * "社会救助暂行办法 第十一条" / "社会救助暂行办法 11", and make citation lines. */
#ifndef GONGKAI_REG_H
#define GONGKAI_REG_H

#include <stddef.h>

#include "db.h"
#include "regref.h"

typedef struct {
    long long id;
    char *title, *short_title, *edition_label, *version_date, *level, *issuing_organs;
    char *doc_number, *adopted, *promulgated, *effective, *amended;
    char *status;       /* canonical: in_force, amended, partly_invalid, repealed ... */
    char *status_raw;
    long long superseded_by; /* 0 when none */
    char *preamble;
    char *source_path, *source_url, *retrieved;
} reg_info;

typedef struct {
    long long id, parent_id;
    char kind[16];  /* 题注 编 分编 章 节 条 款 项 目 段 */
    char *label;    /* 第十一条, 第二章, （一） */
    long num;
    int num_sub;
    int ordinal;
    char *heading;  /* 总则 for 第一章 总则; NULL otherwise */
    char *path;     /* 第二章/第十一条 */
    char *text;     /* the unit's text (条, 段, 题注) or the slice (款, 项, 目); NULL for headings */
    int line;
} reg_node_t;

/* Canonical status → 现行有效 / 已修改 / 部分失效 / 已废止 / 尚未生效 / 已失效. */
const char *reg_status_label(const char *status);

/* The status as of today: in_force with an effective date still to come is
 * not_yet_effective (the loader's date may be old). Returns status or a constant. */
const char *reg_status_today(const char *status, const char *effective);

/* Regulations matching a title: exact title, then short title, then folded equality
 * (Traditional, full-width), then folded substring. In force first, newest first.
 * Returns the number found (0 none), or -1 on a database error (*err set). */
int reg_find(gk_db *db, const char *title, reg_info **out, char **err);
int reg_get(gk_db *db, long long id, reg_info *out);
/* Every version of the same work (same short title), newest first. */
int reg_versions(gk_db *db, const reg_info *r, reg_info **out);

/* The whole tree in document order, with texts. Returns the count or -1. */
int reg_nodes(gk_db *db, long long reg_id, reg_node_t **out);

/* The node a reference addresses in one regulation: an article (条, or the 段 item of a
 * document without articles), chapter or section; 款/项/目 narrow the text. Returns 0,
 * or -1 with a message such as "社会救助暂行办法 没有第九十条（共 70 条）". */
int reg_lookup(gk_db *db, const reg_info *r, const regref *ref, reg_node_t *out, char **err);

/* Resolves "TITLE [ARTICLE]" typed as one string (or title and article separately when
 * article is non-NULL). Fills *r and, when an article was given, *node (node->id = 0
 * otherwise). Ambiguous titles list the candidates in *err. Returns 0 or -1. */
int reg_resolve(gk_db *db, const char *title, const char *article, reg_info *r,
                reg_node_t *node, char **err);

/* 《社会救助暂行办法》第十一条（国务院令第649号，2019-03-02 版，现行有效） */
char *reg_citation(const reg_info *r, const reg_node_t *n);

void reg_info_free(reg_info *r);
void reg_infos_free(reg_info *v, int n);
void reg_node_free(reg_node_t *n);
void reg_nodes_free(reg_node_t *v, int n);

#endif
