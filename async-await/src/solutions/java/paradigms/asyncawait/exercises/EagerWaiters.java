package paradigms.asyncawait.exercises;

import paradigms.asyncawait.futures.Futures;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise {@code eager-timers}, solved — a TEACHING DEMO of the one-pass version the chapter's
 * {@code Waiters} rejects: each task's timer is armed the moment the task is made.
 *
 * <p><b>What changes:</b> nothing a task sees — each still waits at least D, on the call's own
 * timer thread ({@code waiters-timer}), and all complete. What changes is the moment: arming a
 * timer takes the caller a little while, N of them a long while, and a timer armed early fires
 * while the caller is still making later tasks. With many tasks and a short wait, the first
 * tasks have ended before the last exist: fewer than N ever wait at the same moment, and the
 * exercise no longer measures N waiting tasks.
 *
 * <p><b>Threads:</b> the caller makes the tasks and arms their timers; {@code waiters-timer}
 * fires them and runs each task's end — from the first milliseconds on, while the caller is
 * still arming.
 */
public final class EagerWaiters implements WaitersExercise {

    @Override
    public Capacity capacity() {
        return new Capacity(1_000_000, "an exercise's variant: the chapter's Waiters computes its capacity from the heap");
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        capacity().check(request);
        var tally = new WaitTally(request);
        var allEnded = new CompletableFuture<Void>();
        var stillWaiting = new AtomicInteger(request.tasks());
        long delay = request.waitFor().toNanos();
        try (ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("waiters-timer").factory())) {
            for (int task = 0; task < request.tasks(); task++) {
                long began = tally.begin();
                var wakeUp = new CompletableFuture<Void>();
                wakeUp.thenRun(() -> {
                    try (var waking = trace.begin(SpanNames.WAIT_OVER)) {
                        tally.end(began);
                    }
                    if (stillWaiting.decrementAndGet() == 0) {
                        allEnded.complete(null);
                    }
                });
                timer.schedule(() -> wakeUp.complete(null), delay, TimeUnit.NANOSECONDS); // THE CHANGE: armed at once
            }
            Futures.await(allEnded, timer::shutdownNow);
        }
        return tally.result();
    }
}
