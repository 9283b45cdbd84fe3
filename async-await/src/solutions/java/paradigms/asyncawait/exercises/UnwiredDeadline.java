package paradigms.asyncawait.exercises;

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
 * Exercise {@code unwired-deadline}, solved — a TEACHING DEMO of a mistake: the chapter's
 * {@code Deadline} with the one wire from {@code stop} to the exchanges cut. Every other line is
 * the chapter's: the tally decides the result, {@code stop} still gives up the queued permits,
 * the client is still closed after {@code stop}.
 *
 * <p><b>What goes wrong:</b> at the deadline (or the first failure) {@code stop} completes and
 * the tally is right — every slow URL is "cancelled" — but nothing reaches the requests already
 * out: no one cancels their exchanges. {@code HttpClient.close()} is an orderly shutdown: it
 * waits for every exchange still running. So the call returns only when the slowest request
 * has its answer (or its own request timeout), whatever the deadline said.
 */
public final class UnwiredDeadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        var stop = new CompletableFuture<Void>();
        try (HttpClient client = AsyncHttp.newClient()) {
            var inFlight = new AsyncSemaphore(request.maxInFlight());
            CompletableFuture<?>[] chains = new CompletableFuture<?>[request.urls().size()];
            for (int i = 0; i < chains.length; i++) {
                chains[i] = fetch(i, request, client, inFlight, tally, stop, trace);
            }
            CompletableFuture.allOf(chains)
                    .orTimeout(request.deadline().toNanos(), TimeUnit.NANOSECONDS)
                    .whenCompleteAsync((allRecorded, error) -> {
                        if (error == null) {
                            stop.complete(null);
                        } else if (Failure.unwrap(error) instanceof TimeoutException) {
                            tally.deadlinePassed();
                            stop.complete(null);
                        } else {
                            stop.completeExceptionally(error);
                        }
                    });
            Futures.await(stop, client::shutdownNow);
        } // close(): waits here for every exchange nobody cancelled
        return tally.result();
    }

    private static CompletableFuture<Void> fetch(int index, DeadlineRequest request, HttpClient client,
                                                 AsyncSemaphore inFlight, DeadlineTally tally,
                                                 CompletableFuture<Void> stop, Trace trace) {
        URI url = request.urls().get(index);
        CompletableFuture<Void> permit = inFlight.acquire();
        stop.whenComplete((ignored, error) -> permit.cancel(false)); // the queued ones still give up
        return permit
                .thenCompose(granted -> {
                    if (stop.isDone()) {
                        inFlight.release();
                        return CompletableFuture.<HttpResponse<byte[]>>failedFuture(new CancellationException("the call is over"));
                    }
                    // THE CHANGE: the three-argument get — this exchange is not wired to `stop`.
                    return AsyncHttp.get(client, url, request.requestTimeout())
                            .whenComplete((response, error) -> inFlight.release());
                })
                .handle((response, error) -> {
                    try (var running = trace.begin(SpanNames.answered(url))) {
                        DownloadResult result = error == null
                                ? DownloadResult.ofResponse(url, response.statusCode(), response.body())
                                : DownloadResult.ofError(url, error);
                        if (tally.record(index, result)) {
                            stop.complete(null);
                        }
                    }
                    return null;
                });
    }
}
