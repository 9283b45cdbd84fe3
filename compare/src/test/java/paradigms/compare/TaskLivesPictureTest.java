package paradigms.compare;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.trace.TaskState;
import paradigms.common.trace.TaskState.State;
import paradigms.common.trace.Waited;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task-life picture: a row per task, and each state drawn in its own colour, named in the legend. */
@Timeout(20)
class TaskLivesPictureTest {

    private static final long T0 = 1_700_000_000_000_000L;

    /** A sleeper that runs, waits for its timer 49 ms, is ready 30 ms (a busy task holds the scheduler), runs; the busy task runs 200 ms. */
    private static final List<TaskState> LIVES = List.of(
            new TaskState("busy 0", State.RUNNING, null, T0, T0 + 200_000),
            new TaskState("sleeper 0", State.RUNNING, null, T0 + 100, T0 + 1_000),
            new TaskState("sleeper 0", State.WAITING, Waited.TIMER, T0 + 1_000, T0 + 50_000),
            new TaskState("sleeper 0", State.READY, Waited.TIMER, T0 + 50_000, T0 + 80_000),
            new TaskState("sleeper 0", State.RUNNING, null, T0 + 80_000, T0 + 81_000));

    @Test
    void eachStateIsASeriesOfItsOwnWithOneBarPerSegmentOnItsTasksRow() {
        JFreeChart chart = Timelines.taskLives("test", LIVES);
        var data = (XYIntervalSeriesCollection) chart.getXYPlot().getDataset();

        assertEquals(List.of("running", "waiting", "ready"), List.of(data.getSeriesKey(0), data.getSeriesKey(1), data.getSeriesKey(2)));
        assertEquals(List.of(3, 1, 1), List.of(data.getItemCount(0), data.getItemCount(1), data.getItemCount(2)));
        // The ready bar: sleeper 0's row (it began second), from 50 to 80 ms after the first task began.
        assertEquals(1.0, data.getXValue(2, 0));
        assertEquals(50.0, data.getStartYValue(2, 0), 1e-9);
        assertEquals(80.0, data.getEndYValue(2, 0), 1e-9);
        assertTrue(chart.getLegend() != null, "the legend names the colours");
    }

    @Test
    void thePictureShowsAllThreeColoursAndTheReadyOneWhereTheSleeperWaitedForItsTurn() {
        JFreeChart chart = Timelines.taskLives("test", LIVES);
        BufferedImage image = chart.createBufferedImage(1000, 300);

        int running = count(image, Timelines.STATE_COLOURS.get(State.RUNNING));
        int waiting = count(image, Timelines.STATE_COLOURS.get(State.WAITING));
        int ready = count(image, Timelines.STATE_COLOURS.get(State.READY));
        assertTrue(running > 1_000 && waiting > 1_000 && ready > 500, "running " + running + ", waiting " + waiting + ", ready " + ready);
        // Time runs along the picture: the ready bar (30 ms) is about 30 / 49 of the waiting one (49 ms).
        assertTrue(ready < waiting, "ready " + ready + " < waiting " + waiting);
    }

    @Test
    void aPictureWithoutReadySegmentsHasNoReadyColourInItsBars() {
        JFreeChart chart = Timelines.taskLives("test", LIVES.stream().filter(s -> s.state() != State.READY).toList());
        BufferedImage image = chart.createBufferedImage(1000, 300);
        XYPlot plot = chart.getXYPlot();
        assertEquals(0, plot.getDataset().getItemCount(2));
        // Only the legend's small square is drawn in the ready colour.
        assertTrue(count(image, Timelines.STATE_COLOURS.get(State.READY)) < 200);
    }

    private static int count(BufferedImage image, Color colour) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}
