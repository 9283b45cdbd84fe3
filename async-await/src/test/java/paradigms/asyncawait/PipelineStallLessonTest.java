package paradigms.asyncawait;

import paradigms.common.contract.RequestsDuringStageTwo;
import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: the pipeline's continuations all run on one loop thread, and CPU work in stage 2 on
 * that thread stalls stage 1. The queue has room for every page, so nothing but the loop itself
 * can hold stage 1 back; each page's work is long beside a download. The server tells what
 * happened while a page was processed: computed on the loop, no request went out — only the C
 * already on the wire could arrive (the answers waited in the loop's queue behind the work);
 * computed on the worker, stage 1 went on fetching.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PipelineStallLessonTest {

    @Test
    void stageTwoOnTheLoopThreadStallsStageOneNoRequestGoesOutWhileAPageIsProcessed() throws Exception {
        long most = RequestsDuringStageTwo.most(Pipeline.stageTwoOnTheLoop());
        assertTrue(most <= RequestsDuringStageTwo.MAX_IN_FLIGHT, "while a page was processed the server received " + most
                + " requests: more than the C = " + RequestsDuringStageTwo.MAX_IN_FLIGHT + " already on the wire, so the loop sent some");
    }

    @Test
    void stageTwoOffloadedToAWorkerLetsStageOneFetchWhileAPageIsProcessed() throws Exception {
        long most = RequestsDuringStageTwo.most(new Pipeline());
        assertTrue(most > RequestsDuringStageTwo.MAX_IN_FLIGHT, "while a page was processed the server received only " + most
                + " requests: stage 1 did not go on");
    }
}
