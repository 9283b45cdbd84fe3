package paradigms.common.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Trace} in the Chrome Trace Event format, which Perfetto
 * (ui.perfetto.dev) and {@code chrome://tracing} open: one "complete" event
 * ({@code "ph": "X"}) per span, with the process and thread as the track.
 *
 * <p>The format wants numeric process and thread ids, so lanes are numbered in order of
 * appearance and named with metadata events ({@code "ph": "M"}).
 *
 * <p>A task's life ({@link TaskState}) gets a track of its own, under a process named
 * {@value #TASKS}: running, waiting for what, ready. Each ready segment starts at a moment shown
 * on a track under {@value #EVENTS} ("answer sent", "timer due"), and a flow arrow leads from
 * that moment to the task's next running segment: Perfetto draws it when either end is selected.
 */
public final class ChromeTrace {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChromeTrace() {
    }

    /** The process under which every task's own track is shown, apart from the threads it ran on. */
    static final String TASKS = "tasks: running / waiting / ready";

    /** The process under which the moments tasks waited for are shown (answers sent, timers due). */
    static final String EVENTS = "what the tasks waited for";

    public static String toJson(Trace trace) {
        List<Span> spans = trace.spans();
        List<TaskState> states = trace.taskStates();
        long origin = Math.min(spans.isEmpty() ? Long.MAX_VALUE : spans.getFirst().startMicros(),
                states.stream().mapToLong(TaskState::startMicros).min().orElse(Long.MAX_VALUE));
        var tracks = new Tracks(origin);
        for (Span span : spans) {
            tracks.slice(span.process(), span.thread(), span.task(), span.startMicros(), span.durationMicros());
        }
        int flow = 0;
        for (TaskState state : states) {
            tracks.slice(TASKS, state.task(), state.label(), state.startMicros(), state.durationMicros());
            if (state.state() == TaskState.State.READY) {
                // The arrow: from the moment the awaited thing happened to the moment the task ran again.
                String event = state.waitedFor().eventLabel();
                tracks.slice(EVENTS, event, event, state.startMicros(), 1);
                tracks.flow("s", ++flow, EVENTS, event, state.startMicros());
                tracks.flow("f", flow, TASKS, state.task(), state.endMicros());
            }
        }
        // The arrows after every slice: a flow event binds to the slice open on its track at its
        // moment, and a reader takes events of the same moment in file order — the running slice
        // that starts at the resume must already be open when the arrow's end arrives.
        List<Map<String, Object>> events = new ArrayList<>(tracks.events);
        events.addAll(tracks.flows);
        try {
            return JSON.writeValueAsString(Map.of("traceEvents", events, "displayTimeUnit", "ms"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Numbers processes and tracks in order of appearance and names them with metadata events,
     * as the format wants numeric ids.
     */
    private static final class Tracks {
        private final long origin;
        private final Map<String, Integer> pids = new LinkedHashMap<>();
        private final Map<String, Integer> tids = new LinkedHashMap<>();
        private final List<Map<String, Object>> events = new ArrayList<>();
        private final List<Map<String, Object>> flows = new ArrayList<>();

        Tracks(long origin) {
            this.origin = origin;
        }

        void slice(String process, String track, String name, long startMicros, long durationMicros) {
            Map<String, Object> event = at(process, track, startMicros);
            event.put("name", name);
            event.put("ph", "X");
            event.put("dur", durationMicros);
            events.add(event);
        }

        /** A flow event: "s" binds to the slice open at its moment, "f" ({@code "bp": "e"}) to the slice open at its moment. */
        void flow(String phase, int id, String process, String track, long atMicros) {
            Map<String, Object> event = at(process, track, atMicros);
            event.put("name", "resume");
            event.put("cat", "resume");
            event.put("ph", phase);
            event.put("id", id);
            if (phase.equals("f")) {
                event.put("bp", "e");
            }
            flows.add(event);
        }

        private Map<String, Object> at(String process, String track, long micros) {
            boolean newProcess = !pids.containsKey(process);
            int pid = pids.computeIfAbsent(process, p -> pids.size() + 1);
            if (newProcess) {
                events.add(metadata("process_name", pid, 0, process));
            }
            String lane = process + " / " + track;
            boolean newTrack = !tids.containsKey(lane);
            int tid = tids.computeIfAbsent(lane, l -> tids.size() + 1);
            if (newTrack) {
                events.add(metadata("thread_name", pid, tid, track));
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("ts", micros - origin);
            event.put("pid", pid);
            event.put("tid", tid);
            return event;
        }
    }

    public static void write(Trace trace, Path file) throws IOException {
        Files.writeString(file, toJson(trace));
    }

    private static Map<String, Object> metadata(String kind, int pid, int tid, String name) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", kind);
        event.put("ph", "M");
        event.put("pid", pid);
        event.put("tid", tid);
        event.put("args", Map.of("name", name));
        return event;
    }
}
