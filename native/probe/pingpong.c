/*
 * pingpong: the raw floor of a process round trip. A parent and a forked
 * child bounce a request and a 1-byte answer back and forth; each round trip
 * is timed with CLOCK_MONOTONIC and the distribution is printed as one line
 * of JSON. Or, with --memcpy, the floor of moving bytes inside one process.
 *
 *   pingpong [--transport pipe|uds|shm] [--placement free|same-core|split-cores]
 *            [--iterations N] [--warmup N] [--payload BYTES] [--spin-us N]
 *   pingpong --memcpy BYTES [--placement free|same-core|split-cores]
 *            [--iterations N] [--warmup N]
 *
 * Transports (the worker transports of gluebench, minus the Python):
 *   pipe: two pipes, one per direction (each enlarged to 1 MiB, best effort,
 *         when a payload is sent, as the worker does).
 *   uds:  socketpair(AF_UNIX, SOCK_STREAM).
 *   shm:  one MAP_SHARED anonymous mapping laid out like the worker's shared
 *         file (header page, request area, reply area; request_seq,
 *         request_len, reply_seq, reply_len at offsets 64, 68, 128, 132: each length
 *         shares its sequence's cache line). A round trip:
 *         the parent copies the payload into the request area, stores
 *         request_len, then request_seq + 1 (release); the child waits for
 *         request_seq to change (acquire), reads the request, stores its
 *         answer, reply_len, then reply_seq = request_seq (release); the parent
 *         waits for reply_seq == its seq.
 *         Both sides wait the same way, the worker's wait strategy: spin
 *         (busy poll with a pause hint) for up to --spin-us microseconds
 *         (default 50), then sched_yield() for up to 1 ms, then sleep with
 *         exponential backoff from 20 us to 1 ms. Use --spin-us 0 with
 *         same-core placement, where spinning burns the peer's time slice.
 *         (pipe and uds block in read(): they accept --spin-us and ignore it.)
 * Payload: --payload 0 (the default) sends 1 byte and gets it back (pipe,
 *   uds) or an empty request (shm). --payload BYTES > 0 carries BYTES from
 *   parent to child each round trip: pipe and uds write them in a loop and the
 *   child reads them all into its buffer; shm memcpy's them into the request
 *   area and the child reads every 64th byte (every cache line) in place, as
 *   numpy views the worker's request. The child then answers 1 byte.
 * Placement: same-core: both processes pinned to the first CPU the parent may
 *   run on. split-cores: parent on CPU 0, child on CPU 1. free: no pinning.
 *   With --memcpy there is one process: any placement but free pins it to the
 *   CPU the parent would get.
 * --memcpy BYTES: no child; times memcpy of BYTES between two buffers
 *   (default iterations: enough for about 2 GiB of copies, 5 to 20000).
 *
 * Output, one JSON line. Round trips: transport, placement, iterations,
 *   median_ns, mean_ns, p10_ns, p90_ns, min_ns (the original keys), then
 *   p50_ns (= median_ns), p99_ns, max_ns, payload_bytes, spin_us (shm only)
 *   and bandwidth_bytes_per_s (payload / median round trip; payload > 0 only).
 *   --memcpy: transport "memcpy", placement, iterations, the same time keys
 *   per copy, bytes, and bandwidth_bytes_per_s (bytes / median copy time; a
 *   byte copied counts once).
 * Exit status: 0 ok, 1 system error, 2 bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"

#define MAX_COUNT 1000000000L
#define PIPE_BYTES (1 << 20)
#define SHM_QUIT UINT32_MAX /* request_len that tells the shm child to exit */
#define YIELD_NS 1000000L
#define SLEEP_MIN_NS 20000L
#define SLEEP_MAX_NS 1000000L
#define MEMCPY_DEFAULT_TOTAL (2LL << 30)

struct options {
    const char *transport; /* "pipe", "uds" or "shm" */
    const char *placement; /* "free", "same-core" or "split-cores" */
    long iterations;
    long warmup;
    long payload;  /* bytes parent -> child per round trip; 0: the 1-byte ping */
    long spin_us;  /* shm: busy-poll time before yielding */
    long memcpy;   /* > 0: the memcpy mode, bytes per copy */
    int iterations_set, warmup_set, transport_set, payload_set, spin_set;
};

