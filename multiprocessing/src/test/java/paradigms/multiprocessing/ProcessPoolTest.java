package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.ProcessPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's API: ordered and unordered results, chunks, its default size, and what reaches the log. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ProcessPoolTest {

    private static Exhibition.ThinkJob think(int board, long millis) {
        return new Exhibition.ThinkJob(board, 0, Duration.ofMillis(millis));
    }

    @Test
    void theSizeDefaultsToTheCoresAndMapKeepsTheJobsOrder() throws Exception {
        try (var pool = Workers.pool().start()) {
            assertEquals(Runtime.getRuntime().availableProcessors(), pool.size(), "one worker per core by default");
            List<List<SquareSum>> inOrder = pool.map(List.of(
                    new Squares.SquaresJob(List.of(300_000)),
                    new Squares.SquaresJob(List.of(3)),
                    new Squares.SquaresJob(List.of(20_000))), Trace.off());
            assertEquals(List.of(300_000, 3, 20_000), inOrder.stream().map(sums -> sums.getFirst().n()).toList(),
                    "results in the jobs' order, whatever order they finished in");
        }
    }

    @Test
    void unorderedGivesTheResultsInTheOrderTheJobsFinish() throws Exception {
        try (var pool = Workers.pool().size(2).forWaiting().start()) {
            // Job 0 (900 ms) and job 1 (50 ms) start at once; job 2 (300 ms) follows job 1 on its
            // worker. Finishing order 1, 2, 0, with hundreds of milliseconds between them.
            var completions = pool.unordered(List.of(think(0, 900), think(1, 50), think(2, 300)), Trace.off());
            List<Integer> finished = new ArrayList<>();
            while (completions.hasNext()) {
                finished.add(completions.next().index());
            }
            assertEquals(List.of(1, 2, 0), finished);
        }
    }

    @Test
    void chunksCoverEveryItemOnceAndComeBackInTheItemsOrder() throws Exception {
        List<Integer> ns = IntStream.rangeClosed(0, 22).map(i -> 22 - i).boxed().toList();
        List<SquareSum> expected = ns.stream().map(n -> new SquareSum(n, SumOfSquares.below(n))).toList();
        try (var pool = Workers.start(2)) {
            for (int chunkSize : new int[] {1, 3, 7, 23, 100}) {
                Trace trace = Trace.recording();
                assertEquals(expected, pool.mapChunked(ns, chunkSize, Squares.SquaresJob::new, trace), "chunks of " + chunkSize);
                assertEquals((ns.size() + chunkSize - 1) / chunkSize, trace.spans().size(), "one job per chunk of " + chunkSize);
            }
            Trace byDefault = Trace.recording();
            assertEquals(expected, pool.mapChunked(ns, Squares.SquaresJob::new, byDefault), "the default chunks");
            assertEquals(12, byDefault.spans().size(), "23 items on 2 workers: chunks of 2, the last of 1");
        }
        assertEquals(2, ProcessPool.defaultChunkSize(20, 2), "at least four chunks per worker: 10 chunks, 5 each");
        assertEquals(5, ProcessPool.defaultChunkSize(43, 2), "9 chunks: at least four per worker");
        assertEquals(1, ProcessPool.defaultChunkSize(3, 2), "never zero");
        assertEquals(10, ProcessPool.evenChunkSize(20, 2), "one chunk per worker: 2 of 10");
        assertEquals(11, ProcessPool.evenChunkSize(43, 4), "4 chunks: 11, 11, 11, 10");
        assertEquals(1, ProcessPool.evenChunkSize(3, 4), "more workers than items: chunks of one");
    }

    @Test
    void workersReportTheirSpansWithTheirOwnPidsSoTheTraceShowsWorkOnTwoProcessesAtOnce() throws Exception {
        Trace trace = Trace.recording();
        try (var pool = Workers.pool().size(2).forWaiting().start()) {
            pool.map(List.of(think(0, 300), think(1, 300)), trace);
            Set<String> pids = pool.workers().stream().map(w -> "pid " + w.child().pid()).collect(Collectors.toSet());
            assertEquals(pids, trace.spans().stream().map(Span::process).collect(Collectors.toSet()),
                    "each span names the worker process it ran in");
        }
        assertTrue(trace.firstParallelPair().isPresent(), "two 300 ms thinks on two workers overlap: " + trace.spans());
    }

    @Test
    void aTaskThatThrowsIsReportedWithTheWorkersNameAndTheWorkerKeepsWorking() throws Exception {
        try (var pool = Workers.pool().size(1).forWaiting().start()) {
            long pid = pool.workers().getFirst().child().pid();
            var failure = assertThrows(PoolException.TaskFailed.class,
                    () -> pool.map(List.of(RawJob.of("no-such-kind")), Trace.off()));
            assertTrue(failure.getMessage().startsWith("worker-1 (pid " + pid + ") failed no-such-kind"), failure.getMessage());
            assertEquals(IllegalArgumentException.class.getName(), failure.remoteClass());
            assertEquals(List.of(), pool.map(List.of(RawJob.of(Exhibition.KIND, "0")), Trace.off()).getFirst());
            assertEquals(pid, pool.workers().getFirst().child().pid(), "the same worker: a failed task is not a crash");
            assertEquals(0, pool.crashes());
        }
    }

    @Test
    void whatAWorkerWritesOnStderrOrPrintsToSystemOutReachesTheParentsLogWithItsName() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (var pool = ProcessPool.builder().size(1).forWaiting().command(TestWorkerMain.command()).stderrLog(log::add).start()) {
            String worker = pool.workers().getFirst().child().name();
            pool.map(List.of(RawJob.of(TestWorkerMain.STDERR, "a line on stderr"),
                    RawJob.of(TestWorkerMain.STDOUT, "a careless println")), Trace.off());
            await().atMost(TestTimeouts.LONG).until(() -> log.containsAll(List.of(
                    worker + ": a line on stderr", worker + ": a careless println")));
            // The println went to stderr, not onto the wire: the protocol is intact.
            assertEquals(List.of(), pool.map(List.of(RawJob.of(Exhibition.KIND, "0")), Trace.off()).getFirst());
        }
    }

    @Test
    void aJobSubmittedToAClosedPoolIsRefused() {
        var pool = Workers.pool().size(1).forWaiting().start();
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.submit(think(0, 1), Trace.off()));
    }
}
