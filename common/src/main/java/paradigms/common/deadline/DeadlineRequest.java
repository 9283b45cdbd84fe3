package paradigms.common.deadline;

import paradigms.common.Check;
import paradigms.common.download.DownloadRequest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Download every URL, but give up on all of them at the first failure, or when the
 * deadline passes — whichever comes first.
 *
 * @param urls           distinct absolute http(s) URLs
 * @param maxInFlight    C: the most requests in flight at once
 * @param deadline       how long the whole call may take
 * @param requestTimeout how long one request may take (a timed-out request is a failure)
 */
public record DeadlineRequest(List<URI> urls, int maxInFlight, Duration deadline, Duration requestTimeout) {

    public DeadlineRequest {
        // The same rules as a download; the record checks them and names the fields.
        urls = new DownloadRequest(urls, maxInFlight, requestTimeout).urls();
        Check.positive("deadline", deadline);
    }

    public DeadlineRequest(List<URI> urls, int maxInFlight, Duration deadline) {
        this(urls, maxInFlight, deadline, DownloadRequest.DEFAULT_TIMEOUT);
    }
}
