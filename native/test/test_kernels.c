/* Checks the gb_* kernels against known answers. Prints one line per failure
 * and a final "N passed, M failed" line; exits 1 if anything failed. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* The workloads' input stream: SplitMix64(seed), value = 2*u - 1 with
 * u = (next >>> 11) * 2^-53. */
static uint64_t splitmix_state;

static uint64_t next_u64(void)
{
    uint64_t z = (splitmix_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double next_double(void)
{
    return (double)(next_u64() >> 11) * 0x1.0p-53;
}

static double next_value(void)
{
    return 2.0 * next_double() - 1.0;
}

/* The mandelbrot workload written plainly, as the oracle for gb_mandelbrot. */
static int64_t mandelbrot_reference(int64_t n)
{
    int64_t count = 0;
    for (int64_t y = 0; y < n; y++) {
        for (int64_t x = 0; x < n; x++) {
            double cr = (2.0 * x) / n - 1.5;
            double ci = (2.0 * y) / n - 1.0;
            double zr = 0.0, zi = 0.0;
            int inside = 1;
            for (int i = 0; i < 50; i++) {
                double tr = zr * zr;
                double ti = zi * zi;
                if (tr + ti > 4.0) {
                    inside = 0;
                    break;
                }
                zi = (2.0 * zr) * zi + ci;
                zr = (tr - ti) + cr;
            }
            if (inside)
                count++;
        }
    }
    return count;
}

static void check_mandelbrot(int64_t n)
{
    char what[128];
    int64_t got = gb_mandelbrot(n), expected = mandelbrot_reference(n);
    snprintf(what, sizeof what, "gb_mandelbrot(%lld) = %lld, reference loop %lld", (long long)n,
             (long long)got, (long long)expected);
    check(got == expected, what);
}

static void check_fannkuch(int64_t n, int64_t checksum, int64_t maxflips)
{
    char what[160];
    int64_t got = gb_fannkuch(n), expected = (checksum << 32) | maxflips;
    snprintf(what, sizeof what, "gb_fannkuch(%lld) = (%lld << 32) | %lld, expected (%lld << 32) | %lld",
             (long long)n, (long long)(got >> 32), (long long)(uint32_t)got, (long long)checksum,
             (long long)maxflips);
    check(got == expected, what);
}

/* Naive triple loop, k ascending: the matmul reference. */
static double matmul_reference(const double *a, const double *b, int64_t n)
{
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            double c = 0.0;
            for (int64_t k = 0; k < n; k++)
                c += a[i * n + k] * b[k * n + j];
            s += c * c;
        }
    }
    return s;
}

static void check_matmul_random(int64_t n)
{
    char what[160];
    double *a = malloc((size_t)(2 * n * n) * sizeof(double));
    if (a == NULL) {
        check(0, "malloc for the matmul test");
        return;
    }
    double *b = a + n * n;
    splitmix_state = 42;
    for (int64_t i = 0; i < 2 * n * n; i++)
        a[i] = next_value();
    double got = gb_matmul(a, b, n), expected = matmul_reference(a, b, n);
    snprintf(what, sizeof what, "gb_matmul(N=%lld) = %.17g, naive loop %.17g (rel 1e-12)",
             (long long)n, got, expected);
    check(fabs(got - expected) <= 1e-12 * fabs(expected), what);
    free(a);
}

/* ---- Compound results: decoding the RESULT WIRE FORMAT ---- */

#define MAX_ENTRIES 2048

struct entry {
    const uint8_t *bytes;
    int32_t len;
    int64_t value;
};

struct decoded {
    int64_t distinct; /* wordfreq only */
    int32_t k;
    struct entry e[MAX_ENTRIES];
};

static struct decoded dec; /* large: static, not on the stack */

/* Decodes size bytes of a wordfreq (with_distinct) or records result; 0 when
 * they are not exactly one well-formed result. */
static int decode(const uint8_t *p, int64_t size, int with_distinct, struct decoded *d)
{
    int64_t off = 0;
    d->distinct = -1;
    if (size < 0)
        return 0;
    if (with_distinct) {
        if (size < 8)
            return 0;
        memcpy(&d->distinct, p, 8);
        off = 8;
    }
    if (size - off < 4)
        return 0;
    memcpy(&d->k, p + off, 4);
    off += 4;
    if (d->k < 0 || d->k > MAX_ENTRIES)
        return 0;
    for (int32_t i = 0; i < d->k; i++) {
        struct entry *e = &d->e[i];
        if (size - off < 4)
            return 0;
        memcpy(&e->len, p + off, 4);
        off += 4;
        if (e->len < 0 || size - off < (int64_t)e->len + 8)
            return 0;
        e->bytes = p + off;
        off += e->len;
        memcpy(&e->value, p + off, 8);
        off += 8;
    }
    return off == size;
}

static int entry_is(const struct entry *e, const char *bytes, int64_t value)
{
    size_t len = strlen(bytes);
    return (size_t)e->len == len && memcmp(e->bytes, bytes, len) == 0 && e->value == value;
}

/* Checks a decoded result against k expected (bytes, value) pairs. */
static void check_entries(int64_t ret, const uint8_t *out, int with_distinct,
                          int64_t distinct, int k, const char *const *bytes,
                          const int64_t *values, const char *what)
{
    char msg[256];
    int ok = decode(out, ret, with_distinct, &dec) && dec.k == k &&
             (!with_distinct || dec.distinct == distinct);
    for (int i = 0; ok && i < k; i++)
        ok = entry_is(&dec.e[i], bytes[i], values[i]);
    snprintf(msg, sizeof msg, "%s (returned %lld)", what, (long long)ret);
    check(ok, msg);
}

static int64_t wordfreq_str(const char *text, uint8_t *out, int64_t cap)
{
    return gb_wordfreq((const uint8_t *)text, (int64_t)strlen(text), out, cap);
}

