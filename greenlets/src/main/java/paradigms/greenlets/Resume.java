package paradigms.greenlets;

import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code resume} on virtual threads: one virtual thread per sleeper, parked in
 * {@code Thread.sleep} until its timer is due, and one per busy task, computing.
 *
 * <p><b>Who runs what.</b> The carriers — the platform threads of the virtual-thread
 * scheduler, a {@link java.util.concurrent.ForkJoinPool} with one carrier per core — run every
 * one of these threads. A sleeping virtual thread is unmounted: the JDK's timer holds it, no
 * carrier does. When the timer fires, the thread is unparked: its continuation is
 * <em>submitted to the scheduler</em> — it is ready — and it runs again only when a carrier is
 * free to take it. That wait is the resume latency this exercise measures.
 *
 * <p><b>Why a ready sleeper may wait long:</b> virtual threads are not time-sliced. A carrier
 * gives up a virtual thread only when it parks or ends; one that computes keeps its carrier
 * for its whole computation. With a busy task on every carrier, a sleeper whose timer fired
 * waits until a busy task <em>ends</em> — for {@code busyFor}, not for a time slice
 * ({@code ResumeLessonTest}). The threading chapter's kernel would pre-empt the busy thread
 * within milliseconds. (The carriers themselves are platform threads: the kernel time-slices
 * them against the rest of the machine, but that does not let a ready virtual thread onto one.)
 *
 * <p><b>Sleepers first, then the busy tasks:</b> the caller starts the busy tasks only when
 * every sleeper has fallen asleep. Started together, busy tasks that took every carrier first
 * would keep the sleepers from even starting their wait, and the sleepers would measure nothing
 * but a quiet timer afterwards.
 *
 * <p><b>Threads:</b> one virtual thread per sleeper and per busy task, from one
 * thread-per-task executor; the caller starts the sleepers, waits until all are asleep, starts
 * the busy tasks, and joins every one ({@link Tasks#joinAll}: a task's own exception is
 * rethrown, and the tasks still running are interrupted first). A busy task does not look at
 * interrupts (it only computes): {@code close()} waits for it to finish its {@code busyFor}.
 */
final class Resume implements ResumeExercise {

    @Override
    public ResumeResult resume(ResumeRequest request, Trace trace) throws InterruptedException {
        var tally = new ResumeTally(request, trace);
        var allAsleep = new CountDownLatch(request.sleepers()); // each sleeper counts down once its timer is set
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> tasks = new ArrayList<>(request.sleepers() + request.busyTasks());
            try {
                for (int index = 0; index < request.sleepers(); index++) {
                    int sleeper = index;
                    tasks.add(threads.submit(() -> {
                        sleep(sleeper, tally, allAsleep);
                        return null;
                    }));
                }
                allAsleep.await(); // every timer is set: now the busy tasks may take the carriers
                for (int index = 0; index < request.busyTasks(); index++) {
                    int task = index;
                    tasks.add(threads.submit(() -> {
                        tally.busy(task); // computes busyFor and keeps its carrier all along: nothing pre-empts it
                        return null;
                    }));
                }
            } catch (Throwable e) {
                threads.shutdownNow(); // the caller interrupted: wake every sleeper, so close() does not wait out their sleeps
                throw e;
            }
            Tasks.joinAll(threads, tasks); // in order; a failure interrupts the others first
        }
        return tally.result();
    }

    /** Runs on the sleeper's own virtual thread, from its start to its end. */
    private static void sleep(int index, ResumeTally tally, CountDownLatch allAsleep) throws InterruptedException {
        TaskLife life;
        long due;
        try {
            life = tally.sleeper(index);
            due = tally.fallAsleep(life);
        } finally {
            allAsleep.countDown(); // also on a failure, so the caller never waits for a sleeper that will not sleep
        }
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left)); // parks: the timer unparks it, and it waits for a free carrier
        }
        tally.wake(life, due); // first thing when a carrier runs this thread again
    }
}
