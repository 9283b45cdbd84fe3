package paradigms.asyncawait.exercises;

import org.junit.jupiter.api.Tag;
import paradigms.asyncawait.AsyncAwaitParadigm;
import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;
import paradigms.common.download.DownloadExercise;

/**
 * Exercise {@code worker-download}: the chapter's whole {@code download} contract — input order,
 * errors as results, each URL once, never more than C in flight and exactly C while URLs remain —
 * held against the worker pattern.
 */
@Tag("exercise")
@Tag("worker-download")
class WorkerDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new DelegatingParadigm(new AsyncAwaitParadigm()) {
            @Override
            public DownloadExercise download() {
                return new WorkerDownload();
            }
        };
    }
}
