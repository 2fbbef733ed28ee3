/* Checks the gb_* kernels against known answers. Prints one line per failure
 * and a final "N passed, M failed" line; exits 1 if anything failed. */
#include <stdio.h>
#include <string.h>

#include "gluebench.h"

static int passed, failed;

static void check(int ok, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n", what);
    }
}

static void check_energy(int64_t steps, const char *expected)
{
    char got[64], what[128];
    snprintf(got, sizeof got, "%.9f", gb_nbody(steps));
    snprintf(what, sizeof what, "gb_nbody(%lld) = %s, expected %s", (long long)steps, got,
             expected);
    check(strcmp(got, expected) == 0, what);
}

int main(void)
{
    uint8_t bytes[256];
    for (int i = 0; i < 256; i++)
        bytes[i] = (uint8_t)i;
    check(gb_echo(bytes, 256) == 32640, "gb_echo(0..255) == 32640 (bytes are unsigned)");
    check(gb_echo(bytes, 0) == 0, "gb_echo(n=0) == 0");

    const double a[] = {1.0, 2.0, 3.0, 4.0}, b[] = {0.5, 0.25, -2.0, 8.0};
    check(gb_dot(a, b, 4) == 27.0, "gb_dot({1,2,3,4},{0.5,0.25,-2,8}) == 27");
    check(gb_dot(a, b, 0) == 0.0, "gb_dot(n=0) == 0");
    /* Left to right: (1e16 + 1) rounds to 1e16, so the sum is 0, not 1. */
    const double c[] = {1e16, 1.0, -1e16}, ones[] = {1.0, 1.0, 1.0};
    check(gb_dot(c, ones, 3) == 0.0, "gb_dot keeps source order ({1e16,1,-1e16} -> 0)");

    check_energy(0, "-0.169075164");
    check_energy(1000, "-0.169087605");

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
