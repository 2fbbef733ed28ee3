/*
 * pingpong: the raw floor of a process round trip. A parent and a forked
 * child bounce one byte back and forth; each round trip is timed with
 * CLOCK_MONOTONIC and the distribution is printed as one line of JSON.
 *
 *   pingpong [--transport pipe|uds] [--placement free|same-core|split-cores]
 *            [--iterations N] [--warmup N]
 *
 * pipe: two pipes, one per direction. uds: socketpair(AF_UNIX, SOCK_STREAM).
 * same-core: both processes pinned to the first CPU the parent may run on.
 * split-cores: parent on CPU 0, child on CPU 1. free: no pinning.
 * Exit status: 0 ok, 1 system error, 2 bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct options {
    const char *transport; /* "pipe" or "uds" */
    const char *placement; /* "free", "same-core" or "split-cores" */
    long iterations;
    long warmup;
};

static void usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "pingpong: %s%s%s (usage: pingpong [--transport pipe|uds] "
                    "[--placement free|same-core|split-cores] [--iterations N] [--warmup N])\n",
            msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static long parse_count(const char *s, long min)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > 1000000000L)
        usage_error("not a valid count", s);
    return v;
}

static struct options parse_args(int argc, char **argv)
{
    struct options o = {"pipe", "free", 20000, 2000};
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (i + 1 >= argc)
            usage_error("missing value or unknown option", opt);
        const char *val = argv[++i];
        if (strcmp(opt, "--transport") == 0) {
            if (strcmp(val, "pipe") != 0 && strcmp(val, "uds") != 0)
                usage_error("unknown transport", val);
            o.transport = val;
        } else if (strcmp(opt, "--placement") == 0) {
            if (strcmp(val, "free") != 0 && strcmp(val, "same-core") != 0 &&
                strcmp(val, "split-cores") != 0)
                usage_error("unknown placement", val);
            o.placement = val;
        } else if (strcmp(opt, "--iterations") == 0) {
            o.iterations = parse_count(val, 1);
        } else if (strcmp(opt, "--warmup") == 0) {
            o.warmup = parse_count(val, 0);
        } else {
            usage_error("unknown option", opt);
        }
    }
    return o;
}

static void die(const char *what)
{
    fprintf(stderr, "pingpong: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void pin_to(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        die("sched_setaffinity");
}

/* Returns the CPU the child must be pinned to, or -1 for no pinning. The
 * parent is pinned here, before fork. */
static int place_parent(const char *placement)
{
    if (strcmp(placement, "free") == 0)
        return -1;
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        die("sched_getaffinity");
    if (strcmp(placement, "same-core") == 0) {
        for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
            if (CPU_ISSET(cpu, &allowed)) {
                pin_to(cpu);
                return cpu;
            }
        }
        fprintf(stderr, "pingpong: no CPU in the affinity mask\n");
        exit(1);
    }
    if (!CPU_ISSET(0, &allowed) || !CPU_ISSET(1, &allowed)) {
        fprintf(stderr, "pingpong: split-cores needs CPUs 0 and 1 to be usable "
                        "(this process may use %d CPU(s))\n", CPU_COUNT(&allowed));
        exit(1);
    }
    pin_to(0);
    return 1;
}

/* Reads one byte; returns 0 on end of file. */
static int read_byte(int fd, char *c)
{
    for (;;) {
        ssize_t r = read(fd, c, 1);
        if (r >= 0)
            return (int)r;
        if (errno != EINTR)
            return -1;
    }
}

static int write_byte(int fd, char c)
{
    for (;;) {
        ssize_t r = write(fd, &c, 1);
        if (r == 1)
            return 0;
        if (r < 0 && errno != EINTR)
            return -1;
    }
}

/* Echoes bytes until the parent closes its end (or dies). */
static void child_loop(int in, int out, int cpu)
{
    if (cpu >= 0)
        pin_to(cpu);
    char c;
    while (read_byte(in, &c) == 1)
        if (write_byte(out, c) != 0)
            break;
    _exit(0);
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int compare_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Percentile of sorted samples, linear interpolation between closest ranks. */
static double percentile(const int64_t *s, long n, double p)
{
    double rank = p * (double)(n - 1);
    long lo = (long)rank;
    long hi = lo + 1 < n ? lo + 1 : lo;
    return (double)s[lo] + (rank - (double)lo) * (double)(s[hi] - s[lo]);
}

int main(int argc, char **argv)
{
    struct options o = parse_args(argc, argv);
    int64_t *samples = malloc((size_t)o.iterations * sizeof *samples);
    if (samples == NULL)
        die("malloc");
    signal(SIGPIPE, SIG_IGN); /* a dead child shows up as EPIPE, not a signal */

    /* to_child[1] -> child reads to_child[0]; child writes from_child[1]. */
    int to_child[2], from_child[2];
    if (strcmp(o.transport, "pipe") == 0) {
        if (pipe(to_child) != 0 || pipe(from_child) != 0)
            die("pipe");
    } else {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
            die("socketpair");
        to_child[1] = from_child[0] = sv[0];
        to_child[0] = from_child[1] = sv[1];
    }

    int child_cpu = place_parent(o.placement);
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        close(to_child[1]);
        if (from_child[0] != to_child[1])
            close(from_child[0]);
        child_loop(to_child[0], from_child[1], child_cpu);
    }
    close(to_child[0]);
    if (from_child[1] != to_child[0])
        close(from_child[1]);

    int out = to_child[1], in = from_child[0];
    int ok = 1;
    char c = 'x';
    errno = 0;
    for (long i = 0; ok && i < o.warmup + o.iterations; i++) {
        int64_t t0 = now_ns();
        ok = write_byte(out, c) == 0 && read_byte(in, &c) == 1;
        int64_t t1 = now_ns();
        if (i >= o.warmup)
            samples[i - o.warmup] = t1 - t0;
    }
    int saved_errno = errno;

    close(out); /* the child reads end of file and exits */
    if (in != out)
        close(in);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!ok) {
        fprintf(stderr, "pingpong: round trip with the child failed: %s\n",
                saved_errno != 0 ? strerror(saved_errno) : "the child closed its end");
        return 1;
    }

    qsort(samples, (size_t)o.iterations, sizeof *samples, compare_i64);
    double sum = 0.0;
    for (long i = 0; i < o.iterations; i++)
        sum += (double)samples[i];
    printf("{\"transport\":\"%s\",\"placement\":\"%s\",\"iterations\":%ld,"
           "\"median_ns\":%.1f,\"mean_ns\":%.1f,\"p10_ns\":%.1f,\"p90_ns\":%.1f,"
           "\"min_ns\":%.1f}\n",
           o.transport, o.placement, o.iterations, percentile(samples, o.iterations, 0.5),
           sum / (double)o.iterations, percentile(samples, o.iterations, 0.1),
           percentile(samples, o.iterations, 0.9), (double)samples[0]);
    free(samples);
    return 0;
}
