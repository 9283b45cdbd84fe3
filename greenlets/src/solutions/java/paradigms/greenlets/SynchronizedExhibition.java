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

/**
 * Exercise {@code synchronized-master}: the chapter's {@code exhibition} with the master as a
 * {@code synchronized} block on one object instead of a fair {@code ReentrantLock}.
 *
 * <p>Correct, and on JDK 25 no longer pinning: since JDK 24 (JEP 491) a virtual thread that
 * sleeps inside {@code synchronized}, or blocks entering it, unmounts like any other. What it
 * gives up is fairness: a monitor promises no order among the threads that wait for it, so a
 * board that has just become ready may get the master before one that has waited longer. And it
 * gives up {@code lockInterruptibly}: a thread blocked entering a monitor does not hear an
 * interrupt, so a cancelled exhibition's boards would each wait for their turn before ending.
 *
 * <p><b>Threads:</b> one virtual thread per board, as in {@code Exhibition}.
 */
final class SynchronizedExhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        var master = new Object(); // the master: whoever holds its monitor has him
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
    private static void playGame(int board, ExhibitionRequest request, Object master, MoveLog log)
            throws InterruptedException {
        for (int pair = 0; pair < request.movePairs(); pair++) {
            long masterDone;
            synchronized (master) { // blocks (unmounted, since JDK 24) until the monitor is free; no order promised
                long start = log.now();
                Thread.sleep(request.masterMove()); // sleeps holding the monitor: no other board gets him meanwhile
                masterDone = log.now();
                log.record(Mover.MASTER, board, pair, start, masterDone);
            }
            Thread.sleep(request.opponentMove()); // the opponent thinks; the master plays elsewhere
            log.record(Mover.OPPONENT, board, pair, masterDone, log.now());
        }
    }
}
