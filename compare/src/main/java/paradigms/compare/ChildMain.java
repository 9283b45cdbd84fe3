package paradigms.compare;

import paradigms.common.Paradigm;
import paradigms.common.Paradigms;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The main of a child JVM: measures the cases of ONE paradigm and reports to the parent.
 *
 * <p>Why a JVM per paradigm: JIT-compiled code, heap size and thread peaks are process-wide.
 * Run in one JVM, the second paradigm would find the HTTP client's code already compiled, a
 * heap already grown and platform threads already counted by the first.
 *
 * <p>Warm and start-up apart: the paradigm's long-lived resources ({@code Paradigm.startResources()})
 * are started once, timed on their own, before the first case, and closed after the last; every
 * case is measured with them started, as a program that keeps a pool runs.
 *
 * <p>Standard output belongs to the protocol ({@link Messages}), so it is taken first and
 * {@code System.out} is pointed at standard error: whatever a chapter prints cannot corrupt
 * a message. Standard error goes to {@code logs/PARADIGM.log} in the output folder.
 *
 * <p>Not meant to be started by hand; the parent ({@link ChildJvm}) starts it.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /**
     * Starts the paradigm's long-lived resources before the first case, as a program keeps a pool,
     * and tells the parent how long that took. Every case then runs warm: its warm-up and measured
     * runs use those resources. If they cannot start, the cases run without them (each call
     * starts its own), and the parent says so.
     */
    static Paradigm.Started startResources(Paradigm paradigm, ParentLink parent) {
        long begin = System.nanoTime();
        try {
            Paradigm.Started started = paradigm.startResources();
            double millis = (System.nanoTime() - begin) / 1e6;
            parent.send(Messages.Event.started(new Startup(paradigm.name(), started != Paradigm.Started.NOTHING, millis,
                    started.description(), null)));
            return started;
        } catch (RuntimeException e) {
            double millis = (System.nanoTime() - begin) / 1e6;
            System.err.println(paradigm.name() + ": its resources did not start, the cases run without them: " + e);
            parent.send(Messages.Event.started(Startup.failed(paradigm.name(), millis, CaseRunner.describe(e))));
            return Paradigm.Started.NOTHING;
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        var fromParent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String first = fromParent.readLine();
        if (first == null) {
            System.err.println("no assignment on standard input");
            System.exit(2);
        }
        var assignment = Json.parseLine(first, Messages.Assignment.class);
        Paradigm paradigm = Paradigms.named(assignment.paradigm());
        Plan plan = Plan.of(assignment.mode(), Duration.ofMillis(assignment.latencyMillis()));
        var parent = new ParentLink(protocol, fromParent);
        var runner = new CaseRunner(paradigm, new Fixtures(assignment.serverPort(), assignment.database()), parent);
        long pid = ProcessHandle.current().pid(); // in the log, so that a reader sees which cases shared a JVM
        try (Paradigm.Started started = startResources(paradigm, parent)) {
            for (String caseId : assignment.caseIds()) {
                System.err.println("== " + paradigm.name() + " / " + caseId + " (JVM " + pid + ")");
                parent.send(Messages.Event.caseDone(runner.run(plan.byId(caseId))));
            }
        } // stopped before "bye": the parent's wait for this JVM's exit does not include it
        parent.send(Messages.Event.bye());
        // Not System.exit: a paradigm that leaves a non-daemon thread behind keeps this JVM
        // alive, and the parent reports that ("did not exit") instead of hiding it.
    }
}