/* wordfreq: the spec's text generator and a sort-based reference. */

static const char *const SYL[16] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
                                    "zu", "be", "do", "fu", "g\xc3\xa5", "h\xc3\xa9",
                                    "j\xc3\xb6", "\xc3\xa7i"};

static size_t make_wordfreq_text(uint8_t *buf, size_t max_bytes)
{
    size_t used = 0;
    splitmix_state = 42;
    for (int64_t k = 0;; k++) {
        double u = next_double();
        int i = (int)(((u * u) * u) * 4096.0);
        char w[16];
        snprintf(w, sizeof w, "%s%s%s", SYL[(i >> 8) & 15], SYL[(i >> 4) & 15], SYL[i & 15]);
        const char *sep = k == 0 ? "" : (k % 16 == 0 ? "\n" : " ");
        size_t ls = strlen(sep), lw = strlen(w);
        if (used + ls + lw > max_bytes)
            return used;
        memcpy(buf + used, sep, ls);
        memcpy(buf + used + ls, w, lw);
        used += ls + lw;
    }
}

struct slice {
    const uint8_t *p;
    size_t len;
    int64_t count;
};

static int slice_bytes_cmp(const struct slice *a, const struct slice *b)
{
    int c = memcmp(a->p, b->p, a->len < b->len ? a->len : b->len);
    return c != 0 ? c : (a->len > b->len) - (a->len < b->len);
}

static int by_bytes(const void *a, const void *b)
{
    return slice_bytes_cmp(a, b);
}

static int by_count_then_bytes(const void *pa, const void *pb)
{
    const struct slice *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return slice_bytes_cmp(a, b);
}

/* gb_wordfreq against splitting, sorting and counting runs. */
static void check_wordfreq_reference(const uint8_t *text, size_t len, const char *label)
{
    char what[192];
    uint8_t out[1024];
    size_t nw = 0;
    for (size_t i = 0; i < len; i++)
        nw += text[i] != ' ' && text[i] != '\n' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n');
    struct slice *words = malloc((nw + 1) * sizeof *words);
    if (words == NULL) {
        check(0, "malloc for the wordfreq reference");
        return;
    }
    nw = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (text[i] == ' ' || text[i] == '\n'))
            i++;
        size_t start = i;
        while (i < len && text[i] != ' ' && text[i] != '\n')
            i++;
        if (i > start)
            words[nw++] = (struct slice){text + start, i - start, 0};
    }
    qsort(words, nw, sizeof *words, by_bytes);
    size_t distinct = 0;
    for (size_t i = 0; i < nw; i++) {
        if (distinct > 0 && slice_bytes_cmp(&words[distinct - 1], &words[i]) == 0) {
            words[distinct - 1].count++;
        } else {
            words[distinct] = words[i];
            words[distinct++].count = 1;
        }
    }
    qsort(words, distinct, sizeof *words, by_count_then_bytes);
    int64_t ret = gb_wordfreq(text, (int64_t)len, out, sizeof out);
    int k = distinct < 10 ? (int)distinct : 10;
    int ok = decode(out, ret, 1, &dec) && dec.distinct == (int64_t)distinct && dec.k == k;
    for (int i = 0; ok && i < k; i++)
        ok = (size_t)dec.e[i].len == words[i].len &&
             memcmp(dec.e[i].bytes, words[i].p, words[i].len) == 0 &&
             dec.e[i].value == words[i].count;
    snprintf(what, sizeof what,
             "gb_wordfreq(%s: %zu bytes, %zu words, %zu distinct) == sort-based reference", label,
             len, nw, distinct);
    check(ok, what);
    free(words);
}

static void check_wordfreq_generated(size_t n)
{
    uint8_t *text = malloc(n);
    if (text == NULL) {
        check(0, "malloc for the generated wordfreq test");
        return;
    }
    check_wordfreq_reference(text, make_wordfreq_text(text, n), "generated text");
    free(text);
}

/* Words of every length 1..40, each with variants that differ from it only in
 * the first, the middle or the last byte (the equality and hash of every
 * length class), repeated 1..5 times. */
static size_t make_near_duplicates(uint8_t *buf)
{
    size_t used = 0;
    for (int round = 0; round < 5; round++)
        for (int len = 1; len <= 40; len++)
            for (int v = 0; v < 4; v++) {
                if ((len * 7 + v) % 5 < round)
                    continue;
                for (int j = 0; j < len; j++)
                    buf[used + (size_t)j] = (uint8_t)('a' + (len + j) % 26);
                int at = v == 1 ? 0 : v == 2 ? len / 2 : len - 1;
                if (v > 0)
                    buf[used + (size_t)at] = (uint8_t)(buf[used + (size_t)at] == 'Z' ? 'Y' : 'Z');
                used += (size_t)len;
                buf[used++] = (v + len) % 3 == 0 ? '\n' : ' ';
            }
    return used;
}

/* MANY_KEYS distinct keys for the many-keys tests, NUL-terminated, 21 bytes
 * apart in one malloc'd block. Key i: i in base 223 as three bytes
 * 0x21..0xff, most significant first (so byte order is index order), then
 * pseudo-random letters up to 3, 5, 8, 12 or 20 bytes (i % 5); no ' ', '\n'
 * or NUL. With 100000 keys of each length some share a 32-bit hash, so the
 * kernels' byte comparison behind an equal hash runs, not only the hash. */
#define MANY_KEYS 500000

