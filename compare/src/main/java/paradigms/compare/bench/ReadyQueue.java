package paradigms.compare.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.Paradigms;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.trace.Trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --bench ready-queue}: how the ready queue grows with the number of tasks ready at once.
 * N sleepers all wait the same {@link #SLEEP}, so that they come due together, and each computes
 * {@link #HANDLING} once it runs again: the last of N waits for the N − 1 before it, spread over
 * whatever runs them (the cores for threads, the carriers for virtual threads, the one loop
 * thread for callbacks). No busy tasks: the queue is made of the sleepers alone. The figure is
 * the p99 of how long after its timer was due a sleeper ran again, per N (the median over the
 * measured runs).
 *
 * <p>The sleep is long enough for every sleeper to have started before the first comes due;
 * starting 10,000 platform threads takes a good part of it. A paradigm whose {@code resume()}
 * throws is skipped, with one line.
 */
final class ReadyQueue implements Benchmark {

    /** The chart, in the run's {@code charts/} (the reference copies it into {@code results/}). */
    static final String CHART = "ready-queue.png";

    static final List<Integer> SLEEPERS = List.of(100, 10_000);
    static final Duration SLEEP = Duration.ofMillis(500);
    static final Duration HANDLING = Duration.ofNanos(200_000);
    /** The paradigms measured unless {@code --paradigms} names others: one per kind of ready queue. */
    static final List<String> DEFAULT_PARADIGMS = List.of("threading", "greenlets", "callbacks");

    /** The same colours as the main job's charts (Charts is in the package above, not visible here). */
    private static final Map<String, Color> COLOURS = Map.of(
            "threading", new Color(31, 119, 180),
            "callbacks", new Color(255, 127, 14),
            "greenlets", new Color(214, 39, 40));

    /**
     * One paradigm's p99 per N, in µs; the field names are the keys' parts
     * ({@code bench.readyQueue.<paradigm>.p99At100}).
     */
    record PerParadigm(String paradigm, double p99At100Micros, double p99At10000Micros) {
    }

    /**
     * @param skipped one line per paradigm not measured, and why
     */
    record Figures(long sleepMillis, double handlingMillis, List<PerParadigm> paradigms, List<String> skipped) {
    }

    @Override
    public String name() {
        return "ready-queue";
    }

    /** Keys {@code bench.readyQueue.…}, as the course's other keys are camelCase. */
    @Override
    public String figureKey() {
        return "readyQueue";
    }

    @Override
    public String description() {
        return "100 and 10,000 sleepers due at once, each handling 0.2 ms: the p99 of their resume latency in threading, "
                + "greenlets and callbacks";
    }

    @Override
    public Figures run(Context context) throws Exception {
        List<String> names = context.paradigms().isEmpty() ? DEFAULT_PARADIGMS : context.paradigms();
        List<Paradigm> chosen = new ArrayList<>();
        List<Paradigm> available = Paradigms.all();
        for (String name : names) {
            Paradigm found = available.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            if (found == null) {
                context.out().printf("  %s skipped: not on the class path%n", name);
            } else if (!found.claims().contains(Claim.WAITS_CONCURRENTLY)) {
                // 10,000 sleeps of SLEEP one after another would take over an hour a run, and say nothing new.
                context.out().printf("  %s skipped: it does not claim WAITS_CONCURRENTLY (its sleepers wait one after another)%n", name);
            } else {
                chosen.add(found);
            }
        }
        Figures figures = measure(chosen, SLEEPERS, SLEEP, HANDLING, context.policy(), context.out());
        if (!figures.paradigms().isEmpty()) {
            writeChart(figures, Files.createDirectories(context.outDir().resolve("charts")).resolve(CHART));
        }
        return figures;
    }

    /**
     * Measures each paradigm at each N (two values, as {@link PerParadigm} names them); a paradigm
     * whose {@code resume()} throws is skipped with one line on {@code out}.
     */
    static Figures measure(List<Paradigm> paradigms, List<Integer> sleepers, Duration sleep, Duration handling, Policy policy,
                           PrintStream out) throws Exception {
        if (sleepers.size() != 2) {
            throw new IllegalArgumentException("sleepers must name two N (the figures' two columns), was " + sleepers);
        }
        List<PerParadigm> measured = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Paradigm paradigm : paradigms) {
            ResumeExercise exercise;
            try {
                exercise = paradigm.resume();
                exercise.resume(ResumeRequest.quiet(1, Duration.ofMillis(1)), Trace.off()); // one sleeper: does it run at all?
            } catch (RuntimeException e) {
                String line = paradigm.name() + " skipped: its resume() throws " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
                out.println("  " + line);
                skipped.add(line);
                continue;
            }
            double[] p99 = new double[2];
            try (Paradigm.Started started = paradigm.startResources()) {
                for (int i = 0; i < 2; i++) {
                    var request = ResumeRequest.quiet(sleepers.get(i), sleep).handlingFor(handling);
                    p99[i] = Policy.median(policy.run(() -> {
                        var latencies = ResumeLatency.recording();
                        exercise.resume(request.measuringResumes(latencies), Trace.off());
                        return latencies.summary().p99().toNanos() / 1e3;
                    }));
                    out.printf(Locale.ROOT, "  %-12s %,6d sleepers: p99 %,.0f µs after due%n", paradigm.name(), sleepers.get(i), p99[i]);
                }
            }
            measured.add(new PerParadigm(paradigm.name(), p99[0], p99[1]));
        }
        return new Figures(sleep.toMillis(), handling.toNanos() / 1e6, measured, skipped);
    }

    /** p99 against N, both on log scales, one line per paradigm. */
    static JFreeChart chart(Figures figures) {
        var data = new XYSeriesCollection();
        for (PerParadigm p : figures.paradigms()) {
            var series = new XYSeries(p.paradigm());
            series.add(SLEEPERS.get(0).doubleValue(), (Number) (Math.max(1, p.p99At100Micros()) / 1e3));
            series.add(SLEEPERS.get(1).doubleValue(), (Number) (Math.max(1, p.p99At10000Micros()) / 1e3));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("ready queue: resume latency (p99) of N sleepers due at once, each handling "
                        + figures.handlingMillis() + " ms", "N sleepers (log scale)", "p99, milliseconds (log scale)",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainAxis(new LogAxis("N sleepers (log scale)"));
        plot.setRangeAxis(new LogAxis("p99, milliseconds (log scale)"));
        var renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < figures.paradigms().size(); i++) {
            renderer.setSeriesPaint(i, COLOURS.getOrDefault(figures.paradigms().get(i).paradigm(), Color.DARK_GRAY));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** Writes the chart into {@code file}. */
    static void writeChart(Figures figures, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(figures), 1000, 520);
    }
}
