package paradigms.multiprocessing.pool;

import paradigms.common.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A job in the queue or running, with the future its caller holds. */
final class Submission<R> {
    private final long id;
    private final Job<R> job;
    private final Trace trace;
    private final CompletableFuture<R> result = new CompletableFuture<>();

    Submission(long id, Job<R> job, Trace trace) {
        this.id = id;
        this.job = job;
        this.trace = trace;
    }

    /** Completed by the worker's thread; the caller holds it. */
    CompletableFuture<R> result() {
        return result;
    }

    long id() {
        return id;
    }

    Trace trace() {
        return trace;
    }

    String label() {
        return job.label();
    }

    Frame taskFrame() {
        List<Object> fields = new ArrayList<>(List.of(id, job.kind()));
        fields.addAll(job.arguments());
        return Frame.of(Frame.TASK, fields.toArray());
    }

    void sent() {
        job.sent();
    }

    List<String> answer(List<String> question) throws Wire.BadFrameException {
        return job.answer(question);
    }

    void ended() {
        job.ended();
    }

    void complete(List<String> values) throws Wire.BadFrameException {
        result.complete(job.decode(values));
    }

    /** The job's worker died twice, or answered nonsense: the job decides what that means. */
    void failInWorker(PoolException failure) {
        try {
            result.complete(job.ifWorkerFails(failure));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** The job's own code threw in the parent (answering a call, reading the reply): a bug in the job. */
    void failInParent(RuntimeException failure) {
        result.completeExceptionally(failure);
    }

    void fail(PoolException failure) {
        result.completeExceptionally(failure);
    }
}
