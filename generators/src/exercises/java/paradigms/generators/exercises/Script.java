package paradigms.generators.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Step;

import java.util.List;

/**
 * Exercise {@code script} (generators/README.md, Exercises for you, 2): a tiny "compiler" that
 * turns a list of lambdas, one per state, into a {@link Coroutine}.
 *
 * <p>The contract (the acceptance test {@code ScriptTest} checks it):
 * <ul>
 *   <li>{@code Script.of(name, stages)} is a coroutine whose k-th resumption runs stage k
 *       (the first gets {@code null}, each later one what the previous {@code yield} evaluated
 *       to). A stage returns a {@link Step}: {@code new Step.Yield<>(await)} suspends, and the
 *       next resumption runs the next stage; {@code new Step.Return<>(value)} finishes.</li>
 *   <li>{@code state()} is {@code "stage k of n"} (1-based: the stage the next resumption
 *       runs), {@code "finished"} once it has returned or failed; {@code name()} is {@code name}.</li>
 *   <li>A script has no {@code try}: an exception thrown in at a {@code yield}, or thrown by a
 *       stage, comes out as it is, and the coroutine is finished.</li>
 *   <li>A last stage that yields is a mistake found at the next resumption: it throws an
 *       {@link IllegalStateException} naming the script.</li>
 *   <li>A null or blank name, a null or empty list of stages, a null stage: refused by
 *       {@code of}, naming {@code name} or {@code stages}.</li>
 * </ul>
 */
public final class Script<T> extends Coroutine<T> {

    /** One state of the machine: the code between two {@code yield}s. */
    @FunctionalInterface
    public interface Stage<T> {
        Step<T> run(Object sent) throws Exception;
    }

    private Script() {
    }

    /** A coroutine that runs {@code stages} one per resumption. */
    public static <T> Script<T> of(String name, List<Stage<T>> stages) {
        throw new NotDoneYet("exercise script is not done yet: implement Script in"
                + " generators/src/exercises/java/paradigms/generators/exercises/Script.java"
                + " — see generators/README.md, Exercises for you, 2");
    }

    @Override
    protected Step<T> resume(Object sent) {
        throw new NotDoneYet("exercise script: implement Script.resume — see generators/README.md, Exercises for you, 2");
    }

    @Override
    public String state() {
        return "NOT DONE YET";
    }
}
