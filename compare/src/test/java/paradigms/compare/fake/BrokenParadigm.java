package paradigms.compare.fake;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingQueries;
import paradigms.common.crawl.Crawler;
import paradigms.common.download.Downloader;
import paradigms.common.exhibition.Exhibition;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresCalculator;

import java.math.BigInteger;
import java.util.Set;

/**
 * A paradigm that goes wrong in the ways compare must survive, for compare's own tests
 * (registered in the test class path's {@code META-INF/services}): download ends its JVM on
 * the spot (a crash: compare must record it and start a fresh child for the cases left), and
 * squares returns wrong sums (a wrong result: shown, and marked).
 */
public final class BrokenParadigm implements Paradigm {

    /** The exit code of the crash, so that a test can find it in the reason. */
    public static final int CRASH_CODE = 37;

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of();
    }

    @Override
    public Downloader downloader() {
        return (request, trace) -> {
            System.err.println("the broken paradigm ends its JVM now");
            Runtime.getRuntime().halt(CRASH_CODE);
            throw new AssertionError("unreachable");
        };
    }

    @Override
    public SquaresCalculator squares() {
        return (request, trace) -> request.ns().stream().map(n -> new SquareSum(n, BigInteger.ZERO)).toList();
    }

    @Override
    public Exhibition exhibition() {
        return new SequentialParadigm().exhibition();
    }

    @Override
    public Crawler crawler() {
        return new SequentialParadigm().crawler();
    }

    @Override
    public BlockingQueries blocking() {
        return new SequentialParadigm().blocking();
    }
}
