package paradigms.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The child's end of the protocol ({@link Messages}): writes events to the parent and reads
 * its answers. Used by the child's main thread only.
 */
final class ParentLink {

    private final PrintStream toParent;
    private final BufferedReader fromParent;

    ParentLink(PrintStream toParent, BufferedReader fromParent) {
        this.toParent = toParent;
        this.fromParent = fromParent;
    }

    /** Tells the parent a run starts and waits until it has reset the server's counters. */
    void beforeRun(String caseId, String kind, int index, boolean sample) {
        send(Messages.Event.run(caseId, kind, index, sample));
        String answer = read();
        if (!Messages.GO.equals(answer)) {
            throw new IllegalStateException("expected \"go\" from the parent, got " + answer);
        }
    }

    /** Tells the parent the run ended; returns what its server saw during the run. */
    Messages.ServerCounters afterRun(String caseId) {
        send(Messages.Event.ran(caseId));
        return Json.parseLine(read(), Messages.ServerCounters.class);
    }

    void send(Messages.Event event) {
        toParent.println(Json.line(event));
        toParent.flush();
    }

    private String read() {
        try {
            String line = fromParent.readLine();
            if (line == null) {
                throw new IllegalStateException("the parent closed the pipe");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
