package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headline's exhibition: the rules' ratio from the request, and each paradigm's measured ratio, named. */
@Timeout(10)
class HeadlineTest {

    private static final Plan PLAN = Plan.of(Mode.QUICK, Duration.ofMillis(50));

    private static CaseSummary exhibition(String paradigm, double hours) {
        return new CaseSummary(paradigm, "exhibition", "exhibition", "inputs", "ok", null, 0, 1, 400.0, 10.0, 0.1, 12, 40.0,
                null, null, 366.0, 1.1, null, null, null, null, hours, null, null, null, null, List.of());
    }

    @Test
    void theRulesRatioComesFromTheRequestAndEachMeasuredRatioNamesItsParadigm() {
        Headline.Exhibition e = Headline.exhibition(List.of(
                exhibition("sequential", 12.73), exhibition("threading", 1.37), exhibition("callbacks", 1.06)), PLAN);
        var request = ((ExhibitionWorkload) PLAN.byId("exhibition")).request();
        assertEquals((double) request.sequentialSeconds() / request.concurrentSeconds(), e.idealRatio(), 1e-12);
        assertTrue(e.rulesLine().contains("by the rules") && e.rulesLine().contains("ratio 11.8"), e.rulesLine());

        assertEquals(List.of("threading", "callbacks"), e.measured().stream().map(Headline.Exhibition.Measured::paradigm).toList());
        assertEquals(12.73 / 1.37, e.measured().get(0).ratio(), 1e-9);
        assertEquals(12.73 / 1.06, e.measured().get(1).ratio(), 1e-9);
        assertTrue(e.measuredLine().contains("threading 1.37 h (ratio 9.3)") && e.measuredLine().contains("callbacks 1.06 h (ratio 12.0)"),
                "every measured ratio beside the paradigm it was measured for: " + e.measuredLine());
    }

    @Test
    void withoutTheBaselineThereIsNoMeasuredRatio() {
        Headline.Exhibition e = Headline.exhibition(List.of(exhibition("threading", 1.37)), PLAN);
        assertEquals(List.of(), e.measured());
        assertTrue(e.measuredLine().contains("no sequential exhibition result"), e.measuredLine());
        assertTrue(e.rulesLine().contains("ratio 11.8"), "the rules' ratio needs no measurement: " + e.rulesLine());
    }
}
