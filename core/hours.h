/* Opening hours of a hotline (issue 7): what sources write (周一至周五 8:30-12:00，
 * 14:00-17:30；24小时；工作日 9:00-17:00；节假日除外; the domain notes' structured form
 * "Mon-Fri 08:30-12:00,14:00-17:30" or "24h") into a structure, its canonical text, and
 * whether a line is open at a given local date and time, with public holidays and the
 * make-up working days (调休) of a calendar the caller gives. Pure: no database, no clock.
 *
 * Times are minutes after midnight; a span may run past midnight: 22:00-次日6:00 is one
 * span 1320-1800 of the day it starts on (a Friday night's hours end on Saturday
 * morning, whatever Saturday's own rule). */
#ifndef GONGKAI_HOURS_H
#define GONGKAI_HOURS_H

#include <stddef.h>

#define HOURS_MAX_SPANS 8

/* What a line does on public holidays. */
enum hours_holiday {
    HH_UNSAID = 0, /* the source does not say: on a holiday the answer is unsure */
    HH_CLOSED,     /* 节假日除外, 法定节假日休息 */
    HH_OPEN,       /* 节假日照常, 全年无休: the weekday rule applies as on any day */
};

typedef struct {
    int always;                    /* 24 小时, 全天, 24h: every day, all day */
    unsigned char days;            /* bit 0 = Monday ... bit 6 = Sunday */
    int nspans;
    struct { int from, to; } span[HOURS_MAX_SPANS]; /* minutes, from < to ≤ 2880 (past
                                                         1440: the next morning) */
    enum hours_holiday holiday;
} hours_t;

/* Parses what a source wrote (Chinese or the structured form; full-width digits, ：, ～,
 * 至, 到, 、 and ， accepted). Returns 1 and fills out; 0 with *why (a Chinese reason for
 * the loader's file:line message, static) when the text cannot be read. */
int hours_parse(const char *text, hours_t *out, const char **why);

/* The structured form: "24h", "Mon-Fri 08:30-12:00,14:00-17:30; holidays closed". buf
 * has 128 bytes. */
const char *hours_format(const hours_t *h, char buf[128]);

/* The form for people: "周一至周五 8:30-12:00、14:00-17:30（节假日除外）". buf 192 bytes. */
const char *hours_label(const hours_t *h, char buf[192]);

/* A calendar of public holidays and 调休 working days, as dates YYYY-MM-DD. */
typedef struct {
    const char *const *holidays;  size_t nholidays;  /* sorted */
    const char *const *workdays;  size_t nworkdays;  /* weekend days worked (调休), sorted */
    const char *first, *last;     /* the span the calendar covers ("" = unknown) */
} hours_calendar;

enum hours_state {
    HS_OPEN = 0,
    HS_CLOSED,
    HS_UNSURE, /* a holiday the source says nothing about, or a date the calendar does not
                  cover while the line closes on holidays */
};

typedef struct {
    enum hours_state state;
    const char *why;     /* static Chinese: "节假日（按公布的放假安排）", "调休上班日" ... or "" */
    int next_minutes;    /* minutes until the state changes (-1 beyond 8 days or never) */
    enum hours_state next_state; /* the state it changes to (when next_minutes >= 0) */
} hours_answer;

/* Is the line open at date (YYYY-MM-DD) and minute of day (0..1439)? cal may be NULL (no
 * holidays known: weekday rules only, holidays unsure when the line's rule needs them).
 * Returns 1 and fills out, 0 for a malformed date. */
int hours_open_at(const hours_t *h, const hours_calendar *cal, const char *date, int minute,
                  hours_answer *out);

/* When the answer changes, for people, given the minute it was asked at: "12:00 停止接听
 * （2 小时 30 分后）", "次日 8:30 开始接听（…）", "5 天后 8:30 开始接听", "10-05 0:00 起
 * 不确定" ...; "" when it does not change within 8 days. buf has 128 bytes. */
const char *hours_change_label(const hours_answer *a, int minute, char buf[128]);

#endif
