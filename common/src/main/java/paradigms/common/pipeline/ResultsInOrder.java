package paradigms.common.pipeline;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 3: puts each item where its URL stands in the request, whatever order stage 2 finishes
 * them in, and refuses what would break "exactly once" — a second item for a URL, or an item for
 * the wrong URL — with an {@link IllegalStateException}, where it happens, rather than a wrong
 * result later.
 *
 * <p>Thread safety: every method may be called from any thread; all state is guarded by
 * {@code this}. In most chapters one thread or the loop calls it, and the lock costs nothing.
 */
public final class ResultsInOrder {

    private final List<URI> urls;
    private final PipelineItem[] items; // guarded by this
    private int collected;              // guarded by this

    public ResultsInOrder(PipelineRequest request) {
        this.urls = request.urls();
        this.items = new PipelineItem[urls.size()];
    }

    /**
     * Stage 3 takes in item number {@code index}.
     *
     * @throws IllegalStateException if that URL has an item already, or {@code item} is for another URL
     */
    public synchronized void collect(int index, PipelineItem item) {
        if (!urls.get(index).equals(item.url())) {
            throw new IllegalStateException("item " + index + " is for " + item.url() + ", not " + urls.get(index));
        }
        if (items[index] != null) {
            throw new IllegalStateException("a second item for " + item.url() + ": every URL is processed once");
        }
        items[index] = item;
        collected++;
    }

    /** Whether every URL has its item. */
    public synchronized boolean complete() {
        return collected == items.length;
    }

    /**
     * The result, in input order.
     *
     * @throws IllegalStateException if a URL has no item yet, naming the first
     */
    public synchronized PipelineResult result() {
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                throw new IllegalStateException("no item for " + urls.get(i) + " (" + collected + " of " + items.length + " collected)");
            }
        }
        return new PipelineResult(Arrays.asList(items));
    }
}