static char *make_many_keys(void)
{
    static const int lengths[5] = {3, 5, 8, 12, 20};
    char *keys = malloc((size_t)MANY_KEYS * 21);
    if (keys == NULL)
        return NULL;
    splitmix_state = 7;
    for (int i = 0; i < MANY_KEYS; i++) {
        char *k = keys + (size_t)i * 21;
        int len = lengths[i % 5];
        k[0] = (char)(0x21 + i / (223 * 223));
        k[1] = (char)(0x21 + i / 223 % 223);
        k[2] = (char)(0x21 + i % 223);
        for (int j = 3; j < len; j++)
            k[j] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[next_u64() % 52];
        k[len] = '\0';
    }
    return keys;
}

/* The keys' order in the many-keys inputs: 7919 is prime and does not divide
 * MANY_KEYS, so r -> r * 7919 % MANY_KEYS is a permutation. */
static int many_keys_order(int64_t r)
{
    return (int)(r * 7919 % MANY_KEYS);
}

static void test_wordfreq(void)
{
    uint8_t out[1024];

    {
        const char *w[] = {"ka", "lo", "mi"};
        const int64_t c[] = {3, 2, 1};
        int64_t ret = wordfreq_str("ka ka lo\nmi ka lo", out, sizeof out);
        check(ret == 8 + 4 + 3 * (4 + 2 + 8), "gb_wordfreq(spec example) returns 54 bytes");
        check_entries(ret, out, 1, 3, 3, w, c, "gb_wordfreq(spec example) == 3, ka 3, lo 2, mi 1");
    }
    check_entries(gb_wordfreq(NULL, 0, out, sizeof out), out, 1, 0, 0, NULL, NULL,
                  "gb_wordfreq(n=0) == distinct 0, no entries");
    check_entries(gb_wordfreq(NULL, -5, out, sizeof out), out, 1, 0, 0, NULL, NULL,
                  "gb_wordfreq(n<0) == distinct 0, no entries");
    check_entries(wordfreq_str(" \n  \n", out, sizeof out), out, 1, 0, 0, NULL, NULL,
                  "gb_wordfreq(separators only) == distinct 0, no entries");
    {
        const char *w[] = {"mi"};
        const int64_t c[] = {2};
        check_entries(wordfreq_str("\n  mi\nmi  ", out, sizeof out), out, 1, 1, 1, w, c,
                      "gb_wordfreq(leading, repeated and trailing separators) == mi 2");
    }
    {
        const char *w[] = {"a", "b", "c", "d"};
        const int64_t c[] = {2, 2, 2, 1};
        check_entries(wordfreq_str("c d b a c b a", out, sizeof out), out, 1, 4, 4, w, c,
                      "gb_wordfreq ties ordered by word: a 2, b 2, c 2, d 1");
    }
    {
        const char *w[] = {"a", "ab", "b"};
        const int64_t c[] = {2, 2, 1};
        check_entries(wordfreq_str("ab b a ab a", out, sizeof out), out, 1, 3, 3, w, c,
                      "gb_wordfreq ties: a prefix before its extension (a, ab, b)");
    }
    {
        /* Unsigned byte order: g (67) < z (7a) and h (68) < c3 (the first byte of \xc3\xa9),
         * which a signed char comparison would reverse. */
        const char *w[] = {"g\xc3\xa5", "z", "h\xc3\xa9", "\xc3\xa9"};
        const int64_t c[] = {2, 2, 1, 1};
        check_entries(wordfreq_str("\xc3\xa9 g\xc3\xa5 z h\xc3\xa9 z g\xc3\xa5", out, sizeof out),
                      out, 1, 4, 4, w, c,
                      "gb_wordfreq multi-byte UTF-8 words, unsigned byte order (g\xc3\xa5 2, z 2, "
                      "h\xc3\xa9 1, \xc3\xa9 1)");
    }
    {
        /* w01 once .. w15 fifteen times, interleaved: 15 distinct, top 10 = w15..w06. */
        char text[1024];
        size_t len = 0;
        for (int round = 15; round >= 1; round--)
            for (int i = 1; i <= 15; i++)
                if (i >= round)
                    len += (size_t)snprintf(text + len, sizeof text - len, "w%02d ", i);
        char names[10][4];
        const char *w[10];
        int64_t c[10];
        for (int j = 0; j < 10; j++) {
            snprintf(names[j], sizeof names[j], "w%02d", 15 - j);
            w[j] = names[j];
            c[j] = 15 - j;
        }
        check_entries(gb_wordfreq((const uint8_t *)text, (int64_t)len, out, sizeof out), out, 1,
                      15, 10, w, c, "gb_wordfreq(15 distinct words) == distinct 15, top 10 w15..w06");
    }
    {
        /* Exactly n bytes, no separator at all: nothing past n may be read. */
        uint8_t *one = malloc(3);
        if (one != NULL) {
            memcpy(one, "abc", 3);
            const char *w[] = {"abc"};
            const int64_t c[] = {1};
            check_entries(gb_wordfreq(one, 3, out, sizeof out), out, 1, 1, 1, w, c,
                          "gb_wordfreq(\"abc\" in a 3-byte buffer) == abc 1");
            const char *w2[] = {"ab"};
            check_entries(gb_wordfreq(one, 2, out, sizeof out), out, 1, 1, 1, w2, c,
                          "gb_wordfreq(n=2 of \"abc\") == ab 1 (stops at n)");
            free(one);
        }
    }
    check(wordfreq_str("ka ka lo\nmi ka lo", out, 53) == GB_ERR_SPACE,
          "gb_wordfreq(spec example, cap 53) == GB_ERR_SPACE");
    check(wordfreq_str("ka ka lo\nmi ka lo", out, 54) == 54,
          "gb_wordfreq(spec example, cap 54) == 54");
    check(gb_wordfreq(NULL, 0, NULL, 0) == GB_ERR_SPACE, "gb_wordfreq(n=0, cap 0) == GB_ERR_SPACE");
    check(gb_wordfreq(NULL, 0, out, 11) == GB_ERR_SPACE, "gb_wordfreq(n=0, cap 11) == GB_ERR_SPACE");
    check(gb_wordfreq(NULL, 0, out, -1) == GB_ERR_SPACE, "gb_wordfreq(cap < 0) == GB_ERR_SPACE");
    {
        static uint8_t near[5 * 4 * 41 * 40];
        check_wordfreq_reference(near, make_near_duplicates(near), "near-duplicate words 1..40 bytes");
    }
    {
        /* Every key once, shuffled, then keys 0..MANY_KEYS/10-1 again: distinct MANY_KEYS, and
         * the top 10 are keys 0..9 (count 2, ties by bytes = by index). */
        char *keys = make_many_keys();
        uint8_t *text = malloc((size_t)MANY_KEYS * 21 * 2);
        int ok = keys != NULL && text != NULL;
        if (ok) {
            size_t len = 0;
            for (int64_t r = 0; r < MANY_KEYS + MANY_KEYS / 10; r++) {
                const char *k = keys + (size_t)(r < MANY_KEYS ? many_keys_order(r) : r - MANY_KEYS) * 21;
                size_t l = strlen(k);
                memcpy(text + len, k, l);
                len += l;
                text[len++] = r % 16 == 15 ? '\n' : ' ';
            }
            uint8_t out[1024];
            ok = decode(out, gb_wordfreq(text, (int64_t)len, out, sizeof out), 1, &dec) &&
                 dec.distinct == MANY_KEYS && dec.k == 10;
            for (int j = 0; ok && j < 10; j++)
                ok = entry_is(&dec.e[j], keys + (size_t)j * 21, 2);
        }
        check(ok, "gb_wordfreq(500000 distinct words of 3..20 bytes, 50000 of them twice) == "
                  "distinct 500000, top 10 = the 10 least of those, count 2");
        free(text);
        free(keys);
    }
    check_wordfreq_generated(1000);
    check_wordfreq_generated(1000000);
}

