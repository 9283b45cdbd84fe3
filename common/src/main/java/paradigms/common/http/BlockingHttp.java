package paradigms.common.http;

import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.download.DownloadResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Fetching one URL with the JDK's {@link HttpClient}, the blocking way: the calling thread
 * waits until the whole answer is in. The chapters that block (sequential, threading,
 * virtual threads, the workers of multiprocessing) share this, because their lesson is how
 * the waiting is scheduled, not how a request is made.
 *
 * <p>Why {@code sendAsync(…).get(timeout)} and not {@code send}: {@link HttpRequest#timeout}
 * stops at the response headers, so a server that sends headers and then stalls the body
 * would hang {@code send} forever. Waiting on the future bounds the whole exchange, and
 * cancelling it aborts the exchange. The calling thread blocks either way.
 */
public final class BlockingHttp {

    private BlockingHttp() {
    }

    /**
     * A client for the local server: HTTP/1.1 (plain-HTTP servers do not speak HTTP/2
     * without upgrade, and asking for it costs a round of negotiation), redirects not followed
     * (the crawler follows them itself and must see them). Close it when done.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static DownloadResult download(HttpClient client, URI url, Duration timeout) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = fetch(client, url, timeout);
            return DownloadResult.ofResponse(url, response.statusCode(), response.body());
        } catch (ExecutionException | TimeoutException e) {
            return DownloadResult.ofError(url, e instanceof TimeoutException ? timedOut(url, timeout) : e);
        }
    }

    public static CrawlOutcome crawl(HttpClient client, URI url, Duration timeout) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = fetch(client, url, timeout);
            return CrawlOutcome.ofResponse(url, response.statusCode(),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (ExecutionException | TimeoutException e) {
            return CrawlOutcome.ofError(e instanceof TimeoutException ? timedOut(url, timeout) : e);
        }
    }

    private static HttpResponse<byte[]> fetch(HttpClient client, URI url, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } finally {
            answer.cancel(true); // no effect when complete; otherwise aborts the exchange
        }
    }

    private static HttpTimeoutException timedOut(URI url, Duration timeout) {
        return new HttpTimeoutException("no whole answer from " + url + " within " + timeout.toMillis() + " ms");
    }
}
