package paradigms.common.contract.broken;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.contract.BlockingContract;
import paradigms.common.contract.SharedDatabase;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link BlockingContract} against a paradigm that claims concurrent waiting and runs the
 * queries one after another on a helper thread, while a timer keeps the heartbeat steady. It
 * passes the old checks — every query once, one connection, no stall — and the database gives
 * it away: never more than one query running at once.
 */
class BrokenBlockingTest {

    static final BlockingExercise ONE_AFTER_ANOTHER_ON_A_HELPER = (request, trace) -> {
        var heartbeat = new Heartbeat();
        long every = request.heartbeatInterval().toNanos();
        try (ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
             ExecutorService helper = Executors.newSingleThreadExecutor()) {
            ticker.scheduleAtFixedRate(heartbeat::tick, every, every, TimeUnit.NANOSECONDS);
            Future<List<QueryAnswer>> answers = helper.submit(() -> {
                List<QueryAnswer> done = new ArrayList<>();
                try (Connection connection = request.database().connect()) {
                    for (int id = 0; id < request.queries(); id++) {
                        done.add(SleepQuery.run(connection, id, request.queryDuration()));
                    }
                }
                return done;
            });
            List<QueryAnswer> all = answers.get();
            ticker.shutdownNow();
            return new BlockingResult(all, heartbeat.stop());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    };

    private final BlockingContract contract = new BlockingContract() {
        @Override
        public Paradigm paradigm() {
            return Impostor.blocking(Set.of(Claim.WAITS_CONCURRENTLY), ONE_AFTER_ANOTHER_ON_A_HELPER);
        }
    };

    @Test
    void queriesOneAfterAnotherOnAHelperThreadPassTheOldChecksAndFailTheDatabasesCount() throws Exception {
        SharedDatabase.get(); // skips, with its reason, where there is no Docker
        contract.everyQueryAnswersOnceWithinTheConnectionLimit();
        contract.heartbeatKeepsTickingWhileQueriesBlockWhenItClaimsConcurrentWaiting();
        assertThrows(AssertionFailedError.class, contract::theDatabaseRunsAsManyQueriesAtOnceAsConnectionsWhenItClaimsConcurrentWaiting);
    }
}