/* ---- records ---- */

/* A REQUEST WIRE FORMAT of n records (ids 1000000 + r), in a malloc'd buffer
 * of exactly *len bytes (+ extra spare bytes). */
static uint8_t *make_request(int64_t n, const char *const *cats, const int64_t *amounts,
                             size_t extra, int64_t *len)
{
    size_t total = 8 + 17 * (size_t)n;
    for (int64_t r = 0; r < n; r++)
        total += strlen(cats[r]);
    uint8_t *req = malloc(total + extra);
    if (req == NULL)
        return NULL;
    memcpy(req, &n, 8);
    uint8_t *cat = req + 8 + 17 * (size_t)n;
    for (int64_t r = 0; r < n; r++) {
        int64_t id = 1000000 + r;
        size_t l = strlen(cats[r]);
        memcpy(req + 8 + 8 * r, &id, 8);
        memcpy(req + 8 + 8 * n + 8 * r, &amounts[r], 8);
        req[8 + 16 * n + r] = (uint8_t)l;
        memcpy(cat, cats[r], l);
        cat += l;
    }
    *len = (int64_t)total;
    return req;
}

static const char *const CATS[16] = {"books",   "electronics", "garden",  "grocery",
                                     "health",  "home",        "jewelry", "kitchen",
                                     "music",   "office",      "outdoor", "pets",
                                     "shoes",   "sports",      "toys",    "travel"};

struct record {
    const char *cat;
    int64_t amount;
};

static int by_category(const void *pa, const void *pb)
{
    return strcmp(((const struct record *)pa)->cat, ((const struct record *)pb)->cat);
}

/* gb_records against sorting the records by category and summing runs
 * (strcmp compares as unsigned char: byte order, a prefix first). */
static void check_records_reference(int64_t n, const char *const *cats, const int64_t *amounts,
                                    const char *what)
{
    struct record *recs = malloc((size_t)n * sizeof *recs + 1);
    size_t cap = 4;
    for (int64_t r = 0; r < n; r++)
        cap += 12 + strlen(cats[r]);
    int64_t len;
    uint8_t *out = malloc(cap), *req = make_request(n, cats, amounts, 0, &len);
    int ok = recs != NULL && out != NULL && req != NULL;
    if (ok) {
        for (int64_t r = 0; r < n; r++)
            recs[r] = (struct record){cats[r], amounts[r]};
        qsort(recs, (size_t)n, sizeof *recs, by_category);
        /* Walks the result entry by entry: k may exceed MAX_ENTRIES here. */
        int64_t size = gb_records(req, len, out, (int64_t)cap), off = 4;
        int32_t k = 0, got_k = -1;
        if (size >= 4)
            memcpy(&got_k, out, 4);
        ok = size >= 4;
        for (int64_t r = 0; ok && r < n; k++) {
            int64_t sum = 0, first = r;
            for (; r < n && strcmp(recs[r].cat, recs[first].cat) == 0; r++)
                sum += recs[r].amount;
            struct entry e;
            size_t l = strlen(recs[first].cat);
            ok = size - off >= (int64_t)(4 + l + 8);
            if (ok) {
                memcpy(&e.len, out + off, 4);
                e.bytes = out + off + 4;
                memcpy(&e.value, out + off + 4 + l, 8);
                off += 4 + (int64_t)l + 8;
                ok = entry_is(&e, recs[first].cat, sum);
            }
        }
        ok = ok && k == got_k && off == size;
    }
    check(ok, what);
    free(req);
    free(out);
    free(recs);
}

