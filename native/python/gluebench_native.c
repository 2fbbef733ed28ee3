/*
 * _gluebench_native: the gluebench C kernels (include/gluebench.h) as a CPython extension module,
 * for `jep-native` (CPython embedded in the JVM through Jep, calling C from Python).
 *
 * Arrays are read in place through the buffer protocol (PyObject_GetBuffer, no copy): a numpy
 * array, including one numpy made over a Jep DirectNDArray, an array.array or a bytes object.
 * Double arguments must be C-contiguous buffers of format 'd'; byte arguments any contiguous
 * buffer. Functions use METH_FASTCALL (no argument tuple), the cheapest calling convention.
 *
 *   echo(buf) -> int                 dot(a, b) -> float        nbody(steps) -> float
 *   spectralnorm(n) -> float         mandelbrot(n) -> int      matmul(a, b, n) -> float
 *   sort(a) -> float                 fannkuch(n) -> int (checksum << 32 | maxflips)
 *   wordfreq(text, out) -> int       records(request, out) -> int     csvparse(text, out) -> int
 *
 * Every kernel runs with the GIL released (the buffers stay held), as numpy and ctypes do: other
 * Python threads, such as a second Jep caller, run meanwhile, so jep-native can use both cores.
 *
 * The compound kernels write the RESULT WIRE FORMAT into the writable buffer out and return the
 * number of bytes written, or the kernel's negative GB_ERR_* code.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "gluebench.h"

static int arity(const char *name, Py_ssize_t nargs, Py_ssize_t want) {
    if (nargs == want) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() takes %zd arguments (%zd given)", name, want, nargs);
    return -1;
}

/* A C-contiguous buffer of doubles; *n is its element count. */
static int doubles(PyObject *o, Py_buffer *view, int64_t *n) {
    if (PyObject_GetBuffer(o, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        return -1;
    }
    const char *f = view->format;
    if (f != NULL && (f[0] == '@' || f[0] == '=' || f[0] == '<')) {
        f++;
    }
    if (view->itemsize != 8 || f == NULL || strcmp(f, "d") != 0) {
        PyErr_Format(PyExc_TypeError, "expected a contiguous buffer of float64, got format '%s'",
                     view->format == NULL ? "B" : view->format);
        PyBuffer_Release(view);
        return -1;
    }
    *n = (int64_t)(view->len / 8);
    return 0;
}

static int64_t size_arg(PyObject *o, int *failed) {
    long long v = PyLong_AsLongLong(o);
    *failed = v == -1 && PyErr_Occurred();
    return (int64_t)v;
}

static PyObject *py_echo(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    Py_buffer v;
    if (arity("echo", nargs, 1) < 0 || PyObject_GetBuffer(args[0], &v, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    int64_t r;
    Py_BEGIN_ALLOW_THREADS
    r = gb_echo((const uint8_t *)v.buf, (int64_t)v.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&v);
    return PyLong_FromLongLong(r);
}

static PyObject *py_dot(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    Py_buffer a, b;
    int64_t na, nb;
    if (arity("dot", nargs, 2) < 0 || doubles(args[0], &a, &na) < 0) {
        return NULL;
    }
    if (doubles(args[1], &b, &nb) < 0) {
        PyBuffer_Release(&a);
        return NULL;
    }
    PyObject *r = NULL;
    if (na != nb) {
        PyErr_Format(PyExc_ValueError, "dot() needs equal lengths, got %lld and %lld", (long long)na, (long long)nb);
    } else {
        double d;
        Py_BEGIN_ALLOW_THREADS
        d = gb_dot((const double *)a.buf, (const double *)b.buf, na);
        Py_END_ALLOW_THREADS
        r = PyFloat_FromDouble(d);
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return r;
}

static PyObject *py_matmul(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    Py_buffer a, b;
    int64_t na, nb;
    int failed;
    if (arity("matmul", nargs, 3) < 0) {
        return NULL;
    }
    int64_t n = size_arg(args[2], &failed);
    if (failed || doubles(args[0], &a, &na) < 0) {
        return NULL;
    }
    if (doubles(args[1], &b, &nb) < 0) {
        PyBuffer_Release(&a);
        return NULL;
    }
    PyObject *r = NULL;
    if (n < 0 || na != n * n || nb != n * n) {
        PyErr_Format(PyExc_ValueError, "matmul() needs n*n values in a and b, got n=%lld, %lld and %lld",
                     (long long)n, (long long)na, (long long)nb);
    } else {
        double d;
        Py_BEGIN_ALLOW_THREADS
        d = gb_matmul((const double *)a.buf, (const double *)b.buf, n);
        Py_END_ALLOW_THREADS
        r = PyFloat_FromDouble(d);
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return r;
}

static PyObject *py_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    Py_buffer a;
    int64_t n;
    if (arity("sort", nargs, 1) < 0 || doubles(args[0], &a, &n) < 0) {
        return NULL;
    }
    double r;
    Py_BEGIN_ALLOW_THREADS
    r = gb_sort((const double *)a.buf, n);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&a);
    return PyFloat_FromDouble(r);
}

/* The kernels that take only a size. */
#define SIZE_KERNEL(name, box)                                                           \
    static PyObject *py_##name(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { \
        (void)self;                                                                      \
        int failed;                                                                      \
        if (arity(#name, nargs, 1) < 0) {                                                \
            return NULL;                                                                 \
        }                                                                                \
        int64_t n = size_arg(args[0], &failed);                                          \
        if (failed) {                                                                    \
            return NULL;                                                                 \
        }                                                                                \
        PyThreadState *save = PyEval_SaveThread();                                       \
        __typeof__(gb_##name(0)) r = gb_##name(n);                                       \
        PyEval_RestoreThread(save);                                                      \
        return box(r);                                                                   \
    }

SIZE_KERNEL(nbody, PyFloat_FromDouble)
SIZE_KERNEL(spectralnorm, PyFloat_FromDouble)
SIZE_KERNEL(mandelbrot, PyLong_FromLongLong)
SIZE_KERNEL(fannkuch, PyLong_FromLongLong)

/* A compound kernel: bytes in, the result wire format into the writable buffer out. */
typedef int64_t (*bytes_kernel)(const uint8_t *, int64_t, uint8_t *, int64_t);

static PyObject *compound(const char *name, bytes_kernel kernel, PyObject *const *args, Py_ssize_t nargs) {
    Py_buffer in, out;
    if (arity(name, nargs, 2) < 0 || PyObject_GetBuffer(args[0], &in, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (PyObject_GetBuffer(args[1], &out, PyBUF_SIMPLE | PyBUF_WRITABLE) < 0) {
        PyBuffer_Release(&in);
        return NULL;
    }
    int64_t r;
    Py_BEGIN_ALLOW_THREADS
    r = kernel((const uint8_t *)in.buf, (int64_t)in.len, (uint8_t *)out.buf, (int64_t)out.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&in);
    PyBuffer_Release(&out);
    return PyLong_FromLongLong(r);
}

static PyObject *py_wordfreq(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    return compound("wordfreq", gb_wordfreq, args, nargs);
}

static PyObject *py_records(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    return compound("records", gb_records, args, nargs);
}

static PyObject *py_csvparse(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    return compound("csvparse", gb_csvparse, args, nargs);
}

#define FAST(name, doc) {#name, (PyCFunction)(void (*)(void))py_##name, METH_FASTCALL, doc}

static PyMethodDef methods[] = {
    FAST(echo, "echo(buf): the sum of the bytes of buf, unsigned (gb_echo)"),
    FAST(dot, "dot(a, b): the sequential dot product of two float64 buffers (gb_dot)"),
    FAST(nbody, "nbody(steps): the final energy (gb_nbody)"),
    FAST(spectralnorm, "spectralnorm(n) (gb_spectralnorm)"),
    FAST(mandelbrot, "mandelbrot(n): points inside the set (gb_mandelbrot)"),
    FAST(matmul, "matmul(a, b, n): sum of the squares of A B (gb_matmul)"),
    FAST(sort, "sort(a): the position-weighted sum of a sorted copy (gb_sort)"),
    FAST(fannkuch, "fannkuch(n): checksum << 32 | maxflips (gb_fannkuch)"),
    FAST(wordfreq, "wordfreq(text, out): bytes written into out, or GB_ERR_* (gb_wordfreq)"),
    FAST(records, "records(request, out): bytes written into out, or GB_ERR_* (gb_records)"),
    FAST(csvparse, "csvparse(text, out): bytes written into out, or GB_ERR_* (gb_csvparse)"),
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_gluebench_native",
    "The gluebench C kernels, reading buffers in place (see native/include/gluebench.h).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__gluebench_native(void) {
    return PyModule_Create(&module);
}
