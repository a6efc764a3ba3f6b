/* Character encodings at the edges: corpus files arrive as UTF-8, GB18030/GBK/GB2312, Big5
 * or UTF-16 and are turned into UTF-8 in memory; exports can be written as GB18030 for
 * Excel. Everything inside the program is UTF-8. */
#ifndef GONGKAI_TEXTENC_H
#define GONGKAI_TEXTENC_H

#include <stddef.h>
#include <stdio.h>

enum textenc {
    TEXTENC_AUTO = 0, /* byte-order mark, then UTF-8, UTF-16, GB18030 or Big5 by content */
    TEXTENC_UTF8,
    TEXTENC_GB18030, /* also GBK and GB2312, which it contains */
    TEXTENC_BIG5,
    TEXTENC_UTF16, /* byte-order mark decides (guessed from the content without one) */
    TEXTENC_UTF16LE,
    TEXTENC_UTF16BE,
};

typedef struct {
    char *text;         /* malloc'd NUL-terminated UTF-8; free with textenc_result_free */
    size_t len;         /* bytes in text, without the NUL */
    enum textenc enc;   /* encoding used: UTF8, GB18030, BIG5, UTF16LE or UTF16BE */
    int bom;            /* 1 if the input started with a byte-order mark (removed) */
    size_t warnings;    /* number of warnings, e.g. U+FEFF inside the text (removed) */
    size_t warn_line;   /* 1-based line of the first warning, 0 if none */
    char warn_msg[128]; /* the first warning, "line 7: ..."; empty if none */
} textenc_result;

/* Parses auto, utf-8/utf8, gb18030, gbk, gb2312, big5, utf-16, utf-16le, utf-16be
 * (case-insensitive). Returns 0, or -1 for an unknown name. */
int textenc_parse_name(const char *name, enum textenc *out);

/* Canonical lower-case name: "auto", "utf-8", "gb18030", "big5", "utf-16", ... */
const char *textenc_name(enum textenc enc);

/* Converts data to UTF-8 (see enum textenc for `declared`). Returns 0 with res filled, or
 * -1 with res zeroed and a message such as "line 12: invalid UTF-8 (...)" in err. */
int textenc_decode(const char *data, size_t len, enum textenc declared, textenc_result *res,
                   char *err, size_t errlen);

/* Frees res->text and zeroes res. */
void textenc_result_free(textenc_result *res);

/* Export writer: UTF-8 in, the named encoding out. */
typedef struct textenc_out textenc_out;

/* Starts writing to f (not closed by the writer) in `encoding`, a name accepted by
 * textenc_parse_name other than auto: gbk and gb2312 write GB18030, "utf-16" writes a
 * little-endian BOM first, utf-8 passes through unchanged. Returns NULL with a message in
 * err for an unknown or unusable name. */
textenc_out *textenc_out_open(FILE *f, const char *encoding, char *err, size_t errlen);

/* Converts and writes a UTF-8 chunk; a character may be split between calls. Characters
 * the encoding cannot represent are written as '?'. Returns 0, or -1 on a write error. */
int textenc_out_write(textenc_out *o, const char *utf8, size_t len);

/* Characters written as '?' so far (unrepresentable, or invalid UTF-8 input); call it
 * before textenc_out_close. */
size_t textenc_out_replaced(const textenc_out *o);

/* Writes what is pending, flushes f and frees o. Returns 0, or -1 if any write failed. */
int textenc_out_close(textenc_out *o);

#endif
