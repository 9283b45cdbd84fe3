package paradigms.compare;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's bar charts: one bar per paradigm, grouped by case, rendered to PNG with
 * JFreeChart (headless: {@code java.awt.headless=true} is set by {@link Compare}).
 */
final class Charts {

    static final int WIDTH = 1000;
    static final int HEIGHT = 520;

    /** One chart: its file name, title and the figure it plots. */
    record Chart(String file, String title, String axis, boolean logarithmic, Function<CaseSummary, Double> figure) {
    }

    static final List<Chart> ALL = List.of(
            new Chart("wall.png", "Wall time, median run", "milliseconds (log scale)", true, CaseSummary::wallMillis),
            new Chart("speedup.png", "Speedup over the sequential baseline", "× faster than sequential", false,
                    CaseSummary::speedupOverBaseline),
            new Chart("ratio-to-ideal.png", "Wall time over the ideal (1 = perfect)", "× the ideal (log scale)", true,
                    CaseSummary::ratioToIdeal),
            new Chart("peak-threads.png", "Peak platform threads in the paradigm's JVM", "threads (log scale)", true,
                    s -> s.peakThreads() == null ? null : s.peakThreads().doubleValue()),
            new Chart("peak-heap.png", "Peak heap occupancy", "MB (log scale)", true, CaseSummary::peakHeapMegabytes),
            new Chart("waiters-heap-per-task.png", "waiters: heap kept alive per waiting task (a GC while all N wait)",
                    "bytes (log scale)", true, s -> s.waiters() == null ? null : s.waiters().liveHeapPerTaskBytes()));

    /** One colour per paradigm, the same in every chart; dark enough to read on white. */
    private static final Map<String, Color> COLOURS = Map.of(
            "sequential", new Color(120, 120, 120),
            "threading", new Color(31, 119, 180),
            "multiprocessing", new Color(148, 103, 189),
            "callbacks", new Color(255, 127, 14),
            "generators", new Color(140, 86, 75),
            "async-await", new Color(44, 160, 44),
            "greenlets", new Color(214, 39, 40));
    private static final Color[] OTHERS = {new Color(23, 190, 207), new Color(188, 189, 34), new Color(227, 119, 194)};

    private Charts() {
    }

    /** The colour of a paradigm's bars and lines; {@code index} picks one for paradigms the course does not know. */
    static Color colour(String paradigm, int index) {
        return COLOURS.getOrDefault(paradigm, OTHERS[index % OTHERS.length]);
    }

    /** Writes every chart into {@code folder}; returns the files written. */
    static List<Path> write(List<CaseSummary> summaries, List<String> caseOrder, List<ParadigmInfo> paradigms, Path folder)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (Chart chart : ALL) {
            Path file = folder.resolve(chart.file());
            ChartUtils.saveChartAsPNG(file.toFile(), bars(chart, summaries, caseOrder, paradigms), WIDTH, HEIGHT);
            written.add(file);
        }
        return written;
    }

    static JFreeChart bars(Chart chart, List<CaseSummary> summaries, List<String> caseOrder, List<ParadigmInfo> paradigms) {
        var data = new DefaultCategoryDataset();
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (String caseId : caseOrder) {
            if (paradigms.stream().allMatch(paradigm -> value(chart, summaries, caseId, paradigm) == null)) {
                continue; // a figure this case does not have (heap per task outside waiters): no empty group
            }
            for (ParadigmInfo paradigm : paradigms) {
                Double value = value(chart, summaries, caseId, paradigm);
                // A missing bar stays a gap in its group, so the colours keep meaning the same paradigm.
                data.addValue(value, paradigm.name(), caseId);
                if (value != null) {
                    smallest = Math.min(smallest, value);
                    largest = Math.max(largest, value);
                }
            }
        }
        JFreeChart jfc = ChartFactory.createBarChart(chart.title(), null, chart.axis(), data);
        jfc.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = jfc.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        var renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < paradigms.size(); i++) {
            renderer.setSeriesPaint(i, colour(paradigms.get(i).name(), i));
        }
        if (chart.logarithmic() && smallest != Double.MAX_VALUE) {
            // Log scale: 50 ms and 5 s side by side, both readable. The range is set, not
            // guessed: JFreeChart's automatic range for a log axis with few values is unusable.
            var axis = new LogAxis(chart.axis());
            axis.setSmallestValue(smallest / 2);
            axis.setRange(smallest / 2, largest * 2);
            // Decimals only where the axis goes below 1 (a counter's 0.1 ms would read "0").
            axis.setNumberFormatOverride(new DecimalFormat(smallest / 2 >= 1 ? "#,##0" : "#,##0.##"));
            if (largest / smallest >= 20) {
                axis.setTickUnit(new NumberTickUnit(1.0)); // one tick per power of ten: 10, 100, 1,000
            }
            plot.setRangeAxis(axis);
            renderer.setBase(smallest / 2); // bars start at the axis' bottom, not at log(0)
        }
        jfc.addSubtitle(new TextTitle("missing bar: not measured for that paradigm (see the report's tables)"));
        return jfc;
    }

    private static Double value(Chart chart, List<CaseSummary> summaries, String caseId, ParadigmInfo paradigm) {
        return summaries.stream()
                .filter(s -> s.caseId().equals(caseId) && s.paradigm().equals(paradigm.name()) && s.measured())
                .map(chart.figure()).filter(v -> v != null && v > 0).findFirst().orElse(null);
    }
}
