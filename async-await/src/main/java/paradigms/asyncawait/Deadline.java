package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.asyncawait.futures.Futures;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.Failure;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code deadline} with futures: the download of {@link Download} — one chain per URL,
 * at most C past the semaphore — with an overall deadline and fail-fast, and cancellation
 * <em>wired through</em> to the work, because cancelling a future alone stops nothing
 * ({@code CancelDoesNotInterruptTest}).
 *
 * <p><b>One future says "the call is over": {@code stop}.</b> Whoever ends the call completes
 * it, exactly once (later completions are no-ops):
 * <pre>
 *   RUNNING --every URL recorded (allOf of the chains)--------------> stop completed
 *   RUNNING --the first failure (DeadlineTally.record said so)------> stop completed
 *   RUNNING --the deadline (orTimeout on that allOf) -> tally.deadlinePassed() -> stop completed
 *   RUNNING --the caller is interrupted (Futures.await cancels stop)-> stop completed
 *   stop completed --its dependents run, on the completing thread:
 *                      every URL still waiting for a permit gives up (its permit future is cancelled),
 *                      every exchange still in flight is cancelled (the client aborts it)
 *   then: the caller wakes, closes the HttpClient (nothing in flight: close() returns at once), returns
 * </pre>
 * Which URL ended how is decided by the {@link DeadlineTally} alone: the deadline is marked in
 * it <em>before</em> {@code stop} is completed, so the cancellations that follow are ignored,
 * never mistaken for "the first failure".
 *
 * <p><b>What outstanding work is, and how each kind is stopped.</b> A URL is in one of two
 * waits: for a permit (a pending future in the {@link AsyncSemaphore}'s queue) or for its
 * answer (the {@code sendAsync} exchange). Each registers on {@code stop} when it starts
 * waiting: the permit future is cancelled — the semaphore then skips it, so the URL never
 * goes out — and the exchange is cancelled by {@link AsyncHttp#get(HttpClient, URI,
 * java.time.Duration, CompletableFuture)}, which is the one cancel that reaches the socket.
 * Why not cancel the chains' final futures: a chain starts at its permit, a plain future, and a
 * cancel never travels back up such a chain to the exchange it waits on. (The JDK's client
 * passes {@code cancel(true)} on from its own futures and those derived from them, but a chain
 * of ours is derived from the permit, not from them: {@code CancelDoesNotInterruptTest}.)
 *
 * <p><b>Threads and resources.</b> The call owns one {@link HttpClient} (its selector thread,
 * its worker threads, its connections) and closes it last. {@code HttpClient.close()} waits
 * for every exchange still running to finish — so the order matters: cancel first, then close,
 * or a 5 s answer keeps the call for 5 s ({@code CancelBeforeCloseTest}). The deadline's timer
 * is the JDK's ({@code orTimeout} schedules on the JVM-wide {@code ForkJoinPool} delay
 * scheduler, which is not ours to close); its reaction is hopped to the common pool with
 * {@code whenCompleteAsync}, so that our cancelling does not run on the JDK's timer thread.
 * Answers are recorded on the common pool, where the client completes its futures.
 */
final class Deadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        var stop = new CompletableFuture<Void>(); // "the call is over"; see the class comment
        try (HttpClient client = AsyncHttp.newClient()) {
            var call = new Call(request, client, tally, stop, trace);
            CompletableFuture<?>[] chains = new CompletableFuture<?>[request.urls().size()];
            for (int i = 0; i < chains.length; i++) {
                chains[i] = call.fetch(i);
            }
            CompletableFuture.allOf(chains)
                    .orTimeout(request.deadline().toNanos(), TimeUnit.NANOSECONDS)
                    .whenCompleteAsync((allRecorded, error) -> {
                        if (error == null) {
                            stop.complete(null);                 // every URL recorded (or the call ended before)
                        } else if (Failure.unwrap(error) instanceof TimeoutException) {
                            tally.deadlinePassed();              // first, so that the cancellations that follow are ignored
                            stop.complete(null);
                        } else {
                            stop.completeExceptionally(error);   // a bug in our own chains: end the call loudly
                        }
                    });
            // Interrupted: await cancels `stop`, which completes it, which cancels everything wired to it.
            Futures.await(stop, client::shutdownNow);
        } // close(): every exchange has been cancelled, so it waits for nothing
        return tally.result();
    }

    /** One call's shared state; any thread may use it (the tally and the semaphore are thread-safe). */
    private record Call(DeadlineRequest request, HttpClient client, DeadlineTally tally, CompletableFuture<Void> stop,
                        Trace trace, AsyncSemaphore inFlight) {

        Call(DeadlineRequest request, HttpClient client, DeadlineTally tally, CompletableFuture<Void> stop, Trace trace) {
            this(request, client, tally, stop, trace, new AsyncSemaphore(request.maxInFlight()));
        }

        /** URL number {@code index}: wait for a permit, GET it, record the answer. Both waits are wired to {@code stop}. */
        CompletableFuture<Void> fetch(int index) {
            URI url = request.urls().get(index);
            CompletableFuture<Void> permit = inFlight.acquire();
            stop.whenComplete((ignored, error) -> permit.cancel(false)); // still queued: abandon the wait; granted: no effect
            return permit
                    .thenCompose(granted -> get(url))
                    .handle((response, error) -> {
                        record(index, url, response, error);
                        return null;
                    });
        }

        /** Runs once the permit is held, on the thread that granted it; releases it when the answer is in. */
        private CompletableFuture<HttpResponse<byte[]>> get(URI url) {
            if (stop.isDone()) { // granted in the moment the call ended: do not send
                inFlight.release();
                return CompletableFuture.failedFuture(new CancellationException("the call is over"));
            }
            return AsyncHttp.get(client, url, request.requestTimeout(), stop)
                    .whenComplete((response, error) -> inFlight.release());
        }

        /** Records an answer; the first failure ends the call. After the end, the tally ignores what comes. */
        private void record(int index, URI url, HttpResponse<byte[]> response, Throwable error) {
            try (var running = trace.begin(SpanNames.answered(url))) {
                DownloadResult result = error == null
                        ? DownloadResult.ofResponse(url, response.statusCode(), response.body())
                        : DownloadResult.ofError(url, error);
                if (tally.record(index, result)) {
                    stop.complete(null); // the first failure: cancel the rest, now, on this thread
                }
            }
        }
    }
}
