/* Command-line option helpers shared by the subcommands (search, org): "--name VALUE"
 * and "--name=VALUE", bounded counts. */
#ifndef GONGKAI_CLIOPT_H
#define GONGKAI_CLIOPT_H

#include <stddef.h>

/* The value of option name at argv[*i] ("--name VALUE" advances *i), or NULL when
 * argv[*i] is not this option. *missing is set when the value is absent. */
const char *cliopt_value(int argc, char **argv, int *i, const char *name, int *missing);

/* A whole decimal number in [min, max] into *out: 0, or -1. */
int cliopt_count(const char *s, long min, long max, size_t *out);

#endif
