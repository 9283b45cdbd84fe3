package paradigms.generators.exercises;

import paradigms.common.http.HttpResponse;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A coroutine that follows redirects by yielding from {@code client.get} again — a loop
 * written as a state machine (the reference solution of exercise {@code follow-redirects},
 * generators/README.md, Exercises for you, 3).
 *
 * <p>The contract:
 * <ul>
 *   <li>{@code yieldFrom(new FollowRedirects(client, url, timeout, maxRedirects))} GETs
 *       {@code url} with {@code client.get(url, timeout)} (each GET has its own time limit).
 *       A response with status 301, 302, 303, 307 or 308 <em>and</em> a {@code Location} is a
 *       redirect: the location is resolved against the URL that answered (it may be relative),
 *       and that URL is fetched next. Any other response — a 3xx without {@code Location}
 *       included — is returned as it is.</li>
 *   <li>At most {@code maxRedirects} redirects are followed; a redirect beyond them throws a
 *       {@link ProtocolException} whose message says "too many redirects" and the limit.
 *       So a redirect loop ends after {@code maxRedirects + 1} requests.</li>
 *   <li>A failure of a GET (an {@link java.io.IOException}, a
 *       {@link java.util.concurrent.TimeoutException}) comes out as it is.</li>
 *   <li>A null argument or a negative {@code maxRedirects} is refused by the constructor,
 *       naming it.</li>
 * </ul>
 *
 * <p>In Python this is a {@code for hop in range(max + 1):} around {@code yield from get(url)}.
 * Here the loop counter {@code redirects} and the loop variable {@code current} live across
 * the {@code yield}, so they are fields; and the loop is a state that leads back to itself: each
 * resumption in FETCHING either returns, throws, or yields the next GET and stays in FETCHING.
 * A failure needs no code at all: it is thrown in at the {@code yield}, and with no
 * {@code resumeThrowing} of ours it goes on to the caller.
 */
public final class FollowRedirects extends Coroutine<HttpResponse> {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private enum State { START, FETCHING, DONE }

    private final CoroutineHttpClient client;
    private final Duration timeout;
    private final int maxRedirects;
    private State state = State.START;
    private URI current;    // the URL of the GET in progress: what a relative Location is resolved against
    private int redirects;  // followed so far

    public FollowRedirects(CoroutineHttpClient client, URI url, Duration timeout, int maxRedirects) {
        this.client = Objects.requireNonNull(client, "client");
        this.current = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be zero or more, was " + maxRedirects);
        }
        this.maxRedirects = maxRedirects;
    }

    @Override
    protected Step<HttpResponse> resume(Object sent) throws ProtocolException {
        switch (state) {
            case START -> {
                state = State.FETCHING;
                return yieldFrom(client.get(current, timeout));
            }
            case FETCHING -> {
                HttpResponse response = (HttpResponse) sent;
                if (!REDIRECTS.contains(response.status()) || response.location() == null) {
                    state = State.DONE;
                    return returning(response);
                }
                if (redirects == maxRedirects) {
                    state = State.DONE;
                    throw new ProtocolException("too many redirects: " + current + " redirects again after "
                            + maxRedirects + " (the limit)");
                }
                redirects++;
                current = current.resolve(response.location());
                return yieldFrom(client.get(current, timeout)); // the loop: back to FETCHING
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    @Override
    public String state() {
        return state == State.FETCHING ? "FETCHING after " + redirects + " redirects" : state.name();
    }

    @Override
    public String name() {
        return "follow " + current;
    }
}
