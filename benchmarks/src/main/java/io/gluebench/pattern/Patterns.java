package io.gluebench.pattern;

import io.gluebench.pattern.ffm.FfmCopyPattern;
import io.gluebench.pattern.ffm.FfmPattern;
import io.gluebench.pattern.graalpy.GraalPyPattern;
import io.gluebench.pattern.jep.JepPattern;
import io.gluebench.pattern.jni.JniPattern;
import io.gluebench.pattern.jni.JniVariantPattern;
import io.gluebench.pattern.jvm.JavaPattern;
import io.gluebench.pattern.jython.JythonPattern;
import io.gluebench.pattern.pemja.PemjaPattern;
import io.gluebench.pattern.worker.ChattyPattern;
import io.gluebench.pattern.worker.JsonWorkerPattern;
import io.gluebench.pattern.worker.SpawnPattern;
import io.gluebench.pattern.py4j.Py4jPattern;
import io.gluebench.pattern.worker.Transport;
import io.gluebench.pattern.worker.WorkerPattern;
import java.util.List;
import java.util.Optional;

import static io.gluebench.pattern.Need.GRAALPY;
import static io.gluebench.pattern.Need.GRAAL_JIT;
import static io.gluebench.pattern.Need.JEP;
import static io.gluebench.pattern.Need.JYTHON;
import static io.gluebench.pattern.Need.NATIVE_LIBRARY;
import static io.gluebench.pattern.Need.NATIVE_PYTHON;
import static io.gluebench.pattern.Need.NUMPY;
import static io.gluebench.pattern.Need.PEMJA;
import static io.gluebench.pattern.Need.PY4J;
import static io.gluebench.pattern.Need.VENV;

/** The pattern catalogue, in the order tables and charts list them. */
public final class Patterns {
    private Patterns() {
    }

