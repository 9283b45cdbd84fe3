package paradigms.common.deadline;

import paradigms.common.download.DownloadResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the outcome of each URL of a deadline download and decides how the call ended, so
 * that every paradigm ends the same way and differs only in how it cancels.
 *
 * <p>Thread safety: all methods are {@code synchronized}: completions may arrive on many
 * threads at once, and "the first failure" must be decided exactly once. The paradigm asks
 * {@link #record} whether to stop: it answers true for the first failure only.
 */
public final class DeadlineTally {

    private final List<URI> urls;
    private final ItemOutcome[] outcomes;
    private Ending ending; // null while running

    public DeadlineTally(DeadlineRequest request) {
        this.urls = request.urls();
        this.outcomes = new ItemOutcome[urls.size()];
    }

    /**
     * Records the result for URL number {@code index}; ignored once the call has ended.
     *
     * @return true when this result is the first failure: the caller must now cancel the rest
     */
    public synchronized boolean record(int index, DownloadResult result) {
        if (ending != null || outcomes[index] != null) {
            return false;
        }
        switch (result) {
            case DownloadResult.Downloaded ok -> outcomes[index] = new ItemOutcome.Finished(ok);
            case DownloadResult.DownloadFailed failed -> {
                outcomes[index] = new ItemOutcome.Failed(failed);
                ending = Ending.FAILED_FAST;
                return true;
            }
        }
        return false;
    }

    /** The deadline passed: ends the call unless it has ended already. */
    public synchronized void deadlinePassed() {
        if (ending == null) {
            ending = Ending.DEADLINE_PASSED;
        }
    }

    /** Whether the call has ended (a failure or the deadline): outstanding work should stop. */
    public synchronized boolean ended() {
        return ending != null;
    }

    /** Every URL that has no outcome yet is reported cancelled, with the reason. */
    public synchronized DeadlineResult result() {
        Ending finalEnding = ending == null ? Ending.ALL_FINISHED : ending;
        String why = finalEnding == Ending.FAILED_FAST ? "cancelled: another URL failed" : "cancelled: the deadline passed";
        List<ItemOutcome> items = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            items.add(outcomes[i] != null ? outcomes[i] : new ItemOutcome.Cancelled(urls.get(i), why));
        }
        if (finalEnding == Ending.ALL_FINISHED && items.stream().anyMatch(ItemOutcome.Cancelled.class::isInstance)) {
            throw new IllegalStateException("result() asked before every URL had an outcome");
        }
        return new DeadlineResult(finalEnding, items);
    }
}
