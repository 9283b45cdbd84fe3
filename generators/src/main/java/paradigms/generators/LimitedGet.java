package paradigms.generators;

import paradigms.common.http.HttpResponse;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Waited;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A GET that first takes a permit of a {@link Semaphore} and gives it back when the exchange
 * is over, however it ends: at most as many of these are in flight as there are permits.
 * What {@code download} and {@code crawl} share. In Python:
 * <pre>
 * yield from permits.acquire()
 * try:
 *     return (yield from client.get(url, timeout))
 * finally:
 *     permits.release()
 * </pre>
 *
 * <p>It tells its task's {@link TaskLife life} as the blocking client does: waiting for the socket
 * from the moment the GET goes out, running again — first thing — in the step the answer, or the
 * failure, is sent into. The wait for a permit is not told (and records no resume latency: only an
 * answer does).
 */
final class LimitedGet extends Coroutine<HttpResponse> {

    private enum State { START, WAITING_FOR_PERMIT, FETCHING, DONE }

    private final CoroutineHttpClient client;
    private final Semaphore permits;
    private final URI url;
    private final Duration timeout;
    private final TaskLife life;
    private State state = State.START;
    private boolean holdingPermit;

    LimitedGet(CoroutineHttpClient client, Semaphore permits, URI url, Duration timeout) {
        this(client, permits, url, timeout, TaskLife.NOTHING);
    }

    /** The same GET, telling {@code life} — its task's — when it waits for its socket and when it runs again. */
    LimitedGet(CoroutineHttpClient client, Semaphore permits, URI url, Duration timeout, TaskLife life) {
        this.client = client;
        this.permits = permits;
        this.url = url;
        this.timeout = timeout;
        this.life = life;
    }

    @Override
    protected Step<HttpResponse> resume(Object sent) {
        switch (state) {
            case START -> {
                state = State.WAITING_FOR_PERMIT;
                return yieldFrom(permits.acquire());
            }
            case WAITING_FOR_PERMIT -> {
                holdingPermit = true;
                state = State.FETCHING;
                life.waitingFor(Waited.SOCKET); // the GET goes out now; the task waits from its first yield
                return yieldFrom(client.get(url, timeout));
            }
            case FETCHING -> {
                HttpResponse response = (HttpResponse) sent;
                life.resumed(response.sentAtNanos()); // the step after the yield: the task runs again
                state = State.DONE;
                return returning(response);
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    /** A failed or cancelled GET: the wait is over all the same (no answer, no stamp); the exception goes on. */
    @Override
    protected Step<HttpResponse> resumeThrowing(Exception thrown) throws Exception {
        if (state == State.FETCHING) { // the state stays: a traceback shows where the exception came in
            life.resumed(OptionalLong.empty());
        }
        throw thrown;
    }

    @Override
    protected void cleanUp() {
        if (holdingPermit) {
            holdingPermit = false;
            permits.release();
        }
    }

    @Override
    public String state() {
        return state.name();
    }

    @Override
    public String name() {
        return "limited GET " + url.getRawPath();
    }
}
