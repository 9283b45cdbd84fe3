package paradigms.asyncawait;

import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.contract.BlockingContract;

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

    /** The chapter as it is, but with the Vert.x client for blocking. */
    private static final class WithVertxBlocking extends DelegatingParadigm {
        WithVertxBlocking(AsyncAwaitParadigm paradigm) {
            super(paradigm);
        }

        @Override
        public String name() {
            return delegate().name() + " (vert.x pg client)";
        }

        @Override
        public BlockingExercise blocking() {
            return new VertxPgQueries();
        }
    }
}
