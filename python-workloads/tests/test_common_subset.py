"""The pure workloads must run unchanged on Jython 2.7, GraalPy and CPython 3.

No Python 2.7 is available to compile them, so the common-subset rules are checked on the
syntax tree instead: no Python-3-only syntax, xrange instead of range (Jython 2.7's range
builds a list), stdlib math as the only import, and nothing at top level but definitions
(GraalPy evaluates the file as __main__).
"""
import ast
import os

import pytest

WORKLOADS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                             'gluebench_py', 'workloads')
FILES = ['echo.py', 'dot.py', 'nbody.py', 'spectralnorm.py', 'mandelbrot.py', 'matmul.py',
         'sort.py', 'fannkuch.py', 'wordfreq.py', 'records.py', 'csvparse.py']

PY3_ONLY = {
    ast.JoinedStr: 'f-string',
    ast.AnnAssign: 'annotated assignment',
    ast.Nonlocal: 'nonlocal',
    ast.YieldFrom: 'yield from',
    ast.AsyncFunctionDef: 'async def',
    ast.AsyncFor: 'async for',
    ast.AsyncWith: 'async with',
    ast.Await: 'await',
    ast.NamedExpr: 'assignment expression',
    ast.MatMult: 'the @ operator',
}
XRANGE_PRELUDE = 'try:\n    xrange\nexcept NameError:\n    xrange = range\n'


def read(name):
    with open(os.path.join(WORKLOADS_DIR, name), 'rb') as f:
        return f.read()


def is_xrange_prelude(node):
    return isinstance(node, ast.Try) and ast.unparse(node) + '\n' == XRANGE_PRELUDE


def violations(source):
    tree = ast.parse(source)
    found = []
    prelude = [node for node in tree.body if is_xrange_prelude(node)]
    if not prelude:
        found.append('no xrange prelude')
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
                and node is tree.body[0]:
            continue        # the module docstring
        if isinstance(node, ast.FunctionDef) or node in prelude:
            continue
        if isinstance(node, ast.Import) and [a.name for a in node.names] == ['math']:
            continue
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
            continue        # a constant
        found.append('line %d: top-level %s' % (node.lineno, type(node).__name__))
    exempt = {id(n) for p in prelude for n in ast.walk(p)}
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        line = getattr(node, 'lineno', '?')
        for kind, what in PY3_ONLY.items():
            if isinstance(node, kind):
                found.append('line %s: %s' % (line, what))
        if isinstance(node, ast.Name) and node.id in ('range', 'print'):
            found.append('line %s: bare name %s' % (line, node.id))
        if isinstance(node, ast.Starred) and isinstance(node.ctx, ast.Store):
            found.append('line %s: starred assignment' % line)
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            args = node.args
            if args.kwonlyargs or args.posonlyargs:
                found.append('line %s: keyword-only or positional-only parameters' % line)
            if any(a.annotation for a in args.args + [args.vararg, args.kwarg] if a):
                found.append('line %s: parameter annotation' % line)
            if getattr(node, 'returns', None):
                found.append('line %s: return annotation' % line)
        if isinstance(node, (ast.Import, ast.ImportFrom)) and node not in tree.body:
            found.append('line %s: nested import' % line)
    return found


@pytest.mark.parametrize('name', FILES)
def test_workload_is_ascii(name):
    read(name).decode('ascii')


@pytest.mark.parametrize('name', FILES)
def test_workload_uses_only_the_common_subset(name):
    assert violations(read(name).decode('ascii')) == []


@pytest.mark.parametrize('name', FILES)
def test_workload_defines_its_function(name):
    namespace = {'__name__': '__main__'}
    exec(compile(read(name), name, 'exec'), namespace)
    assert callable(namespace[name[:-3]])


def test_every_workload_file_is_checked():
    names = sorted(n for n in os.listdir(WORKLOADS_DIR)
                   if n.endswith('.py') and n != '__init__.py')
    assert names == sorted(FILES)


@pytest.mark.parametrize('snippet, problem', [
    ('x = f"{1}"', 'f-string'),
    ('def f(a: int): pass', 'parameter annotation'),
    ('def f() -> int: pass', 'return annotation'),
    ('x: int = 1', 'annotated assignment'),
    ('def f(*, a): pass', 'keyword-only'),
    ('def f():\n    nonlocal x', 'nonlocal'),
    ('def f():\n    yield from g()', 'yield from'),
    ('async def f(): pass', 'async def'),
    ('def f():\n    for i in range(3): pass', 'bare name range'),
    ('import os', 'top-level Import'),
    ('f()', 'top-level Expr'),
])
def test_checker_rejects(snippet, problem):
    found = violations(XRANGE_PRELUDE + snippet)
    assert any(problem in v for v in found), found
