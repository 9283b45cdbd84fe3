package paradigms.generators.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.http.HttpResponse;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * Exercise {@code follow-redirects} (generators/README.md, Exercises for you, 3): a coroutine
 * that follows redirects by yielding from {@code client.get} again — a loop written as a state
 * machine.
 *
 * <p>The contract (the acceptance test {@code FollowRedirectsTest} checks it):
 * <ul>
 *   <li>{@code yieldFrom(new FollowRedirects(client, url, timeout, maxRedirects))} GETs
 *       {@code url} with {@code client.get(url, timeout)} (each GET has its own time limit).
 *       A response with status 301, 302, 303, 307 or 308 <em>and</em> a {@code Location} is a
 *       redirect: the location is resolved against the URL that answered (it may be relative),
 *       and that URL is fetched next. Any other response — a 3xx without {@code Location}
 *       included — is returned as it is.</li>
 *   <li>At most {@code maxRedirects} redirects are followed; a redirect beyond them throws a
 *       {@link java.net.ProtocolException} whose message says "too many redirects" and the limit.
 *       So a redirect loop ends after {@code maxRedirects + 1} requests.</li>
 *   <li>A failure of a GET (an {@link java.io.IOException}, a
 *       {@link java.util.concurrent.TimeoutException}) comes out as it is.</li>
 *   <li>A null argument or a negative {@code maxRedirects} is refused by the constructor,
 *       naming it.</li>
 * </ul>
 */
public final class FollowRedirects extends Coroutine<HttpResponse> {

    public FollowRedirects(CoroutineHttpClient client, URI url, Duration timeout, int maxRedirects) {
        throw notDone();
    }

    @Override
    protected Step<HttpResponse> resume(Object sent) {
        throw notDone();
    }

    @Override
    public String state() {
        return "NOT DONE YET";
    }

    private static NotDoneYet notDone() {
        return new NotDoneYet("exercise follow-redirects is not done yet: write FollowRedirects in"
                + " generators/src/exercises/java/paradigms/generators/exercises/FollowRedirects.java"
                + " — see generators/README.md, Exercises for you, 3");
    }
}
