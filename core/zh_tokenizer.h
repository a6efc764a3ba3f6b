/* The zh tokenizer: overlapping CJK bigrams plus a tail unigram for each CJK run, one
 * token per run of letters/digits, nothing for punctuation. Tokens are folded (fold.h);
 * offsets are byte offsets into the original text.
 *
 * In query mode the final run of the input gets no tail unigram when it is CJK and has
 * two or more characters, since the document may continue it ("民政" matches "民政部"). */
#ifndef GONGKAI_ZH_TOKENIZER_H
#define GONGKAI_ZH_TOKENIZER_H

enum zh_mode { ZH_DOC = 0, ZH_QUERY = 1 };

/* Longest word token in characters; longer letter/digit runs are cut into pieces. */
#define ZH_WORD_MAX 64

/* Called for each token in text order; a non-zero return stops tokenizing and is
 * returned by zh_tokenize. */
typedef int (*zh_emit_fn)(void *ctx, const char *tok, int ntok, int start, int end);

int zh_tokenize(const char *text, int len, enum zh_mode mode, zh_emit_fn emit, void *ctx);

#endif
