package io.gluebench.pattern.worker;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The reference answer of a workload from a Python file: CPython's own {@code compute(data)}, in a
 * plain CPython process (a pipe worker that loaded the file), with the input carried exactly as
 * worker-python carries it. The reply says whether the answer is an int or a float, which fixes the
 * workload's result kind. One process answers every size.
 */
public final class CPythonReference implements AutoCloseable {
    /** CPython's answer: its kind (INT64 for an int, FLOAT64 for a float, BYTES) and its raw bits (for bytes, the digest). */
    public record Answer(ResultKind kind, long bits) {
    }

    private final WorkerProcess worker;
    private final Workload workload;

    private CPythonReference(WorkerProcess worker, Workload workload) {
        this.worker = worker;
        this.workload = workload;
    }

    /** Starts the process and loads the file; an import error is the file's one line. */
    public static CPythonReference open(PatternEnv env, io.gluebench.workload.UserWorkload user) throws PatternException {
        // The answer's kind is what the reference finds out: the request is framed as for any number.
        Workload workload = user.resultKind() != null ? user
                : user.withReferences(user.references(), ResultKind.INT64, user.tolerance());
        WorkerProcess worker = WorkerPattern.start(env, "python", Transport.PIPE);
        try {
            byte[] path = workload.userSource().path().getBytes(StandardCharsets.UTF_8);
            ByteBuffer req = worker.request(2 + path.length);
            req.put(Frames.OP_LOAD).put((byte) 2).put(path);
            new Typed(worker).result(req.position());
            return new CPythonReference(worker, workload);
        } catch (PatternException e) {
            worker.close();
            throw e;
        }
    }

    /** compute(data) for this input; a function that raises gives the file's one line as the message. */
    public Answer answer(WorkloadInput input) throws Exception {
        Typed typed = new Typed(worker);
        // The call is the one worker-python times, so the input crosses byte for byte as it does there.
        Call call = WorkerPattern.bindFrames(typed, workload, input);
        call.invoke();
        return new Answer(typed.kind, typed.bits);
    }

    /**
     * Reads the reference's typed replies ('i' or 'f', then 8 bytes) where a pattern reads 8 bytes. An
     * error reply becomes a PatternException whose message is the worker's one line, nothing more: it
     * names the user's file and line.
     */
    private static final class Typed implements FrameExchange {
        private final WorkerProcess inner;
        private ResultKind kind;
        private long bits;

        Typed(WorkerProcess inner) {
            this.inner = inner;
        }

        /** The ok reply's result bytes, or the error reply's message as the exception's. */
        ByteBuffer result(int length) throws PatternException {
            ByteBuffer raw = inner.exchange(length);
            if (raw.limit() >= 1 && raw.get(0) == Frames.STATUS_ERROR) {
                byte[] msg = new byte[raw.limit() - 1];
                raw.get(1, msg);
                throw new PatternException(new String(msg, StandardCharsets.UTF_8));
            }
            try {
                return Frames.okResult(raw);
            } catch (Frames.BadReply e) {
                throw inner.badReply(e.getMessage(), null);
            }
        }

        @Override
        public ByteBuffer request(int capacity) throws PatternException {
            return inner.request(capacity);
        }

        @Override
        public ByteBuffer call(int length) throws PatternException {
            return inner.call(length);
        }

        @Override
        public long callScalar(int length) throws PatternException {
            ByteBuffer r = result(length);
            if (r.remaining() != 9 || (r.get(0) != 'i' && r.get(0) != 'f' && r.get(0) != 'b')) {
                throw new PatternException("the reference process sent a reply of " + r.remaining()
                        + " bytes where a type and 8 bytes were due");
            }
            kind = r.get(0) == 'f' ? ResultKind.FLOAT64 : r.get(0) == 'b' ? ResultKind.BYTES : ResultKind.INT64;
            bits = r.getLong(1);
            return bits;
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
