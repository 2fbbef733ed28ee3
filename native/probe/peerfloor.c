/*
 * peerfloor: the floor of a round trip to the real CPython worker, with C (not
 * the JVM) as the client. It sits between pingpong's C-to-C floor and the
 * worker-* patterns: pingpong -> peerfloor is what CPython's request handling
 * adds, peerfloor -> the pattern is what the JVM side adds.
 *
 *   peerfloor --transport pipe|uds|shm [--placement free|same-core|split-cores]
 *             [--iterations N] [--warmup N] [--spin-us N] -- PYTHON [ARGS...]
 *
 * PYTHON ARGS is the worker's command without its transport options (e.g.
 * `.venv/bin/python -m gluebench_py.worker --compute python`, run with the
 * working directory and PYTHONPATH the caller gives); peerfloor appends
 * `--transport T` and, for uds, `--socket PATH`, for shm, `--shm PATH --spin-us N`.
 * Each round trip is a PING request (the worker's smallest: an op byte, no
 * body) and its 9-byte ok reply, checked. The worker's stdin is a pipe from
 * peerfloor in every transport (for pipe it carries the requests), so the
 * worker exits when peerfloor does. Socket and shared file live in a private
 * 0700 directory, removed at exit. Placement: same-core pins both to the first
 * allowed CPU, split-cores the probe to the first and the worker to the second.
 *
 * Output: one line of JSON like pingpong's (median_ns, p10_ns, p90_ns, ...).
 * Exit status: 0, or 1 with a one-line message on stderr.
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
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"

#define SHM_CAPACITY 4096
#define OP_PING 0
#define OP_QUIT 255

static char dir[256];
static char path[320];
static pid_t worker;

static void cleanup(void)
{
    if (worker > 0) {
        kill(worker, SIGKILL);
        waitpid(worker, NULL, 0);
        worker = 0;
    }
    if (path[0])
        unlink(path);
    if (dir[0])
        rmdir(dir);
}

static void die(const char *what)
{
    fprintf(stderr, "peerfloor: %s: %s\n", what, errno ? strerror(errno) : "failed");
    cleanup();
    exit(1);
}

static void usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "peerfloor: %s%s%s (usage: peerfloor --transport pipe|uds|shm [--placement "
            "free|same-core|split-cores] [--iterations N] [--warmup N] [--spin-us N] -- PYTHON [ARGS...])\n",
            msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static int cpus[2];
static int ncpus;

static void pin_to(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        die("sched_setaffinity");
}

static void write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            die("write to the worker");
        p += w;
        n -= (size_t)w;
    }
}

static void read_all(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0) {
            errno = 0;
            die("the worker closed the stream");
        }
        if (r < 0)
            die("read from the worker");
        p += r;
        n -= (size_t)r;
    }
}

/* One framed PING over a stream; checks the 9-byte ok reply (status 0, value 0). */
static void stream_ping(int out, int in)
{
    static const unsigned char req[5] = {1, 0, 0, 0, OP_PING};
    unsigned char rep[13];
    write_all(out, req, sizeof req);
    read_all(in, rep, sizeof rep);
    if (rep[0] != 9 || rep[1] || rep[2] || rep[3] || rep[4] != 0) {
        errno = 0;
        die("the worker's reply to PING is not an ok reply");
    }
}

