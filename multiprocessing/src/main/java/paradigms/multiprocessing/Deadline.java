package paradigms.multiprocessing;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Completions;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.WorkerMain;

import java.time.Duration;
import java.util.List;

/**
 * {@code deadline} on worker processes: the download of {@link Download} — a pool of C
 * workers, one blocking fetch each — with an overall deadline and fail-fast. Cancelling work
 * that runs in another process means ending that process: {@link ProcessPool#closeNow()}.
 *
 * <p><b>The call's states</b> (the caller's thread drives them):
 * <pre>
 *   STARTING --every worker ready-------------------------------------> RUNNING
 *   STARTING --the deadline passes first (the pool's start timeout)---> returned: all cancelled
 *   RUNNING  --every URL finished-------------------------------------> CLOSING
 *   RUNNING  --a reply is the first failure (the tally says so)-------> CLOSING
 *   RUNNING  --the deadline passes (the caller's timed wait)----------> CLOSING
 *   CLOSING  --closeNow(): queued jobs dropped, every busy worker killed (SIGKILL): the kernel
 *              closes its sockets and the server sees the client leave; idle workers told to
 *              stop (their stdin closed); every child reaped-----------> returned
 * </pre>
 * Which URL ended how is decided by the {@link DeadlineTally} alone: once it has ended, later
 * replies are ignored, and every URL without an outcome is reported cancelled.
 *
 * <p><b>Why kill the process, and not cancel one task.</b> A worker blocked in a fetch hears
 * nothing from the pool but the end of its stdin (its main thread watches for it, see
 * {@link WorkerMain}), and that ends the whole worker. Cancelling one task and keeping its
 * worker would need a new frame ("abandon"), a task thread that can be interrupted, and trust
 * that the abandoned fetch left nothing behind; ending the process needs no trust — its sockets
 * die with it. And a signal, not the end of stdin: a worker told to stop halts its JVM, which
 * waits up to 300 ms for a thread blocked in a socket read; SIGKILL waits for nothing (see
 * {@link ProcessPool#closeNow}). The call is over anyway, so the whole pool goes; a longer-lived
 * pool would replace the killed worker instead (an exercise in the README).
 *
 * <p><b>What is left after the call:</b> nothing. {@code closeNow()} returns when every child has
 * exited and been reaped, and the pool's threads in the parent have ended.
 */
final class Deadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        long deadline = System.nanoTime() + request.deadline().toNanos();
        int workers = Math.min(request.maxInFlight(), request.urls().size());
        ProcessPool pool;
        try {
            // The deadline covers the workers' start-up: it is part of the call.
            pool = Workers.pool().size(workers).forWaiting().startTimeout(left(deadline)).start();
        } catch (ProcessPool.NotReadyInTime late) {
            tally.deadlinePassed(); // no worker ran anything; start() has stopped them all
            return tally.result();
        }
        try {
            List<Download.DownloadJob> jobs = request.urls().stream()
                    .map(url -> new Download.DownloadJob(url, request.requestTimeout())).toList();
            Completions<DownloadResult> replies = pool.unordered(jobs, trace);
            while (replies.hasNext()) {
                Completions.Completed<DownloadResult> reply = replies.next(left(deadline));
                if (reply == null) {
                    tally.deadlinePassed();
                    break;
                }
                if (tally.record(reply.index(), reply.value())) {
                    break; // the first failure: fail fast
                }
            }
        } finally {
            pool.closeNow(); // whatever still runs in a worker is killed with its process
        }
        return tally.result();
    }

    /** What is left of the deadline; zero once it has passed. */
    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
