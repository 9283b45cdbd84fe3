package paradigms.common.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import paradigms.common.measure.ResumeLatency;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskLifeTest {

    @Test
    void aTaskThatWaitsOnceHasFourSegmentsWithoutGapsAndOneResume() {
        Trace trace = Trace.recording();
        ResumeLatency resumes = ResumeLatency.recording();
        TaskLife life = trace.life("GET /data/1", resumes);
        life.waitingFor(Waited.SOCKET);
        pause(3);
        long sent = System.nanoTime();
        pause(5); // ready, not running
        life.resumed(sent);
        life.ended();

        List<TaskState> states = trace.taskStates();
        assertEquals(List.of("running", "waiting for socket", "ready", "running"),
                states.stream().map(TaskState::label).toList());
        for (int i = 1; i < states.size(); i++) {
            assertEquals(states.get(i - 1).endMicros(), states.get(i).startMicros(), "no gap before " + states.get(i));
        }
        assertTrue(states.get(2).durationMicros() >= 4_000, "ready for the 5 ms after the answer was sent: " + states.get(2));
        assertEquals(1, resumes.count());
        assertTrue(resumes.summary().max().toMillis() >= 5);
    }

    @Test
    void aResumeWithoutAStampRecordsTheWaitButNoReadyTimeAndNoLatency() {
        Trace trace = Trace.recording();
        ResumeLatency resumes = ResumeLatency.recording();
        TaskLife life = trace.life("GET /x", resumes);
        life.waitingFor(Waited.SOCKET);
        life.resumed(OptionalLong.empty());
        life.ended();
        assertEquals(List.of("running", "waiting for socket", "running"), trace.taskStates().stream().map(TaskState::label).toList());
        assertEquals(0, resumes.count());
    }

    @Test
    void resumingWithoutWaitingOrWaitingTwiceIsAMistakeNamedInTheMessage() {
        TaskLife life = Trace.recording().life("task 3", ResumeLatency.off());
        var notWaiting = assertThrows(IllegalStateException.class, () -> life.resumed(System.nanoTime()));
        assertTrue(notWaiting.getMessage().contains("task 3"), notWaiting.getMessage());
        life.waitingFor(Waited.TIMER);
        assertThrows(IllegalStateException.class, () -> life.waitingFor(Waited.SOCKET));
    }

    @Test
    void withNothingToRecordEveryTaskSharesOneLifeThatKeepsNoState() {
        TaskLife life = Trace.off().life("a", ResumeLatency.off());
        assertSame(TaskLife.NOTHING, life);
        life.waitingFor(Waited.TIMER);
        life.waitingFor(Waited.TIMER); // no state: another task's call cannot trip over it
        life.resumed(System.nanoTime());
    }

    @Test
    void anOffTraceStillMeasuresResumes() {
        ResumeLatency resumes = ResumeLatency.recording();
        TaskLife life = Trace.off().life("a", resumes);
        life.waitingFor(Waited.TIMER);
        life.resumed(System.nanoTime());
        assertEquals(1, resumes.count());
        assertTrue(Trace.off().taskStates().isEmpty());
    }

    @Test
    void chromeJsonGivesEachTaskATrackAndAnArrowFromTheEventToTheResume() throws Exception {
        Trace trace = Trace.recording();
        List<TaskLife> lives = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            TaskLife life = trace.life("task " + task, ResumeLatency.off());
            life.waitingFor(Waited.TIMER);
            lives.add(life);
        }
        long due = System.nanoTime();
        pause(2);
        for (TaskLife life : lives) {
            life.resumed(due);
            life.ended();
        }
        JsonNode events = new ObjectMapper().readTree(ChromeTrace.toJson(trace)).get("traceEvents");
        List<String> trackNames = new ArrayList<>();
        int starts = 0;
        int finishes = 0;
        int readySlices = 0;
        for (JsonNode event : events) {
            switch (event.get("ph").asText()) {
                case "M" -> trackNames.add(event.get("args").get("name").asText());
                case "s" -> starts++;
                case "f" -> finishes++;
                case "X" -> readySlices += event.get("name").asText().equals("ready") ? 1 : 0;
                default -> { }
            }
        }
        assertTrue(trackNames.containsAll(List.of(ChromeTrace.TASKS, "task 0", "task 1", ChromeTrace.EVENTS, "timer due")), trackNames.toString());
        assertEquals(2, readySlices);
        assertEquals(2, starts, "one arrow per resume");
        assertEquals(2, finishes);
        // Each arrow ends where its task runs again: a "running" slice of the same track starts at
        // the arrow's end and comes before it in the file (a reader binds the arrow to the open slice).
        for (int i = 0; i < events.size(); i++) {
            JsonNode end = events.get(i);
            if (!end.get("ph").asText().equals("f")) {
                continue;
            }
            boolean bound = false;
            for (int j = 0; j < i; j++) {
                JsonNode slice = events.get(j);
                bound |= slice.get("ph").asText().equals("X") && slice.get("name").asText().equals("running")
                        && slice.get("pid").equals(end.get("pid")) && slice.get("tid").equals(end.get("tid"))
                        && slice.get("ts").asLong() == end.get("ts").asLong();
            }
            assertTrue(bound, "the arrow's end has a running slice starting under it, before it in the file: " + end);
        }
    }

    private static void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }
}
