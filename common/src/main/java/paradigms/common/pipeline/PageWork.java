package paradigms.common.pipeline;

import paradigms.common.Check;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Stage 2's work on one page: a little CPU work, whose cost the caller chooses. The course's
 * own is {@link #digesting(Duration)}; the contract wraps it to count what stage 2 does and to
 * watch the server while it does it.
 *
 * <p>Thread safety: a paradigm may call it from any thread, and from several at once.
 * It runs in the caller's JVM: it is an object, not a message.
 */
@FunctionalInterface
public interface PageWork {

    /** Processes one page; called once per page that stage 1 fetched. */
    PipelineItem.Processed process(Fetched.Page page);

    /**
     * Stage 2 for one item of the buffer: a page is processed, a failure passes through as that
     * item's failure. What every chapter's stage 2 calls.
     */
    default PipelineItem apply(Fetched item) {
        return switch (item) {
            case Fetched.Page page -> process(page);
            case Fetched.Failed failed -> new PipelineItem.Failed(failed.failure());
        };
    }

    /**
     * The page's SHA-256, and then more hashing until {@code cost} has passed since the call
     * began: CPU work of a known duration, so that a case can make stage 2 the slow stage and
     * know the ideal. Zero is one digest and no more.
     *
     * @throws IllegalArgumentException "cost must not be negative" (or null)
     */
    static PageWork digesting(Duration cost) {
        return new Digesting(cost);
    }

    /** See {@link #digesting(Duration)}. */
    record Digesting(Duration cost) implements PageWork {

        public Digesting {
            Check.notNegative("cost", cost);
        }

        /*
         * Implementation notes: each extra round hashes the previous round's digest with the body,
         * so every round needs the one before it — a chain, not a loop the JIT could drop. The
         * clock is the wall clock: on a busy machine the thread may be descheduled for part of
         * the cost, as any CPU work may.
         */
        @Override
        public PipelineItem.Processed process(Fetched.Page page) {
            long end = System.nanoTime() + cost.toNanos();
            MessageDigest sha256 = sha256();
            byte[] digest = sha256.digest(page.body());
            byte[] chain = digest;
            while (System.nanoTime() - end < 0) {
                sha256.update(chain);
                chain = sha256.digest(page.body());
            }
            return new PipelineItem.Processed(page.url(), page.body().length, HexFormat.of().formatHex(digest));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