static void check_records_generated(int64_t n)
{
    char what[160];
    const char **cats = malloc((size_t)n * sizeof *cats);
    int64_t *amounts = malloc((size_t)n * sizeof *amounts), sums[16] = {0}, len;
    int seen[16] = {0};
    if (cats == NULL || amounts == NULL) {
        check(0, "malloc for the generated records test");
        free(cats);
        free(amounts);
        return;
    }
    splitmix_state = 42;
    for (int64_t r = 0; r < n; r++) {
        double u = next_double();
        int c = (int)((u * u) * 16.0);
        uint64_t x = next_u64();
        cats[r] = CATS[c];
        amounts[r] = (int64_t)((x >> 40) % 1000000) - 100000;
        sums[c] += amounts[r];
        seen[c] = 1;
    }
    uint8_t *req = make_request(n, cats, amounts, 0, &len), out[1024];
    const char *w[16];
    int64_t v[16];
    int k = 0;
    for (int c = 0; c < 16; c++) /* CATS is sorted */
        if (seen[c]) {
            w[k] = CATS[c];
            v[k++] = sums[c];
        }
    snprintf(what, sizeof what, "gb_records(generated, N=%lld) == per-category reference sums",
             (long long)n);
    if (req == NULL)
        check(0, what);
    else
        check_entries(gb_records(req, len, out, sizeof out), out, 0, 0, k, w, v, what);
    free(req);
    free(amounts);
    free(cats);
}

