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
 */
public final class ChromeTrace {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChromeTrace() {
    }

    public static String toJson(Trace trace) {
        List<Span> spans = trace.spans();
        long origin = spans.isEmpty() ? 0 : spans.getFirst().startMicros();
        Map<String, Integer> pids = new LinkedHashMap<>();
        Map<String, Integer> tids = new LinkedHashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (Span span : spans) {
            boolean newProcess = !pids.containsKey(span.process());
            int pid = pids.computeIfAbsent(span.process(), p -> pids.size() + 1);
            if (newProcess) {
                events.add(metadata("process_name", pid, 0, span.process()));
            }
            boolean newThread = !tids.containsKey(span.lane());
            int tid = tids.computeIfAbsent(span.lane(), l -> tids.size() + 1);
            if (newThread) {
                events.add(metadata("thread_name", pid, tid, span.thread()));
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("name", span.task());
            event.put("ph", "X");
            event.put("ts", span.startMicros() - origin);
            event.put("dur", span.durationMicros());
            event.put("pid", pid);
            event.put("tid", tid);
            events.add(event);
        }
        try {
            return JSON.writeValueAsString(Map.of("traceEvents", events, "displayTimeUnit", "ms"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