static void usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "pingpong: %s%s%s (usage: pingpong [--transport pipe|uds|shm] "
                    "[--placement free|same-core|split-cores] [--iterations N] [--warmup N] "
                    "[--payload BYTES] [--spin-us N], or pingpong --memcpy BYTES "
                    "[--placement ...] [--iterations N] [--warmup N])\n",
            msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static long parse_count(const char *s, long min)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > MAX_COUNT)
        usage_error("not a valid count", s);
    return v;
}

static struct options parse_args(int argc, char **argv)
{
    struct options o = {"pipe", "free", 20000, 2000, 0, 50, 0, 0, 0, 0, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (i + 1 >= argc)
            usage_error("missing value or unknown option", opt);
        const char *val = argv[++i];
        if (strcmp(opt, "--transport") == 0) {
            if (strcmp(val, "pipe") != 0 && strcmp(val, "uds") != 0 && strcmp(val, "shm") != 0)
                usage_error("unknown transport", val);
            o.transport = val;
            o.transport_set = 1;
        } else if (strcmp(opt, "--placement") == 0) {
            if (strcmp(val, "free") != 0 && strcmp(val, "same-core") != 0 &&
                strcmp(val, "split-cores") != 0)
                usage_error("unknown placement", val);
            o.placement = val;
        } else if (strcmp(opt, "--iterations") == 0) {
            o.iterations = parse_count(val, 1);
            o.iterations_set = 1;
        } else if (strcmp(opt, "--warmup") == 0) {
            o.warmup = parse_count(val, 0);
            o.warmup_set = 1;
        } else if (strcmp(opt, "--payload") == 0) {
            o.payload = parse_count(val, 0);
            o.payload_set = 1;
        } else if (strcmp(opt, "--spin-us") == 0) {
            o.spin_us = parse_count(val, 0);
            o.spin_set = 1;
        } else if (strcmp(opt, "--memcpy") == 0) {
            o.memcpy = parse_count(val, 1);
        } else {
            usage_error("unknown option", opt);
        }
    }
    if (o.memcpy > 0) {
        if (o.transport_set || o.payload_set || o.spin_set)
            usage_error("--memcpy runs no transport: it takes no --transport, --payload "
                        "or --spin-us", NULL);
        if (!o.iterations_set) {
            long long n = MEMCPY_DEFAULT_TOTAL / o.memcpy;
            o.iterations = n < 5 ? 5 : n > 20000 ? 20000 : (long)n;
        }
        if (!o.warmup_set)
            o.warmup = o.iterations / 10 > 0 ? o.iterations / 10 : 1;
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

static void *checked_malloc(size_t n)
{
    void *p = malloc(n > 0 ? n : 1);
    if (p == NULL)
        die("malloc");
    return p;
}

/* ---- pipe and uds -------------------------------------------------------- */

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

/* Reads exactly n bytes; returns 1, or 0 on end of file first, -1 on error. */
static int read_all(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r == 0)
            return 0;
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)r;
    }
    return 1;
}

static int write_all(int fd, const char *buf, size_t n)
{
    size_t put = 0;
    while (put < n) {
        ssize_t r = write(fd, buf + put, n - put);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        put += (size_t)r;
    }
    return 0;
}

/* Payload 0: echoes bytes until the parent closes its end (or dies).
 * Payload > 0: reads payload bytes, answers 1 byte, until end of file. */
static void stream_child(int in, int out, long payload)
{
    if (payload == 0) {
        char c;
        while (read_byte(in, &c) == 1)
            if (write_byte(out, c) != 0)
                break;
        _exit(0);
    }
    char *buf = checked_malloc((size_t)payload);
    while (read_all(in, buf, (size_t)payload) == 1)
        if (write_byte(out, buf[payload - 1]) != 0)
            break;
    _exit(0);
}

static void enlarge_pipe(int fd)
{
    (void)fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES); /* best effort, as the worker */
}

/* ---- shm ----------------------------------------------------------------- */


struct waiter {
    int64_t spin_ns;
    pid_t child;  /* parent side: the child to watch, else 0 */
    pid_t parent; /* child side: the parent to watch, else 0 */
    int child_reaped;
};

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/* Is the peer gone? Checked in the sleep phase only (the first two phases
 * last about 1 ms plus the spin time). */
static int peer_gone(struct waiter *w)
{
    if (w->parent > 0)
        return getppid() != w->parent;
    if (w->child > 0) {
        int status;
        if (waitpid(w->child, &status, WNOHANG) == w->child) {
            w->child_reaped = 1;
            return 1;
        }
    }
    return 0;
}

