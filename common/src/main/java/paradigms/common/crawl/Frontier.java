package paradigms.common.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawl's shared state — the URLs seen and how many pages are still outstanding — shared
 * by the page tasks and the caller that waits for the end, guarded by one lock.
 *
 * <p><b>Each URL's life</b>, all transitions under {@link #lock}:
 * <pre>
 *   (unseen) --linked, first time, within the budget--> OUTSTANDING (its task is submitted)
 *            --linked again----------------------------> (ignored: each URL is fetched once)
 *   OUTSTANDING --its task reports {@link #done}--> DONE
 * </pre>
 * Invariant, whenever the lock is free: {@code outstanding} counts the pages whose task has
 * not reported yet (waiting in the executor's queue or being fetched).
 *
 * <p><b>When is the crawl over?</b> Not when no task is running: a page being fetched right
 * now may add fifty links. It is over when {@code outstanding} is zero — nothing waiting and
 * nothing in flight, so nobody can add anything any more. The caller waits for that in
 * {@link #awaitEnd}; {@link #done} wakes it when the count reaches zero, {@link #fail} when a
 * task failed.
 *
 * <p><b>Why a lock and a Condition, not a {@code Phaser}</b> (or a {@code ConcurrentHashMap}
 * plus an {@code AtomicInteger}): the set and the count must change <em>together</em>.
 * "Count this page's new links in and count this page out" has to be one step; if the count
 * could drop to zero before the links were counted in, the caller would see zero and leave
 * while work remained. One lock makes the invariant easy to see; it is held for microseconds,
 * next to fetches of milliseconds.
 *
 * <p>Scope filtering is not done here: the crawler passes only the links it wants crawled.
 *
 * <p>Shared by the two chapters whose threads block — threading and greenlets — whose crawls
 * differ only in how their threads are made and bounded; the sequential baseline needs none.
 */
public final class Frontier {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the crawl ends and when it fails. */
    private final Condition end = lock.newCondition();

    private final Set<URI> seen = new HashSet<>(); // guarded by lock: outstanding and done
    private int outstanding;                       // guarded by lock: pages whose task has not reported
    private Throwable failure;                     // guarded by lock: set once, by a failing task
    private final PageBudget budget;               // thread-safe itself; claimed under the lock here

    public Frontier(URI root, PageBudget budget) {
        this.budget = budget;
        seen.add(root);
        outstanding = 1; // the root: its task is the first one submitted
    }

    /**
     * The task for {@code url} is done. Returns the links the caller must submit a task for:
     * those never seen, as far as the page budget lasts — counted in, in the same step as
     * {@code url} is counted out.
     */
    public List<URI> done(URI url, List<URI> links) {
        lock.lock();
        try {
            List<URI> fresh = new ArrayList<>();
            for (URI link : links) {
                if (seen.add(link) && budget.claim()) {
                    fresh.add(link);
                }
            }
            outstanding += fresh.size();
            outstanding--; // after the links are counted in: outstanding never touches zero too early
            if (outstanding == 0) {
                end.signalAll();
            }
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    /** A task failed: the crawl is over, and {@link #awaitEnd} rethrows the first failure. */
    public void fail(Throwable cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            end.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until no page is outstanding, or a task failed; then rethrows that task's failure
     * on the caller's thread (unchecked exceptions and errors as themselves, an interrupted
     * task as {@link InterruptedException}).
     */
    public void awaitEnd() throws InterruptedException {
        lock.lock();
        try {
            while (outstanding > 0 && failure == null) {
                end.await(); // releases the lock while parked; holds it again on return
            }
            switch (failure) {
                case null -> { }
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IllegalStateException("a page's task failed: " + failure, failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many pages are outstanding: zero once the crawl is over. */
    public int outstanding() {
        lock.lock();
        try {
            return outstanding;
        } finally {
            lock.unlock();
        }
    }
}
