package paradigms.greenlets;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadRequest;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a virtual thread really waits: with 1,000 requests in flight, 1,000 virtual threads are
 * parked in the socket read inside the course's client — the same read as threading's workers —
 * while a handful of carrier threads, no more than the scheduler's parallelism, run them all.
 *
 * <p>{@code Thread.getAllStackTraces()} does not list virtual threads; the JDK's thread dump
 * ({@link HotSpotDiagnosticMXBean#dumpThreads}, the same as {@code jcmd PID Thread.dump_to_file})
 * does, with their stacks.
 */
@Timeout(120)
class VirtualThreadsParkInTheSocketReadTest {

    private static final int IN_FLIGHT = 1_000;

    @Test
    void aThousandVirtualThreadsParkInSocketReadsOnNoMoreCarriersThanTheParallelism(@TempDir Path dir) throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMinutes(5)).start()) { // answered only by cancelling
            List<URI> urls = IntStream.range(0, IN_FLIGHT).mapToObj(i -> server.url("/data/" + i)).toList();
            var request = new DownloadRequest(urls, IN_FLIGHT, Duration.ofMinutes(5));
            var caller = new Thread[1];
            var ended = new CompletableFuture<Object>();
            caller[0] = Thread.ofPlatform().name("download-caller").start(() -> {
                try {
                    ended.complete(new Download().download(request, Trace.off()));
                } catch (Throwable e) {
                    ended.complete(e);
                }
            });
            await().atMost(TestTimeouts.scaled(Duration.ofSeconds(60))).until(() -> server.inFlight() == IN_FLIGHT);

            await().atMost(TestTimeouts.LONG).untilAsserted(() ->
                    assertEquals(IN_FLIGHT, virtualThreadsInSocketRead(dumpThreads(dir)), "virtual threads in a socket read"));
            long carriers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getClass().getName().equals("jdk.internal.misc.CarrierThread"))
                    .count();
            int parallelism = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                    Runtime.getRuntime().availableProcessors());
            assertTrue(carriers >= 1 && carriers <= parallelism,
                    IN_FLIGHT + " parked virtual threads, " + carriers + " carriers, parallelism " + parallelism);

            caller[0].interrupt(); // the call interrupts its virtual threads; each read wakes and closes its socket
            assertInstanceOf(InterruptedException.class, ended.get());
            await().atMost(TestTimeouts.LONG).until(() -> server.connectionsOpen() == 0);
        }
    }

    private static String dumpThreads(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "threads", ".txt");
        Files.delete(file); // dumpThreads refuses to overwrite
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
        return Files.readString(file);
    }

    /** Threads of the plain-text dump are blocks that start {@code #ID "name" virtual ...}; counts the ones reading. */
    static long virtualThreadsInSocketRead(String dump) {
        return java.util.Arrays.stream(dump.split("\\R\\R"))
                .map(String::strip)
                .filter(block -> block.startsWith("#") && block.lines().findFirst().orElse("").contains(" virtual "))
                .filter(block -> block.contains("java.net.Socket$SocketInputStream.read")
                        && block.contains("paradigms.common.http.SocketHttpClient"))
                .count();
    }
}
