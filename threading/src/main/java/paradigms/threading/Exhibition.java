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
 * {@code exhibition} on platform threads: each board is a task on its own thread, and the
 * master is a lock. A board's thread takes the master, thinks for him (sleeps), lets him go,
 * then waits for its opponent (sleeps) — while the other boards' threads do the same.
 *
 * <p><b>One thread per board</b>, 24 in the exhibition: the boards spend almost all their time
 * asleep, and a sleeping platform thread costs memory but no CPU. A smaller pool would make
 * boards wait for a <em>thread</em> as well as for the master.
 *
 * <p><b>Why a fair lock</b> ({@code new ReentrantLock(true)}): a fair lock is handed to the
 * board that has waited longest, so the master walks round the tables in turn, as a real
 * simultaneous exhibition is played. An unfair lock lets a thread that asks at the instant the
 * lock is free "barge" past the queue; that is faster when a lock changes hands millions of
 * times a second (no wake-up of a parked thread in between), but here it changes hands 720
 * times in two seconds, so fairness costs nothing measurable and buys the rule of the game.
 * It guarantees order among waiting threads, not that the master is never idle.
 */
final class Exhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        var master = new ReentrantLock(true);
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
            master.lock(); // this board's thread parks here while the master plays elsewhere
            try (var running = trace.begin(SpanNames.masterMove(board, pair))) {
                long start = log.now();
                Thread.sleep(request.masterMove()); // the master thinks: the lesson's sleep, standing for work
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
