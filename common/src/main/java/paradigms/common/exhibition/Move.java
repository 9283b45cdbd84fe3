package paradigms.common.exhibition;

/**
 * One move as it really happened.
 *
 * @param board       0-based board number
 * @param pair        0-based move pair within the game
 * @param startNanos  real start, {@link System#nanoTime()}
 * @param endNanos    real end
 */
public record Move(Mover mover, int board, int pair, long startNanos, long endNanos) {
}
