package paradigms.compare;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import paradigms.common.trace.Span;
import paradigms.common.trace.TaskState;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pictures of what happened over time, drawn with JFreeChart:
 * <ul>
 *   <li>a trace as lanes (one per thread, or thread of a child process) with a bar per span:
 *       a gap in a lane is a task suspended, bars above each other ran at the same moment;</li>
 *   <li>the exhibition's master walking from board to board (from the moves he made);</li>
 *   <li>the requests in flight over time during a download, as the server counted them;</li>
 *   <li>the pages in a pipeline's buffer over time, as the buffer reported them, under a line at B;</li>
 *   <li>tasks' lives: a row per task, its running, waiting and ready segments in three colours.</li>
 * </ul>
 */
final class Timelines {

    /** Lanes beyond this are left out of a picture (and the picture says so): 1,000 lanes is a grey block. */
    static final int MOST_LANES = 48;

    private Timelines() {
    }

    static void writeSpans(String title, List<Span> spans, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), spans(title, spans), Charts.WIDTH, laneHeight(spans));
    }

    static JFreeChart spans(String title, List<Span> spans) {
        long origin = spans.stream().mapToLong(Span::startMicros).min().orElse(0);
        Map<String, Integer> lanes = new LinkedHashMap<>();
        var bars = new XYIntervalSeries("spans");
        int left = 0;
        for (Span span : spans) {
            Integer lane = lanes.get(span.lane());
            if (lane == null && lanes.size() < MOST_LANES) {
                lane = lanes.size();
                lanes.put(span.lane(), lane);
            }
            if (lane == null) {
                left++;
                continue;
            }
            double start = (span.startMicros() - origin) / 1e3;
            double end = Math.max(start + 0.001, (span.endMicros() - origin) / 1e3);
            bars.add(lane, lane - 0.35, lane + 0.35, start, start, end);
        }
        var data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        var laneAxis = new SymbolAxis(null, lanes.keySet().stream().map(Timelines::shortLane).toArray(String[]::new));
        laneAxis.setInverted(true);
        laneAxis.setGridBandsVisible(false);
        var timeAxis = new NumberAxis("milliseconds since the first span");
        var renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, new Color(70, 130, 180));
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        var plot = new XYPlot(data, laneAxis, timeAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        var chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(spans.size() + " spans on " + (lanes.size() + (left > 0 ? "+" : "")) + " lanes"
                + (left > 0 ? " (" + left + " spans on lanes beyond the first " + MOST_LANES + " not drawn)" : "")
                + "; a gap in a lane is a task suspended"));
        return chart;
    }

    private static int laneHeight(List<Span> spans) {
        long lanes = Math.min(MOST_LANES, spans.stream().map(Span::lane).distinct().count());
        return (int) Math.max(260, 140 + 18 * lanes);
    }

    /** "pid 123 / pool-1-thread-2" → "pool-1-thread-2 (123)": the thread first, it is what differs. */
    private static String shortLane(String lane) {
        int slash = lane.indexOf(" / ");
        if (slash < 0) {
            return lane;
        }
        String process = lane.substring(0, slash).replace("pid ", "");
        return lane.substring(slash + 3) + " (" + process + ")";
    }

    static void writeMasterWalk(String title, List<MasterMove> moves, int boards, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), masterWalk(title, moves, boards), Charts.WIDTH, 420);
    }

    /** The master at board b while he moves there, then a line to the board of his next move. */
    static JFreeChart masterWalk(String title, List<MasterMove> moves, int boards) {
        var walk = new XYSeries("master", false, true);
        for (MasterMove move : moves) {
            walk.add(move.startMicros() / 1e3, move.board());
            walk.add(move.endMicros() / 1e3, move.board());
        }
        var chart = ChartFactory.createXYLineChart(title, "milliseconds since the first move", "board",
                new XYSeriesCollection(walk), PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.getRangeAxis().setRange(-0.5, boards - 0.5);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        renderer.setSeriesPaint(0, new Color(178, 34, 34));
        plot.setRenderer(renderer);
        chart.addSubtitle(new TextTitle(moves.size() + " master moves; flat = the master thinking at a board, slope = walking to the next"));
        return chart;
    }

    static void writeInFlight(String title, Map<String, List<InFlightSampler.Sample>> byParadigm, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), inFlight(title, byParadigm), Charts.WIDTH, 480);
    }

    static JFreeChart inFlight(String title, Map<String, List<InFlightSampler.Sample>> byParadigm) {
        var data = new XYSeriesCollection();
        byParadigm.forEach((paradigm, samples) -> {
            var series = new XYSeries(paradigm, false, true);
            samples.forEach(s -> series.add(s.millis(), s.inFlight()));
            data.addSeries(series);
        });
        var chart = ChartFactory.createXYStepChart(title, "milliseconds since the run started", "requests in flight (server's count)",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainAxis(new NumberAxis("milliseconds since the run started")); // the factory's axis shows dates
        var renderer = new XYStepRenderer();
        List<String> paradigms = List.copyOf(byParadigm.keySet());
        for (int i = 0; i < paradigms.size(); i++) {
            renderer.setSeriesPaint(i, Charts.colour(paradigms.get(i), i));
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    static void writeBufferLevel(String title, String paradigm, List<PipelineWorkload.LevelPoint> level, int bufferSize, Path file)
            throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), bufferLevel(title, paradigm, level, bufferSize), Charts.WIDTH, 420);
    }

    /**
     * The buffer's level as a step line (it changes only when a page goes in or out), and B as a
     * flat line above it: a level that touches B is stage 1 waiting for room — backpressure at work.
     */
    static JFreeChart bufferLevel(String title, String paradigm, List<PipelineWorkload.LevelPoint> level, int bufferSize) {
        var pages = new XYSeries("pages in the buffer", false, true);
        pages.add(0.0, 0);
        level.forEach(point -> pages.add(point.millis(), point.level()));
        double end = level.isEmpty() ? 1 : level.getLast().millis();
        var bound = new XYSeries("B = " + bufferSize, false, true);
        bound.add(0.0, bufferSize);
        bound.add(end, bufferSize);
        var data = new XYSeriesCollection();
        data.addSeries(pages);
        data.addSeries(bound);
        var chart = ChartFactory.createXYStepChart(title, "milliseconds since the run started", "pages in the buffer",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainAxis(new NumberAxis("milliseconds since the run started")); // the factory's axis shows dates
        var renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, Charts.colour(paradigm, 0));
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesPaint(1, Color.GRAY);
        renderer.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(renderer);
        var levels = (NumberAxis) plot.getRangeAxis();
        levels.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        levels.setRange(0, bufferSize + 1.5);
        return chart;
    }

    /** The three states' colours, the same in every picture: running as the spans are drawn, ready loud, waiting quiet. */
    static final Map<TaskState.State, Color> STATE_COLOURS = new EnumMap<>(Map.of(
            TaskState.State.RUNNING, new Color(70, 130, 180),
            TaskState.State.WAITING, new Color(205, 205, 205),
            TaskState.State.READY, new Color(230, 85, 13)));

    static void writeTaskLives(String title, List<TaskState> states, Path file) throws IOException {
        long tasks = Math.min(MOST_LANES, states.stream().map(TaskState::task).distinct().count());
        ChartUtils.saveChartAsPNG(file.toFile(), taskLives(title, states), Charts.WIDTH, (int) Math.max(260, 160 + 22 * tasks));
    }

    /**
     * A row per task, in the order the tasks began (the first {@link #MOST_LANES}), and along it
     * the task's life: running, waiting (for its timer, its socket …) and ready — what it waited
     * for has happened, and it waits for its turn. A long ready segment is the ready queue at work.
     * One series per state, so that the legend names the colours.
     */
    static JFreeChart taskLives(String title, List<TaskState> states) {
        long origin = states.stream().mapToLong(TaskState::startMicros).min().orElse(0);
        Map<String, Long> firstStart = new LinkedHashMap<>();
        states.forEach(s -> firstStart.merge(s.task(), s.startMicros(), Math::min));
        List<String> order = firstStart.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(MOST_LANES).toList();
        Map<String, Integer> rows = new LinkedHashMap<>();
        order.forEach(task -> rows.put(task, rows.size()));
        Map<TaskState.State, XYIntervalSeries> series = new EnumMap<>(TaskState.State.class);
        for (TaskState.State state : TaskState.State.values()) {
            series.put(state, new XYIntervalSeries(state.name().toLowerCase(java.util.Locale.ROOT)));
        }
        for (TaskState segment : states) {
            Integer row = rows.get(segment.task());
            if (row == null) {
                continue; // beyond the rows drawn: the subtitle says how many tasks there were
            }
            double start = (segment.startMicros() - origin) / 1e3;
            double end = Math.max(start + 0.001, (segment.endMicros() - origin) / 1e3);
            series.get(segment.state()).add(row, row - 0.35, row + 0.35, start, start, end);
        }
        var data = new XYIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        var taskAxis = new SymbolAxis(null, order.toArray(String[]::new));
        taskAxis.setInverted(true);
        taskAxis.setGridBandsVisible(false);
        var renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        int i = 0;
        for (TaskState.State state : series.keySet()) {
            renderer.setSeriesPaint(i++, STATE_COLOURS.get(state));
        }
        var plot = new XYPlot(data, taskAxis, new NumberAxis("milliseconds since the first task began"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        var chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int all = firstStart.size();
        chart.addSubtitle(new TextTitle(all + " tasks" + (all > rows.size() ? ", the first " + rows.size() + " drawn" : "")
                + "; ready = what the task waited for has happened, and it waits for its turn to run"));
        return chart;
    }
}
