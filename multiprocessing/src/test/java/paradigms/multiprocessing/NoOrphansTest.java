package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.PoolWorker;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.WorkerCommand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * However the pool ends — closed, left by an exception, or with its JVM — no child process
 * lives on. Checked on the process tree ({@code ProcessHandle.current().descendants()}) and,
 * for processes whose parent has died (they are no longer our descendants then), by pid.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class NoOrphansTest {

    /** Well below the minute the jobs below would run: a worker still alive after this was orphaned. */
    private static final Duration PROMPTLY = TestTimeouts.scaled(Duration.ofSeconds(10));

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<Long> pids(ProcessPool pool) {
        return pool.workers().stream().map(w -> w.child().pid()).toList();
    }

    private static Exhibition.ThinkJob aMinuteOfThinking() {
        return new Exhibition.ThinkJob(0, 0, Duration.ofMinutes(1));
    }

    @Test
    void closeLeavesNoChildProcessAndDoesNotWaitForARunningJob() throws Exception {
        Set<Long> before = descendants();
        List<Long> workers;
        long closing;
        try (var pool = Workers.pool().size(2).forWaiting().start()) {
            workers = pids(pool);
            assertTrue(descendants().containsAll(workers), "the workers are our children");
            pool.submit(aMinuteOfThinking(), Trace.off());
            await().atMost(TestTimeouts.LONG).until(() -> pool.workers().stream().anyMatch(w -> w.state() == PoolWorker.State.BUSY));
            closing = System.nanoTime();
        }
        Duration closeTook = Duration.ofNanos(System.nanoTime() - closing);
        assertTrue(closeTook.compareTo(PROMPTLY) < 0, "close() waited " + closeTook.toMillis() + " ms for a job it abandons");
        assertEquals(before, descendants(), "the process tree is as it was before the pool");
        assertTrue(workers.stream().noneMatch(NoOrphansTest::alive));
    }

    @Test
    void closeNowKillsBusyWorkersWithoutTakingTheirDeathsForCrashesAndLeavesNoChildProcess() throws Exception {
        Set<Long> before = descendants();
        var pool = Workers.pool().size(2).forWaiting().start();
        List<Long> workers = pids(pool);
        var running = List.of(pool.submit(aMinuteOfThinking(), Trace.off()), pool.submit(aMinuteOfThinking(), Trace.off()));
        var queued = pool.submit(aMinuteOfThinking(), Trace.off());
        await().atMost(TestTimeouts.LONG).until(() -> pool.workers().stream().allMatch(w -> w.state() == PoolWorker.State.BUSY));

        pool.closeNow();

        for (var job : running) {
            var failure = assertThrows(ExecutionException.class, job::get).getCause();
            assertTrue(failure instanceof PoolException.Closed, "abandoned, not retried: " + failure);
        }
        assertTrue(assertThrows(ExecutionException.class, queued::get).getCause() instanceof PoolException.Closed);
        assertEquals(0, pool.crashes(), "killed by the pool is not a crash");
        assertEquals(before, descendants(), "the process tree is as it was before the pool");
        assertTrue(workers.stream().noneMatch(NoOrphansTest::alive));
    }

    @Test
    void anExceptionThatEndsTheTryBlockLeavesNoChildProcess() {
        Set<Long> before = descendants();
        List<Long> workers = new ArrayList<>();
        assertThrows(PoolException.TaskFailed.class, () -> {
            try (var pool = Workers.pool().size(2).forWaiting().start()) {
                workers.addAll(pids(pool));
                pool.submit(aMinuteOfThinking(), Trace.off()); // keeps one worker busy
                pool.map(List.of(RawJob.of("no-such-kind")), Trace.off()); // fails on the other
            }
        });
        assertEquals(2, workers.size());
        assertEquals(before, descendants(), "the process tree is as it was before the pool");
        assertTrue(workers.stream().noneMatch(NoOrphansTest::alive));
    }

    @Test
    void whenTheJvmExitsWithThePoolOpenTheShutdownHookKillsEvenWorkersThatStoppedListening() throws Exception {
        // Deaf workers never read stdin, so the end of their input cannot stop them: only the hook can.
        List<Long> workers = runHolder("deaf", "exit", holder -> assertTrue(holder.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)));
        await().atMost(PROMPTLY).until(() -> workers.stream().noneMatch(NoOrphansTest::alive));
    }

    @Test
    void whenTheParentIsKilledWithSigkillBusyWorkersSeeTheirInputEndAndHalt() throws Exception {
        // No shutdown hook runs on SIGKILL. The kernel closes the parent's end of each pipe, and a
        // worker thinking for a minute notices on its main thread and halts.
        List<Long> workers = runHolder("busy", "wait", holder -> {
            holder.destroyForcibly();
            holder.waitFor();
        });
        await().atMost(PROMPTLY).until(() -> workers.stream().noneMatch(NoOrphansTest::alive));
    }

    private interface HolderEnd {
        void accept(Process holder) throws Exception;
    }

    /** Starts a {@link PoolHolder} JVM, reads its workers' pids, ends it as told, and returns the pids. */
    private static List<Long> runHolder(String workers, String end, HolderEnd ending) throws Exception {
        List<String> command = new ArrayList<>(WorkerCommand.of(PoolHolder.class.getName()).withFlags(List.of("-XX:+UseSerialGC")).commandLine());
        command.addAll(List.of(workers, end));
        File stderr = File.createTempFile("pool-holder", ".log");
        Process holder = new ProcessBuilder(command).redirectError(stderr).start();
        try (var stdout = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertTrue(line != null && line.startsWith("pids "), "the holder said " + line + "; its stderr: " + read(stderr));
            List<Long> pids = Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList();
            assertEquals(2, pids.size());
            assertTrue(pids.stream().allMatch(NoOrphansTest::alive), "its workers run");
            ending.accept(holder);
            return pids;
        } finally {
            holder.destroyForcibly();
            Files.deleteIfExists(stderr.toPath());
        }
    }

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath());
    }
}
