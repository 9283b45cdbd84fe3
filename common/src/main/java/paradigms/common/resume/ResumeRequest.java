package paradigms.common.resume;

import paradigms.common.Check;
import paradigms.common.measure.ResumeLatency;

import java.time.Duration;

/**
 * Sleepers beside busy tasks, all started at once on the same scheduler.
 *
 * @param sleepers      how many tasks wait on a timer
 * @param sleep         how long each sleeper waits; its timer is due that long after it began waiting
 * @param handling      the CPU time each sleeper spends once it runs again (its work on what it
 *                      waited for); zero for none
 * @param busyTasks     how many tasks only compute, never waiting for anything; zero for none
 * @param busyFor       how long each busy task computes
 * @param resumeLatency where each sleeper notes, as it runs again, how long after its timer was
 *                      due that was ({@link ResumeLatency#off()} unless given)
 */
public record ResumeRequest(int sleepers, Duration sleep, Duration handling, int busyTasks, Duration busyFor,
                            ResumeLatency resumeLatency) {

    /** The most sleepers one call accepts: enough for the lessons (ten thousand runnable at once), bounded for every paradigm. */
    public static final int MAX_SLEEPERS = 20_000;

    /** The most busy tasks one call accepts: busy tasks are about cores, and no machine here has more. */
    public static final int MAX_BUSY_TASKS = 256;

    public ResumeRequest {
        Check.positive("sleepers", sleepers);
        if (sleepers > MAX_SLEEPERS) {
            throw new IllegalArgumentException("sleepers must be at most " + MAX_SLEEPERS + ", was " + sleepers);
        }
        Check.positive("sleep", sleep);
        Check.notNegative("handling", handling);
        Check.notNegative("busyTasks", busyTasks);
        if (busyTasks > MAX_BUSY_TASKS) {
            throw new IllegalArgumentException("busyTasks must be at most " + MAX_BUSY_TASKS + ", was " + busyTasks);
        }
        Check.notNegative("busyFor", busyFor);
        Check.notNull("resumeLatency", resumeLatency);
    }

    /** Sleepers alone: nothing computes beside them. */
    public static ResumeRequest quiet(int sleepers, Duration sleep) {
        return new ResumeRequest(sleepers, sleep, Duration.ZERO, 0, Duration.ZERO, ResumeLatency.off());
    }

    /** The same request, with {@code busyTasks} tasks computing {@code busyFor} each beside the sleepers. */
    public ResumeRequest besideBusy(int busyTasks, Duration busyFor) {
        return new ResumeRequest(sleepers, sleep, handling, busyTasks, busyFor, resumeLatency);
    }

    /** The same request, each sleeper computing {@code handling} once it runs again. */
    public ResumeRequest handlingFor(Duration handling) {
        return new ResumeRequest(sleepers, sleep, handling, busyTasks, busyFor, resumeLatency);
    }

    /** The same request, with the sleepers' resumes recorded into {@code recorder}. */
    public ResumeRequest measuringResumes(ResumeLatency recorder) {
        return new ResumeRequest(sleepers, sleep, handling, busyTasks, busyFor, recorder);
    }
}
