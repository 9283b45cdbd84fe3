package paradigms.common.contract;

import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.server.LocalWebServer;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Stage 2's work as the pipeline contract supplies it: the course's digest with a cost the test
 * chooses (make it slow, and stage 2 is the slow stage), and the test's own count of what stage 2
 * did — which pages, how many times — and of how far stage 1 ran ahead of it.
 *
 * <p><b>How far ahead</b> is read from the server, not from the code under test: at the start
 * and at the end of each page's work, the requests the server has seen minus the pages stage 2
 * has begun. A pipeline with backpressure keeps that at most B + C (B pages in the buffer, C
 * downloads in flight or waiting for room); an unbounded buffer lets it grow to N.
 *
 * <p>Thread safety: {@link #process} may run on any thread, on several at once; all state is
 * guarded by {@code this}, never held during the work itself.
 */
public final class WatchedWork implements PageWork {

    private final PageWork digest;
    private final LocalWebServer server;
    private final Map<URI, Integer> processed = new HashMap<>(); // guarded by this
    private int begun;                                           // guarded by this
    private long mostAhead = Long.MIN_VALUE;                     // guarded by this

    /** The digest with a cost of {@code cost}, watching {@code server}'s request count. */
    public WatchedWork(Duration cost, LocalWebServer server) {
        this.digest = PageWork.digesting(cost);
        this.server = server;
    }

    @Override
    public PipelineItem.Processed process(Fetched.Page page) {
        synchronized (this) {
            begun++;
            processed.merge(page.url(), 1, Integer::sum);
            noteHowFarAhead();
        }
        PipelineItem.Processed result = digest.process(page);
        synchronized (this) {
            noteHowFarAhead();
        }
        return result;
    }

    private void noteHowFarAhead() {
        mostAhead = Math.max(mostAhead, server.totalRequests() - begun);
    }

    /** How many times stage 2 processed each page. */
    public synchronized Map<URI, Integer> processed() {
        return Map.copyOf(processed);
    }

    /** The pages stage 2 has begun. */
    public synchronized int begun() {
        return begun;
    }

    /**
     * The most that the server's request count ran ahead of the pages stage 2 had begun, seen at
     * the start and end of each page's work; {@link Long#MIN_VALUE} before the first page.
     */
    public synchronized long mostAhead() {
        return mostAhead;
    }
}
