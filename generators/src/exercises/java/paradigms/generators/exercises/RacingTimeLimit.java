package paradigms.generators.exercises;

import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.time.Duration;

/**
 * Exercise {@code first-of}, part 2 (generators/README.md, Exercises for you, 1): a time limit
 * written as a race, without a timer that cancels the caller's task (as {@code TimeLimit} does).
 *
 * <p>The contract (the acceptance test {@code RacingTimeLimitTest} checks it):
 * <ul>
 *   <li>{@code yieldFrom(new RacingTimeLimit<>(scheduler, limit, work))} runs {@code work} as a
 *       task of its own and races it, with {@link FirstOf}, against a future that a loop timer
 *       completes after {@code limit}. The task that runs the race is never cancelled by it.</li>
 *   <li>The work wins: its result is returned, or its exception thrown, as it is; the timer is
 *       cancelled, so no timer outlives the race.</li>
 *   <li>The time wins: the work's task — the loser — is cancelled and <em>awaited</em>, so its
 *       clean-up has run (its socket is closed) before a {@link java.util.concurrent.TimeoutException}
 *       comes out, whose message holds the work's name and the limit.</li>
 *   <li>The race itself is cancelled (or ends any other way): the work's task is cancelled
 *       too and the timer with it — the work never outlives the race.</li>
 *   <li>Null arguments, a zero or negative limit: refused by the constructor, naming the field.</li>
 * </ul>
 */
public final class RacingTimeLimit<T> extends Coroutine<T> {

    public RacingTimeLimit(Scheduler scheduler, Duration limit, Coroutine<T> work) {
        throw FirstOf.notDone();
    }

    @Override
    protected Step<T> resume(Object sent) {
        throw FirstOf.notDone();
    }

    @Override
    public String state() {
        return "NOT DONE YET";
    }
}
