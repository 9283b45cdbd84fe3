package paradigms.greenlets;

import org.junit.jupiter.api.Tag;
import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/**
 * Exercise {@code synchronized-master}: with the master as a {@code synchronized} block, every
 * game is still complete and in order, the master still makes one move at a time, and the
 * exhibition still takes about an hour (the {@code exhibition} contract).
 */
@Tag("exercise")
@Tag("synchronized-master")
class SynchronizedExhibitionAcceptanceTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return ChapterWith.exhibition(new SynchronizedExhibition());
    }

    /**
     * Not a test here: the contract's check for paradigms that play one game after another,
     * which this chapter skips by its claims. Overridden without {@code @Test}, so that the
     * acceptance run has no skipped test (a skip would hide whether the workspace is done).
     */
    @Override
    public void takesTwelveHoursWhenGamesFollowOneAnother() {
    }
}
