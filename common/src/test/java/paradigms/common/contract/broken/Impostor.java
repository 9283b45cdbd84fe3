package paradigms.common.contract.broken;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.waiters.WaitersExercise;

import java.util.Set;

/**
 * A paradigm that claims what it does not do: the sequential baseline with one exercise
 * swapped for a deliberately broken one. The tests in this package run a contract's checks
 * against it and expect them to fail — the proof that a contract cannot be fooled the way it
 * could before.
 */
final class Impostor implements Paradigm {

    private final SequentialParadigm rest = new SequentialParadigm();
    private final Set<Claim> claims;
    private final SquaresExercise squares;
    private final CounterExercise counter;
    private final BlockingExercise blocking;

    private Impostor(Set<Claim> claims, SquaresExercise squares, CounterExercise counter, BlockingExercise blocking) {
        this.claims = claims;
        this.squares = squares;
        this.counter = counter;
        this.blocking = blocking;
    }

    static Impostor squares(Set<Claim> claims, SquaresExercise squares) {
        return new Impostor(claims, squares, null, null);
    }

    static Impostor counter(CounterExercise counter) {
        return new Impostor(Set.of(), null, counter, null);
    }

    static Impostor blocking(Set<Claim> claims, BlockingExercise blocking) {
        return new Impostor(claims, null, null, blocking);
    }

    @Override
    public String name() {
        return "impostor";
    }

    @Override
    public Set<Claim> claims() {
        return claims;
    }

    @Override
    public SquaresExercise squares() {
        return squares != null ? squares : rest.squares();
    }

    @Override
    public CounterExercise counter() {
        return counter != null ? counter : rest.counter();
    }

    @Override
    public BlockingExercise blocking() {
        return blocking != null ? blocking : rest.blocking();
    }

    @Override
    public DownloadExercise download() {
        return rest.download();
    }

    @Override
    public ExhibitionExercise exhibition() {
        return rest.exhibition();
    }

    @Override
    public CrawlExercise crawl() {
        return rest.crawl();
    }

    @Override
    public WaitersExercise waiters() {
        return rest.waiters();
    }

    @Override
    public DeadlineExercise deadline() {
        return rest.deadline();
    }
}