int main(int argc, char **argv)
{
    const char *transport = NULL, *placement = "free";
    long iterations = 20000, warmup = 2000, spin_us = 50;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (i + 1 >= argc)
            usage_error("missing value or unknown option", argv[i]);
        const char *opt = argv[i], *val = argv[++i];
        if (strcmp(opt, "--transport") == 0)
            transport = val;
        else if (strcmp(opt, "--placement") == 0)
            placement = val;
        else if (strcmp(opt, "--iterations") == 0)
            iterations = atol(val);
        else if (strcmp(opt, "--warmup") == 0)
            warmup = atol(val);
        else if (strcmp(opt, "--spin-us") == 0)
            spin_us = atol(val);
        else
            usage_error("unknown option", opt);
    }
    if (!transport || (strcmp(transport, "pipe") && strcmp(transport, "uds") && strcmp(transport, "shm")))
        usage_error("--transport pipe|uds|shm is required", transport);
    if (strcmp(placement, "free") && strcmp(placement, "same-core") && strcmp(placement, "split-cores"))
        usage_error("unknown placement", placement);
    if (i >= argc)
        usage_error("no worker command after --", NULL);
    if (iterations < 1 || warmup < 0 || spin_us < 0)
        usage_error("counts must be positive", NULL);

    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        die("sched_getaffinity");
    for (int c = 0; c < CPU_SETSIZE && ncpus < 2; c++)
        if (CPU_ISSET(c, &allowed))
            cpus[ncpus++] = c;
    int split = strcmp(placement, "split-cores") == 0, same = strcmp(placement, "same-core") == 0;
    if (split && ncpus < 2) {
        errno = 0;
        die("split-cores needs two allowed CPUs");
    }

    /* The worker's command: its own arguments, then the transport's. */
    int nargs = argc - i;
    char **cmd = calloc((size_t)nargs + 8, sizeof *cmd);
    if (!cmd)
        die("calloc");
    for (int k = 0; k < nargs; k++)
        cmd[k] = argv[i + k];
    int c = nargs;
    cmd[c++] = "--transport";
    cmd[c++] = (char *)transport;
    char spin[32];
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (strcmp(transport, "pipe")) {
        snprintf(dir, sizeof dir, "%s/gluebench-peerfloor-XXXXXX", base);
        if (!mkdtemp(dir)) {
            dir[0] = 0;
            die("mkdtemp");
        }
        snprintf(path, sizeof path, "%s/%s", dir, strcmp(transport, "uds") ? "worker.shm" : "worker.sock");
    }

    int listener = -1;
    struct shm_header *h = NULL;
    unsigned char *request_area = NULL, *reply_area = NULL;
    if (strcmp(transport, "uds") == 0) {
        struct sockaddr_un addr = {.sun_family = AF_UNIX};
        if (strlen(path) >= sizeof addr.sun_path) {
            errno = ENAMETOOLONG;
            die("socket path");
        }
        strcpy(addr.sun_path, path);
        listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) || listen(listener, 1))
            die("listen on the socket");
        cmd[c++] = "--socket";
        cmd[c++] = path;
    } else if (strcmp(transport, "shm") == 0) {
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        size_t size = PAGE + 2 * SHM_CAPACITY;
        if (fd < 0 || ftruncate(fd, (off_t)size))
            die("create the shared file");
        void *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        close(fd);
        if (m == MAP_FAILED)
            die("mmap");
        h = m;
        h->magic = SHM_MAGIC;
        h->version = SHM_VERSION;
        h->capacity = SHM_CAPACITY;
        request_area = (unsigned char *)m + PAGE;
        reply_area = request_area + SHM_CAPACITY;
        snprintf(spin, sizeof spin, "%ld", same ? 0L : spin_us);
        cmd[c++] = "--shm";
        cmd[c++] = path;
        cmd[c++] = "--spin-us";
        cmd[c++] = spin;
    }
    cmd[c] = NULL;

    int to_worker[2], from_worker[2];
    if (pipe2(to_worker, O_CLOEXEC) || pipe2(from_worker, O_CLOEXEC))
        die("pipe");
    signal(SIGPIPE, SIG_IGN);
    worker = fork();
    if (worker < 0)
        die("fork");
    if (worker == 0) {
        if (same)
            pin_to(cpus[0]);
        else if (split)
            pin_to(cpus[1]);
        dup2(to_worker[0], 0);
        if (strcmp(transport, "pipe") == 0)
            dup2(from_worker[1], 1);
        execvp(cmd[0], cmd);
        fprintf(stderr, "peerfloor: cannot run %s: %s\n", cmd[0], strerror(errno));
        _exit(127);
    }
    if (same || split)
        pin_to(cpus[0]);
    close(to_worker[0]);
    close(from_worker[1]);

    int out = to_worker[1], in = from_worker[0];
    if (listener >= 0) {
        int s = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (s < 0)
            die("accept the worker");
        out = in = s;
    }

    int64_t *samples = malloc(sizeof(int64_t) * (size_t)iterations);
    if (!samples)
        die("malloc");
    uint32_t seq = 0;
    for (long k = -warmup; k < iterations; k++) {
        int64_t t0 = now_ns();
        if (h) {
            request_area[0] = OP_PING;
            h->request_len = 1;
            atomic_store_explicit(&h->request_seq, ++seq, memory_order_release);
            int64_t start = t0;
            while (atomic_load_explicit(&h->reply_seq, memory_order_acquire) != seq) {
                if (now_ns() - start < spin_us * 1000 && !same)
                    __builtin_ia32_pause();
                else
                    sched_yield();
                if (waitpid(worker, NULL, WNOHANG) == worker) {
                    worker = 0;
                    errno = 0;
                    die("the worker exited");
                }
            }
            if (h->reply_len != 9 || reply_area[0] != 0) {
                errno = 0;
                die("the worker's reply to PING is not an ok reply");
            }
        } else {
            stream_ping(out, in);
        }
        if (k >= 0)
            samples[k] = now_ns() - t0;
    }
    if (h) {
        request_area[0] = OP_QUIT;
        h->request_len = 1;
        atomic_store_explicit(&h->request_seq, ++seq, memory_order_release);
    } else {
        static const unsigned char quit[5] = {1, 0, 0, 0, OP_QUIT};
        write_all(out, quit, sizeof quit);
    }
    close(to_worker[1]);
    waitpid(worker, NULL, 0);
    worker = 0;
    cleanup();

    printf("{\"transport\":\"%s\",\"placement\":\"%s\",\"peer\":\"cpython\",", transport, placement);
    print_times(samples, iterations);
    printf("\"iterations\":%ld}\n", iterations);
    return 0;
}
