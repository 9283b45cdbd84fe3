package paradigms.common.contract.broken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.HttpResponse;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.measure.ResumeLatency;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link DownloadContract}'s resume-latency check against downloads that note their resumes
 * wrongly. Each fetches every URL at once on a virtual thread of its own (so the requests
 * overlap, as in the concurrent chapters) and gets every result right: only the noting is wrong.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class BrokenDownloadsTest {

    /** How one fetch notes its resume, given when it asked and the answer it got. */
    private interface Noting {
        void note(ResumeLatency resumes, long askedAtNanos, HttpResponse response);
    }

    /** Notes the moment it <em>sent</em> the request as if the server had stamped it then: the server's wait is counted. */
    static final Noting STAMPS_AT_REQUEST_TIME = (resumes, asked, response) -> resumes.record(asked);

    /** Notes each resume twice (say, once in a callback and once more where the result is stored). */
    static final Noting NOTES_TWICE = (resumes, asked, response) -> {
        response.sentAtNanos().ifPresent(resumes::record);
        response.sentAtNanos().ifPresent(resumes::record);
    };

    /** The right way, to show the check does not simply always fail. */
    static final Noting AT_RESUME = (resumes, asked, response) -> response.sentAtNanos().ifPresent(resumes::record);

    private static DownloadExercise allAtOnce(Noting noting) {
        return (request, trace) -> {
            try (var http = new SocketHttpClient(request.urls().size());
                 var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<DownloadResult>> answers = new ArrayList<>();
                for (URI url : request.urls()) {
                    Callable<DownloadResult> fetch = () -> fetch(http, url, request, noting);
                    answers.add(threads.submit(fetch));
                }
                List<DownloadResult> results = new ArrayList<>();
                for (Future<DownloadResult> answer : answers) {
                    try {
                        results.add(answer.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
                return results;
            }
        };
    }

    private static DownloadResult fetch(SocketHttpClient http, URI url, DownloadRequest request, Noting noting)
            throws InterruptedException {
        long asked = System.nanoTime();
        try {
            HttpResponse response = http.get(url, request.timeout());
            noting.note(request.resumeLatency(), asked, response);
            return DownloadResult.ofResponse(url, response.status(), response.body());
        } catch (IOException e) {
            return DownloadResult.ofError(url, e);
        }
    }

    private static DownloadContract binding(DownloadExercise download) {
        return new DownloadContract() {
            @Override
            public Paradigm paradigm() {
                return Impostor.download(download);
            }
        };
    }

    @Test
    void aDownloadThatStampsWhenItSendsInsteadOfWhenItResumesFails() {
        DownloadContract contract = binding(allAtOnce(STAMPS_AT_REQUEST_TIME));
        assertThrows(AssertionFailedError.class, contract::eachWholeAnswerRecordsOneResumeLatencyThatTheCallsWallTimeBounds);
    }

    @Test
    void aDownloadThatNotesEachResumeTwiceFails() {
        DownloadContract contract = binding(allAtOnce(NOTES_TWICE));
        assertThrows(AssertionFailedError.class, contract::eachWholeAnswerRecordsOneResumeLatencyThatTheCallsWallTimeBounds);
    }

    @Test
    void aDownloadThatNotesAtTheResumePasses() throws Exception {
        binding(allAtOnce(AT_RESUME)).eachWholeAnswerRecordsOneResumeLatencyThatTheCallsWallTimeBounds();
    }
}
