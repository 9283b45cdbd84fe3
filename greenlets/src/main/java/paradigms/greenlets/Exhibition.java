package paradigms.greenlets;

import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code exhibition} exercise: one virtual thread per board, the master as a lock.
 *
 * <p>Each board's game is written as the sequential chapter writes it — master move, opponent
 * move, thirty times — and the 24 games simply run at once. The master is the one exclusive
 * resource, so a master move happens while holding the master's lock; an opponent thinks
 * without it, and meanwhile the master plays at the other boards.
 *
 * <p>The master's lock is fair, so that boards get him in the order their opponents finished: he
 * walks round the tables. An unfair lock (or {@code synchronized}) lets a board whose opponent
 * has just moved take him ahead of boards that have waited longer; a board passed over again and
 * again falls behind, and plays its last moves alone after the others have finished, its
 * opponent's 55 s per move no longer hidden behind the master's other moves.
 */
final class Exhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        var master = new ReentrantLock(true);
        var log = new MoveLog(request);
        try (ExecutorService boards = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> games = new ArrayList<>();
            for (int board = 0; board < request.boards(); board++) {
                int b = board;
                games.add(boards.submit(() -> {
                    try (var running = trace.begin(SpanNames.game(b))) {
                        playGame(b, request, master, log);
                    }
                    return null;
                }));
            }
            Tasks.joinAll(boards, games);
        }
        return log.finish();
    }

    /** One game, straight through; runs on the board's own virtual thread. */
    private static void playGame(int board, ExhibitionRequest request, ReentrantLock master, MoveLog log)
            throws InterruptedException {
        for (int pair = 0; pair < request.movePairs(); pair++) {
            long masterDone;
            master.lockInterruptibly(); // parks until the master comes to this board
            try {
                long start = log.now();
                Thread.sleep(request.masterMove()); // the master thinks; no other board gets him meanwhile
                masterDone = log.now();
                log.record(Mover.MASTER, board, pair, start, masterDone);
            } finally {
                master.unlock();
            }
            Thread.sleep(request.opponentMove()); // the opponent thinks; the master plays elsewhere
            log.record(Mover.OPPONENT, board, pair, masterDone, log.now());
        }
    }
}
