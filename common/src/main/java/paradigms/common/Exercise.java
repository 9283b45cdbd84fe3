package paradigms.common;

import paradigms.common.blocking.BlockingExercise;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.waiters.WaitersExercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The course's exercises: the one list that everything else is derived from — the main job's
 * {@code --exercises} names and help text, its cases, and the check that every chapter binds
 * every exercise the same way. Adding an exercise adds one constant here (beside its method in
 * {@link Paradigm} and its package in {@code common}).
 *
 * <p>The order is the order of the design's table of exercises, and of every list a learner
 * sees.
 */
public enum Exercise {
    DOWNLOAD("I/O", DownloadExercise.class, Paradigm::download),
    SQUARES("CPU", SquaresExercise.class, Paradigm::squares),
    EXHIBITION("mixed", ExhibitionExercise.class, Paradigm::exhibition),
    CRAWL("I/O + shared state", CrawlExercise.class, Paradigm::crawl),
    WAITERS("scalability", WaitersExercise.class, Paradigm::waiters),
    BLOCKING("pitfall", BlockingExercise.class, Paradigm::blocking),
    COUNTER("shared state", CounterExercise.class, Paradigm::counter),
    DEADLINE("cancellation", DeadlineExercise.class, Paradigm::deadline),
    PIPELINE("backpressure", PipelineExercise.class, Paradigm::pipeline),
    RESUME("ready queue", ResumeExercise.class, Paradigm::resume);

    private final String kind;
    private final Class<?> contract;
    private final Function<Paradigm, ?> binding;

    Exercise(String kind, Class<?> contract, Function<Paradigm, ?> binding) {
        this.kind = kind;
        this.contract = contract;
        this.binding = binding;
    }

    /**
     * The exercise's name, e.g. {@code download}: its package in {@code common}, its factory
     * method in {@link Paradigm}, and its name on the main job's command line.
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What kind of work it is, in the design's words: "I/O", "CPU", "shared state", … */
    public String kind() {
        return kind;
    }

    /** The interface every chapter implements for it, e.g. {@code DownloadExercise}. */
    public Class<?> contract() {
        return contract;
    }

    /**
     * The implementation {@code paradigm} binds to this exercise: what {@link Paradigm}'s method
     * of the same name returns, typed as {@link #contract()}.
     */
    public Object implementationIn(Paradigm paradigm) {
        return contract.cast(binding.apply(paradigm));
    }

    /** Every exercise's {@link #id()}, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Exercise::id).toList();
    }

    /**
     * The exercise named {@code text} (ignoring case and surrounding blanks).
     *
     * @throws IllegalArgumentException naming {@code text} and every known name
     */
    public static Exercise byId(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Exercise exercise : values()) {
            if (exercise.id().equals(wanted)) {
                return exercise;
            }
        }
        throw new IllegalArgumentException("unknown exercise \"" + text.strip() + "\" (known: " + String.join(", ", ids()) + ")");
    }
}
