package paradigms.generators.exercises;

import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Step;

import java.util.List;
import java.util.Objects;

/**
 * A tiny "compiler": a list of lambdas, one per state, turned into a {@link Coroutine} (the
 * reference solution of exercise {@code script}, generators/README.md, Exercises for you, 2).
 *
 * <p>The contract:
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
 *
 * <p>What it makes easier: the {@code switch} on a state field and the "set the next state"
 * line are written once, here, instead of in every coroutine. What it cannot express is
 * everything that needs the states to know about each other: a {@code try} around several
 * stages ({@code resumeThrowing} would need to know which stages it covers), a loop (a jump back
 * to an earlier stage), and locals that live across a {@code yield} — the lambdas must share
 * them through a captured holder, a field by another name.
 */
public final class Script<T> extends Coroutine<T> {

    /** One state of the machine: the code between two {@code yield}s. */
    @FunctionalInterface
    public interface Stage<T> {
        Step<T> run(Object sent) throws Exception;
    }

    private final String name;
    private final List<Stage<T>> stages;
    private int next;              // index of the stage the next resumption runs
    private boolean finished;

    private Script(String name, List<Stage<T>> stages) {
        this.name = name;
        this.stages = stages;
    }

    /** A coroutine that runs {@code stages} one per resumption. */
    public static <T> Script<T> of(String name, List<Stage<T>> stages) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be null or blank, was " + (name == null ? "null" : "\"" + name + "\""));
        }
        Objects.requireNonNull(stages, "stages");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stages must not be empty: a coroutine runs at least once");
        }
        for (int i = 0; i < stages.size(); i++) {
            Objects.requireNonNull(stages.get(i), "stages[" + i + "] is null");
        }
        return new Script<>(name, List.copyOf(stages));
    }

    @Override
    protected Step<T> resume(Object sent) throws Exception {
        if (next == stages.size()) {
            finished = true;
            throw new IllegalStateException("script \"" + name + "\" was resumed after its last stage, "
                    + stages.size() + " of " + stages.size() + ", which yielded: the last stage must return");
        }
        Stage<T> stage = stages.get(next++);
        Step<T> step;
        try {
            step = stage.run(sent);
        } catch (Exception | Error failure) {
            finished = true;
            throw failure;
        }
        if (step instanceof Step.Return<T>) {
            finished = true;
        }
        return step; // a null step is refused by Coroutine itself, with the state in the message
    }

    /** No try: the exception goes on to the caller, and the script is over. */
    @Override
    protected Step<T> resumeThrowing(Exception thrown) throws Exception {
        finished = true;
        throw thrown;
    }

    @Override
    public String state() {
        return finished ? "finished" : "stage " + (next + 1) + " of " + stages.size();
    }

    @Override
    public String name() {
        return name;
    }
}
