package paradigms.threading;

import paradigms.common.crawl.PageBudget;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawl's shared state — the URLs seen, the URLs waiting to be fetched, and how much
 * work is still outstanding — shared by C worker threads and guarded by one lock.
 *
 * <p><b>Each URL's life</b>, all transitions under {@link #lock}:
 * <pre>
 *   (unseen) --add, first time--> QUEUED --take--> BEING FETCHED --done--> DONE
 *            --add, seen before--> (ignored: each URL is fetched once)
 * </pre>
 * Invariant, whenever the lock is free: {@code outstanding == queued + being fetched}.
 *
 * <p><b>When is the crawl over?</b> Not when the queue is empty: a worker that finds it empty
 * cannot know whether a page being fetched right now will add fifty links. It is over when
 * {@code outstanding} is zero — nothing queued and nothing in flight, so nobody can add
 * anything any more. A worker that finds the queue empty while work is outstanding waits on
 * {@link #workOrEnd}; {@link #done} wakes the waiters when it adds work or ends the crawl.
 *
 * <p><b>Why a lock and a Condition, not a {@code Phaser}</b> (or a {@code ConcurrentHashMap}
 * plus an {@code AtomicInteger}): the three pieces of state must change <em>together</em>.
 * "Add this page's new links and count this page as done" has to be one step; if the count
 * could drop to zero before the links were counted in, a worker would see zero and leave
 * while work remained. A {@code Phaser} would count the work but the set and the queue would
 * still need guarding, and the reader would have to check that the two agree. One lock makes
 * the invariant easy to see; it is held for microseconds, next to fetches of milliseconds.
 *
 * <p>Scope filtering is not done here: the crawler passes only the links it wants crawled.
 */
final class Frontier {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a URL is queued, when the crawl ends, and when it fails. */
    private final Condition workOrEnd = lock.newCondition();

    private final ArrayDeque<URI> queue = new ArrayDeque<>(); // guarded by lock
    private final Set<URI> seen = new HashSet<>();           // guarded by lock: queued, fetching and done
    private int outstanding;                                 // guarded by lock: queued + being fetched
    private Throwable failure;                               // guarded by lock: set once, by a dying worker
    private final PageBudget budget;                         // thread-safe itself; claimed under the lock here

    Frontier(URI root, PageBudget budget) {
        this.budget = budget;
        seen.add(root);
        queue.add(root);
        outstanding = 1;
    }

    /**
     * The next URL to fetch, waiting for one if the queue is empty but work is outstanding;
     * empty when the crawl is over (or a worker failed: then every worker stops).
     */
    Optional<URI> take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && outstanding > 0 && failure == null) {
                workOrEnd.await(); // releases the lock while parked; holds it again on return
            }
            if (failure != null) {
                return Optional.empty();
            }
            return Optional.ofNullable(queue.poll()); // empty here means outstanding == 0: the end
        } finally {
            lock.unlock();
        }
    }

    /**
     * A worker finished {@code url}; the links it found that were never seen are queued, in one
     * step — as long as the page budget lasts.
     */
    void done(URI url, List<URI> links) {
        lock.lock();
        try {
            int before = queue.size();
            for (URI link : links) {
                if (seen.add(link) && budget.claim()) {
                    queue.add(link);
                    outstanding++;
                }
            }
            outstanding--; // after the links are counted in: outstanding never touches zero too early
            if (queue.size() > before || outstanding == 0) {
                // signalAll, not signal: when the crawl ends every waiter must leave, and waking
                // at most C threads when work arrives is cheap next to a fetch.
                workOrEnd.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A worker died: wake everyone so that they stop, and the crawl reports the failure. */
    void fail(Throwable cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            workOrEnd.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many URLs are queued or being fetched: zero once the crawl is over. */
    int outstanding() {
        lock.lock();
        try {
            return outstanding;
        } finally {
            lock.unlock();
        }
    }
}
