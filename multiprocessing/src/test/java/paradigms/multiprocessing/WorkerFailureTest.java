package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.ChildProcess;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.PoolWorker;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens when a worker crashes, is killed, or talks nonsense: detected, reported or
 * retried as documented in {@link PoolWorker}, the worker replaced, the pool still working.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WorkerFailureTest {

    /** A job the pool can run after a failure, to show it still works. */
    private static void assertPoolStillWorks(ProcessPool pool) throws InterruptedException {
        List<SquareSum> sums = pool.map(List.of(new Squares.SquaresJob(List.of(1_000))), Trace.off()).getFirst();
        assertEquals(SumOfSquares.closedForm(1_000), sums.getFirst().sum(), "the pool still computes");
    }

    /** The failure is reported first; the replacement starts right after, on the worker's thread. */
    private static void awaitReplaced(ProcessPool pool, String old) {
        await().atMost(TestTimeouts.LONG).until(() -> {
            PoolWorker worker = pool.workers().getFirst();
            ChildProcess current = worker.child();
            return worker.state() == PoolWorker.State.IDLE && current != null && !current.name().equals(old);
        });
    }

    private static PoolWorker awaitBusy(ProcessPool pool) {
        await().atMost(TestTimeouts.LONG).until(() -> pool.workers().getFirst().state() == PoolWorker.State.BUSY);
        return pool.workers().getFirst();
    }

    @Test
    void aWorkerKilledInTheMiddleOfATaskIsDetectedReplacedAndTheTaskRunsOnceMore() throws Exception {
        try (var pool = Workers.pool().size(1).forWaiting().start()) {
            CompletableFuture<Void> job = pool.submit(new Exhibition.ThinkJob(0, 0, Duration.ofMillis(1_500)), Trace.off());
            ChildProcess victim = awaitBusy(pool).child();

            victim.kill(); // SIGKILL, while it thinks

            job.get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS); // retried on the replacement: no exception
            assertEquals(1, pool.crashes(), "the crash was noticed");
            assertFalse(victim.process().isAlive(), "the killed worker is gone");
            ChildProcess replacement = pool.workers().getFirst().child();
            assertNotEquals(victim.pid(), replacement.pid(), "a new process took its place");
            assertTrue(replacement.process().isAlive());
            assertPoolStillWorks(pool);
        }
    }

    @Test
    void aJobWhoseWorkerDiesTwiceIsReportedWithTheWorkerAndItsExitCode() throws Exception {
        try (var pool = ProcessPool.builder().size(1).forWaiting().command(TestWorkerMain.command()).stderrLog(line -> { }).start()) {
            var died = assertThrows(PoolException.WorkerDied.class,
                    () -> pool.map(List.of(RawJob.of(TestWorkerMain.EXIT, "7")), Trace.off()));

            assertEquals(7, died.exitCode());
            assertTrue(died.getMessage().matches("worker-1 \\(pid \\d+\\) exited with code 7 while running exit 7"), died.getMessage());
            assertEquals(2, pool.crashes(), "run once, retried once, no more");
            awaitReplaced(pool, died.worker());
            assertPoolStillWorks(pool);
        }
    }

    @Test
    void aMalformedFrameIsAnErrorThatNamesTheWorkerAndTheWorkerIsReplaced() throws Exception {
        try (var pool = ProcessPool.builder().size(1).forWaiting().command(TestWorkerMain.command()).start()) {
            String liar = pool.workers().getFirst().child().name();

            var malformed = assertThrows(PoolException.MalformedFrame.class,
                    () -> pool.map(List.of(RawJob.of(TestWorkerMain.GARBAGE)), Trace.off()));

            assertEquals(liar, malformed.worker());
            assertTrue(malformed.getMessage().startsWith(liar + " sent a malformed frame: "), malformed.getMessage());
            assertTrue(malformed.getMessage().contains("control character 0x1"), "says what was wrong: " + malformed.getMessage());
            awaitReplaced(pool, liar);
            assertPoolStillWorks(pool);
        }
    }

    @Test
    void aReplyWhoseValuesAreNotWhatTheJobExpectsIsAMalformedFrameNamingTheWorker() throws Exception {
        try (var pool = Workers.pool().size(1).forWaiting().start()) {
            String worker = pool.workers().getFirst().child().name();
            // A think task answers with no values; read as squares it lacks the one sum expected.
            var confused = new Squares.SquaresJob(List.of(5));
            Job<List<SquareSum>> askedToThink = new Job<>() {
                public String kind() {
                    return Exhibition.KIND;
                }

                public List<String> arguments() {
                    return List.of("0");
                }

                public List<SquareSum> decode(List<String> values) throws Wire.BadFrameException {
                    return confused.decode(values);
                }

                public String label() {
                    return "think, read as squares";
                }
            };
            var malformed = assertThrows(PoolException.MalformedFrame.class, () -> pool.map(List.of(askedToThink), Trace.off()));
            assertTrue(malformed.getMessage().startsWith(worker + " sent a malformed frame: a squares reply for 1 n's needs 1 values, got 0"),
                    malformed.getMessage());
            assertPoolStillWorks(pool);
        }
    }

    @Test
    void aWorkerGivenAFrameItCannotReadExitsWithCode2AndSaysWhyOnStderr() throws Exception {
        Process worker = new ProcessBuilder(Workers.command().commandLine()).start();
        try (var stdout = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
             var stderr = new BufferedReader(new InputStreamReader(worker.getErrorStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready\t" + worker.pid(), stdout.readLine());
            worker.getOutputStream().write("task\t1\n".getBytes(StandardCharsets.UTF_8)); // no kind
            worker.getOutputStream().flush();
            assertTrue(worker.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(WorkerMain.EXIT_BAD_FRAME, worker.exitValue());
            String why = stderr.lines().collect(Collectors.joining("\n"));
            assertTrue(why.contains("malformed frame from the pool: a \"task\" frame needs at least 2 fields, got 1"), why);
        } finally {
            worker.destroyForcibly();
        }
    }
}
