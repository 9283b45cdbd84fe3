package paradigms.generators.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.util.List;

/**
 * Exercise {@code first-of}, part 1 (generators/README.md, Exercises for you, 1): wait for
 * whichever of several futures ends first — asyncio's {@code wait(..., return_when=FIRST_COMPLETED)}.
 *
 * <p>The contract (the acceptance test {@code FirstOfTest} checks it):
 * <ul>
 *   <li>{@code yieldFrom(new FirstOf(scheduler, futures))} returns the first of
 *       {@code futures} to be done — completed, failed or cancelled: it returns the future, it
 *       never throws the future's failure. If some are already done when it starts, it returns
 *       the first of those in list order without suspending.</li>
 *   <li>It cancels nothing: the others go on.</li>
 *   <li>When it finishes — it returned, or the task running it was cancelled — it leaves no
 *       done-callback on any of the futures (a long-lived future raced again and again would
 *       otherwise collect one per race).</li>
 *   <li>{@code futures} must be non-empty, without nulls: otherwise the constructor throws
 *       {@link IllegalArgumentException} / {@link NullPointerException} naming {@code futures}.</li>
 *   <li>Loop thread only, like every coroutine.</li>
 * </ul>
 * Hint: the seven {@code Await}s have no "any of"; make a future of your own, complete it from
 * a done-callback on each of the others, and wait for it.
 */
public final class FirstOf extends Coroutine<Future<?>> {

    public FirstOf(Scheduler scheduler, List<? extends Future<?>> futures) {
        throw notDone();
    }

    @Override
    protected Step<Future<?>> resume(Object sent) {
        throw notDone();
    }

    @Override
    public String state() {
        return "NOT DONE YET";
    }

    static NotDoneYet notDone() {
        return new NotDoneYet("exercise first-of is not done yet: write FirstOf (then RacingTimeLimit) in"
                + " generators/src/exercises/java/paradigms/generators/exercises/"
                + " — see generators/README.md, Exercises for you, 1");
    }
}
