package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.Move;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code exhibition} exercise's contract, on the talk's numbers (24 boards, master 5 s,
 * opponent 55 s, 30 move pairs) and a scaled clock: every game complete and in order; the
 * master never makes two moves at once; 12 hours game after game, about 1 hour when the
 * opponents think concurrently.
 *
 * <p>Time is involved, so the bounds are generous: a timer never fires early, so the lower
 * bounds are exact, and the upper bounds allow for late timers on a busy two-core machine.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface ExhibitionContract extends ParadigmContract {

    /**
     * One exhibition second in real time. Sequential play is long, so it runs on the fastest
     * clock (0.1 ms: 4.3 s in all). A concurrent paradigm runs on 0.5 ms (1.8 s in all), so a
     * master move (2.5 ms) is long next to the granularity of timers — an event loop's
     * {@code Selector.select} waits in whole milliseconds.
     */
    private Duration scale() {
        return paradigm().claims().contains(Claim.WAITS_CONCURRENTLY) ? Duration.ofNanos(500_000) : Duration.ofNanos(100_000);
    }

    private ExhibitionResult play(ExhibitionRequest request) throws InterruptedException {
        return paradigm().exhibition().play(request, Trace.off());
    }

    @Test
    default void everyGameIsCompleteWithItsMovesInOrderAndTheMasterMovesOneAtATime() throws Exception {
        var request = ExhibitionRequest.pyConExhibition(scale());
        ExhibitionResult result = play(request);

        assertEquals(2 * request.boards() * request.movePairs(), result.moves().size(), "every move recorded once");
        for (int board = 0; board < request.boards(); board++) {
            int b = board;
            List<Move> game = result.moves().stream()
                    .filter(m -> m.board() == b)
                    .sorted(Comparator.comparingInt(Move::pair).thenComparing(Move::mover))
                    .toList();
            assertEquals(2 * request.movePairs(), game.size(), "moves on board " + board);
            for (int i = 0; i < game.size(); i++) {
                Move move = game.get(i);
                assertEquals(i / 2, move.pair(), "board " + board + " move " + i);
                assertEquals(i % 2 == 0 ? Mover.MASTER : Mover.OPPONENT, move.mover(), "board " + board + " move " + i);
                if (i > 0) {
                    assertTrue(move.startNanos() >= game.get(i - 1).endNanos(),
                            "board " + board + ": " + move + " started before " + game.get(i - 1) + " ended");
                }
            }
        }
        List<Move> master = result.moves().stream()
                .filter(m -> m.mover() == Mover.MASTER)
                .sorted(Comparator.comparingLong(Move::startNanos))
                .toList();
        for (int i = 1; i < master.size(); i++) {
            assertTrue(master.get(i).startNanos() >= master.get(i - 1).endNanos(),
                    "the master made two moves at once: " + master.get(i - 1) + " and " + master.get(i));
        }
    }

    @Test
    default void takesTwelveHoursWhenGamesFollowOneAnother() throws Exception {
        assumeNoClaim(Claim.WAITS_CONCURRENTLY);
        var request = ExhibitionRequest.pyConExhibition(scale());
        double seconds = play(request).exhibitionSeconds();
        assertEquals(43_200, request.sequentialSeconds());
        assertTrue(seconds >= 43_200, "took " + seconds + " exhibition seconds, less than 12 hours");
        assertTrue(seconds <= 43_200 * TestTimeouts.scaled(1.3), "took " + seconds + " exhibition seconds, far more than 12 hours");
    }

    @Test
    default void takesAboutOneHourWhenOpponentsThinkConcurrently() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        var request = ExhibitionRequest.pyConExhibition(scale());
        double seconds = play(request).exhibitionSeconds();
        assertEquals(3_655, request.concurrentSeconds(), "720 master moves of 5 s back to back, then the last reply");
        assertTrue(seconds >= 3_600, "took " + seconds + " exhibition seconds, less than the master's own moves");
        assertTrue(seconds <= 3_655 * TestTimeouts.scaled(1.6), "took " + seconds + " exhibition seconds, far more than about 1 hour");
    }
}
