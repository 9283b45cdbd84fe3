package paradigms.threading;

import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.measure.Meter;

import java.util.List;

/**
 * Exercise {@code thread-peak} (threading/README.md, Exercises for you, 1): measure what the
 * chapter's {@code Download} costs in platform threads and heap when C is large.
 */
final class PeakThreads {

    private PeakThreads() {
    }

    /** Runs {@code Download} once on {@code request}; returns its answers and what the run cost. */
    static Meter.Measured<List<DownloadResult>> download(DownloadRequest request) throws Exception {
        throw new NotDoneYet("exercise thread-peak is not done yet: implement PeakThreads.download with"
                + " Meter.measure around one call of Download — see threading/README.md, Exercises for you, 1");
    }
}
