#include "zh_tokenizer.h"

#include "fold.h"
#include "utf8dec.h"

#include <stdint.h>
#include <string.h>

/* Byte offset where the input's last token-producing run starts (-1 if none). */
static int last_run_start(const unsigned char *s, int len)
{
    int pos = 0, start = -1;
    enum fold_class prev = FOLD_SEP;
    while (pos < len) {
        uint32_t cp;
        int valid;
        int n = u8_decode(s + pos, s + len, &cp, &valid);
        enum fold_class c = valid ? fold_class_of(fold_cp(cp)) : FOLD_SEP;
        if (c != FOLD_SEP && c != prev)
            start = pos;
        prev = c;
        pos += n;
    }
    return start;
}

int zh_tokenize(const char *text, int len, enum zh_mode mode, zh_emit_fn emit, void *ctx)
{
    const unsigned char *s = (const unsigned char *)text;
    int final_run = (mode == ZH_QUERY) ? last_run_start(s, len) : -1;
    int pos = 0, rc;

    /* CJK run state: the previous character (folded, encoded) and where it starts. */
    char prev[4];
    int prev_len = 0, prev_start = 0, prev_end = 0, run_len = 0, run_start = 0;
    /* Word run state. */
    char word[ZH_WORD_MAX * 4];
    int word_len = 0, word_chars = 0, word_start = 0, word_end = 0;

#define FLUSH_WORD()                                                                   \
    do {                                                                               \
        if (word_len) {                                                                \
            if ((rc = emit(ctx, word, word_len, word_start, word_end)) != 0)           \
                return rc;                                                             \
            word_len = word_chars = 0;                                                 \
        }                                                                              \
    } while (0)

#define END_CJK_RUN()                                                                  \
    do {                                                                               \
        if (run_len) {                                                                 \
            if (!(run_start == final_run && run_len >= 2))                             \
                if ((rc = emit(ctx, prev, prev_len, prev_start, prev_end)) != 0)       \
                    return rc;                                                         \
            run_len = 0;                                                               \
        }                                                                              \
    } while (0)

    while (pos < len) {
        uint32_t cp;
        int valid;
        int n = u8_decode(s + pos, s + len, &cp, &valid);
        uint32_t f = valid ? fold_cp(cp) : U8_REPLACEMENT;
        enum fold_class c = valid ? fold_class_of(f) : FOLD_SEP;
        if (c == FOLD_CJK) {
            FLUSH_WORD();
            char cur[4];
            int cur_len = u8_encode(f, cur);
            if (run_len == 0) {
                run_start = pos;
            } else {
                char bi[8];
                memcpy(bi, prev, (size_t)prev_len);
                memcpy(bi + prev_len, cur, (size_t)cur_len);
                if ((rc = emit(ctx, bi, prev_len + cur_len, prev_start, pos + n)) != 0)
                    return rc;
            }
            memcpy(prev, cur, (size_t)cur_len);
            prev_len = cur_len;
            prev_start = pos;
            prev_end = pos + n;
            run_len++;
        } else if (c == FOLD_WORD) {
            END_CJK_RUN();
            if (word_chars == ZH_WORD_MAX)
                FLUSH_WORD();
            if (!word_len)
                word_start = pos;
            word_len += u8_encode(f, word + word_len);
            word_chars++;
            word_end = pos + n;
        } else {
            END_CJK_RUN();
            FLUSH_WORD();
        }
        pos += n;
    }
    END_CJK_RUN();
    FLUSH_WORD();
    return 0;
#undef FLUSH_WORD
#undef END_CJK_RUN
}
