package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.callbacks.loop.Timer;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;

/**
 * {@code deadline} in callbacks: the download of {@link Download} — a permit, a GET,
 * a callback that records and passes the permit on — plus one loop timer for the deadline,
 * and fail-fast on the first failure callback.
 *
 * <p><b>There is no task to cancel.</b> A URL in progress is not a thread or a future that
 * could be told to stop; it is a handful of registrations scattered over the loop, and
 * cancelling means finding every one of them:
 * <pre>
 *   what is outstanding                         who knows about it      how it is cancelled
 *   a URL waiting for a permit                  Permits' queue          permits.cancelWaiting()
 *   a URL granted a permit, grant not yet run   the loop's ready queue  fetch() checks tally.ended() first
 *   a request in flight: its channel, its
 *     readiness callback, its timeout timer     LoopHttpClient          client.cancelAll(): timer cancelled,
 *                                                                         interest removed, channel closed
 *   the deadline timer                          this call               deadline.cancel()
 *   idle kept-alive connections                 LoopHttpClient's pool   client.close(), when the call returns
 * </pre>
 * Forget one and it shows: a live timer or a readiness callback is work, and the loop would
 * wait for it (a forgotten deadline timer keeps a call that ended by failure for the whole
 * deadline); a channel left open is a connection the server still holds.
 *
 * <p><b>The call's state machine</b> (loop thread only):
 * <pre>
 *   RUNNING --every URL answered, none failed: deadline.cancel()-----------------------> DONE (ALL_FINISHED)
 *   RUNNING --a failure callback, first failure (tally.record says so): cancelEverything --> ENDING (FAILED_FAST)
 *   RUNNING --the deadline timer: tally.deadlinePassed(), cancelEverything--------------> ENDING (DEADLINE_PASSED)
 *   ENDING  --the cancelled requests' failure callbacks run (ignored by the tally,
 *             each passes its permit on, to nobody): no work left----------------------> DONE
 * </pre>
 * DONE is the loop running dry: {@code run()} returns by itself. We do not call
 * {@link EventLoop#stop()}: stopping would return with whatever we forgot still registered,
 * and {@code close()} would drop it silently — a loop that returns on its own is the proof that
 * nothing is left. (The contract's "promptly" catches a forgotten timer; its "no connection
 * open at the server" a forgotten channel.) The tally decides which URL ended how: it is told
 * of the deadline before anything is cancelled, so the cancellations' failures that follow are
 * ignored, never taken for "the first failure".
 *
 * <p><b>Threads:</b> the caller only — it runs the loop; the client resolves, connects, reads
 * on it too. Nothing is left when the call returns: no thread was started, the client's
 * connections are closed ({@code close()}) and the loop's selector with them.
 */
final class Deadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) {
        var tally = new DeadlineTally(request);
        try (var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            new Call(request, tally, loop, client, trace).start();
            loop.run(); // returns when nothing is left: every URL answered, or everything cancelled
        } // the client closes its idle connections, then the loop its selector
        return tally.result();
    }

    /** One call's state; loop thread only. */
    private static final class Call {
        private final DeadlineRequest request;
        private final DeadlineTally tally;
        private final EventLoop loop;
        private final LoopHttpClient client;
        private final Trace trace;
        private final Permits permits;
        private Timer deadline;
        private int answered; // GETs whose callback has run, cancelled ones included

        Call(DeadlineRequest request, DeadlineTally tally, EventLoop loop, LoopHttpClient client, Trace trace) {
            this.request = request;
            this.tally = tally;
            this.loop = loop;
            this.client = client;
            this.trace = trace;
            this.permits = new Permits(loop, request.maxInFlight());
        }

        void start() {
            deadline = loop.callLater(request.deadline(), () -> {
                tally.deadlinePassed(); // first: what is cancelled next is "cancelled", not "failed"
                cancelEverything("the deadline passed");
            });
            for (int i = 0; i < request.urls().size(); i++) {
                int index = i;
                permits.acquire(() -> fetch(index));
            }
        }

        private void fetch(int index) {
            if (tally.ended()) {
                // A grant is a callback in the ready queue, out of cancelWaiting()'s reach
                // (PermitsTest). Here the first C grants all run on the first tick, before any
                // answer could end the call; this check makes that a rule instead of luck.
                permits.release();
                return;
            }
            URI url = request.urls().get(index);
            try (var sending = trace.begin(SpanNames.request(url))) {
                client.get(url, request.requestTimeout(),
                        response -> {
                            try (var receiving = trace.begin(SpanNames.answered(url))) {
                                answered(index, DownloadResult.ofResponse(url, response.status(), response.body()));
                            }
                        },
                        failure -> answered(index, DownloadResult.ofError(url, failure)));
            }
        }

        /** Every GET ends here exactly once: answered, failed, timed out or cancelled. */
        private void answered(int index, DownloadResult result) {
            answered++;
            if (tally.record(index, result)) { // ignored once the call has ended
                cancelEverything("another URL failed");
            } else if (answered == request.urls().size()) {
                deadline.cancel(); // all done in time: a live timer would keep the loop waiting until the deadline
            }
            permits.release(); // last: it may start the next URL at once, inside this call
        }

        /** The call is over: find every piece of outstanding work and undo it (see the class comment). */
        private void cancelEverything(String why) {
            deadline.cancel();            // no-op when it is the deadline that fired
            permits.cancelWaiting();      // before the client: a failure callback passes its permit on, to nobody now
            client.cancelAll(why);        // timeouts cancelled, interests removed, channels closed; callbacks on the next tick
        }
    }
}
