package paradigms.greenlets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.greenlets.Pinning.Pinned;
import paradigms.greenlets.Pinning.Scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What still pins a virtual thread to its carrier on JDK 25, and what no longer does, as JDK
 * Flight Recorder reports it ({@code jdk.VirtualThreadPinned}, threshold 0 ms).
 *
 * <p>All scenarios run inside one recording, once for the class: a class initialises once per
 * JVM, so the static-initialiser scenario can be shown only once. Because the same recording
 * holds the pinned events of the other scenarios, "no event for synchronized" cannot come
 * from a recording that missed everything.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PinningTest {

    private static Map<Scenario, List<Pinned>> pinned;

    @BeforeAll
    static void recordAllScenarios() throws Exception {
        pinned = Pinning.record(EnumSet.allOf(Scenario.class));
    }

    @Test
    void blockingInsideSynchronizedNoLongerPins() {
        assertEquals(List.of(), pinned.get(Scenario.SYNCHRONIZED),
                "sleeping in a monitor, and waiting to enter it, unmount since JDK 24 (JEP 491)");
        assertFalse(pinned.get(Scenario.STATIC_INITIALISER).isEmpty(), "the same recording did see other pins");
    }

    @Test
    void blockingInAStaticInitialiserPins() {
        List<Pinned> events = pinned.get(Scenario.STATIC_INITIALISER);
        assertEquals(1, events.size(), "one park, inside <clinit>: " + events);
        Pinned pin = events.getFirst();
        assertTrue(pin.reason().contains("SlowToInitialise.<clinit>"), "reason: " + pin.reason());
        assertTrue(pin.frames().contains(SlowToInitialise.class.getName() + ".<clinit>"), "stack: " + pin.frames());
        assertTrue(pin.duration().compareTo(Pinning.BLOCKS) >= 0, "pinned for the whole sleep: " + pin.duration());
    }

    @Test
    void blockingInJavaCalledBackFromNativeCodePins() {
        List<Pinned> events = pinned.get(Scenario.NATIVE_UPCALL);
        assertFalse(events.isEmpty(), "qsort called the sleeping comparator with its C frame on the stack");
        for (Pinned pin : events) {
            assertTrue(pin.reason().contains("Native"), "reason: " + pin.reason());
            assertTrue(pin.frames().contains(NativeSort.class.getName() + ".compareSlowly"), "stack: " + pin.frames());
        }
    }
}
