package paradigms.common.contract.broken;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingQueries;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.Crawler;
import paradigms.common.deadline.DeadlineDownloader;
import paradigms.common.download.Downloader;
import paradigms.common.exhibition.Exhibition;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquaresCalculator;
import paradigms.common.waiters.Waiters;

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
    private final SquaresCalculator squares;
    private final CounterExercise counter;
    private final BlockingQueries blocking;

    private Impostor(Set<Claim> claims, SquaresCalculator squares, CounterExercise counter, BlockingQueries blocking) {
        this.claims = claims;
        this.squares = squares;
        this.counter = counter;
        this.blocking = blocking;
    }

    static Impostor squares(Set<Claim> claims, SquaresCalculator squares) {
        return new Impostor(claims, squares, null, null);
    }

    static Impostor counter(CounterExercise counter) {
        return new Impostor(Set.of(), null, counter, null);
    }

    static Impostor blocking(Set<Claim> claims, BlockingQueries blocking) {
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
    public SquaresCalculator squares() {
        return squares != null ? squares : rest.squares();
    }

    @Override
    public CounterExercise counter() {
        return counter != null ? counter : rest.counter();
    }

    @Override
    public BlockingQueries blocking() {
        return blocking != null ? blocking : rest.blocking();
    }

    @Override
    public Downloader downloader() {
        return rest.downloader();
    }

    @Override
    public Exhibition exhibition() {
        return rest.exhibition();
    }

    @Override
    public Crawler crawler() {
        return rest.crawler();
    }

    @Override
    public Waiters waiters() {
        return rest.waiters();
    }

    @Override
    public DeadlineDownloader deadline() {
        return rest.deadline();
    }
}