static void test_records(void)
{
    uint8_t out[1024];
    int64_t len;

    {
        const char *cats[] = {"b", "a", "b"}, *w[] = {"a", "b"};
        const int64_t amounts[] = {5, -2, 10}, v[] = {-2, 15};
        uint8_t *req = make_request(3, cats, amounts, 1, &len);
        if (req != NULL) {
            int64_t ret = gb_records(req, len, out, sizeof out);
            check(ret == 4 + 2 * (4 + 1 + 8), "gb_records(spec example) returns 30 bytes");
            check_entries(ret, out, 0, 0, 2, w, v, "gb_records(spec example) == a -2, b 15");
            uint8_t *odd = malloc((size_t)len + 1);
            if (odd != NULL) {
                memcpy(odd + 1, req, (size_t)len);
                check_entries(gb_records(odd + 1, len, out + 1, sizeof out - 1), out + 1, 0, 0, 2, w,
                              v, "gb_records(spec example at odd addresses, in and out) == a -2, b 15");
                free(odd);
            }
            check(gb_records(req, len, out, 29) == GB_ERR_SPACE,
                  "gb_records(spec example, cap 29) == GB_ERR_SPACE");
            check(gb_records(req, len - 1, out, sizeof out) == GB_ERR_INPUT,
                  "gb_records(request truncated by 1 byte) == GB_ERR_INPUT");
            req[len] = 'x';
            check(gb_records(req, len + 1, out, sizeof out) == GB_ERR_INPUT,
                  "gb_records(request with 1 byte too many) == GB_ERR_INPUT");
            check(gb_records(req, 8 + 17 * 3, out, sizeof out) == GB_ERR_INPUT,
                  "gb_records(request without its category bytes) == GB_ERR_INPUT");
            req[8 + 16 * 3 + 1] = 0; /* lengths 1, 0, 2: the total still matches */
            req[8 + 16 * 3 + 2] = 2;
            check(gb_records(req, len, out, sizeof out) == GB_ERR_INPUT,
                  "gb_records(category length 0, total length right) == GB_ERR_INPUT");
            req[8 + 16 * 3 + 2] = 1; /* lengths 1, 0, 1: and 1 byte left over */
            check(gb_records(req, len, out, sizeof out) == GB_ERR_INPUT,
                  "gb_records(category length 0) == GB_ERR_INPUT");
            req[8 + 16 * 3 + 1] = 2; /* lengths now sum past the end */
            check(gb_records(req, len, out, sizeof out) == GB_ERR_INPUT,
                  "gb_records(category lengths past the end) == GB_ERR_INPUT");
            free(req);
        } else {
            check(0, "malloc for the records example");
        }
    }
    {
        int64_t zero = 0, minus = -1, one = 1;
        uint8_t req[8];
        memcpy(req, &zero, 8);
        int64_t ret = gb_records(req, 8, out, sizeof out);
        check(ret == 4 && decode(out, ret, 0, &dec) && dec.k == 0,
              "gb_records(n=0) == no categories (4 bytes)");
        check(gb_records(req, 8, out, 3) == GB_ERR_SPACE, "gb_records(n=0, cap 3) == GB_ERR_SPACE");
        check(gb_records(req, 7, out, sizeof out) == GB_ERR_INPUT,
              "gb_records(len 7) == GB_ERR_INPUT");
        check(gb_records(NULL, 0, out, sizeof out) == GB_ERR_INPUT,
              "gb_records(len 0) == GB_ERR_INPUT");
        memcpy(req, &minus, 8);
        check(gb_records(req, 8, out, sizeof out) == GB_ERR_INPUT,
              "gb_records(n=-1) == GB_ERR_INPUT");
        memcpy(req, &one, 8);
        check(gb_records(req, 8, out, sizeof out) == GB_ERR_INPUT,
              "gb_records(n=1 in 8 bytes) == GB_ERR_INPUT");
        int64_t huge = INT64_MAX;
        memcpy(req, &huge, 8);
        check(gb_records(req, 8, out, sizeof out) == GB_ERR_INPUT,
              "gb_records(n=INT64_MAX in 8 bytes) == GB_ERR_INPUT");
    }
    {
        /* Unsigned byte order, a prefix first. */
        const char *cats[] = {"b", "a", "ab", "B", "\xc3\xa9", "z", "a"};
        const char *w[] = {"B", "a", "ab", "b", "z", "\xc3\xa9"};
        const int64_t amounts[] = {1, 2, 3, 4, 5, 6, 7}, v[] = {4, 9, 3, 1, 6, 5};
        uint8_t *req = make_request(7, cats, amounts, 0, &len);
        if (req != NULL)
            check_entries(gb_records(req, len, out, sizeof out), out, 0, 0, 6, w, v,
                          "gb_records orders categories by bytes: B, a, ab, b, z, \xc3\xa9");
        else
            check(0, "malloc for the records order test");
        free(req);
    }
    {
        /* 1000 distinct categories (any initial table overflows), each twice, shuffled. */
        enum { K = 1000 };
        static char names[K][16];
        static const char *cats[2 * K];
        static int64_t amounts[2 * K];
        for (int i = 0; i < K; i++)
            snprintf(names[i], sizeof names[i], "c%d", i);
        for (int r = 0; r < 2 * K; r++) {
            int i = (int)(((int64_t)r * 7919) % K); /* 7919 is prime: a permutation, twice */
            cats[r] = names[i];
            amounts[r] = r < K ? 1000 * (int64_t)i : -(int64_t)i - 1;
        }
        int64_t rlen;
        uint8_t *req = make_request(2 * K, cats, amounts, 0, &rlen);
        size_t cap = 4 + (size_t)K * (4 + 4 + 8);
        uint8_t *big = malloc(cap);
        int ok = req != NULL && big != NULL;
        int64_t ret = ok ? gb_records(req, rlen, big, (int64_t)cap) : 0;
        ok = ok && decode(big, ret, 0, &dec) && dec.k == K;
        for (int j = 0; ok && j < K; j++) {
            int i = 0; /* "c<i>", not NUL-terminated */
            for (int32_t b = 1; b < dec.e[j].len && b < 5; b++)
                i = 10 * i + (dec.e[j].bytes[b] - '0');
            char name[16];
            snprintf(name, sizeof name, "c%d", i);
            struct slice prev = {j > 0 ? dec.e[j - 1].bytes : NULL, j > 0 ? (size_t)dec.e[j - 1].len : 0, 0};
            struct slice cur = {dec.e[j].bytes, (size_t)dec.e[j].len, 0};
            ok = entry_is(&dec.e[j], name, 999 * (int64_t)i - 1) &&
                 (j == 0 || slice_bytes_cmp(&prev, &cur) < 0);
        }
        /* c0 < c1 < c10 < c100 < c101 < ... < c999 in byte order. */
        ok = ok && entry_is(&dec.e[0], "c0", -1) && entry_is(&dec.e[1], "c1", 998) &&
             entry_is(&dec.e[2], "c10", 9989) && entry_is(&dec.e[3], "c100", 99899) &&
             entry_is(&dec.e[K - 1], "c999", 999 * 999 - 1);
        check(ok, "gb_records(1000 distinct categories) == all 1000 sums, in byte order");
        free(big);
        free(req);
    }
    {
        /* Categories of every length 1..40 and variants differing in the first, the middle
         * or the last byte only, each 1..3 times, interleaved. */
        static char names[40 * 4][41];
        static const char *cats[40 * 4 * 3];
        static int64_t amounts[40 * 4 * 3];
        int64_t n = 0;
        for (int len = 1; len <= 40; len++)
            for (int v = 0; v < 4; v++) {
                char *c = names[(len - 1) * 4 + v];
                for (int j = 0; j < len; j++)
                    c[j] = (char)('a' + (len + j) % 26);
                c[len] = '\0';
                int at = v == 1 ? 0 : v == 2 ? len / 2 : len - 1;
                if (v > 0)
                    c[at] = c[at] == 'Z' ? 'Y' : 'Z';
            }
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < 40 * 4; i++)
                if ((i * 7) % 3 >= round) {
                    cats[n] = names[(i * 37) % (40 * 4)];
                    amounts[n] = (int64_t)n * 1000003 - 77 * i;
                    n++;
                }
        check_records_reference(n, cats, amounts,
                                "gb_records(near-duplicate categories 1..40 bytes) == sort-based reference");
    }
    {
        /* Every key once, shuffled, amount i % 1000 - 400 (i the key's index), then keys
         * 0..MANY_KEYS/10-1 again with amount -i: the result is every key in index order. */
        enum { N = MANY_KEYS + MANY_KEYS / 10 };
        char *keys = make_many_keys();
        const char **cats = malloc((size_t)N * sizeof *cats);
        int64_t *amounts = malloc((size_t)N * sizeof *amounts), rlen = 0, size = 0;
        size_t cap = 4 + (size_t)MANY_KEYS * (4 + 20 + 8);
        uint8_t *big = malloc(cap), *req = NULL;
        int ok = keys != NULL && cats != NULL && amounts != NULL && big != NULL;
        if (ok) {
            for (int64_t r = 0; r < N; r++) {
                int i = r < MANY_KEYS ? many_keys_order(r) : (int)(r - MANY_KEYS);
                cats[r] = keys + (size_t)i * 21;
                amounts[r] = r < MANY_KEYS ? i % 1000 - 400 : -i;
            }
            req = make_request(N, cats, amounts, 0, &rlen);
            ok = req != NULL;
        }
        if (ok) {
            size = gb_records(req, rlen, big, (int64_t)cap);
            int32_t k = -1;
            if (size >= 4)
                memcpy(&k, big, 4);
            ok = k == MANY_KEYS;
        }
        int64_t off = 4;
        for (int i = 0; ok && i < MANY_KEYS; i++) {
            const char *key = keys + (size_t)i * 21;
            size_t l = strlen(key);
            struct entry e;
            ok = size - off >= (int64_t)(4 + l + 8);
            if (ok) {
                memcpy(&e.len, big + off, 4);
                e.bytes = big + off + 4;
                memcpy(&e.value, big + off + 4 + l, 8);
                off += 4 + (int64_t)l + 8;
                ok = entry_is(&e, key, i % 1000 - 400 - (i < MANY_KEYS / 10 ? i : 0));
            }
        }
        check(ok && off == size, "gb_records(550000 records, 500000 categories of 3..20 bytes) == every "
                                 "category in byte order with its sum");
        free(req);
        free(big);
        free(amounts);
        free(cats);
        free(keys);
    }
    check_records_generated(1);
    check_records_generated(100000);
}