/* The wait strategy: waits until *word == target (until_equal) or != target,
 * and returns the value seen; returns 0 with *seen unset when the peer died.
 * 1. spin up to spin_ns, 2. sched_yield up to 1 ms, 3. sleep 20 us doubling
 * to 1 ms. */
static int wait_word(struct waiter *w, _Atomic uint32_t *word, uint32_t target,
                     int until_equal, uint32_t *seen)
{
#define DONE(v) (until_equal ? (v) == target : (v) != target)
    uint32_t v = atomic_load_explicit(word, memory_order_acquire);
    if (DONE(v))
        goto done;
    int64_t start = now_ns();
    if (w->spin_ns > 0) {
        do {
            cpu_relax();
            v = atomic_load_explicit(word, memory_order_acquire);
            if (DONE(v))
                goto done;
        } while (now_ns() - start < w->spin_ns);
    }
    start = now_ns();
    do {
        sched_yield();
        v = atomic_load_explicit(word, memory_order_acquire);
        if (DONE(v))
            goto done;
    } while (now_ns() - start < YIELD_NS);
    for (long pause = SLEEP_MIN_NS;; pause = pause * 2 < SLEEP_MAX_NS ? pause * 2 : SLEEP_MAX_NS) {
        if (peer_gone(w))
            return 0;
        struct timespec ts = {0, pause};
        nanosleep(&ts, NULL);
        v = atomic_load_explicit(word, memory_order_acquire);
        if (DONE(v))
            goto done;
    }
done:
    *seen = v;
    return 1;
#undef DONE
}

/* Serves requests until the parent posts SHM_QUIT or dies. */
static void shm_child(struct shm_header *h, const unsigned char *request, unsigned char *reply,
                      struct waiter *w)
{
    uint32_t served = atomic_load_explicit(&h->reply_seq, memory_order_relaxed);
    for (;;) {
        uint32_t seq;
        if (!wait_word(w, &h->request_seq, served, 0, &seq))
            _exit(1);
        uint32_t len = h->request_len;
        if (len == SHM_QUIT)
            _exit(0);
        unsigned char sum = 0;
        for (uint32_t i = 0; i < len; i += 64) /* every cache line, in place */
            sum += request[i];
        if (len > 0)
            sum += request[len - 1];
        reply[0] = sum;
        h->reply_len = 1;
        atomic_store_explicit(&h->reply_seq, seq, memory_order_release);
        served = seq;
    }
}

/* ---- statistics and output ----------------------------------------------- */

/* ---- the memcpy mode ------------------------------------------------------ */

static int run_memcpy(const struct options *o, int64_t *samples)
{
    (void)place_parent(o->placement); /* pins this process where the parent would be */
    size_t n = (size_t)o->memcpy;
    char *src = checked_malloc(n), *dst = checked_malloc(n);
    for (size_t i = 0; i < n; i++)
        src[i] = (char)(i * 31u);
    memset(dst, 0, n); /* fault the pages in before timing */
    for (long i = 0; i < o->warmup + o->iterations; i++) {
        int64_t t0 = now_ns();
        memcpy(dst, src, n);
        __asm__ __volatile__("" : : "r"(dst) : "memory"); /* the copy must happen */
        int64_t t1 = now_ns();
        if (i >= o->warmup)
            samples[i - o->warmup] = t1 - t0;
    }
    if (dst[n - 1] != src[n - 1]) {
        fprintf(stderr, "pingpong: memcpy check failed\n");
        return 1;
    }
    printf("{\"transport\":\"memcpy\",\"placement\":\"%s\",\"iterations\":%ld,", o->placement,
           o->iterations);
    double median = print_times(samples, o->iterations);
    printf("\"bytes\":%ld,\"bandwidth_bytes_per_s\":%.1f}\n", o->memcpy,
           median > 0 ? (double)o->memcpy * 1e9 / median : 0.0);
    free(src);
    free(dst);
    return 0;
}

/* ---- main ----------------------------------------------------------------- */

