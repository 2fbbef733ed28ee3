"""Where the C kernels are for the Python side, from the project's layout (the same paths the Java
side uses, see PatternEnv): native/target/libgluebench.so for ctypes, and the CPython extension
module _gluebench_native in native/target/python/, both built by native/'s Makefile."""
import os

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NATIVE_TARGET = os.path.join(PROJECT_DIR, 'native', 'target')
LIBRARY = os.path.join(NATIVE_TARGET, 'libgluebench.so')
EXTENSION_DIR = os.path.join(NATIVE_TARGET, 'python')
