/* RFC 4180 CSV (and plain TSV) reader over an in-memory UTF-8 buffer. Records may span
 * lines inside quotes; every record knows the line it starts on, for error messages. */
#ifndef GONGKAI_CSV_H
#define GONGKAI_CSV_H

#include <stddef.h>

typedef struct {
    size_t nfields;
    char **fields;     /* NUL-terminated, unescaped; owned by the reader until the next call */
    size_t *lens;      /* byte length of each field */
    size_t line;       /* 1-based line where the record starts */
    size_t warnings;   /* quotes inside unquoted fields, kept literally */
    size_t warn_line;  /* line of the first such quote (0 if none) */
    size_t warn_field; /* 0-based field of the first such quote */
} csv_row;

typedef struct {
    const char *data; /* not owned */
    size_t len, pos;
    size_t line; /* line of data[pos] */
    char delim;
    int quoting;
    int failed;
    char err[160]; /* repeated by csv_next once an error was reported */
    /* Field bytes of the current record, NUL-separated, and where each field starts. */
    char *buf;
    size_t buflen, bufcap;
    size_t *offs, *lens;
    size_t offcap, lencap;
    char **fields;
    size_t fieldcap;
} csv_reader;

/* Reads data[0..len) split by delim. quoting=1 for CSV ("..." with "" escapes), 0 for TSV
 * (quotes are ordinary characters). A leading UTF-8 BOM is skipped. */
void csv_init(csv_reader *r, const char *data, size_t len, char delim, int quoting);

/* Next record into row: 1, 0 at the end, -1 with "line N: ..." in err (and again on every
 * later call). Empty lines are skipped; CRLF and LF both end a record. */
int csv_next(csv_reader *r, csv_row *row, char *err, size_t errlen);

/* Frees the reader's buffers (not data). */
void csv_free(csv_reader *r);

/* Index of the header field whose trimmed text equals name (ASCII case-insensitive, a
 * UTF-8 BOM before the first field ignored), or -1. */
int csv_find_column(const csv_row *header, const char *name);

#endif
