package paradigms.multiprocessing;

import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult.DownloadFailed;
import paradigms.common.download.DownloadResult.Downloaded;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.Failure;
import paradigms.common.http.HttpResponse;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.common.trace.Waited;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerResources;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code download} on worker processes: each worker fetches one URL at a time with blocking
 * I/O (the course's socket client, one per worker: {@link WorkerResources#http()}), so the pool has C workers for C requests in flight — the
 * "tens" of the comparison table's scalability row: every request waiting costs a whole JVM (tens of
 * megabytes, tens of milliseconds to start), where the threading chapter pays a thread.
 *
 * <p>On the wire: {@code task ID download URL TIMEOUT_NS} → {@code done ID … downloaded STATUS SIZE SHA256 SENT_AT}
 * or {@code done ID … failed FAILURE STATUS DETAIL SENT_AT}. A failed download is a result, not a
 * failed task. The body stays in the worker: only its size and checksum cross the pipe.
 *
 * <p><b>A URL's task, and its resume.</b> The task is the parent's: it begins when its job is
 * handed to a worker ({@link DownloadJob#sent}) and runs again when the parent reads the worker's
 * reply ({@link DownloadJob#decode}, on the pool's thread for that worker). The worker forwards
 * the answer's sent-at stamp ({@code SENT_AT}: the server's {@code nanoTime}, or {@code none} when
 * no whole answer came), and the parent's task is ready from that moment — the server, the worker
 * and the parent read one clock (see {@code SentAt}). So the task is told as waiting for its
 * <em>socket</em>, not for its worker ({@link Waited#WORKER}, ready once the worker replied): it
 * waits for the answer that a worker reads on its behalf, and its ready time, measured from the
 * same moment as in every other chapter, holds what this chapter adds — the worker's read, the
 * pipe, and the parent's read of it.
 */
final class Download implements DownloadExercise {

    static final String KIND = "download";

    /**
     * The most worker processes started for waiting work (download, crawl): with a process per
     * request in flight, C = 1,000 would mean 1,000 JVMs of ~40 MB each, started ~50 ms apart
     * on two cores. Processes scale to "tens", as the comparison table says; above this, requests
     * queue for a worker and the server sees at most this many in flight.
     */
    static final int MAX_WAITING_WORKERS = 32;


    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        int workers = Math.min(Math.min(request.maxInFlight(), request.urls().size()), MAX_WAITING_WORKERS);
        try (var pool = Workers.pool().size(workers).forWaiting().start()) {
            List<DownloadJob> jobs = request.urls().stream()
                    .map(url -> new DownloadJob(url, request.timeout(), trace, request.resumeLatency())).toList();
            return pool.map(jobs, trace);
        }
    }

    /**
     * The parent's half: one URL's task. Not a record: it keeps the task's life, begun when the job
     * is handed over. {@link #sent}, {@link #decode} and {@link #ifWorkerFails} run on the pool's
     * thread for the worker that runs the job, so {@link #life} needs no lock.
     */
    static final class DownloadJob implements Job<DownloadResult> {
        private final URI url;
        private final Duration timeout;
        private final Trace trace;
        private final ResumeLatency resumes;
        private TaskLife life; // null until the job is first handed to a worker
        private boolean lifeEnded;

        DownloadJob(URI url, Duration timeout) {
            this(url, timeout, Trace.off(), ResumeLatency.off());
        }

        DownloadJob(URI url, Duration timeout, Trace trace, ResumeLatency resumes) {
            this.url = url;
            this.timeout = timeout;
            this.trace = trace;
            this.resumes = resumes;
        }

        /** Handed to a worker: the task begins, and waits for its answer. (On a retry it has been waiting since the first hand-over.) */
        @Override
        public void sent() {
            if (life == null) {
                life = trace.life(SpanNames.request(url), resumes);
                life.waitingFor(Waited.SOCKET); // the worker sends the request for it
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(url.toString(), String.valueOf(timeout.toNanos()));
        }

        @Override
        public DownloadResult decode(List<String> values) throws Wire.BadFrameException {
            Values result = Values.of(values).expectAtLeast(1, "a download reply");
            boolean stamped = result.size() == 5 && !result.text(4, "sentAt").equals(NOT_SENT);
            // The parent reads the answer: its task runs again. First thing, it says so.
            life.resumed(stamped ? OptionalLong.of(result.number(4, "sentAt")) : OptionalLong.empty());
            try {
                return outcome(result);
            } finally {
                endLife();
            }
        }

        private DownloadResult outcome(Values result) throws Wire.BadFrameException {
            return switch (result.text(0, "outcome")) {
                case "downloaded" -> {
                    result.expectSize(5, "a \"downloaded\" reply");
                    yield new Downloaded(url, result.integer(1, "status"), result.number(2, "size"), result.text(3, "sha256"));
                }
                case "failed" -> {
                    result.expectSize(5, "a \"failed\" reply");
                    yield new DownloadFailed(url, result.oneOf(Failure.class, 1, "failure"), result.integer(2, "status"),
                            result.text(3, "detail"));
                }
                default -> throw new Wire.BadFrameException("unknown download outcome \"" + Wire.excerpt(result.text(0, "outcome")) + "\"");
            };
        }

        /** A worker that died twice on this URL: this URL's failure, not the whole download's. */
        @Override
        public DownloadResult ifWorkerFails(PoolException failure) {
            endLife(); // if it still waits, its wait ends with no answer
            return DownloadResult.ofError(url, failure);
        }

        /** Once: a reply that decoded, then proved malformed, comes here twice (decode, then ifWorkerFails). */
        private void endLife() {
            if (life != null && !lifeEnded) {
                lifeEnded = true;
                life.ended();
            }
        }

        @Override
        public String label() {
            return SpanNames.request(url);
        }
    }

    /** The {@code SENT_AT} of a reply with no whole answer behind it. */
    private static final String NOT_SENT = "none";

    /**
     * The worker's half: one blocking fetch; the task thread sits in the socket read meanwhile. It
     * does what {@code SocketHttpClient.download} does, but keeps the answer's stamp to forward.
     */
    static List<String> work(List<String> arguments, WorkerResources resources) throws Exception {
        Values task = Values.of(arguments).expectSize(2, "a download task");
        URI url = task.uri(0, "url");
        Duration timeout = Duration.ofNanos(task.number(1, "timeout"));
        resources.warmUpHttpOnce();
        DownloadResult result;
        String sentAt = NOT_SENT;
        try {
            HttpResponse response = resources.http().get(url, timeout);
            sentAt = response.sentAtNanos().isPresent() ? String.valueOf(response.sentAtNanos().getAsLong()) : NOT_SENT;
            result = DownloadResult.ofResponse(url, response.status(), response.body());
        } catch (IOException e) {
            result = DownloadResult.ofError(url, e);
        }
        return switch (result) {
            case Downloaded ok -> List.of("downloaded", String.valueOf(ok.status()), String.valueOf(ok.size()), ok.sha256(), sentAt);
            case DownloadFailed failed -> List.of("failed", failed.failure().name(), String.valueOf(failed.status()), failed.detail(),
                    sentAt);
        };
    }
}
