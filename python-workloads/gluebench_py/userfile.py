"""A workload from the user's own Python file: load it, check what it declares, and call it.

    python -m gluebench_py.userfile describe FILE   -> one JSON object on stdout, or exit 2 with
                                                      one line "FILE:LINE: what is wrong; the fix"

The file is plain Python 3 and declares, as module-level names:
    NAME        the workload's id: lower case letters, digits and '-', not a built-in workload's
    SUMMARY     one line on what it computes
    N_COUNTS    what the size N counts, e.g. "rows per call"
    SHAPE       the input, one of SHAPES below (the harness generates it, seeded, in Java)
    compute(data)        the function under test; returns a number (int or float) or bytes
  optional:
    compute_numpy(data)  the same answer with numpy (then the numpy patterns run it too)
    COMPLEXITY  the work as a function of N: "1", "N", "N log N", "N^2" or "N^3" (absent: the
                cost model tries each and says which fits)
    TOLERANCE   the relative error a floating-point answer may have against CPython's compute
                (absent: 1e-9 for floats; integers are always exact)
    SIZES       the sizes N to sweep (absent: the shape's default)

What `data` is, per shape (the same values every pattern sees; sequences may be lists, arrays,
Java arrays or memoryviews depending on the pattern, so only index them, take len() or iterate):
    bytes        N bytes                          (bytes-like; iterating gives ints 0..255)
    doubles      N floats in [-1, 1)
    two_doubles  a pair (a, b) of N floats each   (like the built-in dot)
    text         a str of at most N UTF-8 bytes of words (like wordfreq)
    records      N rows (id, category, amount)    (like records: row[0], row[1], row[2])
    csv          a str: a header and N lines "qty,price,label" (like csvparse)
compute_numpy(data) gets numpy arrays instead of sequences where the shape has them:
    bytes: a uint8 array; doubles: a float64 array; two_doubles: a pair of float64 arrays;
    text and csv: the str; records: a pair (categories as an 'S' array, amounts as int64 cents).
"""
import json
import os
import re
import sys
import traceback
import types

SHAPES = ('bytes', 'doubles', 'two_doubles', 'text', 'records', 'csv')
COMPLEXITIES = ('1', 'N', 'N log N', 'N^2', 'N^3')
BUILT_IN = ('echo', 'dot', 'nbody', 'spectralnorm', 'fannkuch', 'mandelbrot', 'matmul', 'sort',
            'wordfreq', 'records', 'csvparse')
NAME_RE = re.compile(r'^[a-z][a-z0-9-]{0,39}$')


class UserFileError(Exception):
    """What is wrong with the file, as one line: "FILE:LINE: problem; fix"."""


def _where(path, exc_tb=None, line=None):
    """FILE:LINE of the innermost traceback frame that lies in the user's file, else FILE."""
    if line is None and exc_tb is not None:
        for frame in reversed(traceback.extract_tb(exc_tb)):
            if os.path.abspath(frame.filename) == os.path.abspath(path):
                line = frame.lineno
                break
    return '%s:%d' % (path, line) if line else path


def load(path):
    """Execute the file as a module of its own (its __name__ is not '__main__') and return it."""
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as e:
        raise UserFileError('%s: cannot read the file (%s); give the path of a Python file'
                            % (path, e.strerror or e))
    try:
        code = compile(source, path, 'exec')
    except SyntaxError as e:
        raise UserFileError('%s: syntax error: %s; fix the file so that python3 can import it'
                            % (_where(path, line=e.lineno), e.msg))
    module = types.ModuleType('gluebench_user')
    module.__file__ = path
    try:
        exec(code, module.__dict__)
    except Exception as e:
        raise UserFileError('%s: importing the file raised %s: %s; fix the file (or install what '
                            'it imports into the project environment)'
                            % (_where(path, sys.exc_info()[2]), type(e).__name__, _one_line(e)))
    return module


