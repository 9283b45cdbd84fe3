package paradigms.generators;

import paradigms.common.http.HttpResponse;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.time.Duration;

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
 */
final class LimitedGet extends Coroutine<HttpResponse> {

    private enum State { START, WAITING_FOR_PERMIT, FETCHING, DONE }

    private final CoroutineHttpClient client;
    private final Semaphore permits;
    private final URI url;
    private final Duration timeout;
    private State state = State.START;
    private boolean holdingPermit;

    LimitedGet(CoroutineHttpClient client, Semaphore permits, URI url, Duration timeout) {
        this.client = client;
        this.permits = permits;
        this.url = url;
        this.timeout = timeout;
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
                return yieldFrom(client.get(url, timeout));
            }
            case FETCHING -> {
                state = State.DONE;
                return returning((HttpResponse) sent);
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
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
