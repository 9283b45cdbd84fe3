package paradigms.compare;

import paradigms.common.server.LocalWebServer;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * What a deadline case left at the web server when it returned, and how long the server took to
 * see nothing left: no request still being answered, no connection still open.
 *
 * <p>Why wait at all: a client that closes its socket has done its part, but the server learns
 * it a moment later (its connection thread notices the close while it waits out a delay). The
 * deadline contract waits up to 3 s for the same reason; here the wait is measured, so a slow
 * cancellation shows as a number and a missing one as what is left after {@link #LIMIT}.
 *
 * @param inFlightAtReturn        requests in flight when the parent heard the call had returned
 * @param connectionsOpenAtReturn connections open at that moment
 * @param quietAfterMillis        how long after that the server had neither; null if not within {@link #LIMIT}
 * @param inFlightLeft            requests still in flight at the end of the wait (0 when quiet)
 * @param connectionsOpenLeft     connections still open at the end of the wait (0 when quiet)
 */
record ServerQuiet(int inFlightAtReturn, int connectionsOpenAtReturn, Double quietAfterMillis, int inFlightLeft,
                   int connectionsOpenLeft) {

    /** How long the parent waits for the server to go quiet. Requests that were not cancelled wait 5 s there. */
    static final Duration LIMIT = Duration.ofSeconds(2);

    /** How often the parent looks: often enough for a figure in milliseconds, rarely enough to cost nothing. */
    private static final long POLL_NANOS = 500_000;

    boolean quiet() {
        return quietAfterMillis != null;
    }

    /** Watches {@code server} until it is quiet or {@link #LIMIT} has passed; on the parent's reading thread. */
    static ServerQuiet await(LocalWebServer server) {
        int inFlight = server.inFlight();
        int open = server.connectionsOpen();
        long start = System.nanoTime();
        long end = start + LIMIT.toNanos();
        while (server.inFlight() > 0 || server.connectionsOpen() > 0) {
            if (System.nanoTime() >= end) {
                return new ServerQuiet(inFlight, open, null, server.inFlight(), server.connectionsOpen());
            }
            LockSupport.parkNanos(POLL_NANOS); // polling: the server has no "quiet" event to wait for
        }
        return new ServerQuiet(inFlight, open, (System.nanoTime() - start) / 1e6, 0, 0);
    }

    /** "quiet 3 ms after return" or "2 requests in flight, 3 connections open 2 s after return". */
    String describe() {
        if (quiet()) {
            return inFlightAtReturn == 0 && connectionsOpenAtReturn == 0 ? "server quiet at return"
                    : "server quiet " + Format.millis(quietAfterMillis) + " after return";
        }
        return Format.count(inFlightLeft) + (inFlightLeft == 1 ? " request" : " requests") + " in flight and "
                + Format.count(connectionsOpenLeft) + (connectionsOpenLeft == 1 ? " connection" : " connections")
                + " open at the server " + LIMIT.toSeconds() + " s after return";
    }
}