    public static final List<PatternSpec> ALL = List.of(
            new PatternSpec("java", "jvm", "the Java reference implementation (the baseline)",
                    List.of(), false, JavaPattern::new, "baseline", false, ""),
            new PatternSpec("jni", "jni", "Java -> the C kernel via JNI, zero-copy (GetPrimitiveArrayCritical)",
                    List.of(NATIVE_LIBRARY), false, JniPattern::new, "native", false, ""),
            new PatternSpec("jni-copy", "jni",
                    "the jni kernels with each array copied by Get<Type>ArrayRegion into malloc'd memory per call",
                    List.of(NATIVE_LIBRARY), false, () -> new JniVariantPattern(JniVariantPattern.Mode.COPY), "native",
                    false, "a labelled variant: never holds the GC off, pays a copy and an allocation per call"),
            new PatternSpec("jni-direct-buffer", "jni",
                    "the jni kernels reading direct ByteBuffers (GetDirectBufferAddress), filled from the array per call",
                    List.of(NATIVE_LIBRARY), false, () -> new JniVariantPattern(JniVariantPattern.Mode.DIRECT),
                    "native", false, "a labelled variant: no pinning, one Java-side copy into off-heap memory per call"),
            new PatternSpec("ffm", "ffm", "Java -> the same C kernel via java.lang.foreign, heap segments (critical)",
                    List.of(NATIVE_LIBRARY), false, FfmPattern::new, "native", false, ""),
            new PatternSpec("ffm-copy", "ffm",
                    "the ffm kernels through plain downcalls on off-heap segments, filled from the arrays per call",
                    List.of(NATIVE_LIBRARY), false, FfmCopyPattern::new, "native", false,
                    "a labelled variant: FFM as most code uses it, one MemorySegment.copy per array per call"),
            new PatternSpec("jython", "jython", "the pure-Python source in Jython 2.7, in process",
                    List.of(JYTHON), false, JythonPattern::new, "interpreted", false, ""),
            new PatternSpec("graalpy", "graalpy", "the pure-Python source in GraalPy, in process, JIT on",
                    List.of(GRAALPY, GRAAL_JIT), true, () -> new GraalPyPattern(false), "interpreted", false, ""),
            new PatternSpec("graalpy-interpreter", "graalpy",
                    "the pure-Python source in GraalPy without its JIT (labelled: what a stock set-up gets)",
                    List.of(GRAALPY), false, () -> new GraalPyPattern(true), "interpreted", true,
                    "without the Graal compiler GraalPy interprets every call, what a stock JVM set-up gets"),
            new PatternSpec("jep-python", "jep", "the pure-Python source in CPython embedded through Jep",
                    List.of(VENV, JEP), false, () -> new JepPattern(false), "interpreted", false, ""),
            new PatternSpec("jep-numpy", "jep", "the numpy variant in CPython via Jep, zero-copy DirectNDArray",
                    List.of(VENV, NUMPY, JEP), false, () -> new JepPattern(true), "native", false, ""),
            new PatternSpec("jep-numpy-copy", "jep",
                    "the numpy variant in CPython via Jep, arrays as jep.NDArray copied into a new numpy array per call",
                    List.of(VENV, NUMPY, JEP), false, () -> new JepPattern(JepPattern.Mode.NUMPY_COPY), "native", false,
                    "a labelled variant: Jep copies every array into a fresh numpy array on each call"),
            new PatternSpec("jep-list", "jep",
                    "the pure-Python source in CPython via Jep over Python lists made from boxed Java Lists per call",
                    List.of(VENV, JEP), false, () -> new JepPattern(JepPattern.Mode.LIST), "interpreted", true,
                    "every element crosses one at a time and is boxed into a Python object on each call"),
            new PatternSpec("jep-numpy-scalar-loop", "jep",
                    "a Python loop calling numpy once per element, in CPython via Jep over DirectNDArray",
                    List.of(VENV, NUMPY, JEP), false, () -> new JepPattern(JepPattern.Mode.NUMPY_SCALAR_LOOP),
                    "interpreted", true,
                    "each numpy call on a scalar pays ufunc dispatch and boxing (~1 µs), more than the arithmetic"),
            new PatternSpec("jep-native", "jep",
                    "the C kernels from CPython via Jep through a CPython extension, DirectNDArray read in place",
                    List.of(VENV, NUMPY, JEP, NATIVE_PYTHON), false, () -> new JepPattern(JepPattern.Mode.NATIVE),
                    "native", false, ""),
            new PatternSpec("jep-ctypes", "jep",
                    "the C kernels from CPython via Jep through ctypes, arrays passed by address",
                    List.of(VENV, NUMPY, JEP, NATIVE_LIBRARY), false, () -> new JepPattern(JepPattern.Mode.CTYPES),
                    "native", false, "a labelled variant: ctypes converts every argument through libffi on each call (~µs)"),
            new PatternSpec("pemja-python", "pemja",
                    "the pure-Python source in CPython embedded through PEMJA, arguments converted to Python objects",
                    List.of(VENV, PEMJA), false, () -> new PemjaPattern(false), "interpreted", false, ""),
            new PatternSpec("pemja-numpy", "pemja",
                    "the numpy variant in CPython via PEMJA, arrays as byte[] copied into bytes, np.frombuffer",
                    List.of(VENV, NUMPY, PEMJA), false, () -> new PemjaPattern(true), "native", false, ""),
            new PatternSpec("worker-python", "worker",
                    "the pure-Python source in a persistent CPython worker, binary frames over pipes",
                    List.of(VENV), false, () -> new WorkerPattern(false), "interpreted", false, ""),
            new PatternSpec("worker-numpy", "worker",
                    "the numpy variant in a persistent CPython worker, binary frames over pipes",
                    List.of(VENV, NUMPY), false, () -> new WorkerPattern(true), "native", false, ""),
            new PatternSpec("worker-python-uds", "worker",
                    "the pure-Python source in a persistent CPython worker, binary frames over a Unix domain socket",
                    List.of(VENV), false, () -> new WorkerPattern(false, Transport.UDS), "interpreted", false, ""),
            new PatternSpec("worker-numpy-uds", "worker",
                    "the numpy variant in a persistent CPython worker, binary frames over a Unix domain socket",
                    List.of(VENV, NUMPY), false, () -> new WorkerPattern(true, Transport.UDS), "native", false, ""),
            new PatternSpec("worker-python-shm", "worker",
                    "the pure-Python source in a persistent CPython worker, requests and replies in shared memory",
                    List.of(VENV), false, () -> new WorkerPattern(false, Transport.SHM), "interpreted", false, ""),
            new PatternSpec("worker-numpy-shm", "worker",
                    "the numpy variant in a persistent CPython worker over shared memory, numpy reading the "
                            + "request in place",
                    List.of(VENV, NUMPY), false, () -> new WorkerPattern(true, Transport.SHM), "native", false, ""),
            new PatternSpec("worker-json", "worker",
                    "the pure-Python source in a persistent CPython worker, JSON Lines over pipes (Jackson and json)",
                    List.of(VENV), false, JsonWorkerPattern::new, "interpreted", true,
                    "text encoding and parsing of every number costs more than the compute for data-heavy calls"),
            new PatternSpec("worker-chatty", "worker",
                    "the worker-python worker called once per element (echo, dot): N + 1 round trips per call",
                    List.of(VENV), false, ChattyPattern::new, "interpreted", true,
                    "N round trips of ~5-50 µs each instead of one"),
            new PatternSpec("spawn-per-call", "worker",
                    "the pure-Python source in a new CPython process per call (script style), binary frames over pipes",
                    List.of(VENV), false, SpawnPattern::new, "interpreted", true,
                    "interpreter start-up and imports (~20-50 ms, numpy more) on every call"),
            new PatternSpec("py4j-python", "py4j",
                    "the pure-Python source in a persistent CPython process, the worker's requests as Py4J calls "
                            + "over loopback TCP",
                    List.of(VENV, PY4J), false, () -> new Py4jPattern(false), "interpreted", false, ""),
            new PatternSpec("py4j-numpy", "py4j",
                    "the numpy variant in a persistent CPython process, the worker's requests as Py4J calls "
                            + "over loopback TCP",
                    List.of(VENV, NUMPY, PY4J), false, () -> new Py4jPattern(true), "native", false, ""),
            new PatternSpec("py4j-python-bytes", "py4j",
                    "py4j-python with the request passed as a Java byte[] (labelled: how most code passes bytes)",
                    List.of(VENV, PY4J), false, () -> new Py4jPattern(false, true), "interpreted", true,
                    "Py4J decodes a byte[] argument in Python one byte at a time, ~65 ns a byte"));

    public static Optional<PatternSpec> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(PatternSpec::name).toList();
    }
}
