package paradigms.common.resume;

import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.common.trace.Waited;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The steps every paradigm's sleepers and busy tasks take, so that all of them measure the same
 * thing; only how they wait and who runs them differs from chapter to chapter.
 *
 * <p>A sleeper: {@link #sleeper(int)} gives its life, {@link #fallAsleep(TaskLife)} marks it
 * waiting and gives its due time ({@link System#nanoTime()}), the paradigm waits until then in its
 * own way, and the first thing the sleeper does when it runs again is {@link #wake(TaskLife, long)}:
 * it records its resume latency, then computes its handling. A busy task is {@link #busy(int)}.
 *
 * <p>Thread safety: any thread may call any method; the counts are atomics. A {@link TaskLife}
 * belongs to one sleeper (see its comment).
 */
public final class ResumeTally {

    private final ResumeRequest request;
    private final Trace trace;
    private final AtomicInteger woke = new AtomicInteger();
    private final AtomicInteger early = new AtomicInteger();
    private final AtomicInteger busyDone = new AtomicInteger();

    public ResumeTally(ResumeRequest request, Trace trace) {
        this.request = request;
        this.trace = trace;
    }

    /** The life of sleeper {@code index}, running from now. */
    public TaskLife sleeper(int index) {
        return trace.life(SpanNames.sleeper(index), request.resumeLatency());
    }

    /** The sleeper suspends now; returns when its timer is due, in {@link System#nanoTime()}. */
    public long fallAsleep(TaskLife sleeper) {
        sleeper.waitingFor(Waited.TIMER);
        return System.nanoTime() + request.sleep().toNanos();
    }

    /** The sleeper runs again: records how late, then computes its handling. Call it first thing. */
    public void wake(TaskLife sleeper, long dueNanos) {
        if (System.nanoTime() < dueNanos) {
            early.incrementAndGet();
        }
        sleeper.resumed(dueNanos);
        try (var handling = trace.begin(sleeper.task())) {
            Compute.forAbout(request.handling());
        }
        sleeper.ended();
        woke.incrementAndGet();
    }

    /** Busy task {@code index}: computes its whole time, never waiting. */
    public void busy(int index) {
        TaskLife life = trace.life(SpanNames.busy(index), request.resumeLatency());
        try (var computing = trace.begin(SpanNames.busy(index))) {
            Compute.forAbout(request.busyFor());
        }
        life.ended();
        busyDone.incrementAndGet();
    }

    public ResumeResult result() {
        return new ResumeResult(woke.get(), early.get(), busyDone.get());
    }
}
