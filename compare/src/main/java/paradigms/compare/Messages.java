package paradigms.compare;

import paradigms.common.blocking.Database;

import java.util.List;

/**
 * The protocol between the parent and a child JVM: JSON, one object per line.
 *
 * <pre>
 * parent → child  Assignment                  (first line of the child's stdin)
 * child  → parent Event "started"             the paradigm's long-lived resources are started (or failed
 *                                             to start), with the time it took: before any case
 * child  → parent Event "run"                 before each run; the parent resets the server's counters
 * parent → child  "go"
 * child  → parent Event "ran"                 after the run
 * parent → child  ServerCounters              what the server saw during the run (for a deadline case, after
 *                                             waiting until nothing is left in flight at the server: ServerQuiet)
 * child  → parent Event "case" with a result  after the last run of a case (or when it failed)
 * child  → parent Event "bye"                 after the last case; then the child exits
 * </pre>
 * The handshake around each run exists because the server lives in the parent: only the parent
 * can reset its counters just before a run and read them just after. A case that throws
 * between "run" and "ran" sends its "case" event directly; the parent does not wait for "ran".
 */
final class Messages {

    private Messages() {
    }

    /** What one child JVM must do. */
    record Assignment(String paradigm, Mode mode, long latencyMillis, List<String> caseIds, int serverPort,
                      Database database) {
    }

    /**
     * @param type   "run", "ran", "case" or "bye"
     * @param kind   for "run": "warm-up" or "measured"
     * @param sample for "run": whether the parent should sample the server's in-flight count (a traced run)
     * @param result for "case"
     * @param startup for "started"
     */
    record Event(String type, String caseId, String kind, int index, boolean sample, CaseResult result, Startup startup) {

        static Event started(Startup startup) {
            return new Event("started", null, null, 0, false, null, startup);
        }

        static Event run(String caseId, String kind, int index, boolean sample) {
            return new Event("run", caseId, kind, index, sample, null, null);
        }

        static Event ran(String caseId) {
            return new Event("ran", caseId, null, 0, false, null, null);
        }

        static Event caseDone(CaseResult result) {
            return new Event("case", result.caseId(), null, 0, false, result, null);
        }

        static Event bye() {
            return new Event("bye", null, null, 0, false, null, null);
        }
    }

    /**
     * The parent's answer to "ran".
     *
     * @param quiet for a case that {@link Workload#awaitsQuietServer()}: whether and when the server had nothing
     *              left in flight and no connection open after the run; otherwise null
     */
    record ServerCounters(int maxInFlight, long requests, ServerQuiet quiet) {

        ServerCounters(int maxInFlight, long requests) {
            this(maxInFlight, requests, null);
        }
    }

    static final String GO = "go";
}
