/* The generators' random stream (splitmix64): gencorpus and genorgs draw from one
 * sequence each, so the same seed gives the same bytes. bench/rng.c. */
#ifndef GONGKAI_BENCH_RNG_H
#define GONGKAI_BENCH_RNG_H

#include <stdint.h>

void rng_seed(uint64_t seed);
uint32_t rnd(uint32_t n); /* 0..n-1 (0 when n is 0) */
double rnd01(void);       /* [0, 1) */
int chance(double p);     /* 1 with probability p */

#endif
