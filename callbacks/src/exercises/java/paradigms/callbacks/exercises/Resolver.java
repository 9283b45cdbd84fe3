package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.exercises.NotDoneYet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Exercise {@code resolve-off-loop} (callbacks/README.md, Exercises for you, 3): host names
 * resolved without blocking the loop — the labelled shortcut of {@code LoopHttpClient}, done
 * properly (asyncio sends {@code getaddrinfo} to a thread pool the same way).
 *
 * <p>The contract (the acceptance test {@code ResolverTest} checks it):
 * <ul>
 *   <li>{@link #resolve} never blocks and never calls {@code whenResolved} itself: the
 *       {@link Lookup} runs on {@code executor} (with {@code loop.runInExecutor}), never on the
 *       loop thread, and {@code whenResolved} runs later, on the loop thread, exactly once —
 *       with the address and the asked port, or with the lookup's exception (never both).</li>
 *   <li>One lookup per host: requests for a host whose lookup is in flight wait for that same
 *       lookup; a host found once is answered from memory (still on a later tick, with
 *       {@code callSoon}: a callback that is sometimes called at once and sometimes later is a
 *       trap for its caller). A failed lookup is not remembered: the next request tries again.</li>
 *   <li>A {@code whenResolved} that throws goes to the loop's error handler
 *       ({@link EventLoop#report}); the other requests waiting for that lookup still get their answers.</li>
 *   <li>Bad input is refused at once: a null argument ({@link NullPointerException} naming it),
 *       a port outside 0…65535 ({@link IllegalArgumentException} naming {@code port}).</li>
 *   <li>Loop thread only (or before {@code run()}); its state needs no lock for that reason.</li>
 * </ul>
 */
public final class Resolver {

    /** The blocking lookup of one host name, e.g. {@code InetAddress::getByName}. Runs on the executor. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress lookUp(String host) throws UnknownHostException;
    }

    /** A resolver for {@code loop} that runs {@code lookup} on {@code executor}. */
    public Resolver(EventLoop loop, Executor executor, Lookup lookup) {
        throw notDone("the constructor");
    }

    /** Resolves {@code host}, then calls {@code whenResolved} on the loop thread with the address or the failure. */
    public void resolve(String host, int port, BiConsumer<InetSocketAddress, Throwable> whenResolved) {
        throw notDone("resolve");
    }

    private static NotDoneYet notDone(String what) {
        return new NotDoneYet("exercise resolve-off-loop is not done yet: implement " + what + " of Resolver in"
                + " callbacks/src/exercises/java/paradigms/callbacks/exercises/Resolver.java"
                + " — see callbacks/README.md, Exercises for you, 3");
    }
}
