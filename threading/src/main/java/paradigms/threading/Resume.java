package paradigms.threading;

import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;

/**
 * {@code resume} on platform threads: one thread per sleeper, blocked in {@code Thread.sleep}
 * until its timer is due, and one thread per busy task, computing.
 *
 * <p><b>Who runs what.</b> The kernel, all of it. A sleeping thread is off the run queue; when
 * its timer fires, the kernel puts it back on the <em>run queue</em> — it is ready — and it runs
 * again when the scheduler gives it a core. That wait is the resume latency this exercise
 * measures. Two things make it long, and one keeps it short:
 * <ul>
 *   <li>many threads ready at once: the kernel time-slices the runnable threads over the cores,
 *       so a woken thread waits its turn behind every other runnable one — ten thousand sleepers
 *       due together, each with a little work to do, queue for two cores
 *       ({@code ResumeLessonTest});</li>
 *   <li>threads that compute: they are runnable too, and share the cores with the woken;</li>
 *   <li>but the kernel is pre-emptive: a computing thread is stopped when its slice is used up
 *       (a few milliseconds at most), so a woken sleeper never waits for a busy task to
 *       <em>end</em> — the opposite of the greenlets chapter, where nothing pre-empts a virtual
 *       thread.</li>
 * </ul>
 *
 * <p><b>All due at once.</b> Making ten thousand platform threads takes seconds, longer than a
 * short sleep; so, as in {@link Waiters}, every sleeper's thread first parks at a start gate
 * (a {@link Phaser}, opened by the caller once all threads exist, for the reason {@code Waiters}
 * gives) and only then takes its life and falls asleep. Their timers are due within the moment
 * it takes to wake them from the gate, not spread over the seconds it took to make them.
 *
 * <p><b>Sleepers first, then the busy tasks:</b> the caller starts the busy threads only when
 * every sleeper has fallen asleep, so that each sleeper's timer runs while the busy tasks
 * compute. The greenlets chapter needs that order (there a busy task that gets a carrier first
 * keeps it); this chapter keeps it too, so the two measure the same scenario.
 *
 * <p><b>Threads:</b> {@code sleeper-1 … sleeper-N} and {@code busy-1 … busy-B}, from two
 * thread-per-task executors; the caller makes them, opens the gate, waits for the sleepers to be
 * asleep, starts the busy threads and blocks on every future. A task's failure is rethrown on the
 * caller's thread ({@link Threads#await}); on any failure the {@code finally} interrupts every
 * thread still parked at the gate or asleep, so that {@code close()} does not wait for a gate that
 * will never open. A busy thread does not look at interrupts (it only computes): {@code close()}
 * waits for it to finish its {@code busyFor}.
 */
final class Resume implements ResumeExercise {

    @Override
    public ResumeResult resume(ResumeRequest request, Trace trace) throws InterruptedException {
        var tally = new ResumeTally(request, trace);
        var allStarted = new CountDownLatch(request.sleepers()); // each sleeper's thread counts down before the gate
        var allAsleep = new CountDownLatch(request.sleepers());  // each sleeper counts down once its timer is set
        var gate = new Phaser(1);                                // one party, the caller: its arrive() opens the gate
        // Closed in reverse order: the busy threads first, then the sleepers; close() waits for every task.
        try (ExecutorService sleepers = Threads.perTask("sleeper");
             ExecutorService busy = Threads.perTask("busy")) {
            try {
                List<Future<Void>> tasks = new ArrayList<>(request.sleepers() + request.busyTasks());
                for (int index = 0; index < request.sleepers(); index++) {
                    int sleeper = index;
                    tasks.add(sleepers.submit(() -> {
                        sleep(sleeper, tally, allStarted, gate, allAsleep);
                        return null;
                    }));
                }
                allStarted.await();
                gate.arrive();     // phase 0 ends: every sleeper's thread is unparked, by this thread
                allAsleep.await(); // every timer is set: now the busy tasks may take the cores
                for (int index = 0; index < request.busyTasks(); index++) {
                    int task = index;
                    tasks.add(busy.submit(() -> {
                        tally.busy(task); // computes busyFor; the kernel pre-empts it to share the cores
                        return null;
                    }));
                }
                for (Future<Void> task : tasks) {
                    Threads.await(task);
                }
            } finally {
                // Nothing to do on the normal path. On a failure, ends every wait at the gate or in a sleep.
                sleepers.shutdownNow();
                busy.shutdownNow();
            }
        }
        return tally.result();
    }

    /** Runs on the sleeper's own thread, from its start to its end. */
    private static void sleep(int index, ResumeTally tally, CountDownLatch allStarted, Phaser gate,
                              CountDownLatch allAsleep) throws InterruptedException {
        TaskLife life;
        long due;
        try {
            allStarted.countDown();
            gate.awaitAdvanceInterruptibly(0); // until every sleeper's thread exists
            life = tally.sleeper(index);
            due = tally.fallAsleep(life);
        } finally {
            allAsleep.countDown(); // also on a failure, so the caller never waits for a sleeper that will not sleep
        }
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left)); // off the run queue until the kernel's timer fires; ready after
        }
        tally.wake(life, due); // first thing when the kernel runs this thread again
    }
}
