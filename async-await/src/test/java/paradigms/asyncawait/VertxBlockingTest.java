package paradigms.asyncawait;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.contract.BlockingContract;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.waiters.WaitersExercise;

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
        public DownloadExercise download() {
            return paradigm.download();
        }

        @Override
        public SquaresExercise squares() {
            return paradigm.squares();
        }

        @Override
        public ExhibitionExercise exhibition() {
            return paradigm.exhibition();
        }

        @Override
        public CrawlExercise crawl() {
            return paradigm.crawl();
        }

        @Override
        public BlockingExercise blocking() {
            return new VertxPgQueries();
        }

        @Override
        public WaitersExercise waiters() {
            return paradigm.waiters();
        }

        @Override
        public CounterExercise counter() {
            return paradigm.counter();
        }

        @Override
        public DeadlineExercise deadline() {
            return paradigm.deadline();
        }
    }
}
