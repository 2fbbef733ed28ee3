"""Pure-Python workloads, one self-contained file each (Python 2.7/3 common subset, stdlib
``math`` only, no top-level code beyond definitions): the Java harness evaluates each file's
text unchanged in Jython 2.7, GraalPy (as ``__main__``) and CPython 3.
"""
