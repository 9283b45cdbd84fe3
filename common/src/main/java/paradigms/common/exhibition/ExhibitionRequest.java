package paradigms.common.exhibition;

import paradigms.common.Check;

import java.time.Duration;

/**
 * The simultaneous chess exhibition: one master plays {@code boards} opponents.
 *
 * <p>The numbers come from Miguel Grinberg's PyCon 2017 talk "Asynchronous Python for the
 * Complete Beginner" ({@link #pyConExhibition}).
 *
 * <p>Times are in <em>exhibition seconds</em>, run on a scaled clock: one exhibition second
 * lasts {@code secondLasts} of real time, so that the talk's 12-hour afternoon fits in a
 * test. The master is ONE exclusive resource: he makes one move at a time.
 *
 * @param boards              number of opponents (games)
 * @param masterMoveSeconds   how long the master thinks per move
 * @param opponentMoveSeconds how long an opponent thinks per move
 * @param movePairs           moves per game, each a master move followed by an opponent move
 * @param secondLasts         real time of one exhibition second
 */
public record ExhibitionRequest(int boards, int masterMoveSeconds, int opponentMoveSeconds, int movePairs,
                                Duration secondLasts) {

    /**
     * 100 µs per exhibition second: the sequential game then takes 4.3 s of real time, the
     * concurrent one 0.36 s; a master move lasts 0.5 ms, well above timer granularity.
     */
    public static final Duration DEFAULT_SCALE = Duration.ofNanos(100_000);

    public ExhibitionRequest {
        Check.positive("boards", boards);
        Check.positive("masterMoveSeconds", masterMoveSeconds);
        Check.positive("opponentMoveSeconds", opponentMoveSeconds);
        Check.positive("movePairs", movePairs);
        Check.positive("secondLasts", secondLasts);
    }

    /**
     * The exhibition as Miguel Grinberg tells it (PyCon 2017): 24 boards, master 5 s,
     * opponent 55 s, 30 move pairs — 12 hours game after game, 1 hour concurrently.
     */
    public static ExhibitionRequest pyConExhibition(Duration secondLasts) {
        return new ExhibitionRequest(24, 5, 55, 30, secondLasts);
    }

    /** {@link #pyConExhibition(Duration)} at {@link #DEFAULT_SCALE}. */
    public static ExhibitionRequest pyConExhibition() {
        return pyConExhibition(DEFAULT_SCALE);
    }



    public Duration masterMove() {
        return secondLasts.multipliedBy(masterMoveSeconds);
    }

    public Duration opponentMove() {
        return secondLasts.multipliedBy(opponentMoveSeconds);
    }

    /** Exhibition seconds when one game follows another: boards × pairs × (master + opponent). */
    public long sequentialSeconds() {
        return (long) boards * movePairs * (masterMoveSeconds + opponentMoveSeconds);
    }

    /**
     * Exhibition seconds when the master never waits: all his moves back to back, plus the
     * last opponent's reply. (When a round of master moves is shorter than an opponent's
     * move, the master does wait, and this bound is not reached.)
     */
    public long concurrentSeconds() {
        long masterBusy = (long) boards * movePairs * masterMoveSeconds;
        long round = (long) boards * masterMoveSeconds;
        long perRound = Math.max(round, masterMoveSeconds + opponentMoveSeconds);
        return Math.max(masterBusy, perRound * movePairs) + opponentMoveSeconds;
    }
}
