package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Host names resolved without blocking the loop (the reference solution of exercise
 * {@code resolve-off-loop}, callbacks/README.md, Exercises for you, 3) — the labelled shortcut
 * of {@code LoopHttpClient}, done properly, as asyncio sends {@code getaddrinfo} to a thread pool.
 *
 * <p>The contract:
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
 *
 * <p>Teaching shortcut, labelled: an address found is kept for the resolver's life; a real
 * resolver forgets it after the record's time to live.
 */
public final class Resolver {

    /** The blocking lookup of one host name, e.g. {@code InetAddress::getByName}. Runs on the executor. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress lookUp(String host) throws UnknownHostException;
    }

    /** One request waiting for a lookup in flight. */
    private record Waiting(int port, BiConsumer<InetSocketAddress, Throwable> whenResolved) {
    }

    private final EventLoop loop;
    private final Executor executor;
    private final Lookup lookup;

    // Loop thread only: touched by resolve() and by the lookups' answers, which runInExecutor
    // brings back to the loop thread. That is why two plain HashMaps will do.
    private final Map<String, InetAddress> found = new HashMap<>();
    private final Map<String, List<Waiting>> inFlight = new HashMap<>();

    /** A resolver for {@code loop} that runs {@code lookup} on {@code executor}. */
    public Resolver(EventLoop loop, Executor executor, Lookup lookup) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** Resolves {@code host}, then calls {@code whenResolved} on the loop thread with the address or the failure. */
    public void resolve(String host, int port, BiConsumer<InetSocketAddress, Throwable> whenResolved) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(whenResolved, "whenResolved");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0…65535, was " + port);
        }
        InetAddress known = found.get(host);
        if (known != null) {
            loop.callSoon(() -> answer(new Waiting(port, whenResolved), known, null));
            return;
        }
        List<Waiting> waiting = inFlight.get(host);
        if (waiting != null) {
            waiting.add(new Waiting(port, whenResolved)); // the lookup under way answers this one too
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(new Waiting(port, whenResolved));
        inFlight.put(host, waiting);
        try {
            loop.runInExecutor(executor, () -> lookup.lookUp(host), (address, error) -> lookedUp(host, address, error));
        } catch (RuntimeException rejected) { // e.g. an executor that was shut down: no lookup is under way
            inFlight.remove(host);
            throw rejected;
        }
    }

    /** Back on the loop thread with the lookup's answer: remember it if it is one, and tell everyone who waited. */
    private void lookedUp(String host, InetAddress address, Throwable error) {
        if (error == null && address == null) {
            error = new UnknownHostException(host + ": the lookup returned no address");
        }
        if (error == null) {
            found.put(host, address);
        }
        for (Waiting waiting : inFlight.remove(host)) {
            answer(waiting, address, error);
        }
    }

    /** One callback, isolated: a caller's exception must not cost the other callers their answers. */
    private void answer(Waiting waiting, InetAddress address, Throwable error) {
        try {
            if (error == null) {
                waiting.whenResolved().accept(new InetSocketAddress(address, waiting.port()), null);
            } else {
                waiting.whenResolved().accept(null, error);
            }
        } catch (Throwable callbackFailed) {
            loop.report("a whenResolved callback threw", callbackFailed);
        }
    }
}
