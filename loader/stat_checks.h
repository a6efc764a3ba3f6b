/* The consistency checks of relief statistics (kind stats), run when every value is in
 * stat_value (domain.md §6.2): components that do not sum to their total within rounding,
 * a cumulative figure that falls within a year, a jump of more than 20% from the period
 * before. Each finding is a warning at the row's file:line and a stat_flag row on the
 * value, which is kept: the console marks the cell. Set-based SQL over stat_value and
 * its index, so that a million values take seconds, not a round trip each. */
#ifndef GONGKAI_STAT_CHECKS_H
#define GONGKAI_STAT_CHECKS_H

#include "load.h"

/* Runs the three checks. Returns 0, -1 when the load must stop. */
int stat_checks_run(load_ctx *c);

/* Adds a finding about value id (other: the value it was compared with, 0 for none);
 * kind is one of stat_flag's (sum, cumulative_falls, jump, duplicate). Returns 0/-1. */
int stat_flag_add(load_ctx *c, long long id, const char *kind, const char *message,
                  long long other);

/* A stored period (stat_value.period_type, period_end) for people: 2021年3月. */
const char *stat_period_label_of(const char *type, const char *end, char buf[32]);

/* A number for messages: at most 4 decimals, trailing zeros dropped (4131.3, 3.3).
 * buf has 48 bytes. */
const char *stat_num(double v, char buf[48]);

#endif