def _one_line(e):
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def _line_of(path, name):
    """The line where name is first assigned or defined, for error messages; None if not found."""
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            for number, text in enumerate(f, 1):
                if re.match(r'^(def\s+%s\b|%s\s*=)' % (re.escape(name), re.escape(name)), text):
                    return number
    except OSError:
        pass
    return None


def describe(path):
    """Check the declarations and return them as a dict; raise UserFileError on the first problem."""
    module = load(path)

    def need(name, kind, fix):
        if not hasattr(module, name):
            raise UserFileError('%s: no %s; %s' % (path, name, fix))
        value = getattr(module, name)
        if kind == 'callable':
            if not callable(value):
                raise UserFileError('%s: %s is not a function; %s'
                                    % (_where(path, line=_line_of(path, name)), name, fix))
        elif not isinstance(value, kind):
            raise UserFileError('%s: %s must be a %s, not %s; %s'
                                % (_where(path, line=_line_of(path, name)), name, kind.__name__,
                                   type(value).__name__, fix))
        return value

    name = need('NAME', str, 'add NAME = "my-workload" (lower case letters, digits, -)')
    if not NAME_RE.match(name):
        raise UserFileError('%s: NAME %r is not a valid id; use lower case letters, digits and '
                            '"-", starting with a letter, at most 40 characters'
                            % (_where(path, line=_line_of(path, 'NAME')), name))
    if name in BUILT_IN:
        raise UserFileError('%s: NAME %r is a built-in workload; choose another name'
                            % (_where(path, line=_line_of(path, 'NAME')), name))
    summary = need('SUMMARY', str, 'add SUMMARY = "one line on what compute() does"')
    if '\n' in summary.strip() or not summary.strip():
        raise UserFileError('%s: SUMMARY must be one non-empty line'
                            % _where(path, line=_line_of(path, 'SUMMARY')))
    n_counts = need('N_COUNTS', str, 'add N_COUNTS = "what N counts, e.g. rows per call"')
    shape = need('SHAPE', str, 'add SHAPE = one of ' + ', '.join(SHAPES))
    if shape not in SHAPES:
        raise UserFileError('%s: SHAPE %r is not a known shape; use one of %s'
                            % (_where(path, line=_line_of(path, 'SHAPE')), shape, ', '.join(SHAPES)))
    need('compute', 'callable', 'define compute(data), the function under test')
    has_numpy = hasattr(module, 'compute_numpy')
    if has_numpy:
        need('compute_numpy', 'callable', 'define compute_numpy(data) or remove the name')
    complexity = getattr(module, 'COMPLEXITY', None)
    if complexity is not None and complexity not in COMPLEXITIES:
        raise UserFileError('%s: COMPLEXITY %r is not one of %s; fix it or remove it (the cost '
                            'model then picks the best fit)'
                            % (_where(path, line=_line_of(path, 'COMPLEXITY')), complexity,
                               ', '.join(COMPLEXITIES)))
    tolerance = getattr(module, 'TOLERANCE', None)
    if tolerance is not None and (isinstance(tolerance, bool) or not isinstance(tolerance, (int, float))
                                  or not 0 <= tolerance < 1):
        raise UserFileError('%s: TOLERANCE must be a number from 0 to below 1 (a relative error), '
                            'not %r' % (_where(path, line=_line_of(path, 'TOLERANCE')), tolerance))
    sizes = getattr(module, 'SIZES', None)
    if sizes is not None:
        if (not isinstance(sizes, (list, tuple)) or not sizes
                or not all(isinstance(s, int) and not isinstance(s, bool) and 0 <= s <= 10 ** 8
                           for s in sizes)):
            raise UserFileError('%s: SIZES must be a non-empty list of whole numbers from 0 to '
                                '100000000, not %r'
                                % (_where(path, line=_line_of(path, 'SIZES')), sizes))
        sizes = sorted(set(sizes))
    return {
        'name': name,
        'summary': summary.strip(),
        'nCounts': n_counts.strip(),
        'shape': shape,
        'numpy': has_numpy,
        'complexity': complexity,
        'tolerance': None if tolerance is None else float(tolerance),
        'sizes': sizes,
        'computeLine': _line_of(path, 'compute'),
    }


