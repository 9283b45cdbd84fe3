package paradigms.common.download;

import paradigms.common.Check;
import paradigms.common.measure.ResumeLatency;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Fetch every URL once, with at most {@code maxInFlight} requests outstanding at any moment.
 *
 * @param urls        the URLs, distinct, each an absolute http(s) URL; results come back in this order
 * @param maxInFlight C: the most requests that may be in flight at once
 * @param timeout     how long one request may take, from sending it to the last byte of its body
 * @param resumeLatency where each task notes, as it resumes with its answer, how long after the
 *                    server sent it that was ({@link ResumeLatency#record}; once per answer that
 *                    arrived whole, whatever its status); {@link ResumeLatency#off()} unless given
 */
public record DownloadRequest(List<URI> urls, int maxInFlight, Duration timeout, ResumeLatency resumeLatency) {

    /** Long enough for the slowest page of the exercises; short enough that a hang fails fast. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public DownloadRequest {
        urls = Check.distinct("urls", Check.nonEmpty("urls", urls));
        for (int i = 0; i < urls.size(); i++) {
            Check.httpUrl("urls[" + i + "]", urls.get(i));
        }
        Check.positive("maxInFlight", maxInFlight);
        Check.positive("timeout", timeout);
        Check.notNull("resumeLatency", resumeLatency);
    }

    public DownloadRequest(List<URI> urls, int maxInFlight, Duration timeout) {
        this(urls, maxInFlight, timeout, ResumeLatency.off());
    }

    public DownloadRequest(List<URI> urls, int maxInFlight) {
        this(urls, maxInFlight, DEFAULT_TIMEOUT);
    }

    /** The same request, with its resumes recorded into {@code recorder}. */
    public DownloadRequest measuringResumes(ResumeLatency recorder) {
        return new DownloadRequest(urls, maxInFlight, timeout, recorder);
    }

    /** Builds a request from URLs given as text (e.g. on a command line), checking each. */
    public static DownloadRequest parse(List<String> urls, int maxInFlight, Duration timeout) {
        if (urls == null) {
            throw new IllegalArgumentException("urls must not be null");
        }
        var parsed = new java.util.ArrayList<URI>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            parsed.add(Check.httpUrl("urls[" + i + "]", urls.get(i)));
        }
        return new DownloadRequest(parsed, maxInFlight, timeout);
    }
}
