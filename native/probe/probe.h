/*
 * What the floor probes share: the worker's shared-memory header (the layout
 * of python-workloads/gluebench_py/shm.py and the JVM's ShmLink, in C; used by
 * pingpong and peerfloor), the clock, and the summary of timed round trips as
 * JSON keys (all three, pycall too).
 */
#ifndef GLUEBENCH_PROBE_H
#define GLUEBENCH_PROBE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PAGE 4096
#define SHM_MAGIC 0x48534247u /* "GBSH" read as a little-endian u32 */
#define SHM_VERSION 2u

/* Layout version 2: each length shares its sequence's cache line. */
struct shm_header {
    uint32_t magic;
    uint32_t version;
    uint64_t capacity;
    char pad0[64 - 16];
    _Atomic uint32_t request_seq; /* offset 64, written by the client only */
    uint32_t request_len;         /* offset 68: the same cache line as request_seq */
    char pad1[56];
    _Atomic uint32_t reply_seq;   /* offset 128, written by the server only */
    uint32_t reply_len;           /* offset 132: the same cache line as reply_seq */
};
_Static_assert(offsetof(struct shm_header, request_seq) == 64, "request_seq at 64");
_Static_assert(offsetof(struct shm_header, reply_seq) == 128, "reply_seq at 128");
_Static_assert(offsetof(struct shm_header, request_len) == 68, "request_len at 68");
_Static_assert(offsetof(struct shm_header, reply_len) == 132, "reply_len at 132");
_Static_assert(sizeof(struct shm_header) <= PAGE, "header fits its page");

static inline int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline int compare_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Percentile of sorted samples, linear interpolation between closest ranks. */
static inline double percentile(const int64_t *s, long n, double p)
{
    double rank = p * (double)(n - 1);
    long lo = (long)rank;
    long hi = lo + 1 < n ? lo + 1 : lo;
    return (double)s[lo] + (rank - (double)lo) * (double)(s[hi] - s[lo]);
}

/*
 * Sorts the samples and prints the time keys, each followed by a comma; returns
 * the median. Each sample holds `per` round trips (timed together so that the
 * clock's own cost is spread over them): every key is divided by `per`.
 */
static inline double print_times_per(int64_t *samples, long n, long per)
{
    qsort(samples, (size_t)n, sizeof *samples, compare_i64);
    double sum = 0.0;
    for (long i = 0; i < n; i++)
        sum += (double)samples[i];
    double d = (double)per;
    double median = percentile(samples, n, 0.5) / d;
    printf("\"median_ns\":%.1f,\"mean_ns\":%.1f,\"p10_ns\":%.1f,\"p90_ns\":%.1f,"
           "\"min_ns\":%.1f,\"p50_ns\":%.1f,\"p99_ns\":%.1f,\"max_ns\":%.1f,",
           median, sum / (double)n / d, percentile(samples, n, 0.1) / d, percentile(samples, n, 0.9) / d,
           (double)samples[0] / d, median, percentile(samples, n, 0.99) / d, (double)samples[n - 1] / d);
    return median;
}

/* print_times_per with one round trip per sample. */
static inline double print_times(int64_t *samples, long n)
{
    return print_times_per(samples, n, 1);
}

#endif
