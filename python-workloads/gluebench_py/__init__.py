"""gluebench's Python side: the workloads, their numpy variants, the input generator and the
out-of-process worker with its binary framing.

The modules under ``gluebench_py.workloads`` are read as text by the Java harness and evaluated
unchanged in Jython 2.7, GraalPy and CPython 3, so each is self-contained and written in the
Python 2.7/3 common subset.
"""
