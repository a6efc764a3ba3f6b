/* bq_baselines.c: `benchq baseline` (the plain table, built-in trigram FTS5 and folded copy
 * the queries are compared with) and the baseline query methods: grep -F over the corpus
 * files, LIKE and instr scans of the plain table, the trigram index. */
#include "bq.h"

#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *const b_names[NB] = {"grep T", "grep T|S", "LIKE T", "instr T|S", "trigram T",
                                 "trigram T|S"};

/* ---- benchq baseline ---------------------------------------------------------------- */

int cmd_baseline(const char *gk, const char *base)
{
    unlink(base);
    sqlite3 *db = open_rw(base);
    attach_ro(db, gk, "gk");
    exec_sql(db, "CREATE TABLE unit(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)");
    double copy = timed_exec(db, "INSERT INTO unit SELECT id, title, body FROM gk.doc");
    exec_sql(db, "CREATE VIRTUAL TABLE tri USING fts5(title, body, content='unit', "
                 "content_rowid='id', tokenize='trigram')");
    double tri_build = timed_exec(db, "INSERT INTO tri(tri) VALUES('rebuild')");
    double tri_opt = timed_exec(db, "INSERT INTO tri(tri) VALUES('optimize')");
    exec_sql(db, "CREATE TABLE ufold(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)");
    double fold = timed_exec(db, "INSERT INTO ufold SELECT id, gk_fold(title), gk_fold(body) FROM unit");
    printf("unit_copy_s=%.2f\ntri_rebuild_s=%.2f\ntri_optimize_s=%.2f\ntri_index_bytes=%lld\n"
           "fold_copy_s=%.2f\nunit_text_bytes=%lld\n",
           copy, tri_build, tri_opt, index_bytes(db, "main", "tri"), fold,
           int_of(db, "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM unit"));
    sqlite3_close(db);
    printf("baseline_db_bytes=%lld\n", file_size(base));
    return 0;
}

/* ---- the baseline query methods ----------------------------------------------------- */

/* grep -r -c -h -F -e T [-e S] DIR/regs DIR/notices with LC_ALL=C; the sum of the
 * per-file counts of matching lines. */
static long long run_grep(const char *corpus, const char *t, const char *s)
{
    int fd[2];
    if (pipe(fd) != 0)
        die("pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        char *regs = xasprintf("%s/regs", corpus), *notices = xasprintf("%s/notices", corpus);
        const char *argv[12];
        int n = 0;
        argv[n++] = "grep";
        argv[n++] = "-r";
        argv[n++] = "-c";
        argv[n++] = "-h";
        argv[n++] = "-F";
        argv[n++] = "-e";
        argv[n++] = t;
        if (s) {
            argv[n++] = "-e";
            argv[n++] = s;
        }
        argv[n++] = regs;
        argv[n++] = notices;
        argv[n] = NULL;
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        setenv("LC_ALL", "C", 1);
        execvp("grep", (char *const *)argv);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    long long sum = 0;
    char line[64];
    while (fgets(line, sizeof line, f))
        sum += atoll(line);
    fclose(f);
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
        die("grep failed");
    return sum;
}

long long run_base(ctx_t *c, bq *q, int m)
{
    int same = !strcmp(q->t, q->s);
    char *p1 = NULL, *p2 = NULL;
    long long n = 0;
    switch (m) {
    case B_GREP_T:
        return run_grep(c->corpus, q->t, NULL);
    case B_GREP_TS:
        return run_grep(c->corpus, q->t, same ? NULL : q->s);
    case B_LIKE_T:
        p1 = xasprintf("%%%s%%", q->t);
        n = run_sql(c->b, "SELECT count(*) FROM unit WHERE title LIKE ?1 OR body LIKE ?1", p1, NULL);
        break;
    case B_INSTR_TS:
        n = same ? run_sql(c->b, "SELECT count(*) FROM unit WHERE instr(title, ?1) OR instr(body, ?1)",
                           q->t, NULL)
                 : run_sql(c->b,
                           "SELECT count(*) FROM unit WHERE instr(title, ?1) OR instr(body, ?1) OR "
                           "instr(title, ?2) OR instr(body, ?2)",
                           q->t, q->s);
        break;
    case B_TRI_T:
    case B_TRI_TS: {
        int both = m == B_TRI_TS && !same;
        if (q->chars >= 3) {
            p1 = both ? xasprintf("\"%s\" OR \"%s\"", q->t, q->s) : xasprintf("\"%s\"", q->t);
            n = run_sql(c->b, "SELECT count(*) FROM tri WHERE tri MATCH ?1", p1, NULL);
        } else {
            /* under 3 characters the trigram index cannot answer LIKE: scan (+col) */
            p1 = xasprintf("%%%s%%", q->t);
            p2 = xasprintf("%%%s%%", q->s);
            n = both ? run_sql(c->b,
                               "SELECT count(*) FROM tri WHERE +title LIKE ?1 OR +body LIKE ?1 OR "
                               "+title LIKE ?2 OR +body LIKE ?2",
                               p1, p2)
                     : run_sql(c->b, "SELECT count(*) FROM tri WHERE +title LIKE ?1 OR +body LIKE ?1",
                               p1, NULL);
        }
        break;
    }
    default:
        break;
    }
    free(p1);
    free(p2);
    return n;
}
