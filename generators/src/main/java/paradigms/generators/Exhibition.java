package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Lock;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code exhibition}: a coroutine per board, all on sleeps. The master is a {@link Lock}
 * held across the {@code yield} of his thinking time, so no two master moves overlap; the
 * opponents think concurrently — 24 timers on one loop.
 */
final class Exhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            var master = new Lock(scheduler, "the master");
            var log = new MoveLog(request);
            List<Board> boards = IntStream.range(0, request.boards())
                    .mapToObj(board -> new Board(request, board, master, log))
                    .toList();
            scheduler.run(new Gather<>(scheduler, request.boards() + " boards", boards));
            return log.finish();
        }
    }

    /**
     * One game. In Python:
     * <pre>
     * for pair in range(move_pairs):
     *     yield from master.acquire()        # WAITING_FOR_MASTER
     *     try:
     *         yield Delay(master_move)       # MASTER_THINKING
     *     finally:
     *         master.release()
     *     yield Delay(opponent_move)         # OPPONENT_THINKING
     * </pre>
     * The loop becomes a state machine with {@code pair} as a field: the opponent's reply
     * ends one pair and starts the next.
     */
    static final class Board extends Coroutine<Void> {

        enum State { START, WAITING_FOR_MASTER, MASTER_THINKING, OPPONENT_THINKING, GAME_OVER }

        private final ExhibitionRequest request;
        private final int board;
        private final Lock master;
        private final MoveLog log;
        private State state = State.START;
        private int pair;
        private long moveStarted;
        private boolean holdingMaster;

        Board(ExhibitionRequest request, int board, Lock master, MoveLog log) {
            this.request = request;
            this.board = board;
            this.master = master;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    return waitForMaster();
                }
                case WAITING_FOR_MASTER -> {
                    holdingMaster = true;
                    moveStarted = log.now();
                    state = State.MASTER_THINKING;
                    return sleep(request.masterMove());
                }
                case MASTER_THINKING -> {
                    long moved = log.now();
                    log.record(Mover.MASTER, board, pair, moveStarted, moved);
                    holdingMaster = false;
                    master.release();
                    moveStarted = moved;
                    state = State.OPPONENT_THINKING;
                    return sleep(request.opponentMove());
                }
                case OPPONENT_THINKING -> {
                    log.record(Mover.OPPONENT, board, pair, moveStarted, log.now());
                    pair++;
                    return waitForMaster();
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        private Step<Void> waitForMaster() {
            if (pair == request.movePairs()) {
                state = State.GAME_OVER;
                return returning(null);
            }
            state = State.WAITING_FOR_MASTER;
            return yieldFrom(master.acquire());
        }

        /** The {@code finally}: a game cancelled while the master thinks at this board frees him. */
        @Override
        protected void cleanUp() {
            if (holdingMaster) {
                holdingMaster = false;
                master.release();
            }
        }

        @Override
        public String state() {
            return state + " (pair " + pair + ")";
        }

        @Override
        public String name() {
            return SpanNames.game(board);
        }
    }
}