def entry(module, numpy=False):
    """The function a pattern calls with the shape's arguments: compute(data), where data is the
    one argument, or the tuple of them (two_doubles, and records for compute_numpy). For
    compute_numpy the data is first made what the docstring above promises, whatever the bridge
    handed over (see _numpy_data)."""
    if numpy:
        fn = module.compute_numpy
        adapt = _numpy_data(getattr(module, 'SHAPE', None))

        def call_numpy(*args):
            return fn(adapt(args[0] if len(args) == 1 else args))
        return call_numpy
    fn = module.compute

    def call(*args):
        return fn(args[0] if len(args) == 1 else args)
    return call


def _numpy_data(shape):
    """The promised numpy data from what an in-process bridge passes: Jep hands a Java byte[] over as
    an int8 array (viewed as uint8 here, no copy) and a String[] as a Java array (encoded into an
    'S' array, as the worker gives it). Data that is already right passes through untouched."""
    import numpy as np
    if shape == 'bytes':
        def as_uint8(d):
            if isinstance(d, np.ndarray):
                return d.view(np.uint8) if d.dtype == np.int8 else d
            return np.frombuffer(d, dtype=np.uint8)
        return as_uint8
    if shape == 'records':
        def as_columns(d):
            categories, amounts = d
            if not isinstance(categories, np.ndarray):
                categories = np.array([c.encode('utf-8') if isinstance(c, str) else bytes(c) for c in categories],
                                      dtype='S')
            if not isinstance(amounts, np.ndarray):
                amounts = np.asarray(amounts, dtype=np.int64)
            return categories, amounts
        return as_columns
    return lambda d: d


def entry_from_raw(module, shape):
    """compute_numpy for a pattern that carries numpy data as raw bytes (pemja-numpy, whose bridge
    passes byte[] as bytes, not arrays): each call builds the shape's numpy data from them, the same
    values the other numpy patterns hand compute_numpy, so that view is part of the timed crossing.
    Arguments: bytes and doubles one bytes object; two_doubles two; records the categories (str)
    and the amounts (int64 cents, native order); text and csv the str."""
    import numpy as np
    fn = module.compute_numpy
    if shape == 'bytes':
        return lambda raw: fn(np.frombuffer(raw, dtype=np.uint8))
    if shape == 'doubles':
        return lambda raw: fn(np.frombuffer(raw, dtype=np.float64))
    if shape == 'two_doubles':
        return lambda a, b: fn((np.frombuffer(a, dtype=np.float64), np.frombuffer(b, dtype=np.float64)))
    if shape == 'records':
        return lambda categories, amounts: fn((np.array([c.encode('utf-8') for c in categories], dtype='S'),
                                               np.frombuffer(amounts, dtype=np.int64)))
    if shape in ('text', 'csv'):
        return fn
    raise ValueError('unknown shape %r; one of %s' % (shape, ', '.join(SHAPES)))


def call_error(path, exc_info, numpy=False):
    """One line for an exception raised by compute: where in the file, what, and the fix."""
    _, e, tb = exc_info
    return ('%s: %s raised %s: %s; fix the function (the input is the shape\'s seeded data)'
            % (_where(path, tb), 'compute_numpy' if numpy else 'compute', type(e).__name__,
               _one_line(e)))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != 'describe':
        sys.stderr.write('usage: python -m gluebench_py.userfile describe FILE\n')
        return 2
    try:
        sys.stdout.write(json.dumps(describe(argv[1])) + '\n')
    except UserFileError as e:
        sys.stderr.write(str(e) + '\n')
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
