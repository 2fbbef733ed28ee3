package io.gluebench.pattern;

import io.gluebench.result.Family;
import io.gluebench.result.Kind;

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

/**
 * The pattern catalogue, in the order tables and charts list them: each pattern with its rules
 * ({@link PatternSpec}: the workloads it runs, whether it times a user's file, its zero-copy twin,
 * whether soak watches it by default). Nothing else names patterns (architecture/SecondListTest).
 */
public final class Patterns {
    private Patterns() {
    }

    /** Why the patterns that call the C kernels from CPython do not time a user's file. */
    private static final WorkloadRule NO_C_KERNEL = (p, w, n) -> "a workload from a Python file has no C kernel for "
            + p.name() + " to call";

    /** Why the per-element numpy loop does not time a user's file. */
    private static final WorkloadRule NO_PER_ELEMENT_LOOP = (p, w, n) -> "no per-element numpy loop for a workload from a "
            + "Python file";

    /** Why a worker anti-pattern with its own messages does not time a user's file. */
    private static final WorkloadRule OWN_MESSAGES = (p, w, n) -> p.name() + " carries the built-in workloads' own "
            + "messages only (it shows an anti-pattern on echo and dot)";

    public static final List<PatternSpec> ALL = List.of(
            new PatternSpec("java", Family.JVM, "the Java reference implementation (the baseline)",
                    List.of(), false, JavaPattern::new, Kind.BASELINE, false, ""),
            new PatternSpec("jni", Family.JNI, "Java -> the C kernel via JNI, zero-copy (GetPrimitiveArrayCritical)",
                    List.of(NATIVE_LIBRARY), false, JniPattern::new, Kind.NATIVE, false, ""),
            new PatternSpec("jni-copy", Family.JNI,
                    "the jni kernels with each array copied by Get<Type>ArrayRegion into malloc'd memory per call",
                    List.of(NATIVE_LIBRARY), false, () -> new JniVariantPattern(JniVariantPattern.Mode.COPY), Kind.NATIVE,
                    false, "a labelled variant: never holds the GC off, pays a copy and an allocation per call")
                    .withDataVariantOf("jni").withZeroCopyTwin("jni"),
            new PatternSpec("jni-direct-buffer", Family.JNI,
                    "the jni kernels reading direct ByteBuffers (GetDirectBufferAddress), filled from the array per call",
                    List.of(NATIVE_LIBRARY), false, () -> new JniVariantPattern(JniVariantPattern.Mode.DIRECT),
                    Kind.NATIVE, false, "a labelled variant: no pinning, one Java-side copy into off-heap memory per call")
                    .withDataVariantOf("jni"),
            new PatternSpec("ffm", Family.FFM, "Java -> the same C kernel via java.lang.foreign, heap segments (critical)",
                    List.of(NATIVE_LIBRARY), false, FfmPattern::new, Kind.NATIVE, false, ""),
            new PatternSpec("ffm-copy", Family.FFM,
                    "the ffm kernels through plain downcalls on off-heap segments, filled from the arrays per call",
                    List.of(NATIVE_LIBRARY), false, FfmCopyPattern::new, Kind.NATIVE, false,
                    "a labelled variant: FFM as most code uses it, one MemorySegment.copy per array per call")
                    .withDataVariantOf("ffm").withZeroCopyTwin("ffm"),
            new PatternSpec("jython", Family.JYTHON, "the pure-Python source in Jython 2.7, in process",
                    List.of(JYTHON), false, JythonPattern::new, Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT.unless(JythonPattern::notOnPython2)),
            new PatternSpec("graalpy", Family.GRAALPY, "the pure-Python source in GraalPy, in process, JIT on",
                    List.of(GRAALPY, GRAAL_JIT), true, () -> new GraalPyPattern(false), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT),
            new PatternSpec("graalpy-interpreter", Family.GRAALPY,
                    "the pure-Python source in GraalPy without its JIT (labelled: what a stock set-up gets)",
                    List.of(GRAALPY), false, () -> new GraalPyPattern(true), Kind.INTERPRETED, true,
                    "without the Graal compiler GraalPy interprets every call, what a stock JVM set-up gets")
                    .withUserFiles(UserFiles.ON_REQUEST),
            new PatternSpec("jep-python", Family.JEP, "the pure-Python source in CPython embedded through Jep",
                    List.of(VENV, JEP), false, () -> new JepPattern(false), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withSoakDefault(),
            new PatternSpec("jep-numpy", Family.JEP, "the numpy variant in CPython via Jep, zero-copy DirectNDArray",
                    List.of(VENV, NUMPY, JEP), false, () -> new JepPattern(true), Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withSoakDefault(),
            new PatternSpec("jep-numpy-copy", Family.JEP,
                    "the numpy variant in CPython via Jep, arrays as jep.NDArray copied into a new numpy array per call",
                    List.of(VENV, NUMPY, JEP), false, () -> new JepPattern(JepPattern.Mode.NUMPY_COPY), Kind.NATIVE, false,
                    "a labelled variant: Jep copies every array into a fresh numpy array on each call")
                    .withUserFiles(UserFiles.ON_REQUEST).withZeroCopyTwin("jep-numpy"),
            new PatternSpec("jep-list", Family.JEP,
                    "the pure-Python source in CPython via Jep over Python lists made from boxed Java Lists per call",
                    List.of(VENV, JEP), false, () -> new JepPattern(JepPattern.Mode.LIST), Kind.INTERPRETED, true,
                    "every element crosses one at a time and is boxed into a Python object on each call")
                    .withUserFiles(UserFiles.ON_REQUEST.unless(JepPattern::listFileRule))
                    .withWorkloadRule(JepPattern::listRule).withDataVariantOf("jep-python"),
            new PatternSpec("jep-numpy-scalar-loop", Family.JEP,
                    "a Python loop calling numpy once per element, in CPython via Jep over DirectNDArray",
                    List.of(VENV, NUMPY, JEP), false, () -> new JepPattern(JepPattern.Mode.NUMPY_SCALAR_LOOP),
                    Kind.INTERPRETED, true,
                    "each numpy call on a scalar pays ufunc dispatch and boxing (~1 µs), more than the arithmetic")
                    .withUserFiles(UserFiles.not(NO_PER_ELEMENT_LOOP)).withWorkloadRule(JepPattern::scalarLoopRule),
            new PatternSpec("jep-native", Family.JEP,
                    "the C kernels from CPython via Jep through a CPython extension, DirectNDArray read in place",
                    List.of(VENV, NUMPY, JEP, NATIVE_PYTHON), false, () -> new JepPattern(JepPattern.Mode.NATIVE),
                    Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.not(NO_C_KERNEL)).withCFromPython().withSoakDefault(),
            new PatternSpec("jep-ctypes", Family.JEP,
                    "the C kernels from CPython via Jep through ctypes, arrays passed by address",
                    List.of(VENV, NUMPY, JEP, NATIVE_LIBRARY), false, () -> new JepPattern(JepPattern.Mode.CTYPES),
                    Kind.NATIVE, false, "a labelled variant: ctypes converts every argument through libffi on each call (~µs)")
                    .withUserFiles(UserFiles.not(NO_C_KERNEL)).withCFromPython(),
            new PatternSpec("pemja-python", Family.PEMJA,
                    "the pure-Python source in CPython embedded through PEMJA, arguments converted to Python objects",
                    List.of(VENV, PEMJA), false, () -> new PemjaPattern(false), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT),
            new PatternSpec("pemja-numpy", Family.PEMJA,
                    "the numpy variant in CPython via PEMJA, arrays as byte[] copied into bytes, np.frombuffer",
                    List.of(VENV, NUMPY, PEMJA), false, () -> new PemjaPattern(true), Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withZeroCopyTwin("jep-numpy"),
            new PatternSpec("worker-python", Family.WORKER,
                    "the pure-Python source in a persistent CPython worker, binary frames over pipes",
                    List.of(VENV), false, () -> new WorkerPattern(false), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withSoakDefault(),
            new PatternSpec("worker-numpy", Family.WORKER,
                    "the numpy variant in a persistent CPython worker, binary frames over pipes",
                    List.of(VENV, NUMPY), false, () -> new WorkerPattern(true), Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withSoakDefault(),
            new PatternSpec("worker-python-uds", Family.WORKER,
                    "the pure-Python source in a persistent CPython worker, binary frames over a Unix domain socket",
                    List.of(VENV), false, () -> new WorkerPattern(false, Transport.UDS), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withTransport(Transport.UDS.id()),
            new PatternSpec("worker-numpy-uds", Family.WORKER,
                    "the numpy variant in a persistent CPython worker, binary frames over a Unix domain socket",
                    List.of(VENV, NUMPY), false, () -> new WorkerPattern(true, Transport.UDS), Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withTransport(Transport.UDS.id()),
            new PatternSpec("worker-python-shm", Family.WORKER,
                    "the pure-Python source in a persistent CPython worker, requests and replies in shared memory",
                    List.of(VENV), false, () -> new WorkerPattern(false, Transport.SHM), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withTransport(Transport.SHM.id()),
            new PatternSpec("worker-numpy-shm", Family.WORKER,
                    "the numpy variant in a persistent CPython worker over shared memory, numpy reading the "
                            + "request in place",
                    List.of(VENV, NUMPY), false, () -> new WorkerPattern(true, Transport.SHM), Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withTransport(Transport.SHM.id()),
            new PatternSpec("worker-json", Family.WORKER,
                    "the pure-Python source in a persistent CPython worker, JSON Lines over pipes (Jackson and json)",
                    List.of(VENV), false, JsonWorkerPattern::new, Kind.INTERPRETED, true,
                    "text encoding and parsing of every number costs more than the compute for data-heavy calls")
                    .withUserFiles(UserFiles.not(OWN_MESSAGES)),
            new PatternSpec("worker-chatty", Family.WORKER,
                    "the worker-python worker called once per element (echo, dot): N + 1 round trips per call",
                    List.of(VENV), false, ChattyPattern::new, Kind.INTERPRETED, true,
                    "N round trips of ~5-50 µs each instead of one")
                    .withUserFiles(UserFiles.not(OWN_MESSAGES))
                    .withWorkloadRule((p, w, n) -> ChattyPattern.notApplicable(w, n)).withChatty(),
            new PatternSpec("spawn-per-call", Family.WORKER,
                    "the pure-Python source in a new CPython process per call (script style), binary frames over pipes",
                    List.of(VENV), false, SpawnPattern::new, Kind.INTERPRETED, true,
                    "interpreter start-up and imports (~20-50 ms, numpy more) on every call")
                    .withUserFiles(UserFiles.BY_DEFAULT),
            new PatternSpec("py4j-python", Family.PY4J,
                    "the pure-Python source in a persistent CPython process, the worker's requests as Py4J calls "
                            + "over loopback TCP",
                    List.of(VENV, PY4J), false, () -> new Py4jPattern(false), Kind.INTERPRETED, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT).withZeroCopyTwin("py4j-python-bytes"),
            new PatternSpec("py4j-numpy", Family.PY4J,
                    "the numpy variant in a persistent CPython process, the worker's requests as Py4J calls "
                            + "over loopback TCP",
                    List.of(VENV, NUMPY, PY4J), false, () -> new Py4jPattern(true), Kind.NATIVE, false, "")
                    .withUserFiles(UserFiles.BY_DEFAULT),
            new PatternSpec("py4j-python-bytes", Family.PY4J,
                    "py4j-python with the request passed as a Java byte[] (labelled: how most code passes bytes)",
                    List.of(VENV, PY4J), false, () -> new Py4jPattern(false, true), Kind.INTERPRETED, true,
                    "Py4J decodes a byte[] argument in Python one byte at a time, ~65 ns a byte")
                    .withUserFiles(UserFiles.BY_DEFAULT).withDataVariantOf("py4j-python"));

    public static Optional<PatternSpec> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(PatternSpec::name).toList();
    }
}
