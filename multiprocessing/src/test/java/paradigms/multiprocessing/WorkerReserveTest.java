package paradigms.multiprocessing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Paradigm;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.PoolWorker;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerReserve;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kept workers: calls made while a {@link WorkerReserve} is open borrow its workers instead
 * of starting their own, give back only workers whose last conversation is over, and get the
 * same exact results call after call; closing it leaves no process behind.
 */
@Timeout(120)
class WorkerReserveTest {

    private static final Duration PROMPTLY = TestTimeouts.scaled(Duration.ofSeconds(20));

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static Set<Long> pids(ProcessPool pool) {
        return pool.workers().stream().map(w -> w.child().pid()).collect(Collectors.toSet());
    }

    private static Exhibition.ThinkJob thinking(Duration how) {
        return new Exhibition.ThinkJob(0, 0, how);
    }

    @Test
    void poolsStartedWhileItIsOpenBorrowItsWorkersAndCallsStartNoProcess() throws Exception {
        Set<Long> before = descendants();
        Paradigm paradigm = new MultiprocessingParadigm();
        try (Paradigm.Started kept = paradigm.startResources()) {
            assertSame(kept, WorkerReserve.current(), "the paradigm's handle is the open reserve");
            Set<Long> reserve = descendants();
            reserve.removeAll(before);
            assertEquals(Runtime.getRuntime().availableProcessors() + Download.MAX_WAITING_WORKERS, reserve.size(),
                    "one computing worker per core and every waiting worker, started once: " + kept.description());

            var request = new SquaresRequest(List.of(5_000_019, 3, 65_536, 123_457));
            for (int call = 1; call <= 3; call++) {
                List<SquareSum> sums = paradigm.squares().compute(request, Trace.off());
                assertEquals(request.ns().stream().map(n -> new SquareSum(n, SumOfSquares.below(n))).toList(), sums,
                        "call " + call + ": exact sums on kept workers");
                CounterResult counted = paradigm.counter().count(new CounterRequest(20, 30), Trace.off());
                assertEquals(counted.expected(), counted.total(), "call " + call + ": the counter is exact on kept workers");
                Set<Long> now = descendants();
                now.removeAll(before);
                assertEquals(reserve, now, "call " + call + " started no process and lost none");
            }
        }
        await().atMost(PROMPTLY).until(() -> before.containsAll(descendants()));
        assertNull(WorkerReserve.current(), "closed: later calls start their own pools again");
    }

    /**
     * An idle kept worker holding a socket to a server would look, to that server, like something
     * the last call left behind: kept workers keep no idle connection between tasks.
     */
    @Test
    void keptWorkersHoldNoConnectionOnceADownloadCallHasReturned() throws Exception {
        Paradigm paradigm = new MultiprocessingParadigm();
        try (var server = LocalWebServer.start(); Paradigm.Started kept = paradigm.startResources()) {
            List<URI> urls = IntStream.range(0, 12).mapToObj(i -> server.url("/data/" + i)).toList();
            for (int call = 1; call <= 2; call++) {
                List<DownloadResult> results = paradigm.download().download(new DownloadRequest(urls, 4), Trace.off());
                assertTrue(results.stream().allMatch(r -> r instanceof DownloadResult.Downloaded), "call " + call + ": " + results);
                await().atMost(PROMPTLY).until(() -> server.connectionsOpen() == 0);
            }
            assertTrue(server.connectionsOpened() >= 24, "a connection per request, none kept: " + server.connectionsOpened());
        }
    }

    @Test
    void aWorkerWhoseJobWasAbandonedIsStoppedNotGivenBack() throws Exception {
        Set<Long> before = descendants();
        try (var reserve = WorkerReserve.open(Workers.command(), 0, 1)) {
            long abandoned;
            try (var pool = Workers.pool().size(1).forWaiting().start()) {
                abandoned = pids(pool).iterator().next();
                pool.submit(thinking(Duration.ofMinutes(1)), Trace.off());
                await().atMost(PROMPTLY).until(() -> pool.workers().getFirst().state() == PoolWorker.State.BUSY);
            } // closed with the job still running: its worker must not reach the next call
            assertFalse(ProcessHandle.of(abandoned).map(ProcessHandle::isAlive).orElse(false), "the busy worker is gone");
            assertEquals(0, reserve.idle(), "not given back");
            try (var pool = Workers.pool().size(1).forWaiting().start()) {
                assertNotEquals(abandoned, pids(pool).iterator().next(), "a worker of its own, not the abandoned one");
                assertEquals(1, pool.map(List.of(thinking(Duration.ofMillis(10))), Trace.off()).size());
            }
            assertEquals(0, reserve.idle(), "a worker the pool started itself is stopped with it, not kept");
        }
        await().atMost(PROMPTLY).until(() -> before.containsAll(descendants()));
    }

    @Test
    void closeNowKillsTheBusyWorkersAndGivesTheIdleOnesBack() throws Exception {
        try (var reserve = WorkerReserve.open(Workers.command(), 0, 3)) {
            Set<Long> first;
            try (var pool = Workers.pool().size(3).forWaiting().start()) {
                first = pids(pool);
                pool.submit(thinking(Duration.ofMinutes(1)), Trace.off()); // one busy, two idle
                await().atMost(PROMPTLY).until(() -> pool.workers().stream().anyMatch(w -> w.state() == PoolWorker.State.BUSY));
                pool.closeNow();
            }
            assertEquals(2, reserve.idle(), "the two idle workers came back, the killed one did not");
            try (var pool = Workers.pool().size(2).forWaiting().start()) {
                assertTrue(first.containsAll(pids(pool)), "the next call gets the two kept ones: " + first + " then " + pids(pool));
                assertEquals(2, pool.map(List.of(thinking(Duration.ofMillis(10)), thinking(Duration.ofMillis(10))), Trace.off()).size());
            }
        }
    }

    @Test
    void onlyOneReserveAtATimeAndATestWorkerNeverBorrows() throws Exception {
        try (var reserve = WorkerReserve.open(Workers.command(), 1, 0)) {
            assertThrows(IllegalStateException.class, () -> WorkerReserve.open(Workers.command(), 1, 0));
            try (var pool = Workers.pool().size(1).command(WorkerCommand.of(TestWorkerMain.class.getName())).start()) {
                assertEquals(1, reserve.idle(), "a pool with its own command starts its own worker");
                assertTrue(pool.startupTime().compareTo(Duration.ZERO) > 0);
            }
        }
    }
}
