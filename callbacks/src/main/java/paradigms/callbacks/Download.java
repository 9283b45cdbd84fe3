package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.common.trace.Waited;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code download} in callbacks: every URL asks for a permit; a granted permit starts a GET;
 * the GET's callback stores the result and passes the permit on. The loop returns from
 * {@code run()} when the last callback has run — that is how this code knows it is done.
 *
 * <p>Results go into an array slot per URL, so they come back in input order whatever order
 * the answers arrive in. Only the loop thread writes it, and the caller reads it after
 * {@code run()} returned on the same thread.
 *
 * <p><b>A task's life</b> ({@link TaskLife}): a URL's task runs from the callback that got its
 * permit (its wait for one, in the permits' queue, is not told), and waits for its socket from the moment its GET is sent and that callback returns. The
 * answer's callback is where it runs again: after the loop saw the socket readable, read and
 * parsed the bytes, and reached that callback in its ready queue — the resume latency.
 */
final class Download implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) {
        List<URI> urls = request.urls();
        DownloadResult[] results = new DownloadResult[urls.size()];
        try (var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            var permits = new Permits(loop, request.maxInFlight());
            for (int i = 0; i < urls.size(); i++) {
                int index = i;
                URI url = urls.get(i);
                permits.acquire(() -> {
                    TaskLife life = trace.life(SpanNames.request(url), request.resumeLatency());
                    try (var sending = trace.begin(SpanNames.request(url))) {
                        client.get(url, request.timeout(),
                                response -> {
                                    life.resumed(response.sentAtNanos()); // the task runs again: first thing it does
                                    try (var receiving = trace.begin(SpanNames.answered(url))) {
                                        results[index] = DownloadResult.ofResponse(url, response.status(), response.body());
                                    }
                                    life.ended(); // before release(): the next task runs inside it
                                    permits.release();
                                },
                                failure -> {
                                    life.resumed(OptionalLong.empty()); // no answer, no stamp: the wait is over all the same
                                    results[index] = DownloadResult.ofError(url, failure);
                                    life.ended();
                                    permits.release();
                                });
                        life.waitingFor(Waited.SOCKET); // the request is on its way; this callback returns: the task waits
                    }
                });
            }
            loop.run();
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) { // the loop ran out of work without this URL's callback: a lost callback
                throw new IllegalStateException("no result for " + urls.get(i));
            }
        }
        return Arrays.asList(results);
    }
}
