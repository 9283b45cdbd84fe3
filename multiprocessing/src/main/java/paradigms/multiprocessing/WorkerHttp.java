package paradigms.multiprocessing;

import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.download.DownloadResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

/**
 * How a worker fetches one URL: with {@link HttpURLConnection}, the JDK's old blocking client,
 * and not with {@code java.net.http.HttpClient} as the other blocking chapters do
 * ({@code BlockingHttp}). The reason is this chapter's subject, start-up: every worker is a
 * fresh JVM, and its first request pays for every class the client loads. A fresh JVM making
 * one request used 550–590 ms of CPU in all with {@code HttpClient} and 160–180 ms with
 * {@code HttpURLConnection}, JVM start-up included; the request itself took about 420 ms
 * against about 100 ({@code Benchmark} section {@code clients}, figures in the README). The
 * {@code HttpClient} builds a TLS context (reading the CA certificates, even for plain http),
 * starts a selector thread and loads about 1,200 classes that are not in the JDK's class-data
 * archive. With it, the {@code deadline} contract's fail-fast case — five fresh workers making
 * their first requests at once on two cores — took three seconds or more; with this, about one.
 *
 * <p>The outcomes are built exactly as {@code BlockingHttp} builds them
 * ({@link DownloadResult#ofResponse}, {@link CrawlOutcome#ofResponse}, {@code ofError}): a
 * response gives the same record as in every other chapter ({@code SameResultsAsTheBaselineTest}),
 * a failed fetch the same kind of failure — only its detail names this client's exception.
 *
 * <p><b>Timeouts.</b> {@code HttpURLConnection} bounds each wait for bytes (the socket's read
 * timeout), not the whole exchange. Here the read timeout is the request's timeout, and the
 * elapsed time is checked after the headers and after every piece of the body: a server that
 * stalls times out after one timeout; one that trickles a byte at a time is stopped at the
 * first check past the timeout — at worst one more read timeout later (so within two
 * timeouts). A connect that times out is a connection failure, as in {@code BlockingHttp}.
 *
 * <p>Threads: called on a worker's task thread, one fetch at a time. Kept-alive connections are
 * the JDK's (its keep-alive cache); they die with the worker.
 */
final class WorkerHttp {

    /** As {@code BlockingHttp}'s client: a server that does not accept within this is not there. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private WorkerHttp() {
    }

    /** A response that arrived whole. */
    private record Response(int status, String location, byte[] body) {
    }

    static DownloadResult download(URI url, Duration timeout) {
        try {
            Response response = fetch(url, timeout);
            return DownloadResult.ofResponse(url, response.status(), response.body());
        } catch (IOException e) {
            return DownloadResult.ofError(url, e);
        }
    }

    static CrawlOutcome crawl(URI url, Duration timeout) {
        try {
            Response response = fetch(url, timeout);
            return CrawlOutcome.ofResponse(url, response.status(), response.location(), response.body());
        } catch (IOException e) {
            return CrawlOutcome.ofError(e);
        }
    }

    private static Response fetch(URI url, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
        boolean whole = false;
        try {
            connection.setInstanceFollowRedirects(false); // the crawler follows redirects itself
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT));
            connection.setReadTimeout(millis(timeout));
            try {
                connection.connect();
            } catch (SocketTimeoutException e) {
                throw new ConnectException("no connection to " + url.getAuthority() + " within "
                        + connection.getConnectTimeout() + " ms");
            }
            int status = connection.getResponseCode(); // blocks until the status line and headers are in
            checkDeadline(deadline, url, timeout);
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            Response response = new Response(status, connection.getHeaderField("Location"),
                    body == null ? new byte[0] : readWhole(body, deadline, url, timeout));
            whole = true;
            return response;
        } finally {
            if (!whole) {
                connection.disconnect(); // a half-read connection must not go back to the keep-alive cache
            }
        }
    }

    private static byte[] readWhole(InputStream body, long deadline, URI url, Duration timeout) throws IOException {
        try (body) { // closing a fully read stream returns its connection to the keep-alive cache
            var bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = body.read(buffer)) != -1) {
                bytes.write(buffer, 0, read);
                checkDeadline(deadline, url, timeout);
            }
            return bytes.toByteArray();
        }
    }

    private static void checkDeadline(long deadline, URI url, Duration timeout) throws SocketTimeoutException {
        if (System.nanoTime() - deadline > 0) {
            throw new SocketTimeoutException("no whole answer from " + url + " within " + timeout.toMillis() + " ms");
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
