/* The generators' random stream (bench/rng.h). */
#include "rng.h"

static uint64_t rng_state;

void rng_seed(uint64_t seed)
{
    rng_state = seed;
}

static uint64_t rnext(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint32_t rnd(uint32_t n)
{
    return n ? (uint32_t)(rnext() % n) : 0;
}

double rnd01(void)
{
    return (double)(rnext() >> 11) / 9007199254740992.0;
}

int chance(double p)
{
    return rnd01() < p;
}
