package paradigms.greenlets;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.FailFast;
import paradigms.greenlets.virtual.Tasks;

import java.net.URI;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The {@code deadline} exercise: {@link Download}'s one virtual thread per URL and
 * {@link Semaphore} of C permits, in {@link FailFast}'s shape — answers taken in the order they
 * come, the first failure ends the call — plus an overall deadline on that wait.
 *
 * <p><b>The call's states</b> (the caller's thread drives them):
 * <pre>
 *   RUNNING    --every URL answered------------------------------------&gt; CLOSING
 *   RUNNING    --a task's answer is the tally's first failure-----------&gt; CANCELLING
 *   RUNNING    --the deadline passes (the caller's timed poll)----------&gt; CANCELLING
 *   RUNNING    --the caller is interrupted, or a task crashes-----------&gt; CANCELLING, then rethrow
 *   CANCELLING --shutdownNow: every virtual thread interrupted---------&gt; CLOSING
 *   CLOSING    --executor closed (every virtual thread ended), then the client closed--&gt; returned
 * </pre>
 * Which URL ended how is decided by the {@link DeadlineTally} alone: once it has ended, later
 * answers are ignored and every URL without an outcome is reported cancelled.
 *
 * <p><b>What cancelling takes: an interrupt</b> — and here, unlike threading, nothing more. A
 * task is parked in one of two places: in {@code inFlight.acquire()}, waiting for a permit, or in
 * the socket read inside {@link SocketHttpClient#download}, unmounted until bytes come.
 * {@link ExecutorService#shutdownNow()} interrupts every thread the executor started. A virtual
 * thread parked in a socket read is woken by its interrupt (JEP 444: the JDK closes the socket
 * for it, so the server sees the client leave); the client then throws
 * {@link InterruptedException}. A platform thread in the same read would not wake — threading's
 * {@code Deadline} must close the client's sockets as well. Nothing else stops a parked
 * virtual thread: it runs no code of its own until it is unparked.
 *
 * <p><b>Threads and resources</b>, all made and closed by one call: one virtual thread per URL,
 * named {@code deadline-0 … deadline-(N-1)}; one {@link SocketHttpClient} (its connections; no
 * thread of its own). They close in reverse order: the executor first (its {@code close()} waits
 * until every virtual thread has ended), then the client (its kept-alive connections go). The
 * contract's leftovers check sees only platform threads — {@code Thread.getAllStackTraces()}
 * does not list virtual ones — so {@code DeadlineThreadsTest} checks the virtual threads itself.
 */
final class Deadline implements DeadlineExercise {

    /** Makes the virtual threads; a test passes a factory that keeps them, to check they all ended. */
    private final ThreadFactory virtualThreads;

    Deadline() {
        this(Thread.ofVirtual().name("deadline-", 0).factory());
    }

    Deadline(ThreadFactory virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        var inFlight = new Semaphore(request.maxInFlight());
        int urls = request.urls().size();
        // Closed in reverse order: the executor first (close() waits for every thread), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newThreadPerTaskExecutor(virtualThreads)) {
            CompletionService<Boolean> answered = new ExecutorCompletionService<>(threads);
            for (int i = 0; i < urls; i++) {
                int index = i;
                answered.submit(() -> fetch(index, http, inFlight, request, tally, trace));
            }
            try {
                long deadline = System.nanoTime() + request.deadline().toNanos();
                for (int i = 0; i < urls; i++) {
                    Future<Boolean> next = answered.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        tally.deadlinePassed();
                        break;
                    }
                    if (Tasks.join(next)) {
                        break; // the first failure: fail fast
                    }
                }
            } finally {
                // Every path out — all answered, failed fast, deadline, the caller interrupted, a
                // task crashed — comes through here. On the first path there is nobody left to
                // interrupt; on the others, every virtual thread still parked is woken with an interrupt.
                threads.shutdownNow();
            }
        }
        return tally.result();
    }

    /**
     * Runs on the URL's own virtual thread.
     *
     * @return whether this answer was the first failure, which ends the call
     */
    private static boolean fetch(int index, SocketHttpClient http, Semaphore inFlight, DeadlineRequest request,
                                 DeadlineTally tally, Trace trace) throws InterruptedException {
        URI url = request.urls().get(index);
        inFlight.acquire(); // parks until a permit is free; an interrupt ends the wait
        try {
            if (tally.ended()) {
                return false; // got a permit in the moment between the end and shutdownNow: do not start
            }
            DownloadResult result;
            try (var running = trace.begin(SpanNames.request(url))) {
                result = http.download(url, request.requestTimeout()); // parks in the socket's read; an interrupt wakes it
            }
            return tally.record(index, result);
        } finally {
            inFlight.release();
        }
    }
}
