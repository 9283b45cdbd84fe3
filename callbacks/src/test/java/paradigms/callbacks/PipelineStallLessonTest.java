package paradigms.callbacks;

import paradigms.common.contract.RequestsDuringStageTwo;
import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: on an event loop, CPU work in stage 2 stalls stage 1. The buffer has room for every
 * page, so nothing but the loop itself can hold stage 1 back; each page's work is long beside a
 * download. The server tells what happened while a page was processed: run on the loop thread,
 * no request went out — only the C already on the wire could arrive; offloaded to a worker,
 * stage 1 went on fetching.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
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
