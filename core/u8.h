/* UTF-8 text layout for the terminal, without curses: column widths, fitting,
 * truncation, horizontal scrolling, wrapping with Chinese line-breaking rules (禁则),
 * and sanitising corpus text and search input before they are shown or used.
 *
 * Widths follow glibc wcwidth() in the current LC_CTYPE, which the program sets to a
 * UTF-8 locale first. Callers draw every invalid byte, control and unprintable code
 * point as '?', so all of those count as one column here. Byte lengths are explicit
 * throughout: the text is usually a slice of a larger document. */
#ifndef GONGKAI_U8_H
#define GONGKAI_U8_H

#include <stddef.h>
#include <stdint.h>

/* Columns one code point takes on screen: 0 (combining, zero-width), 1 or 2; a control
 * or unprintable code point is 1 because it is drawn as '?'. */
int u8_cp_width(uint32_t cp);

/* 1 when cp can be sent to the terminal as is; 0 when callers must draw '?' instead. */
int u8_cp_printable(uint32_t cp);

/* 1 for a bidi control (U+061C, U+200E, U+200F, U+202A..202E, U+2066..2069): printable
 * by wcwidth (zero width), but it reorders the text around it on the terminal, so corpus
 * text and input lose it (u8_sanitize, u8_normalize_input, the input line). */
int u8_cp_bidi_control(uint32_t cp);

/* Columns the text takes (an invalid byte counts as one '?'). */
size_t u8_width(const char *s, size_t len);

/* Bytes of the longest prefix that fits in cols columns without splitting a character:
 * a double-width character that would straddle the limit is left out, zero-width
 * characters stay with the character before them. *used_cols (may be NULL) gets the
 * prefix's width. */
size_t u8_fit(const char *s, size_t len, size_t cols, size_t *used_cols);

/* Like u8_fit, for text that must be cut with a one-column marker: returns the whole
 * length with *cut = 0 when the text fits in cols, otherwise the prefix that fits in
 * cols - 1 with *cut = 1, so that prefix + marker never exceeds cols. With cols 0
 * there is no room for a marker: nothing fits and *cut is 0. */
size_t u8_trunc(const char *s, size_t len, size_t cols, int *cut, size_t *used_cols);

/* New string holding the text fitted into cols columns, ending in marker (one column,
 * e.g. ">" or "~") when the text had to be cut. Never wider than cols; the caller frees. */
char *u8_truncate(const char *s, size_t len, size_t cols, const char *marker);

/* For horizontal scrolling: byte offset after the first skip columns. When a wide
 * character straddles the left edge it is skipped too and *pad (may be NULL) gets the
 * number of its columns right of the edge, which the caller draws as spaces so that
 * the rest stays aligned. */
size_t u8_skip_cols(const char *s, size_t len, size_t skip, size_t *pad);

/* Byte offset of the character after the one starting at i (i < len), or len. Invalid
 * bytes are one character each, exactly as u8_decode steps. */
size_t u8_next(const char *s, size_t len, size_t i);

/* Byte offset where the character ending at i starts (0 when i is 0); consistent with
 * u8_next stepping forward from the start of s. */
size_t u8_prev(const char *s, size_t i);

/* Number of characters (an invalid byte is one). */
size_t u8_count(const char *s, size_t len);

/* One wrapped line: bytes [start, end) of the text, without its '\n'. */
typedef struct {
    size_t start, end;
} u8_line_t;

/* Wraps text to cols columns and returns the number of lines; *lines gets a new array
 * (the caller frees it; at least one line, even for empty text).
 * - '\n' is a hard break; an empty paragraph is an empty line.
 * - A break may fall between any two CJK (double-width) characters, before or after a
 *   CJK character, and after a run of spaces; runs of other characters (ASCII words,
 *   numbers such as 2022 or 12349, URLs) stay together and are cut only when a run is
 *   longer than a whole line.
 * - Spaces where a line was wrapped are dropped: trailing ones from the line, leading
 *   ones from the continuation line.
 * - 禁则: a line never starts with closing punctuation ，。、；：？！）》」』】〕”’…,.;:?!)]
 *   and never ends with opening punctuation （《「『【〔“‘([. There is no hanging
 *   punctuation: the character before a closing mark is carried down with it.
 * Every line is at most cols wide, except a lone character wider than cols (cols < 2),
 * and 禁则 yields only when a run of unbreakable text longer than the line leaves no
 * other place to cut. cols 0 is taken as 1. */
size_t u8_wrap(const char *s, size_t len, size_t cols, u8_line_t **lines);

/* Flags for u8_sanitize. */
#define U8_SAN_KEEP_NL 1u /* keep line breaks as '\n' instead of turning them into spaces */
/* Keep code points the locale calls unprintable instead of '?': for keys and matching,
 * never for the terminal. The result then does not depend on the locale. */
#define U8_SAN_KEEP_UNPRINTABLE 2u

/* New string of the text made safe for a terminal: escape sequences (CSI, OSC, DCS,
 * SOS, PM, APC and two-byte ESC x) removed entirely; '\n' kept with U8_SAN_KEEP_NL,
 * else a space; '\r' before '\n' dropped, a lone '\r' (old Mac line end) taken as
 * '\n'; '\t' → one space; other C0 controls, DEL, C1 controls U+0080–U+009F (U+009B
 * included: only the control goes, its would-be parameters stay as text) and bidi
 * controls removed; every invalid UTF-8 byte and every unprintable code point → '?'.
 * The result is valid UTF-8 of printable characters and (with U8_SAN_KEEP_NL) '\n'.
 * The caller frees it. */
char *u8_sanitize(const char *s, size_t len, unsigned flags);

/* 1 when the text holds what u8_sanitize (with U8_SAN_KEEP_NL) removes or rewrites in any
 * locale: a C0 control other than '\n' (an escape sequence's ESC, a tab, a CR), DEL, a C1
 * control, a bidi control or an invalid byte. No wcwidth: a cheap test that leaves clean
 * text alone (u8_sanitize would still turn what the locale calls unprintable into '?'). */
int u8_has_controls(const char *s, size_t len);

/* New string of search input made uniform: full-width ！..～ → ASCII, ideographic and
 * other Unicode spaces → ' ', controls → ' ', bidi controls and invalid bytes dropped,
 * runs of spaces collapsed to one, leading and trailing spaces trimmed. */
char *u8_normalize_input(const char *s, size_t len);

#endif
