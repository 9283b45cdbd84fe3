package paradigms.threading;

import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise {@code unfair-master}: the chapter's {@code exhibition} with an <b>unfair</b> master,
 * {@code new ReentrantLock()}. Nothing else differs from {@code Exhibition}.
 *
 * <p>An unfair lock is handed to whichever thread asks at the moment it is free, not to the
 * board that has waited longest: a board whose opponent has just moved may "barge" past boards
 * queued before it. Every game is still complete and in order, and the master still makes one
 * move at a time — the lock still excludes — but the master no longer walks round the boards in
 * turn. The total time hardly changes: the master is busy whenever a board is waiting, whichever
 * board that is, and the exhibition ends when the last board's thirty moves are done.
 *
 * <p><b>Threads:</b> one per board, {@code board-1 … board-24}, as in {@code Exhibition}.
 */
final class UnfairExhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        var master = new ReentrantLock(); // unfair: a thread asking when the lock is free takes it at once
        var log = new MoveLog(request);
        try (ExecutorService boards = Threads.fixedPool("board", request.boards())) {
            List<Future<Void>> games = new ArrayList<>();
            for (int board = 0; board < request.boards(); board++) {
                int b = board;
                games.add(boards.submit(() -> {
                    playGame(b, request, master, log, trace);
                    return null;
                }));
            }
            for (Future<Void> game : games) {
                Threads.await(game);
            }
        }
        return log.finish();
    }

    /** Runs on the board's own thread, from the first move to the last. */
    private static void playGame(int board, ExhibitionRequest request, ReentrantLock master, MoveLog log, Trace trace)
            throws InterruptedException {
        for (int pair = 0; pair < request.movePairs(); pair++) {
            long masterDone;
            master.lock(); // may be taken by a board that asked later than one already parked here
            try (var running = trace.begin(SpanNames.masterMove(board, pair))) {
                long start = log.now();
                Thread.sleep(request.masterMove());
                masterDone = log.now();
                log.record(Mover.MASTER, board, pair, start, masterDone);
            } finally {
                master.unlock();
            }
            Thread.sleep(request.opponentMove()); // the opponent thinks; the master is free meanwhile
            log.record(Mover.OPPONENT, board, pair, masterDone, log.now());
        }
    }
}
