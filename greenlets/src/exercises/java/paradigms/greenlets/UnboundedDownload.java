package paradigms.greenlets;

import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

import java.util.List;

/**
 * Exercise {@code unbounded-download} (greenlets/README.md, Exercises for you, 1): the chapter's
 * {@code download} without its {@code Semaphore}.
 */
final class UnboundedDownload implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise unbounded-download is not done yet: implement UnboundedDownload.download"
                + " (a copy of Download without the semaphore) — see greenlets/README.md, Exercises for you, 1");
    }
}
