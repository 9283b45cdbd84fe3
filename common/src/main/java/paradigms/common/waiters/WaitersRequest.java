package paradigms.common.waiters;

import paradigms.common.Check;
import paradigms.common.measure.ResumeLatency;

import java.time.Duration;

/**
 * Start {@code tasks} tasks that each wait {@code wait}, and let them all wait at once.
 *
 * @param tasks how many waiting tasks
 * @param waitFor how long each one waits
 * @param resumeLatency where each task notes, as it runs again, how long after its wait was over
 *                      that was (its {@link WaitTally} does it); {@link ResumeLatency#off()} unless
 *                      given — a million recorded latencies would weigh on the heap being measured
 */
public record WaitersRequest(int tasks, Duration waitFor, ResumeLatency resumeLatency) {

    public WaitersRequest {
        Check.positive("tasks", tasks);
        Check.positive("waitFor", waitFor);
        Check.notNull("resumeLatency", resumeLatency);
    }

    public WaitersRequest(int tasks, Duration waitFor) {
        this(tasks, waitFor, ResumeLatency.off());
    }

    /** The same request, with the tasks' resumes recorded into {@code recorder}. */
    public WaitersRequest measuringResumes(ResumeLatency recorder) {
        return new WaitersRequest(tasks, waitFor, recorder);
    }
}
