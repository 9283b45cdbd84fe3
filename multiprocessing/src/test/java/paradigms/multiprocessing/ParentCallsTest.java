package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that calls its parent in the middle of its run ({@code call} and {@code answer}
 * frames): what the parent does when a call makes no sense, when an answer comes that nobody
 * asked for, and when a worker dies holding something a call gave it.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ParentCallsTest {

    /** One counter increment on a fresh keeper, leased: the worker calls "lease", then "write". */
    private static Counter.CounterJob oneLeasedIncrement(Counter.Keeper keeper, int increments) {
        return new Counter.CounterJob(0, increments, true, keeper, null);
    }

    @Test
    void aCallTheJobCannotAnswerIsAMalformedFrameNamingTheWorkerAndTheWorkerIsReplaced() throws Exception {
        try (var pool = Workers.pool().size(1).forWaiting().start()) {
            String worker = pool.workers().getFirst().child().name();
            // A counter task, sent by a job that answers no calls: its first "lease" has no answer.
            var failure = assertThrows(PoolException.MalformedFrame.class,
                    () -> pool.map(List.of(RawJob.of(Counter.KIND, "1", "lease", "yield")), Trace.off()));

            assertTrue(failure.getMessage().startsWith(worker + " sent a malformed frame: the task made a call, but counter"),
                    failure.getMessage());
            await().atMost(TestTimeouts.LONG).until(() -> pool.workers().getFirst().child() != null
                    && !pool.workers().getFirst().child().name().equals(worker));
            var keeper = new Counter.Keeper(new SharedCounter());
            pool.map(List.of(oneLeasedIncrement(keeper, 3)), Trace.off());
            assertEquals(3, keeper.value(), "the replacement answers calls");
        }
    }

    @Test
    void aWorkerThatDiesHoldingTheLeaseGivesItBackSoTheOtherTasksGoOn() throws Exception {
        var keeper = new Counter.Keeper(new SharedCounter());
        Counter.CounterJob answers = oneLeasedIncrement(keeper, 1);
        // The dying task's calls are answered by a real counter job: it takes the lease for it.
        Job<Void> leaseAndDie = new Job<>() {
            public String kind() {
                return TestWorkerMain.LEASE_AND_DIE;
            }

            public List<String> arguments() {
                return List.of();
            }

            public List<String> answer(List<String> question) throws Wire.BadFrameException {
                return answers.answer(question);
            }

            public void ended() {
                answers.ended();
            }

            public Void decode(List<String> values) {
                return null;
            }

            public String label() {
                return "lease and die";
            }
        };
        try (var pool = ProcessPool.builder().size(2).forWaiting().command(TestWorkerMain.command()).stderrLog(line -> { }).start()) {
            CompletableFuture<Void> dying = pool.submit(leaseAndDie, Trace.off());
            var died = assertInstanceOf(PoolException.WorkerDied.class,
                    assertThrows(ExecutionException.class, () -> dying.get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)).getCause());
            assertEquals(9, died.exitCode());
            assertEquals(2, pool.crashes(), "run once, retried once: two workers died holding the lease");

            // Were the lease still held, this would wait forever (the class's @Timeout would end it).
            pool.submit(oneLeasedIncrement(keeper, 5), Trace.off()).get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(5, keeper.value(), "the dead tasks leased and read but never wrote; the next task's five increments all count");
        }
    }

    @Test
    void aWorkerGivenAnAnswerItDidNotAskForExitsWithCode2AndSaysWhy() throws Exception {
        Process worker = new ProcessBuilder(Workers.command().commandLine()).start();
        try (var stdout = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
             var stderr = new BufferedReader(new InputStreamReader(worker.getErrorStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready\t" + worker.pid(), stdout.readLine());
            worker.getOutputStream().write("answer\t1\t42\n".getBytes(StandardCharsets.UTF_8));
            worker.getOutputStream().flush();
            assertTrue(worker.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(WorkerMain.EXIT_BAD_FRAME, worker.exitValue());
            String why = stderr.lines().collect(Collectors.joining("\n"));
            assertTrue(why.contains("malformed frame from the pool: an answer for task 1, which made no call"), why);
        } finally {
            worker.destroyForcibly();
        }
    }
}
