package paradigms.common.waiters;

import paradigms.common.Check;

import java.time.Duration;

/**
 * Start {@code tasks} tasks that each wait {@code wait}, and let them all wait at once.
 *
 * @param tasks how many waiting tasks
 * @param waitFor how long each one waits
 */
public record WaitersRequest(int tasks, Duration waitFor) {

    public WaitersRequest {
        Check.positive("tasks", tasks);
        Check.positive("waitFor", waitFor);
    }
}
