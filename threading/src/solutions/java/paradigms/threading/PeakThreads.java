package paradigms.threading;

import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.measure.Meter;
import paradigms.common.trace.Trace;

import java.util.List;

/**
 * Exercise {@code thread-peak}: what the chapter's {@code download} costs in threads and heap
 * when C is large — measured with common's {@link Meter} around one call of {@code Download}.
 *
 * <p>The pool has min(C, N) platform threads, so with C = N every URL gets a thread of its own:
 * the peak of platform threads rises by about C over what the JVM had before (the measure is
 * process-wide, so the test JVM's own threads are in it too).
 */
final class PeakThreads {

    private PeakThreads() {
    }

    /** Runs {@code Download} once on {@code request}; returns its answers and what the run cost. */
    static Meter.Measured<List<DownloadResult>> download(DownloadRequest request) throws Exception {
        return Meter.measure(() -> new Download().download(request, Trace.off()));
    }
}
