package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.asyncawait.futures.Futures;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

/**
 * The chess exhibition as 24 chains of futures on one timer thread.
 *
 * <p>Each game is a straight line of {@code thenCompose} steps — master move, opponent move,
 * master move… — that reads like the {@code async def} it stands for:
 * <pre>
 *   for pair in range(30):
 *       async with master:  await asyncio.sleep(5)   # the master thinks, one board at a time
 *       await asyncio.sleep(55)                      # the opponent thinks; the master moves on
 * </pre>
 * The master is one exclusive resource: an {@link AsyncSemaphore} with one permit, whose FIFO
 * queue sends him round the boards in turn. Thinking is {@link Futures#sleep}: a timer, not
 * a blocked thread.
 *
 * <p><b>Threads:</b> a single-threaded scheduler, the "loop" below, starts every game and
 * completes every sleep; since all the continuations hang off those sleeps, the whole
 * exhibition — 1,440 moves, 24 games — runs on that one thread, like asyncio's event loop.
 * The caller's thread only waits in {@link Futures#await}.
 */
final class Exhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        try (ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("exhibition-loop").factory())) {
            var log = new MoveLog(request);
            var games = new Games(request, log, loop, trace);
            CompletableFuture<Void> allGames = CompletableFuture
                    .supplyAsync(games::startAll, loop) // build and start the chains on the loop thread too
                    .thenCompose(started -> started);
            Futures.await(allGames, loop::shutdownNow);
            return log.finish();
        }
    }

    /** The state of one exhibition; touched only on the loop thread (the log is thread-safe anyway). */
    private record Games(ExhibitionRequest request, MoveLog log, ScheduledExecutorService loop, Trace trace,
                         AsyncSemaphore master) {

        Games(ExhibitionRequest request, MoveLog log, ScheduledExecutorService loop, Trace trace) {
            this(request, log, loop, trace, new AsyncSemaphore(1));
        }

        CompletableFuture<Void> startAll() {
            return CompletableFuture.allOf(IntStream.range(0, request.boards())
                    .mapToObj(this::game)
                    .toArray(CompletableFuture<?>[]::new));
        }

        /** One game, as a chain built up front: each {@code thenCompose} is one {@code await}. */
        CompletableFuture<Void> game(int board) {
            CompletableFuture<Void> moves = CompletableFuture.completedFuture(null);
            for (int pair = 0; pair < request.movePairs(); pair++) {
                int p = pair;
                moves = moves.thenCompose(previous -> masterMove(board, p))
                        .thenCompose(previous -> opponentMove(board, p));
            }
            return moves;
        }

        private CompletableFuture<Void> masterMove(int board, int pair) {
            return master.acquire().thenCompose(hisAttention -> {
                long start = log.now();
                return Futures.sleep(request.masterMove(), loop).thenRun(() -> {
                    try (var running = trace.begin(SpanNames.masterMove(board, pair))) {
                        log.record(Mover.MASTER, board, pair, start, log.now());
                    }
                    master.release(); // after recording: the next board's move starts after this one ended
                });
            });
        }

        private CompletableFuture<Void> opponentMove(int board, int pair) {
            long start = log.now();
            return Futures.sleep(request.opponentMove(), loop).thenRun(() -> {
                try (var running = trace.begin(SpanNames.opponentMove(board, pair))) {
                    log.record(Mover.OPPONENT, board, pair, start, log.now());
                }
            });
        }
    }
}
