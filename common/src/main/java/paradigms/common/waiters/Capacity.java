package paradigms.common.waiters;

import paradigms.common.Check;

/**
 * How many waiting tasks a paradigm supports, and what stops it there — as the paradigm
 * declares it before any run: an estimate from the chapter's earlier measurements and the
 * machine's limits, never a figure of the run that prints it (the main job labels it so).
 *
 * @param maxTasks  the largest number of tasks it accepts in one call
 * @param limitedBy what runs out first, in a sentence ("the process's thread limit: about 32,000
 *                  platform threads on this machine kind")
 */
public record Capacity(int maxTasks, String limitedBy) {

    public Capacity {
        Check.positive("maxTasks", maxTasks);
        Check.notBlank("limitedBy", limitedBy);
    }

    /** Throws the exercise's standard message when a request asks for more than this. */
    public void check(WaitersRequest request) {
        if (request.tasks() > maxTasks) {
            throw new IllegalArgumentException("tasks must be at most " + maxTasks + " here (" + limitedBy + "), was "
                    + request.tasks());
        }
    }
}
