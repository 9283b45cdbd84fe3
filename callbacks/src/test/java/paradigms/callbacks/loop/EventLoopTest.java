package paradigms.callbacks.loop;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event loop's contract on the real clock: threads, I/O readiness, errors, stopping. */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class EventLoopTest {

    @Test
    void runReturnsAtOnceWhenThereIsNoWork() {
        try (var loop = new EventLoop()) {
            loop.run();
            loop.run(); // and it can be run again
        }
    }

    @Test
    void anExceptionInACallbackGoesToTheErrorHandlerAndTheLoopGoesOn() {
        List<String> ran = new ArrayList<>();
        List<Throwable> reported = new ArrayList<>();
        try (var loop = new EventLoop()) {
            loop.setErrorHandler((context, error) -> reported.add(error));
            loop.callSoon(() -> {
                throw new IllegalStateException("boom");
            });
            loop.callSoon(() -> ran.add("after the failure"));
            loop.run();
        }
        assertEquals(List.of("after the failure"), ran);
        assertEquals(1, reported.size());
        assertEquals("boom", reported.getFirst().getMessage());
    }

    /** A layer on top of the loop (the coroutines' scheduler) reports what it caught itself to the same handler. */
    @Test
    void reportHandsAnErrorToTheHandlerSetLastWithItsContext() {
        List<String> reported = new ArrayList<>();
        try (var loop = new EventLoop()) {
            java.util.function.BiConsumer<String, Throwable> handler =
                    (context, error) -> reported.add(context + ": " + error.getMessage());
            loop.setErrorHandler(handler);
            assertSame(handler, loop.errorHandler(), "the handler set last, for a layer that puts it back later");
            loop.callSoon(() -> loop.report("a task failed and nobody waited for it", new IllegalStateException("lost")));
            loop.run();
        }
        assertEquals(List.of("a task failed and nobody waited for it: lost"), reported);
    }

    /** The last resort is standard error: captured here, so that the build log shows no alarming stack trace. */
    @Test
    void aFailingErrorHandlerDoesNotKillTheLoopEitherAndBothErrorsArePrinted() {
        List<String> ran = new ArrayList<>();
        var captured = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (var loop = new EventLoop()) {
            loop.setErrorHandler((context, error) -> {
                throw new IllegalStateException("handler broken");
            });
            loop.callSoon(() -> {
                throw new IllegalStateException("callback broken");
            });
            loop.callSoon(() -> ran.add("still running"));
            loop.run();
        } finally {
            System.setErr(standardError);
        }
        assertEquals(List.of("still running"), ran);
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("handler broken") && printed.contains("callback broken"), printed);
    }

    @Test
    void aTimerNeverFiresEarlyEvenBelowOneMillisecond() {
        try (var loop = new EventLoop()) {
            for (long micros : new long[] {300, 2_500}) {
                long[] elapsed = new long[1];
                long start = System.nanoTime();
                loop.callLater(Duration.ofNanos(micros * 1_000), () -> elapsed[0] = System.nanoTime() - start);
                loop.run();
                assertTrue(elapsed[0] >= micros * 1_000, "a " + micros + " µs timer fired after " + elapsed[0] / 1_000 + " µs");
            }
        }
    }

    @Test
    void callSoonFromAnotherThreadWhileTheLoopRunsIsRefused() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        try (var loop = new EventLoop(); Pipe.SourceChannel idle = Pipe.open().source()) {
            idle.configureBlocking(false);
            loop.onReadable(idle, () -> { }); // keeps the loop waiting until it is removed
            CountDownLatch running = new CountDownLatch(1);
            loop.callSoon(running::countDown);
            Thread other = Thread.ofPlatform().start(() -> {
                awaitQuietly(running);
                try {
                    loop.callSoon(() -> { });
                } catch (Throwable e) {
                    refused.set(e);
                }
                loop.callSoonThreadSafe(() -> loop.removeInterest(idle));
            });
            loop.run();
            other.join();
        }
        assertInstanceOf(IllegalStateException.class, refused.get());
    }

    @Test
    void callSoonThreadSafeWakesALoopThatWaitsForIoAndRunsOnTheLoopThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        try (var loop = new EventLoop(); Pipe.SourceChannel quiet = Pipe.open().source()) {
            quiet.configureBlocking(false);
            loop.onReadable(quiet, () -> { }); // nothing will ever be written: select() would wait forever
            CountDownLatch waiting = new CountDownLatch(1);
            loop.callSoon(waiting::countDown);
            Thread other = Thread.ofPlatform().start(() -> {
                awaitQuietly(waiting);
                loop.callSoonThreadSafe(() -> {
                    ranOn.set(Thread.currentThread());
                    loop.removeInterest(quiet); // the last piece of work: run() returns
                });
            });
            loop.run();
            other.join();
        }
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void stopFromAnotherThreadEndsRun() throws Exception {
        try (var loop = new EventLoop(); Pipe.SourceChannel quiet = Pipe.open().source()) {
            quiet.configureBlocking(false);
            loop.onReadable(quiet, () -> { });
            CountDownLatch running = new CountDownLatch(1);
            loop.callSoon(running::countDown);
            Thread stopper = Thread.ofPlatform().start(() -> {
                awaitQuietly(running);
                loop.stop();
            });
            loop.run();
            stopper.join();
            loop.removeInterest(quiet);
        }
    }

    @Test
    void aReadableCallbackRunsOnceWhenDataArrives() throws Exception {
        Pipe pipe = Pipe.open();
        List<String> read = new ArrayList<>();
        try (var loop = new EventLoop(); var source = pipe.source(); var sink = pipe.sink()) {
            source.configureBlocking(false);
            loop.onReadable(source, () -> {
                ByteBuffer buffer = ByteBuffer.allocate(16);
                try {
                    source.read(buffer);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                read.add(new String(buffer.array(), 0, buffer.position()));
            });
            loop.callLater(Duration.ofMillis(5), () -> write(sink, "hello"));
            loop.run(); // returns: the one-shot callback ran, nothing is left
        }
        assertEquals(List.of("hello"), read);
    }

    /**
     * After a readable callback fired, the selector's read interest lingers (it saves two system
     * calls when the callback asks again at once). If the data is left unread and nobody asks,
     * that interest must be dropped — or the channel, readable forever, would wake the loop on
     * every tick for nothing.
     */
    @Test
    void unreadDataThatNobodyWaitsForDoesNotKeepWakingTheLoop() throws Exception {
        Pipe pipe = Pipe.open();
        try (var loop = new EventLoop(); var source = pipe.source(); var sink = pipe.sink()) {
            source.configureBlocking(false);
            write(sink, "never read");
            loop.onReadable(source, () -> { }); // fires, reads nothing, does not ask again
            loop.callLater(Duration.ofMillis(50), () -> { });
            loop.run();
            assertTrue(loop.ticks() < 20, "the loop made " + loop.ticks() + " ticks waiting for a 50 ms timer");
        }
    }

    @Test
    void aWritableCallbackRunsOnAnEmptyPipe() throws Exception {
        Pipe pipe = Pipe.open();
        List<String> ran = new ArrayList<>();
        try (var loop = new EventLoop(); var source = pipe.source(); var sink = pipe.sink()) {
            sink.configureBlocking(false);
            loop.onWritable(sink, () -> ran.add("writable"));
            loop.run();
        }
        assertEquals(List.of("writable"), ran);
    }

    @Test
    void aSecondReadableCallbackOnTheSameChannelIsRefused() throws Exception {
        try (var loop = new EventLoop(); Pipe.SourceChannel source = Pipe.open().source()) {
            source.configureBlocking(false);
            loop.onReadable(source, () -> { });
            assertThrows(IllegalStateException.class, () -> loop.onReadable(source, () -> { }));
            loop.removeInterest(source);
            loop.run(); // nothing left after removeInterest: returns
        }
    }

    @Test
    void runInExecutorKeepsTheLoopAliveAndAnswersOnTheLoopThread() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        List<String> answers = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> answeredOn = new AtomicReference<>();
        try (var loop = new EventLoop()) {
            CountDownLatch release = new CountDownLatch(1);
            loop.callSoon(() -> loop.runInExecutor(workers, () -> {
                release.await(); // the loop has nothing else to do meanwhile, and must not return
                return "from the worker";
            }, (value, error) -> {
                answers.add(value);
                answeredOn.set(Thread.currentThread());
                assertNull(error);
            }));
            loop.callLater(Duration.ofMillis(20), release::countDown);
            loop.run();
        } finally {
            workers.shutdown();
        }
        assertEquals(List.of("from the worker"), answers);
        assertSame(Thread.currentThread(), answeredOn.get());
    }

    @Test
    void runInExecutorDeliversTheJobsException() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        AtomicReference<Throwable> error = new AtomicReference<>();
        try (var loop = new EventLoop()) {
            loop.runInExecutor(workers, () -> {
                throw new IOException("disk on fire");
            }, (value, failure) -> error.set(failure));
            loop.run();
        } finally {
            workers.shutdown();
            assertTrue(workers.awaitTermination(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        }
        assertEquals("disk on fire", error.get().getMessage());
    }

    @Test
    void aClosedLoopRefusesToRunAndToTakeCallbacks() {
        var loop = new EventLoop();
        loop.close();
        loop.close(); // idempotent
        assertThrows(IllegalStateException.class, loop::run);
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> loop.callSoonThreadSafe(() -> { }));
    }

    @Test
    void closingARunningLoopIsRefused() {
        try (var loop = new EventLoop()) {
            List<Throwable> errors = new ArrayList<>();
            loop.setErrorHandler((context, error) -> errors.add(error));
            loop.callSoon(loop::close);
            loop.run();
            assertInstanceOf(IllegalStateException.class, errors.getFirst());
        }
    }

    private static void write(Pipe.SinkChannel sink, String text) {
        try {
            sink.write(ByteBuffer.wrap(text.getBytes()));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
