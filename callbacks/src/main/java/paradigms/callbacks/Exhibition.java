package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.util.ArrayDeque;

/**
 * {@code exhibition} on the loop's timers: the master walks from board to board; each
 * opponent thinks on a timer of its own. Nobody waits on a thread — every wait is a timer.
 *
 * <p>The master is one exclusive resource, and here that needs no lock: he is a queue of
 * boards waiting for him plus a flag saying whether he is in the middle of a move, both
 * touched only by the loop thread. A board whose opponent has replied joins the queue; when
 * the master finishes a move he takes the board that has waited longest.
 */
final class Exhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) {
        var log = new MoveLog(request);
        try (var loop = new EventLoop()) {
            var master = new Master(loop, request, log, trace);
            for (int board = 0; board < request.boards(); board++) {
                master.boardReady(board, 0);
            }
            loop.run();
        }
        return log.finish();
    }

    /** The master and the boards waiting for him. Loop thread only. */
    private static final class Master {
        private final EventLoop loop;
        private final ExhibitionRequest request;
        private final MoveLog log;
        private final Trace trace;
        private final ArrayDeque<int[]> waiting = new ArrayDeque<>(); // {board, pair}
        private boolean thinking;

        Master(EventLoop loop, ExhibitionRequest request, MoveLog log, Trace trace) {
            this.loop = loop;
            this.request = request;
            this.log = log;
            this.trace = trace;
        }

        /** The opponent at {@code board} has moved (or the game starts): the board waits for the master. */
        void boardReady(int board, int pair) {
            waiting.add(new int[] {board, pair});
            if (!thinking) {
                moveAtNextBoard();
            }
        }

        private void moveAtNextBoard() {
            int[] next = waiting.poll();
            if (next == null) {
                return; // every opponent is thinking: the master stands idle until one replies
            }
            int board = next[0];
            int pair = next[1];
            thinking = true;
            long start = log.now();
            loop.callLater(request.masterMove(), () -> {
                try (var span = trace.begin(SpanNames.masterMove(board, pair))) {
                    long moved = log.now();
                    log.record(Mover.MASTER, board, pair, start, moved);
                    thinking = false;
                    opponentThinks(board, pair, moved);
                    moveAtNextBoard();
                }
            });
        }

        private void opponentThinks(int board, int pair, long start) {
            loop.callLater(request.opponentMove(), () -> {
                try (var span = trace.begin(SpanNames.opponentMove(board, pair))) {
                    log.record(Mover.OPPONENT, board, pair, start, log.now());
                    if (pair + 1 < request.movePairs()) {
                        boardReady(board, pair + 1);
                    }
                }
            });
        }
    }
}
