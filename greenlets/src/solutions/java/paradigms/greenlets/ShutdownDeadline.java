package paradigms.greenlets;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.net.URI;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Exercise {@code shutdown-deadline}: the chapter's {@code deadline} with {@code shutdown()} where
 * it has {@code shutdownNow()} — nothing else differs.
 *
 * <p>The outcome is still right: the {@link DeadlineTally} decides at the first failure or the
 * deadline, and reports every URL without an answer as cancelled. Nothing is left behind either:
 * the executor's {@code close()} waits for every virtual thread, and the client closes after it.
 * But nothing is cancelled. {@code shutdown()} only refuses new tasks; it interrupts nobody, so
 * every virtual thread parked in a socket read stays parked until its answer comes (a parked
 * thread runs no code: it cannot look at the tally), and the call returns only then. The threads
 * waiting for a permit get one in turn, see that the tally has ended and return without a request.
 *
 * <p><b>Threads:</b> one virtual thread per URL, {@code deadline-0 …}, as in {@code Deadline}.
 */
final class ShutdownDeadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        var inFlight = new Semaphore(request.maxInFlight());
        int urls = request.urls().size();
        // Closed in reverse order: the executor first — its close() waits for every thread, which
        // is where this version spends its time — then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("deadline-", 0).factory())) {
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
                        break; // the first failure: "fail fast", in the tally only
                    }
                }
            } finally {
                threads.shutdown(); // refuses new tasks; wakes nobody: the parked threads wait on
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
        inFlight.acquire();
        try {
            if (tally.ended()) {
                return false; // the call is over: do not start
            }
            DownloadResult result;
            try (var running = trace.begin(SpanNames.request(url))) {
                result = http.download(url, request.requestTimeout()); // parks in the socket's read until the answer
            }
            return tally.record(index, result);
        } finally {
            inFlight.release();
        }
    }
}
