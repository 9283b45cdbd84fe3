package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * {@code download} in callbacks: every URL asks for a permit; a granted permit starts a GET;
 * the GET's callback stores the result and passes the permit on. The loop returns from
 * {@code run()} when the last callback has run — that is how this code knows it is done.
 *
 * <p>Results go into an array slot per URL, so they come back in input order whatever order
 * the answers arrive in. Only the loop thread writes it, and the caller reads it after
 * {@code run()} returned on the same thread.
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
                    try (var sending = trace.begin(SpanNames.request(url))) {
                        client.get(url, request.timeout(),
                                response -> {
                                    response.sentAtNanos().ifPresent(request.resumeLatency()::record); // the task runs again
                                    try (var receiving = trace.begin(SpanNames.answered(url))) {
                                        results[index] = DownloadResult.ofResponse(url, response.status(), response.body());
                                    }
                                    permits.release();
                                },
                                failure -> {
                                    results[index] = DownloadResult.ofError(url, failure);
                                    permits.release();
                                });
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
