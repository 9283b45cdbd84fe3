package paradigms.compare.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark of compare's harness: a name for the command line ({@code --bench NAME}), a line
 * for {@code --help}, and a run that prints what it found and returns its figures, which go into
 * {@code results.json} under {@code benchmarks.NAME} (a record, written by Jackson).
 */
interface Benchmark {

    String name();

    String description();

    /**
     * The part of its figures' keys ({@code bench.<key>.…}): its name, unless a dash in the name
     * would make keys unlike the course's other camelCase ones.
     */
    default String figureKey() {
        return name();
    }

    Object run(Context context) throws Exception;

    /**
     * What every benchmark gets.
     *
     * @param full   {@code --full}: larger inputs where the benchmark has them
     * @param policy warm-ups and repeats ({@link Policy#QUICK} or {@link Policy#FULL})
     * @param out    where the benchmark prints its lines for a person
     * @param outDir compare's output folder (child JVMs' logs go into its {@code logs/})
     * @param paradigms the paradigms asked for with {@code --paradigms}, or empty for the benchmark's own choice
     */
    record Context(boolean full, Policy policy, PrintStream out, Path outDir, List<String> paradigms) {
    }
}
