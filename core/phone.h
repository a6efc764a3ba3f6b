/* Telephone numbers of hotlines (issue 7): what sources write (0431-85086100, (0431)
 * 8508 6100, ０４３１－８５０８６１００, 12349, 12345转2, 12345-3, 400-…, 95…, mobile numbers)
 * read into digits with the checks the loader reports with file:line: a short service
 * number (110, 119, 120, 12345, 12349 ...), an area code + a 7- or 8-digit local number
 * (the area code's length decides: 010 and 02X are 3 digits, others 4), a mobile number
 * (1[3-9] + 9 digits), 400/800 numbers; an extension or key path after 转, -, 分机, 按.
 * Pure. */
#ifndef GONGKAI_PHONE_H
#define GONGKAI_PHONE_H

#include <stddef.h>

enum phone_kind {
    PK_BAD = 0,
    PK_SERVICE,  /* 3-5 digits: 110, 12345, 12349, 96xxx */
    PK_LANDLINE, /* area code + local number */
    PK_MOBILE,
    PK_NATIONAL, /* 400 / 800 */
};

typedef struct {
    enum phone_kind kind;
    char digits[24];     /* the number without separators: 043185086100, 12345 */
    char area[6];        /* 0431, 010; "" when none */
    char local[12];      /* 85086100 */
    char extension[24];  /* 分机 or key path as digits: "2", "3-1"; "" when none */
    char display[40];    /* 0431-85086100, 12345 转 2 */
} phone_t;

/* Reads a number as written. Returns the kind (PK_BAD with *why, a static Chinese reason:
 * "区号后应为7或8位号码", "不是电话号码" ...). Full-width digits and punctuation fold. */
enum phone_kind phone_parse(const char *text, phone_t *out, const char **why);

/* A short service number that is national (110, 119, 120, 122, 12345, 12349, 12333 ...):
 * what it is for ("政务服务便民热线"), or NULL. */
const char *phone_service_name(const char *digits);

/* A cell may hold several numbers ("0431-1234567、0431-7654321"): phone_parse reports
 * PK_BAD for it, and the caller splits it first. Splits text on 、 , ， ; ； / ／ 或 and line
 * breaks (not inside brackets), and on spaces only where each side reads as a number
 * ("0437-5102136 0437-5102134"); a piece that continues the one before gets its missing
 * part back: "0429-4423172 转802、803" gives "0429-4423172 转802" and "0429-4423172转803",
 * "0431-1234567、7654321" gives "0431-7654321". Pieces are trimmed, cut at 63 bytes (on a
 * character boundary). Writes at most max parts; returns how many there are (may be
 * more than max). */
size_t phone_split(const char *text, char parts[][64], size_t max);

#endif
