package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Function colouring, in code. A method that returns a {@code CompletableFuture} ("red")
 * cannot hand its caller a plain value: the caller either returns a future too — and becomes
 * red itself, and so on up the call chain — or blocks a thread with {@code join()} until the
 * value exists. "Blue" (plain) methods can call blue ones freely; red spreads upward.
 * (In Python the colour is written {@code async def}; in Java it is the return type.)
 */
final class Colours {

    private Colours() {
    }

    /** Something red: the size of a page, some day. */
    interface PageSizes {
        CompletableFuture<Integer> sizeOf(URI page);
    }

    /** Calls a red method, so it is red too: it can only promise a total. It never blocks. */
    static CompletableFuture<Integer> totalSize(PageSizes sizes, List<URI> pages) {
        List<CompletableFuture<Integer>> each = pages.stream().map(sizes::sizeOf).toList();
        return Futures.gather(each).thenApply(all -> all.stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * Wants to stay blue (return an {@code int}), so it must block its thread until the red
     * work is done. Fine on {@code main}; a stall on an event loop's thread; a deadlock when
     * the red work needs the very thread that is blocked (see {@code JoinOnSingleThreadTest}).
     */
    static int totalSizeBlocking(PageSizes sizes, List<URI> pages) {
        return totalSize(sizes, pages).join();
    }
}
