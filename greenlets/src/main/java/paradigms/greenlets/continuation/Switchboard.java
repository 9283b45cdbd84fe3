package paradigms.greenlets.continuation;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Greenlets as Python's {@code greenlet} module has them — functions that switch to one
 * another explicitly — built on the continuation that every virtual thread runs on,
 * {@code jdk.internal.vm.Continuation}.
 *
 * <p>A greenlet is a function that can stop in the middle, by switching to another greenlet,
 * and later go on from exactly there, its local variables and its whole call stack intact. It
 * may switch from any depth of nested calls (unlike a generator, which can only yield from its
 * own frame). There is no scheduler: the code says whom to switch to. The thread that calls
 * {@link #run} plays the part of Python's parent greenlet: when a greenlet's function returns,
 * control comes back to it.
 *
 * <p>Thread confinement: a switchboard and its greenlets belong to the one thread that calls
 * {@link #run}; nothing here is shared, so nothing is synchronised.
 *
 * <p>States of one greenlet:
 * <pre>
 *   NEW       -&gt; RUNNING    run() starts with it, or a greenlet switches to it: its function starts
 *   RUNNING   -&gt; SUSPENDED  it calls switchTo(other): its frames are moved off the thread's stack
 *   SUSPENDED -&gt; RUNNING    a greenlet switches to it: its frames come back, its switchTo returns
 *   RUNNING   -&gt; DEAD       its function returns: run() returns too (greenlets still SUSPENDED stay so)
 * </pre>
 *
 * <p><b>Teaching shortcut.</b> {@code jdk.internal.vm.Continuation} is internal and
 * unsupported: it needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} at compile
 * time and at run time (this module's POM sets both), and it may change in any JDK update. It
 * is here to be looked at. Production code uses virtual threads, which are this plus a
 * scheduler.
 *
 * <p><b>Implementation notes.</b> {@link Continuation#run()} runs a continuation on the
 * calling thread until its body returns or calls {@link Continuation#yield}; yield copies the
 * frames between {@code run} and itself to a heap object and returns from {@code run}; the next
 * {@code run} copies them back and returns from {@code yield}. {@link #switchTo} is a yield
 * that leaves behind the name of the greenlet to run next, and {@link #run}'s loop runs it. A
 * virtual thread does the same when it blocks: it yields, and its scheduler (a
 * {@link java.util.concurrent.ForkJoinPool}) later calls {@code run} again on whichever carrier
 * thread is free.
 */
final class Switchboard {

    private static final ContinuationScope SCOPE = new ContinuationScope("greenlets");

    private final Map<String, Continuation> greenlets = new LinkedHashMap<>();
    /** The greenlet on the thread right now, or null between greenlets. */
    private String running;
    /** Left by switchTo for run()'s loop: who runs next; null when the running greenlet ended. */
    private String next;

    /** Adds a greenlet; its function starts the first time something switches to it. */
    void add(String name, Runnable function) {
        if (greenlets.putIfAbsent(name, new Continuation(SCOPE, function)) != null) {
            throw new IllegalArgumentException("a greenlet named \"" + name + "\" exists already");
        }
    }

    /**
     * Runs greenlets on the calling thread, starting with {@code first} (from its start, or from
     * where it last switched away), until one of them returns from its function; that
     * greenlet's name is returned.
     */
    String run(String first) {
        if (running != null) {
            throw new IllegalStateException("already running greenlet \"" + running + "\"");
        }
        next = resumable(first);
        String ended = null;
        while (next != null) {
            running = next;
            next = null;
            greenlets.get(running).run(); // returns when the greenlet switches away or its function ends
            ended = running;
        }
        running = null;
        return ended;
    }

    /**
     * Called from inside a greenlet: suspends it here and runs {@code target} (from its start,
     * or from where it last switched away). Returns when some greenlet switches back to this one.
     */
    void switchTo(String target) {
        if (running == null) {
            throw new IllegalStateException("switchTo is called from inside a greenlet");
        }
        next = resumable(target);
        Continuation.yield(SCOPE);
    }

    /** True once the greenlet's function has returned. */
    boolean isDead(String name) {
        return known(name).isDone();
    }

    private String resumable(String name) {
        if (known(name).isDone()) {
            throw new IllegalStateException("greenlet \"" + name + "\" is dead: its function has returned");
        }
        return name;
    }

    private Continuation known(String name) {
        Continuation continuation = greenlets.get(name);
        if (continuation == null) {
            throw new IllegalArgumentException("no greenlet named \"" + name + "\"; known: " + greenlets.keySet());
        }
        return continuation;
    }
}
