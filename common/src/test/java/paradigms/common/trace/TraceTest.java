package paradigms.common.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceTest {

    @Test
    void overlappingSpansOnDifferentLanesArePairedButNotOnTheSameLane() {
        Trace trace = Trace.recording();
        trace.record(new Span("a", "pid 1", "t1", 0, 100));
        trace.record(new Span("b", "pid 1", "t1", 50, 150)); // same lane: a loop's slices, not parallelism
        assertFalse(trace.firstParallelPair().isPresent());
        trace.record(new Span("c", "pid 2", "main", 120, 200));
        assertEquals("c", trace.firstParallelPair().orElseThrow().get(1).task());
    }

    @Test
    void touchingSpansDoNotOverlap() {
        Trace trace = Trace.recording();
        trace.record(new Span("a", "p", "t1", 0, 100));
        trace.record(new Span("b", "p", "t2", 100, 200));
        assertFalse(trace.firstParallelPair().isPresent());
    }

    @Test
    void chromeJsonHasOneCompleteEventPerSpanAndNamesItsTracks() throws Exception {
        Trace trace = Trace.recording();
        try (var running = trace.begin("work")) {
            assertTrue(trace.spans().isEmpty(), "recorded on close, not before");
        }
        trace.record(new Span("child", "pid 99", "worker", Trace.nowMicros(), Trace.nowMicros() + 10));
        JsonNode events = new ObjectMapper().readTree(ChromeTrace.toJson(trace)).get("traceEvents");
        long complete = 0;
        long names = 0;
        for (JsonNode event : events) {
            complete += event.get("ph").asText().equals("X") ? 1 : 0;
            names += event.get("ph").asText().equals("M") ? 1 : 0;
        }
        assertEquals(2, complete);
        assertEquals(4, names, "two processes and two threads named");
    }

    @Test
    void anOffTraceRecordsNothing() {
        Trace off = Trace.off();
        try (var running = off.begin("ignored")) {
            // nothing
        }
        assertTrue(off.spans().isEmpty());
    }
}
