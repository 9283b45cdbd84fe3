package paradigms.common.pipeline;

import org.junit.jupiter.api.Test;
import paradigms.common.download.Failure;
import paradigms.common.http.SocketHttpClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts every chapter's pipeline shares: the level recorder, stage 3, stage 2's work, stage 1's items. */
class PipelinePartsTest {

    private static final URI A = URI.create("http://127.0.0.1:1/data/a");
    private static final URI B = URI.create("http://127.0.0.1:1/data/b");
    private static final PageWork DIGEST = PageWork.digesting(Duration.ZERO);

    @Test
    void theLevelRecordsItsHighAndLowWaterAndEveryChange() {
        var level = new BufferLevel();
        level.inserted();
        level.inserted();
        level.removed();
        level.inserted();
        level.removed();
        level.removed();
        assertEquals(0, level.level());
        assertEquals(2, level.highWater());
        assertEquals(0, level.lowWater());
        assertEquals(3, level.insertions());
        assertEquals(List.of(1, 2, 1, 2, 1, 0), level.samples().stream().map(BufferLevel.Sample::level).toList());
        assertFalse(level.samplesCut());
        long previous = -1;
        for (BufferLevel.Sample sample : level.samples()) {
            assertTrue(sample.nanos() >= previous, "samples in time order");
            previous = sample.nanos();
        }
    }

    @Test
    void aRemovalReportedBeforeItsInsertionShowsAsANegativeLowWater() {
        var level = new BufferLevel();
        level.removed();
        level.inserted();
        assertEquals(-1, level.lowWater());
        assertEquals(0, level.level());
    }

    @Test
    void stageThreeCollectsInInputOrderWhateverOrderItemsArriveIn() {
        var results = new ResultsInOrder(request(A, B));
        results.collect(1, page(1, B));
        assertFalse(results.complete());
        results.collect(0, page(0, A));
        assertTrue(results.complete());
        assertEquals(List.of(A, B), results.result().items().stream().map(PipelineItem::url).toList());
    }

    @Test
    void stageThreeRefusesASecondItemAWrongUrlAndAnIncompleteResult() {
        var results = new ResultsInOrder(request(A, B));
        results.collect(0, page(0, A));
        assertEquals("a second item for " + A + ": every URL is processed once",
                assertThrows(IllegalStateException.class, () -> results.collect(0, page(0, A))).getMessage());
        assertThrows(IllegalStateException.class, () -> results.collect(1, page(1, A)));
        assertTrue(assertThrows(IllegalStateException.class, results::result).getMessage().startsWith("no item for " + B));
    }

    @Test
    void theDigestIsTheBodysSha256AndTakesAtLeastItsCost() throws Exception {
        byte[] body = "a page".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        PipelineItem.Processed processed = PageWork.digesting(Duration.ofMillis(30)).process(new Fetched.Page(0, A, body));
        long took = System.nanoTime() - start;
        assertTrue(took >= Duration.ofMillis(30).toNanos(), "took " + took + " ns");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)), processed.sha256());
        assertEquals(body.length, processed.size());
        assertEquals(A, processed.url());
    }

    @Test
    void aFailurePassesThroughStageTwoUntouched() {
        Fetched failed = Fetched.ofResponse(3, A, 503, new byte[0]);
        var item = assertInstanceOf(PipelineItem.Failed.class, DIGEST.apply(failed));
        assertEquals(Failure.HTTP_STATUS, item.failure().failure());
        assertEquals(503, item.failure().status());
        assertEquals(3, failed.index());
    }

    @Test
    void aUrlTheBlockingClientCannotFetchIsThatItemsFailureNotAnException() throws Exception {
        try (var http = new SocketHttpClient(1)) {
            Fetched fetched = http.fetch(7, URI.create("https://127.0.0.1:1/x"), Duration.ofSeconds(1));
            assertEquals(7, fetched.index());
            assertInstanceOf(Fetched.Failed.class, fetched);
        }
    }

    private static PipelineRequest request(URI... urls) {
        return new PipelineRequest(List.of(urls), 1, 1, DIGEST);
    }

    private static PipelineItem page(int index, URI url) {
        return DIGEST.apply(new Fetched.Page(index, url, new byte[] {1, 2, 3}));
    }
}
