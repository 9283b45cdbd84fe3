package paradigms.greenlets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.blocking.Database;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.contract.SharedDatabase;
import paradigms.common.contract.TestTimeouts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What virtual threads do not solve: CPU-bound work, and a database with finitely many connections. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WhatBreaksTest {

    /** SQLSTATE of PostgreSQL's "sorry, too many clients already". */
    private static final String TOO_MANY_CONNECTIONS = "53300";

    /**
     * A virtual thread is not time-sliced: one that never waits keeps its carrier until it
     * is done. With every carrier busy spinning, a heartbeat virtual thread that only wants
     * to tick every 5 ms stalls for as long as the spinning lasts.
     */
    @Test
    void virtualThreadsThatNeverWaitHoldEveryCarrierAndAWaitingOneStalls() throws Exception {
        Duration spin = Duration.ofMillis(400);
        var heartbeat = new Heartbeat();
        var ticking = new CountDownLatch(3);
        var done = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> {
                do {
                    heartbeat.tick();
                    ticking.countDown();
                } while (!done.await(5, TimeUnit.MILLISECONDS));
                return null;
            });
            assertTrue(ticking.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "the heartbeat started");

            long until = System.nanoTime() + spin.toNanos();
            List<Future<?>> spinners = new ArrayList<>();
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) { // at least one per carrier
                spinners.add(threads.submit(() -> {
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // CPU work that never blocks, so never unmounts
                    }
                }));
            }
            for (Future<?> spinner : spinners) {
                spinner.get();
            }
            done.countDown();
        }
        Duration gap = heartbeat.stop().largestGap();
        assertTrue(gap.compareTo(spin.dividedBy(2)) >= 0,
                "the heartbeat's largest gap was only " + gap.toMillis() + " ms while every carrier spun for " + spin.toMillis() + " ms");
    }

    /**
     * Threads are cheap now; connections are not. One virtual thread per query, each opening
     * its own connection, asks PostgreSQL for more connections than it allows, and the excess
     * are refused. (The exercise's version goes through a pool: the pool is the real bound.)
     */
    @Test
    void withoutAPoolOneConnectionPerVirtualThreadRunsIntoTheDatabasesLimit() throws Exception {
        Database database = SharedDatabase.get();
        int limit = maxConnections(database);
        int threads = limit + 20;
        var connectedOrRefused = new CountDownLatch(threads);
        var answered = new AtomicInteger();
        var refused = new AtomicInteger();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                int id = i;
                executor.submit(() -> {
                    try (Connection connection = database.connect()) {
                        connectedOrRefused.countDown();
                        // Hold the connection until every thread has one or was refused: all at once.
                        connectedOrRefused.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
                        SleepQuery.run(connection, id, Duration.ofMillis(10));
                        answered.incrementAndGet();
                    } catch (SQLException e) {
                        if (TOO_MANY_CONNECTIONS.equals(e.getSQLState())) {
                            refused.incrementAndGet();
                            connectedOrRefused.countDown();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                });
            }
        }
        assertEquals(List.of(), List.copyOf(unexpected), "failures other than \"too many connections\"");
        assertEquals(threads, answered.get() + refused.get(), "every thread either ran its query or was refused");
        assertTrue(refused.get() >= threads - limit,
                refused.get() + " refused; " + threads + " threads asked a server that allows " + limit + " connections");
    }

    private static int maxConnections(Database database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW max_connections")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }
}
