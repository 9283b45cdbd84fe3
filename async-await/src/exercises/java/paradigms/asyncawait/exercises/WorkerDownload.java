package paradigms.asyncawait.exercises;

import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

import java.util.List;

/**
 * Exercise {@code worker-download} (async-await/README.md, "Exercises for you", 2):
 * {@code download} without a semaphore — asyncio's worker pattern. C "workers", each a chain
 * that takes the next URL from a shared index, fetches it ({@code AsyncHttp.get}), records
 * its result, and {@code thenCompose}s to itself until no URL is left. The call returns the
 * results in input order and must pass the chapter's whole {@code download} contract — which
 * also asks each URL's task to tell its life as {@code Download} does ({@code trace.life},
 * {@code waitingFor(Waited.SOCKET)}, {@code resumed(AsyncHttp.sentAt(response))}, {@code ended()}).
 */
public final class WorkerDownload implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise worker-download is not done yet: implement WorkerDownload.download with "
                + "min(C, N) chains that each take the next index and compose to themselves — see async-await/README.md, "
                + "Exercises for you, 2");
    }
}
