package paradigms.asyncawait.futures;

import paradigms.common.download.Failure;
import paradigms.common.http.SentAt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET with {@link HttpClient#sendAsync}: a future of the whole response, bounded in time.
 *
 * <p>The client is the JDK's, made by {@link #newClient()} (HTTP/1.1, redirects not followed).
 * The blocking chapters use the course's own socket client instead, where a thread sits in a
 * read; here nobody waits: a future is returned at once and completes when the last byte of the
 * body has arrived. Underneath, the JDK client runs an event loop of its own — one selector
 * thread per client reads and writes every connection, non-blocking — and hands each finished
 * answer to a future.
 *
 * <p><b>Which thread runs what comes next:</b> the client reads sockets on its own selector
 * thread, but it never completes the future it gave us there: it hops to
 * {@code CompletableFuture}'s default executor, the common {@code ForkJoinPool}, so that our
 * code cannot stall its selector. So every continuation of a download or a crawl runs on the
 * common pool — ONE thread on this 2-core machine (parallelism = cores − 1), JVM-wide and
 * owned by the JDK, not by the call. ({@code ContinuationThreadsTest} shows it.)
 */
public final class AsyncHttp {

    private AsyncHttp() {
    }

    /**
     * When the server sent {@code response} ({@link SentAt}: its {@code nanoTime}, a clock this
     * JVM shares): the moment a task waiting for it became ready. Empty for no response (a
     * failure) or an answer without the stamp.
     */
    public static OptionalLong sentAt(HttpResponse<?> response) {
        return response == null ? OptionalLong.empty() : SentAt.parse(response.headers().firstValue(SentAt.HEADER).orElse(null));
    }

    /**
     * A client for the local server: HTTP/1.1 (plain-HTTP servers do not speak HTTP/2 without
     * upgrade, and asking for it costs a round of negotiation), redirects not followed (the
     * crawler follows them itself and must see them), a connect timeout of 5 s. Close it when done:
     * {@code close()} ends its selector thread and its connections.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * GETs {@code url}; the future completes with the response, or exceptionally: with an
     * {@link HttpTimeoutException} when no whole answer came within {@code timeout}, or with
     * whatever the client failed with (connection refused, reset…).
     *
     * <p><b>Why the timeout goes on a copy, and the exchange is cancelled:</b>
     * {@link HttpRequest#timeout} stops at the response headers, so a server that never
     * finishes its body would keep the future pending forever. {@code orTimeout} bounds the
     * whole exchange — but it only completes a future; it stops no work. If it were put on
     * {@code exchange} itself, the exchange would be "done" (with a TimeoutException) while
     * the client still waits on the socket, and {@code cancel(true)} afterwards would do
     * nothing (a done future cannot be cancelled). So the timeout fires on a copy, and then
     * {@code exchange.cancel(true)} tells the client to abort the exchange and close its
     * connection. (Without that, {@code HttpClient.close()} would wait for the hung request.)
     */
    public static CompletableFuture<HttpResponse<byte[]>> get(HttpClient client, URI url, Duration timeout) {
        return bounded(send(client, url, timeout), url, timeout);
    }

    /**
     * The same GET, with a way to stop it <em>wired through</em>: when {@code stop} completes
     * (normally or not), the exchange itself is cancelled, which aborts the request and closes
     * its connection. The deadline exercise passes its "the call is over" future as {@code stop}.
     *
     * <p>Why a wire of our own: a cancel does not travel back up a chain of plain futures
     * ({@code CancelDoesNotInterruptTest}). The JDK's client does wire {@code cancel(true)} from
     * its own futures, and from every future derived from them with their methods, to the
     * exchange — so {@code cancel(true)} on what this method returns would work. But the
     * exercises' chains start at a semaphore's permit, a plain future, and send in a
     * {@code thenCompose}: a chain of ours is not derived from the client's futures, and
     * cancelling it would leave the request running.
     *
     * <p>If {@code stop} has already completed, the exchange is cancelled at once, on this
     * thread (an action registered on a completed future runs immediately): an exchange started
     * in a race with the stop cannot be missed.
     */
    public static CompletableFuture<HttpResponse<byte[]>> get(HttpClient client, URI url, Duration timeout, CompletableFuture<?> stop) {
        CompletableFuture<HttpResponse<byte[]>> exchange = send(client, url, timeout);
        stop.whenComplete((ignored, error) -> exchange.cancel(true)); // the wire from "stop" to the work
        return bounded(exchange, url, timeout);
    }

    private static CompletableFuture<HttpResponse<byte[]>> send(HttpClient client, URI url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The exchange's answer within {@code timeout}; see {@link #get(HttpClient, URI, Duration)} for why a copy. */
    private static CompletableFuture<HttpResponse<byte[]>> bounded(CompletableFuture<HttpResponse<byte[]>> exchange,
                                                                   URI url, Duration timeout) {
        return exchange.copy()
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((response, error) -> exchange.cancel(true)) // no effect if the exchange is complete
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(explain(error, url, timeout)));
    }

    /** orTimeout's bare {@link TimeoutException} has no message; say which URL and how long. */
    private static Throwable explain(Throwable error, URI url, Duration timeout) {
        Throwable cause = Failure.unwrap(error);
        if (cause instanceof TimeoutException) {
            return new HttpTimeoutException("no whole answer from " + url + " within " + timeout.toMillis() + " ms");
        }
        return cause;
    }
}
