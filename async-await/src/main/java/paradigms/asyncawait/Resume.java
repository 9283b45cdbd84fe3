package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code resume} with futures: a sleeper is a chain — {@link Futures#sleep} on a timer thread
 * of the call's own, then its wake — and a busy task is a future that computes.
 *
 * <p><b>Where the wakes run: the common {@code ForkJoinPool}</b>, the executor this chapter's
 * continuations run on — the JDK client completes every answer there ({@code AsyncHttp}), and
 * so every download and crawl continuation runs there. The timer thread only completes each
 * sleep, as the client's selector thread only reads: the wake is attached with
 * {@code thenRunAsync}, so it is queued on that pool. The busy tasks go to the same pool. It has
 * cores − 1 threads, at least one: <b>one</b> on this two-core machine kind.
 *
 * <p><b>So what a computing task does to the sleepers:</b> it holds a thread of the pool until
 * it ends — a future's work is never pre-empted, nothing suspends it. While as many busy tasks
 * compute as the pool has threads, a sleeper whose timer is due waits in the pool's queue, and
 * its resume latency is whatever is left of the busy tasks' time. The pool's queue is this
 * chapter's ready queue, and it is the JVM's: every download's continuation would wait in it
 * too ({@code ResumeLessonTest}). The same busy tasks on an executor of their own
 * ({@link #busyOn}, the lesson's contrast) leave the pool's thread free, and the sleepers wait
 * only for a core, which the operating system shares out within milliseconds.
 *
 * <p><b>Threads:</b> the caller (makes every chain, blocks once in {@link Futures#await});
 * {@code resume-timer} (fires the sleepers' timers); the common pool (the wakes and, by
 * default, the busy tasks).
 */
final class Resume implements ResumeExercise {

    /** Where this chapter's continuations run: {@code CompletableFuture}'s default executor, the common pool. */
    static final Executor CONTINUATIONS = ForkJoinPool.commonPool();

    private final Executor busyTasks;

    Resume() {
        this(CONTINUATIONS);
    }

    private Resume(Executor busyTasks) {
        this.busyTasks = busyTasks;
    }

    /** The lesson's contrast: the same exercise, with the busy tasks computing on {@code executor} instead. */
    static Resume busyOn(Executor executor) {
        return new Resume(executor);
    }

    @Override
    public ResumeResult resume(ResumeRequest request, Trace trace) throws InterruptedException {
        var tally = new ResumeTally(request, trace);
        List<CompletableFuture<Void>> tasks = new ArrayList<>(request.busyTasks() + request.sleepers());
        try (ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("resume-timer").factory())) {
            for (int busy = 0; busy < request.busyTasks(); busy++) {
                int index = busy;
                tasks.add(CompletableFuture.runAsync(() -> tally.busy(index), busyTasks));
            }
            for (int sleeper = 0; sleeper < request.sleepers(); sleeper++) {
                TaskLife life = tally.sleeper(sleeper);
                long due = tally.fallAsleep(life); // before the timer is armed: it fires no earlier
                tasks.add(Futures.sleep(request.sleep(), timer)
                        .thenRunAsync(() -> tally.wake(life, due), CONTINUATIONS)); // await sleep(…), then run again
            }
            Futures.await(CompletableFuture.allOf(tasks.toArray(CompletableFuture<?>[]::new)), timer::shutdownNow);
        } // close(): every timer has fired by now, and the timer thread ends
        return tally.result();
    }
}
