package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code resolve-off-loop} (callbacks/README.md, Exercises for you,
 * 3): {@link Resolver} looks host names up on a worker thread, answers on the loop thread,
 * shares one lookup per host, remembers successes and not failures. The lookups are fakes — no
 * test depends on this machine's name service.
 */
@Tag("exercise")
@Tag("resolve-off-loop")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResolverTest {

    private static final String WORKER = "resolver-test-worker";

    private record Answer(InetSocketAddress address, Throwable error, boolean onLoopThread) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(WORKER).factory());
    private final EventLoop loop = new EventLoop();
    private final List<Throwable> reported = new ArrayList<>();
    private final List<String> lookupThreads = new ArrayList<>(); // guarded by itself: written by the worker

    {
        loop.setErrorHandler((context, error) -> reported.add(error));
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        loop.close();
        worker.shutdownNow();
        assertTrue(worker.awaitTermination(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "the worker ended");
    }

    @Test
    void theLookupRunsOnTheExecutorAndTheAnswerOnTheLoopThreadWithTheAskedPort() throws UnknownHostException {
        var resolver = new Resolver(loop, worker, countingLookup(new AtomicInteger()));
        List<Answer> answers = new ArrayList<>();
        resolver.resolve("shop.example", 8080, recordInto(answers));
        assertEquals(List.of(), answers, "resolve() must not answer inside itself");

        loop.run();

        assertEquals(List.of(new Answer(new InetSocketAddress(address("shop.example"), 8080), null, true)), answers);
        synchronized (lookupThreads) {
            assertEquals(List.of(WORKER), lookupThreads, "the blocking lookup ran on the executor, not on the loop thread");
        }
        assertEquals(List.of(), reported);
    }

    @Test
    void theLoopRunsOtherCallbacksWhileALookupIsSlow() {
        var heartbeatsSeenByTheLookup = new CountDownLatch(3);
        Resolver.Lookup slow = host -> {
            // Waits until the loop has run three heartbeats: impossible if the lookup blocks the loop.
            try {
                if (!heartbeatsSeenByTheLookup.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new UnknownHostException("the loop ran no heartbeat while the lookup waited: it is blocked");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownHostException("interrupted");
            }
            return address(host);
        };
        var resolver = new Resolver(loop, worker, slow);
        List<Answer> answers = new ArrayList<>();
        resolver.resolve("slow.example", 80, recordInto(answers));
        loop.callSoon(new Runnable() {
            @Override
            public void run() {
                heartbeatsSeenByTheLookup.countDown();
                if (answers.isEmpty()) {
                    loop.callLater(Duration.ofMillis(1), this);
                }
            }
        });

        loop.run();

        assertEquals(1, answers.size());
        assertNull(answers.getFirst().error(), () -> "the lookup failed: " + answers.getFirst().error());
        assertEquals(80, answers.getFirst().address().getPort());
    }

    @Test
    void requestsForOneHostShareOneLookupAndLaterOnesAreAnsweredFromMemoryOnALaterTick() throws UnknownHostException {
        var lookups = new AtomicInteger();
        var resolver = new Resolver(loop, worker, countingLookup(lookups));
        List<Answer> answers = new ArrayList<>();
        resolver.resolve("api.example", 80, recordInto(answers));
        resolver.resolve("api.example", 443, recordInto(answers));
        resolver.resolve("api.example", 8443, recordInto(answers));
        loop.run();

        assertEquals(1, lookups.get(), "three requests in flight together, one lookup");
        assertEquals(List.of(80, 443, 8443), answers.stream().map(answer -> answer.address().getPort()).toList(),
                "each request gets its own port, in the order asked");

        resolver.resolve("api.example", 9000, recordInto(answers));
        assertEquals(3, answers.size(), "even from memory, resolve() must not answer inside itself");
        loop.run();
        assertEquals(1, lookups.get(), "a host found once is not looked up again");
        assertEquals(new Answer(new InetSocketAddress(address("api.example"), 9000), null, true), answers.getLast());
        assertEquals(List.of(), reported);
    }

    @Test
    void aFailedLookupReachesTheCallbackAndIsNotRemembered() {
        var lookups = new AtomicInteger();
        Resolver.Lookup failing = host -> {
            lookups.incrementAndGet();
            throw new UnknownHostException(host);
        };
        var resolver = new Resolver(loop, worker, failing);
        List<Answer> answers = new ArrayList<>();
        resolver.resolve("nowhere.example", 80, recordInto(answers)); // must not throw
        loop.run();
        resolver.resolve("nowhere.example", 80, recordInto(answers));
        loop.run();

        assertEquals(2, answers.size());
        for (Answer answer : answers) {
            assertNull(answer.address(), "a failure carries no address");
            assertInstanceOf(UnknownHostException.class, answer.error(), "the lookup's own exception");
            assertTrue(answer.onLoopThread());
        }
        assertEquals(2, lookups.get(), "a failure is not remembered: the second request tries again");
        assertEquals(List.of(), reported);
    }

    @Test
    void aCallbackThatThrowsIsReportedAndTheOthersStillGetTheirAnswers() {
        var resolver = new Resolver(loop, worker, countingLookup(new AtomicInteger()));
        var boom = new IllegalStateException("a caller's bug");
        List<Answer> answers = new ArrayList<>();
        resolver.resolve("api.example", 1, (address, error) -> {
            throw boom;
        });
        resolver.resolve("api.example", 2, recordInto(answers));
        loop.run();

        assertEquals(List.of(boom), reported, "the callback's exception reached the loop's error handler, once");
        assertEquals(1, answers.size(), "the second caller still got its answer");
    }

    @Test
    void badInputIsRefusedWithAMessageThatNamesIt() {
        var resolver = new Resolver(loop, worker, countingLookup(new AtomicInteger()));
        resolver.resolve("ok.example", 0, (address, error) -> { }); // a valid call is accepted
        loop.run();
        assertNames("port", assertThrows(IllegalArgumentException.class, () -> resolver.resolve("a.example", -1, (a, e) -> { })));
        assertNames("port", assertThrows(IllegalArgumentException.class, () -> resolver.resolve("a.example", 65_536, (a, e) -> { })));
        assertNames("host", assertThrows(NullPointerException.class, () -> resolver.resolve(null, 80, (a, e) -> { })));
        assertNames("whenResolved", assertThrows(NullPointerException.class, () -> resolver.resolve("a.example", 80, null)));
    }

    // ------------------------------------------------------------------ helpers

    /** A fake lookup: records its thread, counts its calls, answers 10.0.0.x. */
    private Resolver.Lookup countingLookup(AtomicInteger lookups) {
        return host -> {
            lookups.incrementAndGet();
            synchronized (lookupThreads) {
                lookupThreads.add(Thread.currentThread().getName());
            }
            return address(host);
        };
    }

    private static InetAddress address(String host) throws UnknownHostException {
        return InetAddress.getByAddress(host, new byte[] {10, 0, 0, (byte) (host.length())});
    }

    private BiConsumer<InetSocketAddress, Throwable> recordInto(List<Answer> answers) {
        return (address, error) -> answers.add(new Answer(address, error, loop.inLoopThread()));
    }

    private static void assertNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