int main(int argc, char **argv)
{
    struct options o = parse_args(argc, argv);
    int64_t *samples = checked_malloc((size_t)o.iterations * sizeof *samples);
    if (o.memcpy > 0)
        return run_memcpy(&o, samples);
    signal(SIGPIPE, SIG_IGN); /* a dead child shows up as EPIPE, not a signal */
    int shm = strcmp(o.transport, "shm") == 0;
    size_t payload = (size_t)o.payload;
    char *source = checked_malloc(payload);
    for (size_t i = 0; i < payload; i++)
        source[i] = (char)(i * 31u);

    /* pipe/uds: to_child[1] -> child reads to_child[0]; child writes from_child[1]. */
    int to_child[2] = {-1, -1}, from_child[2] = {-1, -1};
    struct shm_header *h = NULL;
    unsigned char *request = NULL, *reply = NULL;
    size_t capacity = 0, mapped = 0;
    if (shm) {
        capacity = (payload + PAGE - 1) / PAGE * PAGE;
        if (capacity == 0)
            capacity = PAGE;
        mapped = PAGE + 2 * capacity;
        void *m = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            die("mmap");
        h = m;
        h->magic = SHM_MAGIC;
        h->version = SHM_VERSION;
        h->capacity = capacity;
        request = (unsigned char *)m + PAGE;
        reply = request + capacity;
        memset(request, 0, capacity); /* fault the areas in before timing */
        memset(reply, 0, capacity);
    } else if (strcmp(o.transport, "pipe") == 0) {
        if (pipe(to_child) != 0 || pipe(from_child) != 0)
            die("pipe");
        if (payload > 0) {
            enlarge_pipe(to_child[1]);
            enlarge_pipe(from_child[1]);
        }
    } else {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
            die("socketpair");
        to_child[1] = from_child[0] = sv[0];
        to_child[0] = from_child[1] = sv[1];
    }

    int child_cpu = place_parent(o.placement);
    struct waiter w = {o.spin_us * 1000, 0, getpid(), 0};
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        if (child_cpu >= 0)
            pin_to(child_cpu);
        if (shm) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != w.parent)
                _exit(1);
            shm_child(h, request, reply, &w);
        }
        close(to_child[1]);
        if (from_child[0] != to_child[1])
            close(from_child[0]);
        stream_child(to_child[0], from_child[1], o.payload);
    }
    w.parent = 0;
    w.child = pid;

    int ok = 1;
    int out = to_child[1], in = from_child[0];
    errno = 0;
    if (shm) {
        uint32_t seq = 0;
        for (long i = 0; ok && i < o.warmup + o.iterations; i++) {
            int64_t t0 = now_ns();
            if (payload > 0)
                memcpy(request, source, payload);
            h->request_len = (uint32_t)payload;
            atomic_store_explicit(&h->request_seq, ++seq, memory_order_release);
            uint32_t seen;
            ok = wait_word(&w, &h->reply_seq, seq, 1, &seen) && h->reply_len == 1;
            int64_t t1 = now_ns();
            if (i >= o.warmup)
                samples[i - o.warmup] = t1 - t0;
        }
        if (ok) {
            h->request_len = SHM_QUIT;
            atomic_store_explicit(&h->request_seq, ++seq, memory_order_release);
        } else {
            errno = 0;
        }
    } else {
        char c = 'x';
        close(to_child[0]);
        if (from_child[1] != to_child[0])
            close(from_child[1]);
        for (long i = 0; ok && i < o.warmup + o.iterations; i++) {
            int64_t t0 = now_ns();
            if (payload == 0)
                ok = write_byte(out, c) == 0 && read_byte(in, &c) == 1;
            else
                ok = write_all(out, source, payload) == 0 && read_byte(in, &c) == 1;
            int64_t t1 = now_ns();
            if (i >= o.warmup)
                samples[i - o.warmup] = t1 - t0;
        }
    }
    int saved_errno = errno;

    if (!shm) {
        close(out); /* the child reads end of file and exits */
        if (in != out)
            close(in);
    }
    int status;
    if (!w.child_reaped) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (!ok) {
        fprintf(stderr, "pingpong: round trip with the child failed: %s\n",
                saved_errno != 0 ? strerror(saved_errno)
                : shm ? "the child exited" : "the child closed its end");
        return 1;
    }

    printf("{\"transport\":\"%s\",\"placement\":\"%s\",\"iterations\":%ld,", o.transport,
           o.placement, o.iterations);
    double median = print_times(samples, o.iterations);
    printf("\"payload_bytes\":%ld", o.payload);
    if (shm)
        printf(",\"spin_us\":%ld", o.spin_us);
    if (o.payload > 0)
        printf(",\"bandwidth_bytes_per_s\":%.1f",
               median > 0 ? (double)o.payload * 1e9 / median : 0.0);
    printf("}\n");
    if (shm)
        munmap(h, mapped);
    free(source);
    free(samples);
    return 0;
}
