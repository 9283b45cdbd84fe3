package paradigms.greenlets;

import paradigms.greenlets.virtual.Tasks;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pinning: a virtual thread that blocks but cannot leave its carrier, so the carrier blocks
 * too. Seen here the way one sees it in production: with JDK Flight Recorder, which records a
 * {@code jdk.VirtualThreadPinned} event whenever a virtual thread parks while pinned.
 *
 * <p>On JDK 25:
 * <ul>
 *   <li>{@link Scenario#SYNCHRONIZED}: sleeping while holding a monitor, and waiting to enter
 *       one, do <em>not</em> pin any more (JEP 491, JDK 24: the JVM now tracks monitors held by
 *       virtual threads rather than by carriers). Before JDK 24 this was the common case.</li>
 *   <li>{@link Scenario#STATIC_INITIALISER}: blocking in a {@code static {}} block pins — the
 *       initialiser is called from inside the VM, and a VM frame cannot be unmounted.</li>
 *   <li>{@link Scenario#NATIVE_UPCALL}: blocking in Java code called back from C pins — a C
 *       frame cannot be copied to the heap.</li>
 * </ul>
 */
final class Pinning {

    /** How long each scenario blocks where it blocks. */
    static final Duration BLOCKS = Duration.ofMillis(SlowToInitialise.BLOCKS_MILLIS);

    /** Set when the static initialiser has been shown: a class initialises once per JVM. */
    private static final AtomicBoolean INITIALISER_SHOWN = new AtomicBoolean();

    private Pinning() {
    }

    /** Ways for a virtual thread to block; each runs on virtual threads whose names start with its own. */
    enum Scenario {
        SYNCHRONIZED,
        STATIC_INITIALISER,
        NATIVE_UPCALL
    }

    /**
     * One {@code jdk.VirtualThreadPinned} event.
     *
     * @param thread            the pinned virtual thread's name
     * @param reason            why the JVM could not unmount it, in the JVM's words
     * @param blockingOperation what it was blocked in, e.g. {@code LockSupport.park}
     * @param frames            its stack, innermost first, as {@code Class.method}
     */
    record Pinned(String thread, String reason, String blockingOperation, Duration duration, List<String> frames) {
    }

    /**
     * Runs the scenarios one after another, each on its own virtual threads, inside one JFR
     * recording with the pinned event's threshold at 0 ms (the default, 20 ms, would hide short
     * pins), and returns the pinned events of each scenario's threads — an empty list where
     * nothing pinned.
     *
     * @throws IllegalStateException when asked for {@link Scenario#STATIC_INITIALISER} a second
     *                               time in this JVM: the class is initialised by then
     */
    static Map<Scenario, List<Pinned>> record(Collection<Scenario> scenarios) throws IOException, InterruptedException {
        Path file = Files.createTempFile("pinning", ".jfr");
        try (var recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            for (Scenario scenario : scenarios) {
                run(scenario);
            }
            recording.stop();
            recording.dump(file);
            return pinnedByScenario(RecordingFile.readAllEvents(file), scenarios);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(Scenario scenario) throws InterruptedException {
        var named = Thread.ofVirtual().name(scenario.name() + "-", 0).factory();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(named)) {
            List<Future<?>> running = switch (scenario) {
                case SYNCHRONIZED -> blockInsideAndOutsideAMonitor(threads);
                case STATIC_INITIALISER -> List.of(threads.submit(Pinning::blockInAStaticInitialiser));
                case NATIVE_UPCALL -> List.of(threads.submit(() -> NativeSort.sortSlowly(new int[] {3, 1, 2}, BLOCKS.toMillis())));
            };
            for (Future<?> thread : running) {
                Tasks.join(thread);
            }
        }
    }

    /** One thread sleeps holding a monitor; a second blocks trying to enter it meanwhile. */
    private static List<Future<?>> blockInsideAndOutsideAMonitor(ExecutorService threads) throws InterruptedException {
        Object monitor = new Object();
        var holding = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> {
            synchronized (monitor) {
                holding.countDown();
                Thread.sleep(BLOCKS); // blocks inside synchronized: unmounts on JDK 24 and later
            }
            return null;
        });
        holding.await();
        Future<?> waiter = threads.submit(() -> {
            synchronized (monitor) { // blocks until the holder leaves: unmounts on JDK 24 and later
                return null;
            }
        });
        return List.of(holder, waiter);
    }

    private static void blockInAStaticInitialiser() {
        if (!INITIALISER_SHOWN.compareAndSet(false, true)) {
            throw new IllegalStateException("the static initialiser has run in this JVM already: a class initialises once");
        }
        SlowToInitialise.touch(); // first use: runs the class's static {} on this virtual thread
    }

    private static Map<Scenario, List<Pinned>> pinnedByScenario(List<RecordedEvent> events, Collection<Scenario> scenarios) {
        Map<Scenario, List<Pinned>> pinned = new EnumMap<>(Scenario.class);
        for (Scenario scenario : scenarios) {
            pinned.put(scenario, new ArrayList<>());
        }
        for (RecordedEvent event : events) {
            String thread = event.getThread() == null ? null : event.getThread().getJavaName();
            if (thread == null) {
                continue; // not one of ours: every scenario names its threads
            }
            for (Scenario scenario : scenarios) {
                if (thread.startsWith(scenario.name() + "-")) {
                    pinned.get(scenario).add(new Pinned(thread, event.getString("pinnedReason"),
                            event.getString("blockingOperation"), event.getDuration(), frames(event)));
                }
            }
        }
        return pinned;
    }

    private static List<String> frames(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return List.of();
        }
        return event.getStackTrace().getFrames().stream()
                .map(RecordedFrame::getMethod)
                .map(method -> method.getType().getName() + "." + method.getName())
                .toList();
    }
}
