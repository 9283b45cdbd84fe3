package paradigms.threading;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.Move;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exercise {@code unfair-master}: with an unfair master every game is still complete and in
 * order, the master still makes one move at a time, and the exhibition still takes about an hour
 * (the {@code exhibition} contract). It also prints, for the learner to read, how often the master
 * went to a board out of turn — the thing fairness is about, which no bound can pin down.
 */
@Tag("exercise")
@Tag("unfair-master")
class UnfairExhibitionAcceptanceTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return ChapterWith.exhibition(new UnfairExhibition());
    }

    /**
     * Not a test here: the contract's check for paradigms that play one game after another,
     * which this chapter skips by its claims. Overridden without {@code @Test}, so that the
     * acceptance run has no skipped test (a skip would hide whether the workspace is done).
     */
    @Override
    public void takesTwelveHoursWhenGamesFollowOneAnother() {
    }

    @Test
    void printsHowOftenTheMasterWentToABoardOutOfTurn() throws Exception {
        var request = ExhibitionRequest.pyConExhibition(Duration.ofNanos(500_000));
        ExhibitionResult unfair = new UnfairExhibition().play(request, Trace.off());
        ExhibitionResult fair = new Exhibition().play(request, Trace.off());
        assertEquals(2 * request.boards() * request.movePairs(), unfair.moves().size(), "every move recorded once");
        System.out.printf("unfair-master: master moves out of turn, unfair lock %d, fair lock %d (of %d)%n",
                outOfTurn(unfair), outOfTurn(fair), request.boards() * request.movePairs());
    }

    /**
     * Master moves that went to a board while another board, ready for him earlier (its
     * opponent's move had ended first), was still waiting: the rotation broken.
     */
    private static int outOfTurn(ExhibitionResult result) {
        Map<String, Long> opponentDone = new HashMap<>();
        for (Move move : result.moves()) {
            if (move.mover() == Mover.OPPONENT) {
                opponentDone.put(move.board() + "/" + move.pair(), move.endNanos());
            }
        }
        long[] readySince = result.moves().stream()
                .filter(m -> m.mover() == Mover.MASTER)
                .sorted(Comparator.comparingLong(Move::startNanos))
                .mapToLong(m -> m.pair() == 0 ? 0 : opponentDone.get(m.board() + "/" + (m.pair() - 1)))
                .toArray();
        int outOfTurn = 0;
        long earliestLater = Long.MAX_VALUE; // the earliest readiness among the moves the master made later
        for (int i = readySince.length - 1; i >= 0; i--) {
            if (earliestLater < readySince[i]) {
                outOfTurn++;
            }
            earliestLater = Math.min(earliestLater, readySince[i]);
        }
        return outOfTurn;
    }
}
