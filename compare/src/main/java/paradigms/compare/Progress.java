package paradigms.compare;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What the user sees while the paradigms run: a progress bar counting runs, or (with
 * {@code --no-progress}, e.g. in a CI log) one plain line per finished case.
 * Used by the parent's main thread only.
 */
interface Progress extends AutoCloseable {

    /** A run starts in a child JVM. */
    void runStarted(String paradigm, String caseId, String kind, int index);

    /** A case is finished; {@code mostRuns} is what it was counted as in the total. */
    void caseDone(CaseResult result, int mostRuns);

    @Override
    void close();

    static Progress bar(long totalRuns, PrintStream terminal) {
        return new Bar(totalRuns, terminal);
    }

    static Progress lines(PrintStream out) {
        return new Lines(out);
    }

    /** The bar counts runs; a case that stops early (its time budget) jumps to its full count. */
    final class Bar implements Progress {
        private static final int WIDTH = 100;

        private final ProgressBar bar;
        private long counted; // runs accounted for by finished cases

        Bar(long totalRuns, PrintStream terminal) {
            this.bar = new ProgressBarBuilder()
                    .setTaskName("compare")
                    .setInitialMax(totalRuns)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    // A fixed width: asking JLine for the terminal's width loads a native library,
                    // and JDK 25 prints a four-line warning about that.
                    .setConsumer(new ConsoleProgressBarConsumer(terminal, WIDTH))
                    .build();
        }

        @Override
        public void runStarted(String paradigm, String caseId, String kind, int index) {
            bar.step();
            bar.setExtraMessage(paradigm + " · " + caseId + " · " + kind + " " + (index + 1));
        }

        @Override
        public void caseDone(CaseResult result, int mostRuns) {
            counted += mostRuns;
            bar.stepTo(counted);
        }

        @Override
        public void close() {
            bar.setExtraMessage("done");
            bar.close();
        }
    }

    final class Lines implements Progress {
        private final PrintStream out;

        Lines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void runStarted(String paradigm, String caseId, String kind, int index) {
        }

        @Override
        public void caseDone(CaseResult result, int mostRuns) {
            String what = result.measured()
                    ? String.format(Locale.ROOT, "%d runs, median %s", result.runs().size(), Format.millis(result.median().wallMillis()))
                    : result.reason();
            out.printf(Locale.ROOT, "%-16s %-18s %-8s %s%n", result.paradigm(), result.caseId(),
                    result.status().name().toLowerCase(Locale.ROOT), what);
            out.flush();
        }

        @Override
        public void close() {
        }
    }
}
