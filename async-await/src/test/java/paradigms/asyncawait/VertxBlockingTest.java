package paradigms.asyncawait;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingQueries;
import paradigms.common.contract.BlockingContract;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.Crawler;
import paradigms.common.deadline.DeadlineDownloader;
import paradigms.common.download.Downloader;
import paradigms.common.exhibition.Exhibition;
import paradigms.common.squares.SquaresCalculator;
import paradigms.common.waiters.Waiters;

import java.util.Set;

/**
 * The blocking contract again, for the Vert.x client: the paradigm's {@code blocking()} is the
 * offloaded JDBC version, so the asynchronous client is bound here through a paradigm that
 * differs only in that method — both ways are held to the same contract.
 */
class VertxBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new WithVertxBlocking(new AsyncAwaitParadigm());
    }

    private record WithVertxBlocking(AsyncAwaitParadigm paradigm) implements Paradigm {
        @Override
        public String name() {
            return paradigm.name() + " (vert.x pg client)";
        }

        @Override
        public Set<Claim> claims() {
            return paradigm.claims();
        }

        @Override
        public Downloader downloader() {
            return paradigm.downloader();
        }

        @Override
        public SquaresCalculator squares() {
            return paradigm.squares();
        }

        @Override
        public Exhibition exhibition() {
            return paradigm.exhibition();
        }

        @Override
        public Crawler crawler() {
            return paradigm.crawler();
        }

        @Override
        public BlockingQueries blocking() {
            return new VertxPgQueries();
        }

        @Override
        public Waiters waiters() {
            return paradigm.waiters();
        }

        @Override
        public CounterExercise counter() {
            return paradigm.counter();
        }

        @Override
        public DeadlineDownloader deadline() {
            return paradigm.deadline();
        }
    }
}
