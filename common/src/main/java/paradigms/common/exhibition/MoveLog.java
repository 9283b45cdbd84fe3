package paradigms.common.exhibition;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where an exhibition writes down each move as it is made; it also keeps the clock.
 *
 * <p>Thread safety: any thread may {@link #record}; the queue is lock-free so that writing a
 * move down never makes the master wait. Start it just before the first move and
 * {@link #finish()} it after the last.
 */
public final class MoveLog {

    private final ExhibitionRequest request;
    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Move> moves = new ConcurrentLinkedQueue<>();

    public MoveLog(ExhibitionRequest request) {
        this.request = request;
    }

    /** The clock moves are timed with. */
    public long now() {
        return System.nanoTime();
    }

    public void record(Mover mover, int board, int pair, long startNanos, long endNanos) {
        moves.add(new Move(mover, board, pair, startNanos, endNanos));
    }

    /** Stops the clock: the elapsed real time, converted to exhibition seconds. */
    public ExhibitionResult finish() {
        long elapsed = System.nanoTime() - startNanos;
        return new ExhibitionResult(moves.stream().toList(), (double) elapsed / request.secondLasts().toNanos());
    }
}
