package paradigms.common.pipeline;

import paradigms.common.Check;
import paradigms.common.download.DownloadRequest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Download every URL (stage 1), process each page (stage 2), collect the results in input
 * order (stage 3), with a buffer of at most {@code bufferSize} pages between stages 1 and 2.
 *
 * @param urls        N distinct absolute http(s) URLs; the results come back in this order
 * @param maxInFlight C: the most requests stage 1 may have in flight at once
 * @param bufferSize  B: the most pages the buffer between stages 1 and 2 may hold
 * @param work        stage 2's work on one page, e.g. {@link PageWork#digesting(Duration)}
 * @param timeout     how long one request may take (a timed-out request is that item's failure)
 */
public record PipelineRequest(List<URI> urls, int maxInFlight, int bufferSize, PageWork work, Duration timeout) {

    public PipelineRequest {
        // The same rules as a download's, checked by its record, naming the same fields.
        urls = new DownloadRequest(urls, maxInFlight, timeout).urls();
        Check.positive("bufferSize", bufferSize);
        Check.notNull("work", work);
    }

    public PipelineRequest(List<URI> urls, int maxInFlight, int bufferSize, PageWork work) {
        this(urls, maxInFlight, bufferSize, work, DownloadRequest.DEFAULT_TIMEOUT);
    }
}
