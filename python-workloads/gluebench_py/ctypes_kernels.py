"""The C kernels of libgluebench.so called through ctypes (`jep-ctypes`). CPython 3 only.

load(path) opens the library once and sets every function's argtypes and restype once; each call
then only pays what ctypes pays per call: converting every argument through libffi and boxing the
result. Arrays are numpy arrays (a Jep DirectNDArray arrives as one) passed by address
(ndarray.ctypes.data), so the data itself is never copied.
"""
import ctypes

import numpy as np

_lib = None


def load(path):
    """Open libgluebench.so at path and declare the gb_* signatures; returns the CDLL."""
    global _lib
    lib = ctypes.CDLL(path)
    ptr, i64, f64 = ctypes.c_void_p, ctypes.c_int64, ctypes.c_double
    signatures = {
        'gb_echo': ([ptr, i64], i64),
        'gb_dot': ([ptr, ptr, i64], f64),
        'gb_nbody': ([i64], f64),
        'gb_spectralnorm': ([i64], f64),
        'gb_mandelbrot': ([i64], i64),
        'gb_matmul': ([ptr, ptr, i64], f64),
        'gb_sort': ([ptr, i64], f64),
        'gb_fannkuch': ([i64], i64),
        'gb_wordfreq': ([ptr, i64, ptr, i64], i64),
        'gb_records': ([ptr, i64, ptr, i64], i64),
        'gb_csvparse': ([ptr, i64, ptr, i64], i64),
    }
    for name, (argtypes, restype) in signatures.items():
        fn = getattr(lib, name)
        fn.argtypes = argtypes
        fn.restype = restype
    _lib = lib
    return lib


def _contiguous(a, dtype):
    if not (isinstance(a, np.ndarray) and a.dtype.itemsize == np.dtype(dtype).itemsize
            and a.flags['C_CONTIGUOUS']):
        raise TypeError('expected a C-contiguous numpy array of %s, got %r' % (np.dtype(dtype), type(a)))
    return a


def echo_ctypes(buf):
    a = _contiguous(buf, np.uint8)
    return _lib.gb_echo(a.ctypes.data, a.nbytes)


def dot_ctypes(a, b):
    a, b = _contiguous(a, np.float64), _contiguous(b, np.float64)
    if len(a) != len(b):
        raise ValueError('dot needs equal lengths, got %d and %d' % (len(a), len(b)))
    return _lib.gb_dot(a.ctypes.data, b.ctypes.data, len(a))


def nbody_ctypes(steps):
    return _lib.gb_nbody(steps)


def spectralnorm_ctypes(n):
    return _lib.gb_spectralnorm(n)


def mandelbrot_ctypes(n):
    return _lib.gb_mandelbrot(n)


def matmul_ctypes(a, b, n):
    a, b = _contiguous(a, np.float64), _contiguous(b, np.float64)
    if len(a) != n * n or len(b) != n * n:
        raise ValueError('matmul needs n*n = %d values in a and b, got %d and %d' % (n * n, len(a), len(b)))
    return _lib.gb_matmul(a.ctypes.data, b.ctypes.data, n)


def sort_ctypes(a):
    a = _contiguous(a, np.float64)
    return _lib.gb_sort(a.ctypes.data, len(a))


def fannkuch_ctypes(n):
    return _lib.gb_fannkuch(n)


def _compound(kernel, data, out):
    data, out = _contiguous(data, np.uint8), _contiguous(out, np.uint8)
    return kernel(data.ctypes.data, data.nbytes, out.ctypes.data, out.nbytes)


def wordfreq_ctypes(text, out):
    """Writes the RESULT WIRE FORMAT into out (a uint8/int8 array); bytes written or GB_ERR_*."""
    return _compound(_lib.gb_wordfreq, text, out)


def records_ctypes(request, out):
    return _compound(_lib.gb_records, request, out)


def csvparse_ctypes(text, out):
    return _compound(_lib.gb_csvparse, text, out)