/* ---- csvparse ---- */

static int64_t csvparse_str(const char *text, uint8_t *out, int64_t cap)
{
    return gb_csvparse((const uint8_t *)text, (int64_t)strlen(text), out, cap);
}

/* Checks a csvparse result bit for bit. */
static void check_csv(int64_t ret, const uint8_t *out, int64_t int_sum, double float_sum,
                      int64_t text_chars, const char *what)
{
    char msg[256];
    int64_t i = 0, t = 0;
    double f = 0.0;
    if (ret == 24) {
        memcpy(&i, out, 8);
        memcpy(&f, out + 8, 8);
        memcpy(&t, out + 16, 8);
    }
    snprintf(msg, sizeof msg, "%s (returned %lld: %lld, %.17g, %lld)", what, (long long)ret,
             (long long)i, f, (long long)t);
    check(ret == 24 && i == int_sum && memcmp(&f, &float_sum, 8) == 0 && t == text_chars, msg);
}

/* The spec's csv text of n data lines; the expected sums two ways: prices
 * through strtod (process locale "C") and as v / 1000.0 (also correctly
 * rounded, so the same doubles). */
static void check_csv_generated(int64_t n)
{
    char what[160], line[96];
    size_t cap = 16 + (size_t)n * 64, len = 0;
    char *text = malloc(cap);
    if (text == NULL) {
        check(0, "malloc for the generated csvparse test");
        return;
    }
    len += (size_t)snprintf(text, cap, "qty,price,label\n");
    int64_t int_sum = 0, chars = 0;
    double by_strtod = 0.0, by_division = 0.0;
    splitmix_state = 42;
    for (int64_t r = 0; r < n; r++) {
        int64_t qty = (int64_t)((next_u64() >> 32) % 2000001) - 1000000;
        int64_t v = (int64_t)((next_u64() >> 20) % 200000001) - 100000000;
        uint64_t c = next_u64();
        int L = 1 + (int)(c % 12);
        char label[16], price[32];
        for (int j = 0; j < L; j++)
            label[j] = (char)('a' + (int)(((c >> (4 + 5 * j)) & 31) % 26));
        label[L] = '\0';
        int64_t a = v < 0 ? -v : v;
        snprintf(price, sizeof price, "%s%lld.%03lld", v < 0 ? "-" : "", (long long)(a / 1000),
                 (long long)(a % 1000));
        int ll = snprintf(line, sizeof line, "%lld,%s,%s\n", (long long)qty, price, label);
        memcpy(text + len, line, (size_t)ll);
        len += (size_t)ll;
        int_sum += qty;
        by_strtod += strtod(price, NULL);
        by_division += (double)v / 1000.0;
        chars += L;
    }
    uint8_t out[24];
    snprintf(what, sizeof what, "gb_csvparse(generated, N=%lld) == sequential strtod sum, bit-exact",
             (long long)n);
    check_csv(gb_csvparse((const uint8_t *)text, (int64_t)len, out, 24), out, int_sum, by_strtod,
              chars, what);
    snprintf(what, sizeof what, "gb_csvparse(generated, N=%lld) == sequential v/1000.0 sum",
             (long long)n);
    check_csv(gb_csvparse((const uint8_t *)text, (int64_t)len, out, 24), out, int_sum,
              by_division, chars, what);
    free(text);
}

