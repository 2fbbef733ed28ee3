/* The C kernels. Built with -ffp-contract=off and without -ffast-math, so
 * floating-point operations happen exactly in source order. */
#define _GNU_SOURCE /* strtod_l (glibc declares it only for _GNU_SOURCE) */

#include "gluebench.h"

#include <locale.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* The wire formats are little-endian and are read and written with memcpy of
 * host values: a big-endian port would need byte swaps in get_i64/put_*. */
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "gluebench's wire formats assume a little-endian host"
#endif
_Static_assert(sizeof(double) == 8, "f64 in the wire formats is an 8-byte IEEE double");

void gb_noop(void) {}

int64_t gb_echo(const uint8_t *data, int64_t n)
{
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++)
        sum += data[i];
    return sum;
}

double gb_dot(const double *a, const double *b, int64_t n)
{
    double s = 0.0;
    for (int64_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* n-body: order of operations follows the benchmarks-game Java #2 program. */

#define NBODIES 5
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static void init_bodies(struct body b[NBODIES])
{
    static const struct body initial[NBODIES] = {
        /* Sun */
        {0, 0, 0, 0, 0, 0, SOLAR_MASS},
        /* Jupiter */
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
        /* Saturn */
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
        /* Uranus */
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
        /* Neptune */
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
    };
    for (int i = 0; i < NBODIES; i++)
        b[i] = initial[i];
}

static void offset_momentum(struct body b[NBODIES])
{
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        px += b[i].vx * b[i].mass;
        py += b[i].vy * b[i].mass;
        pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / SOLAR_MASS;
    b[0].vy = -py / SOLAR_MASS;
    b[0].vz = -pz / SOLAR_MASS;
}

static void advance(struct body b[NBODIES], double dt)
{
    for (int i = 0; i < NBODIES; i++) {
        struct body *bi = &b[i];
        for (int j = i + 1; j < NBODIES; j++) {
            struct body *bj = &b[j];
            double dx = bi->x - bj->x;
            double dy = bi->y - bj->y;
            double dz = bi->z - bj->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            bi->vx -= dx * bj->mass * mag;
            bi->vy -= dy * bj->mass * mag;
            bi->vz -= dz * bj->mass * mag;
            bj->vx += dx * bi->mass * mag;
            bj->vy += dy * bi->mass * mag;
            bj->vz += dz * bi->mass * mag;
        }
    }
    for (int i = 0; i < NBODIES; i++) {
        b[i].x += dt * b[i].vx;
        b[i].y += dt * b[i].vy;
        b[i].z += dt * b[i].vz;
    }
}

static double energy(const struct body b[NBODIES])
{
    double e = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        const struct body *bi = &b[i];
        e += 0.5 * bi->mass * (bi->vx * bi->vx + bi->vy * bi->vy + bi->vz * bi->vz);
        for (int j = i + 1; j < NBODIES; j++) {
            const struct body *bj = &b[j];
            double dx = bi->x - bj->x;
            double dy = bi->y - bj->y;
            double dz = bi->z - bj->z;
            e -= (bi->mass * bj->mass) / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

double gb_nbody(int64_t steps)
{
    struct body b[NBODIES];
    init_bodies(b);
    offset_momentum(b);
    for (int64_t s = 0; s < steps; s++)
        advance(b, 0.01);
    return energy(b);
}

/* spectral norm: order of operations follows the benchmarks-game programs. */

static double spectral_a(int64_t i, int64_t j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = At(A(x)), tmp holds A(x). */
static void spectral_ata(const double *x, double *tmp, double *out, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        double s = 0.0;
        for (int64_t j = 0; j < n; j++)
            s += spectral_a(i, j) * x[j];
        tmp[i] = s;
    }
    for (int64_t i = 0; i < n; i++) {
        double s = 0.0;
        for (int64_t j = 0; j < n; j++)
            s += spectral_a(j, i) * tmp[j];
        out[i] = s;
    }
}

double gb_spectralnorm(int64_t n)
{
    if (n <= 0)
        return NAN;
    double *u = malloc((size_t)n * 3 * sizeof(double));
    if (u == NULL)
        return NAN;
    double *v = u + n, *tmp = v + n;
    for (int64_t i = 0; i < n; i++)
        u[i] = 1.0;
    for (int r = 0; r < 10; r++) {
        spectral_ata(u, tmp, v, n);
        spectral_ata(v, tmp, u, n);
    }
    double vbv = 0.0, vv = 0.0;
    for (int64_t i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    free(u);
    return sqrt(vbv / vv);
}

/* mandelbrot */

int64_t gb_mandelbrot(int64_t n)
{
    int64_t count = 0;
    double dn = (double)n;
    for (int64_t y = 0; y < n; y++) {
        double ci = 2.0 * (double)y / dn - 1.0;
        for (int64_t x = 0; x < n; x++) {
            double cr = 2.0 * (double)x / dn - 1.5;
            double zr = 0.0, zi = 0.0;
            int inside = 1;
            for (int it = 0; it < 50; it++) {
                double tr = zr * zr, ti = zi * zi;
                if (tr + ti > 4.0) {
                    inside = 0;
                    break;
                }
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
            }
            count += inside;
        }
    }
    return count;
}

/* matmul: i-k-j inside square blocks, so B and C are walked row by row and a
 * block of B stays in cache while it is reused. */

#define MATMUL_BLOCK 64

double gb_matmul(const double *a, const double *b, int64_t n)
{
    if (n <= 0)
        return 0.0;
    double *c = calloc((size_t)n * (size_t)n, sizeof(double));
    if (c == NULL)
        return NAN;
    for (int64_t ii = 0; ii < n; ii += MATMUL_BLOCK) {
        int64_t iend = ii + MATMUL_BLOCK < n ? ii + MATMUL_BLOCK : n;
        for (int64_t kk = 0; kk < n; kk += MATMUL_BLOCK) {
            int64_t kend = kk + MATMUL_BLOCK < n ? kk + MATMUL_BLOCK : n;
            for (int64_t jj = 0; jj < n; jj += MATMUL_BLOCK) {
                int64_t jend = jj + MATMUL_BLOCK < n ? jj + MATMUL_BLOCK : n;
                for (int64_t i = ii; i < iend; i++) {
                    double *ci = c + i * n;
                    for (int64_t k = kk; k < kend; k++) {
                        double aik = a[i * n + k];
                        const double *bk = b + k * n;
                        for (int64_t j = jj; j < jend; j++)
                            ci[j] += aik * bk[j];
                    }
                }
            }
        }
    }
    double s = 0.0;
    for (int64_t i = 0; i < n * n; i++)
        s += c[i] * c[i];
    free(c);
    return s;
}

/* sort */

static int compare_doubles(const void *pa, const void *pb)
{
    double x = *(const double *)pa, y = *(const double *)pb;
    return (x > y) - (x < y);
}

double gb_sort(const double *a, int64_t n)
{
    if (n <= 0)
        return 0.0;
    double *s = malloc((size_t)n * sizeof(double));
    if (s == NULL)
        return NAN;
    memcpy(s, a, (size_t)n * sizeof(double));
    qsort(s, (size_t)n, sizeof(double), compare_doubles);
    double sum = 0.0;
    for (int64_t i = 0; i < n; i++)
        sum += (double)(i + 1) * s[i];
    free(s);
    return sum;
}

/* fannkuch-redux: the benchmarks-game count[] permutation generator. */

int64_t gb_fannkuch(int64_t n)
{
    if (n < 1 || n > GB_FANNKUCH_MAX_N)
        return 0;
    int perm[GB_FANNKUCH_MAX_N], perm1[GB_FANNKUCH_MAX_N], count[GB_FANNKUCH_MAX_N];
    int64_t checksum = 0, perm_index = 0;
    int maxflips = 0;
    int r = (int)n;
    for (int i = 0; i < n; i++)
        perm1[i] = i;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int i = 0; i < n; i++)
            perm[i] = perm1[i];
        int flips = 0;
        int k;
        while ((k = perm[0]) != 0) {
            for (int lo = 0, hi = k; lo < hi; lo++, hi--) {
                int t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
            }
            flips++;
        }
        if (flips > maxflips)
            maxflips = flips;
        checksum += perm_index % 2 == 0 ? flips : -flips;
        /* Next permutation: rotate the first r+1 elements until a count is left. */
        for (;;) {
            if (r == n)
                return (int64_t)(((uint64_t)checksum << 32) | (uint32_t)maxflips);
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0)
                break;
            r++;
        }
        perm_index++;
    }
}

/* Compound results: the wire formats of gluebench.h, written and read with
 * memcpy (any alignment; the host is little-endian, checked above). */

static inline uint8_t *put_i32(uint8_t *p, int32_t v)
{
    memcpy(p, &v, sizeof v);
    return p + sizeof v;
}

static inline uint8_t *put_i64(uint8_t *p, int64_t v)
{
    memcpy(p, &v, sizeof v);
    return p + sizeof v;
}

static inline uint8_t *put_f64(uint8_t *p, double v)
{
    memcpy(p, &v, sizeof v);
    return p + sizeof v;
}

static inline uint8_t *put_entry(uint8_t *p, const uint8_t *bytes, uint32_t len, int64_t v)
{
    p = put_i32(p, (int32_t)len);
    memcpy(p, bytes, len);
    return put_i64(p + len, v);
}

static inline int64_t get_i64(const uint8_t *p)
{
    int64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline uint64_t load64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline uint32_t load32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Whether the n >= 1 bytes at a and b are equal. Up to 16 bytes, two
 * overlapping loads that stay inside the n bytes replace a memcmp call. */
static inline int bytes_equal(const uint8_t *a, const uint8_t *b, size_t n)
{
    if (n > 16)
        return memcmp(a, b, n) == 0;
    if (n >= 8)
        return ((load64(a) ^ load64(b)) | (load64(a + n - 8) ^ load64(b + n - 8))) == 0;
    if (n >= 4)
        return ((load32(a) ^ load32(b)) | (load32(a + n - 4) ^ load32(b + n - 4))) == 0;
    return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

/* Byte strings in unsigned memcmp order, a prefix before its extensions. */
static int compare_bytes(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c != 0 ? c : (alen > blen) - (alen < blen);
}

/* Byte slices (pointers into the caller's input, never copied) to int64
 * values: open addressing with linear probing, a power-of-two capacity, at
 * most 5/8 full. A slot with len 0 is empty: keys are never empty. */
struct slice_slot {
    const uint8_t *key;
    uint32_t len;
    uint32_t hash;
    int64_t value;
};

struct slice_table {
    struct slice_slot *slots;
    size_t mask; /* capacity - 1 */
    size_t size; /* keys stored */
};

/* Two hashes, each table using one. 64-bit FNV-1a, folded to 32 bits so that
 * the index (the low bits) also depends on the better-mixed high half, for a
 * key hashed while it is scanned (wordfreq: faster there than finding the
 * end first and then hashing with loads); and hash_bytes for a key whose
 * length is known first (records: the kernel ran ~1.7x faster with it than
 * with FNV-1a on its 4..11-byte categories). */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static inline uint32_t hash_fold(uint64_t h)
{
    return (uint32_t)(h ^ (h >> 32));
}

/* Up to 16 bytes: the same two overlapping loads as bytes_equal, and the
 * length, through SplitMix64-style multiply/xor-shift mixing; longer keys
 * (rare) go through FNV-1a. */
static inline uint32_t hash_bytes(const uint8_t *p, size_t n)
{
    uint64_t lo, hi;
    if (n > 16) {
        uint64_t h = FNV_OFFSET;
        for (size_t i = 0; i < n; i++)
            h = (h ^ p[i]) * FNV_PRIME;
        return hash_fold(h);
    }
    if (n >= 8) {
        lo = load64(p);
        hi = load64(p + n - 8);
    } else if (n >= 4) {
        lo = load32(p);
        hi = load32(p + n - 4);
    } else {
        lo = (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16;
        hi = 0;
    }
    uint64_t h = (lo ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h ^= (hi + n) * 0x94D049BB133111EBULL;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    return (uint32_t)(h >> 32);
}

/* Room for `expected` keys without growing, clamped to 16..max_cap slots.
 * Returns 0 when the slots cannot be allocated. */
static int table_init(struct slice_table *t, size_t expected, size_t max_cap)
{
    size_t cap = 16;
    while (cap < max_cap && cap / 8 * 5 < expected)
        cap <<= 1;
    t->slots = calloc(cap, sizeof *t->slots);
    t->mask = cap - 1;
    t->size = 0;
    return t->slots != NULL;
}

/* Doubles the capacity, placing each key by its stored hash (keys are
 * distinct, so no comparison). Returns 0, the table intact, on failure. */
static int table_grow(struct slice_table *t)
{
    size_t cap = 2 * (t->mask + 1), mask = cap - 1;
    struct slice_slot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return 0;
    for (size_t i = 0; i <= t->mask; i++) {
        if (t->slots[i].len == 0)
            continue;
        size_t j = t->slots[i].hash & mask;
        while (slots[j].len != 0)
            j = (j + 1) & mask;
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->mask = mask;
    return 1;
}

/* The slot of the len >= 1 bytes at key (hash: the table's one hash of
 * them), inserted with value 0 when absent; NULL when the table had to grow
 * and could not. */
static inline struct slice_slot *table_upsert(struct slice_table *t, const uint8_t *key,
                                              uint32_t len, uint32_t hash)
{
    size_t i = hash & t->mask;
    for (; t->slots[i].len != 0; i = (i + 1) & t->mask) {
        struct slice_slot *s = &t->slots[i];
        if (s->hash == hash && s->len == len && bytes_equal(s->key, key, len))
            return s;
    }
    if ((t->size + 1) * 8 > (t->mask + 1) * 5) {
        if (!table_grow(t))
            return NULL;
        for (i = hash & t->mask; t->slots[i].len != 0; i = (i + 1) & t->mask)
            ;
    }
    struct slice_slot *s = &t->slots[i];
    *s = (struct slice_slot){key, len, hash, 0};
    t->size++;
    return s;
}

/* wordfreq: one pass splits and hashes; then the top 10 by insertion into a
 * sorted array of 10, where most words lose the first comparison (count)
 * against the 10th. */

#define WORDFREQ_TOP 10

/* ' ' and '\n' with one predictable branch for word bytes (all > ' '). */
static inline int is_separator(uint8_t c)
{
    return c <= ' ' && ((UINT64_C(1) << c) & ((UINT64_C(1) << ' ') | (UINT64_C(1) << '\n')));
}

/* Count descending, then bytes ascending. */
static inline int ranks_before(const struct slice_slot *a, const struct slice_slot *b)
{
    if (a->value != b->value)
        return a->value > b->value;
    return compare_bytes(a->key, a->len, b->key, b->len) < 0;
}

int64_t gb_wordfreq(const uint8_t *text, int64_t n, uint8_t *out, int64_t cap)
{
    struct slice_table t = {NULL, 0, 0};
    const struct slice_slot *top[WORDFREQ_TOP];
    int k = 0;
    if (n > 0) {
        /* At most n/2 + 1 distinct words: a small text gets a small table. */
        if (!table_init(&t, (size_t)(n / 2 + 1), 1024))
            return GB_ERR_NOMEM;
        const uint8_t *p = text, *end = text + n;
        for (;;) {
            while (p < end && is_separator(*p))
                p++;
            if (p == end)
                break;
            const uint8_t *word = p;
            uint64_t h = FNV_OFFSET;
            do {
                h = (h ^ *p) * FNV_PRIME;
                p++;
            } while (p < end && !is_separator(*p));
            if (p - word > INT32_MAX) {
                free(t.slots);
                return GB_ERR_INPUT;
            }
            struct slice_slot *s = table_upsert(&t, word, (uint32_t)(p - word), hash_fold(h));
            if (s == NULL) {
                free(t.slots);
                return GB_ERR_NOMEM;
            }
            s->value++;
        }
        for (size_t i = 0; i <= t.mask; i++) {
            const struct slice_slot *s = &t.slots[i];
            if (s->len == 0)
                continue;
            if (k == WORDFREQ_TOP) {
                if (!ranks_before(s, top[k - 1]))
                    continue;
                k--; /* the 10th drops out */
            }
            int j = k++;
            for (; j > 0 && ranks_before(s, top[j - 1]); j--)
                top[j] = top[j - 1];
            top[j] = s;
        }
    }
    int64_t need = 8 + 4;
    for (int j = 0; j < k; j++)
        need += 4 + (int64_t)top[j]->len + 8;
    if (cap < need) {
        free(t.slots);
        return GB_ERR_SPACE;
    }
    uint8_t *o = put_i32(put_i64(out, (int64_t)t.size), k);
    for (int j = 0; j < k; j++)
        o = put_entry(o, top[j]->key, top[j]->len, top[j]->value);
    free(t.slots);
    return need;
}

/* records */

static int compare_slots_by_key(const void *pa, const void *pb)
{
    const struct slice_slot *a = pa, *b = pb;
    return compare_bytes(a->key, a->len, b->key, b->len);
}

int64_t gb_records(const uint8_t *req, int64_t len, uint8_t *out, int64_t cap)
{
    if (len < 8)
        return GB_ERR_INPUT;
    int64_t n = get_i64(req);
    /* Each record takes 8 + 8 + 1 bytes plus at least 1 category byte; the
     * bound also keeps the offsets below from overflowing. */
    if (n < 0 || n > (len - 8) / 18)
        return GB_ERR_INPUT;
    const uint8_t *amounts = req + 8 + 8 * n, *lens = amounts + 8 * n;
    const uint8_t *cat = lens + n, *end = req + len;
    struct slice_table t;
    if (!table_init(&t, (size_t)n, 64))
        return GB_ERR_NOMEM;
    int64_t err = 0;
    for (int64_t r = 0; r < n; r++) {
        uint32_t l = lens[r];
        if (l == 0 || l > (size_t)(end - cat)) {
            err = GB_ERR_INPUT;
            break;
        }
        struct slice_slot *s = table_upsert(&t, cat, l, hash_bytes(cat, l));
        if (s == NULL) {
            err = GB_ERR_NOMEM;
            break;
        }
        /* Wraps like a Java long instead of overflowing a signed int64. */
        s->value = (int64_t)((uint64_t)s->value + (uint64_t)get_i64(amounts + 8 * r));
        cat += l;
    }
    if (err == 0 && cat != end)
        err = GB_ERR_INPUT;
    if (err == 0 && t.size > INT32_MAX)
        err = GB_ERR_INPUT;
    if (err != 0) {
        free(t.slots);
        return err;
    }
    /* The k categories to the front of the slot array, then sorted. */
    size_t k = 0;
    int64_t need = 4;
    for (size_t i = 0; i <= t.mask; i++) {
        if (t.slots[i].len != 0) {
            need += 4 + (int64_t)t.slots[i].len + 8;
            t.slots[k++] = t.slots[i];
        }
    }
    if (cap < need) {
        free(t.slots);
        return GB_ERR_SPACE;
    }
    qsort(t.slots, k, sizeof *t.slots, compare_slots_by_key);
    uint8_t *o = put_i32(out, (int32_t)k);
    for (size_t i = 0; i < k; i++)
        o = put_entry(o, t.slots[i].key, t.slots[i].len, t.slots[i].value);
    free(t.slots);
    return need;
}

/* csvparse */

/* The "C" locale for strtod_l, made by the first caller; a thread that loses
 * the race frees its copy. Lives as long as the process. (locale_t)0 when
 * newlocale fails (no memory). */
static _Atomic(locale_t) c_numeric_locale;

static locale_t c_locale(void)
{
    locale_t loc = atomic_load_explicit(&c_numeric_locale, memory_order_acquire);
    if (loc != (locale_t)0)
        return loc;
    loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (loc == (locale_t)0)
        return loc;
    locale_t first = (locale_t)0;
    if (!atomic_compare_exchange_strong_explicit(&c_numeric_locale, &first, loc,
                                                 memory_order_acq_rel, memory_order_acquire)) {
        freelocale(loc);
        loc = first;
    }
    return loc;
}

static inline int is_digit(uint8_t c)
{
    return (unsigned)(c - '0') < 10;
}

/* [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?: the decimal literals that strtod, Java's
 * Double.parseDouble and Python's float() all read alike. */
static int is_decimal(const uint8_t *s, size_t n)
{
    size_t i = 0, mantissa = 0, exponent = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    for (; i < n && is_digit(s[i]); i++)
        mantissa++;
    if (i < n && s[i] == '.')
        for (i++; i < n && is_digit(s[i]); i++)
            mantissa++;
    if (mantissa == 0)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (; i < n && is_digit(s[i]); i++)
            exponent++;
        if (exponent == 0)
            return 0;
    }
    return i == n;
}

#define CSV_PRICE_MAX 63

int64_t gb_csvparse(const uint8_t *text, int64_t n, uint8_t *out, int64_t cap)
{
    uint64_t int_sum = 0; /* wraps like a Java long */
    double float_sum = 0.0;
    int64_t text_chars = 0;
    const uint8_t *header_end = n > 0 ? memchr(text, '\n', (size_t)n) : NULL;
    if (header_end != NULL) {
        locale_t loc = c_locale();
        if (loc == (locale_t)0)
            return GB_ERR_NOMEM;
        const uint8_t *p = header_end + 1, *end = text + n;
        while (p < end) {
            /* qty: the magnitude in a uint64, stopped before it can wrap. */
            int negative = *p == '-';
            if (*p == '-' || *p == '+')
                p++;
            const uint8_t *digits = p;
            uint64_t magnitude = 0;
            for (; p < end && is_digit(*p); p++) {
                if (magnitude > (UINT64_MAX - 9) / 10)
                    return GB_ERR_INPUT;
                magnitude = magnitude * 10 + (unsigned)(*p - '0');
            }
            if (p == digits || p == end || *p != ',' ||
                magnitude > (uint64_t)INT64_MAX + (uint64_t)negative)
                return GB_ERR_INPUT;
            int_sum += negative ? 0 - magnitude : magnitude;
            /* price: checked, copied and NUL-terminated for strtod_l. */
            const uint8_t *price = ++p;
            while (p < end && *p != ',' && *p != '\n')
                p++;
            size_t len = (size_t)(p - price);
            if (p == end || *p != ',' || len > CSV_PRICE_MAX || !is_decimal(price, len))
                return GB_ERR_INPUT;
            char buf[CSV_PRICE_MAX + 1], *parsed;
            memcpy(buf, price, len);
            buf[len] = '\0';
            double v = strtod_l(buf, &parsed, loc);
            if (parsed != buf + len)
                return GB_ERR_INPUT;
            float_sum += v;
            /* label: the rest of the line, without a ','. */
            const uint8_t *label = ++p;
            for (; p < end && *p != '\n'; p++)
                if (*p == ',')
                    return GB_ERR_INPUT;
            text_chars += p - label;
            if (p < end)
                p++; /* the '\n' */
        }
    }
    if (cap < 24)
        return GB_ERR_SPACE;
    uint8_t *o = put_i64(out, (int64_t)int_sum);
    o = put_f64(o, float_sum);
    put_i64(o, text_chars);
    return 24;
}
