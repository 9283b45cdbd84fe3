package paradigms.compare.fake;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingQueries;
import paradigms.common.crawl.Crawler;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.Downloader;
import paradigms.common.exhibition.Exhibition;
import paradigms.common.http.BlockingHttp;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresCalculator;
import paradigms.common.squares.SumOfSquares;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A stand-in for a concurrent chapter, for compare's own tests only (registered in the test
 * class path's {@code META-INF/services}): download on virtual threads under a semaphore,
 * squares on two platform threads, everything else borrowed from the sequential baseline.
 * With it, a test sees speedups, in-flight counts above one and overlapping spans without
 * waiting for the real chapters.
 */
public final class StandInParadigm implements Paradigm {

    private final SequentialParadigm sequential = new SequentialParadigm();

    @Override
    public String name() {
        return "stand-in";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES);
    }

    @Override
    public Downloader downloader() {
        return (request, trace) -> {
            var permits = new Semaphore(request.maxInFlight());
            try (var client = BlockingHttp.newClient(); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<DownloadResult>> pending = new ArrayList<>();
                for (var url : request.urls()) {
                    pending.add(threads.submit(() -> {
                        permits.acquire();
                        try (var span = trace.begin("GET " + url.getPath())) {
                            return BlockingHttp.download(client, url, request.timeout());
                        } finally {
                            permits.release();
                        }
                    }));
                }
                return results(pending);
            }
        };
    }

    @Override
    public SquaresCalculator squares() {
        return (request, trace) -> {
            try (var pool = Executors.newFixedThreadPool(2)) {
                List<Future<SquareSum>> pending = new ArrayList<>();
                for (int n : request.ns()) {
                    pending.add(pool.submit(() -> {
                        try (var span = trace.begin("squares n=" + n)) {
                            return new SquareSum(n, SumOfSquares.below(n));
                        }
                    }));
                }
                return results(pending);
            }
        };
    }

    private static <T> List<T> results(List<Future<T>> pending) throws InterruptedException {
        List<T> done = new ArrayList<>();
        for (Future<T> future : pending) {
            try {
                done.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return done;
    }

    @Override
    public Exhibition exhibition() {
        return sequential.exhibition();
    }

    @Override
    public Crawler crawler() {
        return sequential.crawler();
    }

    @Override
    public BlockingQueries blocking() {
        return sequential.blocking();
    }
}