static void test_csvparse(void)
{
    uint8_t out[32];
    const char *example = "qty,price,label\n3,1.5,ab\n-1,-0.250,xyz\n";

    int64_t ret = csvparse_str(example, out, sizeof out);
    check_csv(ret, out, 2, 1.25, 5, "gb_csvparse(spec example) == (2, 1.25, 5)");
    check_csv(csvparse_str(example, out + 1, 24), out + 1, 2, 1.25, 5,
              "gb_csvparse(spec example, out at an odd address) == (2, 1.25, 5)");
    check(csvparse_str(example, out, 23) == GB_ERR_SPACE,
          "gb_csvparse(spec example, cap 23) == GB_ERR_SPACE");
    check_csv(gb_csvparse(NULL, 0, out, 24), out, 0, 0.0, 0, "gb_csvparse(n=0) == (0, 0.0, 0)");
    check_csv(csvparse_str("qty,price,label\n", out, 24), out, 0, 0.0, 0,
              "gb_csvparse(header only) == (0, 0.0, 0)");
    check_csv(csvparse_str("qty,price,label", out, 24), out, 0, 0.0, 0,
              "gb_csvparse(header without newline) == (0, 0.0, 0)");
    check_csv(csvparse_str("qty,price,label\n3,1.5,ab\n-1,-0.250,xyz", out, 24), out, 2, 1.25, 5,
              "gb_csvparse(last line without newline) == (2, 1.25, 5)");
    {
        /* Exactly n bytes, the last line unterminated: nothing past n may be read. */
        const char *t = "h\n7,-0.005,abc";
        size_t n = strlen(t);
        uint8_t *exact = malloc(n);
        if (exact != NULL) {
            memcpy(exact, t, n);
            check_csv(gb_csvparse(exact, (int64_t)n, out, 24), out, 7, -0.005, 3,
                      "gb_csvparse(unterminated, in an n-byte buffer) == (7, -0.005, 3)");
            check_csv(gb_csvparse(exact, (int64_t)n - 1, out, 24), out, 7, -0.005, 2,
                      "gb_csvparse(n stops inside the label) == (7, -0.005, 2)");
            free(exact);
        }
    }
    check_csv(csvparse_str("h\n+4,+2.5,\n-0,-0.000,a\n", out, 24), out, 4, 2.5, 1,
              "gb_csvparse(+ signs, -0, empty label) == (4, 2.5, 1)");
    check_csv(csvparse_str("h\n9223372036854775807,1e3,a\n-9223372036854775808,.5,b\n", out, 24),
              out, -1, 1000.5, 2, "gb_csvparse(int64 extremes, 1e3, .5) == (-1, 1000.5, 2)");
    {
        /* A 63-byte price is accepted, 64 bytes is not. */
        char t[160], digits[70];
        memset(digits, '0', sizeof digits);
        digits[0] = '1';
        digits[1] = '.';
        snprintf(t, sizeof t, "h\n1,%.63s,a\n", digits);
        check_csv(csvparse_str(t, out, 24), out, 1, 1.0, 1, "gb_csvparse(63-byte price) == (1, 1.0, 1)");
        snprintf(t, sizeof t, "h\n1,%.64s,a\n", digits);
        check(csvparse_str(t, out, 24) == GB_ERR_INPUT, "gb_csvparse(64-byte price) == GB_ERR_INPUT");
    }
    static const char *const bad[] = {
        "h\n1,2.5\n",          /* two fields */
        "h\n1,2.5,a,b\n",      /* four fields */
        "h\n1\n",              /* one field */
        "h\n1,2.5,a\n\n",      /* an empty line */
        "h\n\n1,2.5,a\n",      /* an empty line first */
        "h\n1x,2.5,a\n",       /* bad integer */
        "h\n,2.5,a\n",         /* empty integer */
        "h\n-,2.5,a\n",        /* sign only */
        "h\n 1,2.5,a\n",       /* space before the integer */
        "h\n9223372036854775808,1,a\n",  /* past INT64_MAX */
        "h\n99999999999999999999999,1,a\n", /* past UINT64_MAX */
        "h\n1,,a\n",           /* empty price */
        "h\n1,2.5x,a\n",       /* bad price */
        "h\n1, 2.5,a\n",       /* space before the price */
        "h\n1,2.5 ,a\n",       /* space after the price */
        "h\n1,inf,a\n",        /* not a decimal */
        "h\n1,nan,a\n",
        "h\n1,0x1p3,a\n",      /* hex float */
        "h\n1,.,a\n",          /* no digit */
        "h\n1,1e,a\n",         /* no exponent digit */
        "h\n1,1.5.5,a\n",
        "h\n1,2.5,a\n1,2.5",   /* unterminated last line with two fields */
        "h\n1,2.5,a\n1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char what[128];
        snprintf(what, sizeof what, "gb_csvparse(malformed #%zu) == GB_ERR_INPUT", i);
        check(csvparse_str(bad[i], out, sizeof out) == GB_ERR_INPUT, what);
    }
    check_csv_generated(1);
    check_csv_generated(20000);

    /* strtod_l ignores the process locale: with a decimal-comma LC_NUMERIC
     * (when the machine has one) the result is unchanged. */
    static const char *const comma_locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                                "fr_FR.utf8", "de_DE", "fr_FR"};
    const char *used = NULL;
    for (size_t i = 0; used == NULL && i < sizeof comma_locales / sizeof comma_locales[0]; i++)
        if (setlocale(LC_NUMERIC, comma_locales[i]) != NULL)
            used = comma_locales[i];
    if (used != NULL) {
        char what[128];
        snprintf(what, sizeof what, "LC_NUMERIC=%s is in effect (strtod reads \"1.5\" as 1)", used);
        check(strtod("1.5", NULL) == 1.0, what);
        snprintf(what, sizeof what, "gb_csvparse(spec example) under LC_NUMERIC=%s == (2, 1.25, 5)",
                 used);
        check_csv(csvparse_str(example, out, sizeof out), out, 2, 1.25, 5, what);
        setlocale(LC_NUMERIC, "C");
    } else {
        printf("note: no decimal-comma locale installed, locale-independence check not run\n");
    }
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

    char got[64];
    snprintf(got, sizeof got, "%.9f", gb_spectralnorm(100));
    check(strcmp(got, "1.274219991") == 0, "gb_spectralnorm(100) = 1.274219991");
    check(isnan(gb_spectralnorm(0)), "gb_spectralnorm(n=0) is NaN");

    check_mandelbrot(16);
    check_mandelbrot(200);
    check(gb_mandelbrot(0) == 0, "gb_mandelbrot(n=0) == 0");

    /* A*B = {{30,24,18},{84,69,54},{138,114,90}}; sum of squares 56673, exact. */
    const double ma[] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, mb[] = {9, 8, 7, 6, 5, 4, 3, 2, 1};
    check(gb_matmul(ma, mb, 3) == 56673.0, "gb_matmul(3x3 known) == 56673");
    check(gb_matmul(ma, mb, 0) == 0.0, "gb_matmul(n=0) == 0");
    check_matmul_random(130);

    /* sorted {-2, 0.5, 1, 3, 7}: 1*-2 + 2*0.5 + 3*1 + 4*3 + 5*7 = 49 */
    double sa[] = {3.0, -2.0, 7.0, 0.5, 1.0};
    const double sa_orig[] = {3.0, -2.0, 7.0, 0.5, 1.0};
    check(gb_sort(sa, 5) == 49.0, "gb_sort({3,-2,7,0.5,1}) == 49");
    check(memcmp(sa, sa_orig, sizeof sa) == 0, "gb_sort leaves its input unmodified");
    check(gb_sort(sa, 0) == 0.0, "gb_sort(n=0) == 0");

    check_fannkuch(7, 228, 16);
    check_fannkuch(8, 1616, 22);
    check(gb_fannkuch(1) == 0, "gb_fannkuch(1) == 0");
    check(gb_fannkuch(0) == 0, "gb_fannkuch(n=0) == 0");

    test_wordfreq();
    test_records();
    test_csvparse();

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
