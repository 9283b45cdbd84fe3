package paradigms.callbacks.loop;

import paradigms.callbacks.loop.EventLoop;

import java.util.ArrayDeque;

/**
 * A semaphore for callbacks: "at most C at once" without blocking anybody.
 *
 * <p>A blocking semaphore parks the thread that asks for a permit; on an event loop that
 * would park the whole loop. Here, asking leaves a callback behind instead: it runs when a
 * permit is free — on a later tick if one is free now (never inside {@link #acquire} itself,
 * so the code after {@code acquire} always runs first), or inside the {@link #release()} that
 * frees one. Waiters are served first come, first served.
 *
 * <p>Loop thread only, like everything the loop owns: no lock needed.
 */
public final class Permits {

    private final EventLoop loop;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int available;

    public Permits(EventLoop loop, int permits) {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive, was " + permits);
        }
        this.loop = loop;
        this.available = permits;
    }

    /** Runs {@code whenGranted} on the loop once a permit is taken for it; it must {@link #release()} later. */
    public void acquire(Runnable whenGranted) {
        if (available > 0) {
            available--;
            loop.callSoon(whenGranted);
        } else {
            waiting.add(whenGranted);
        }
    }

    /**
     * Gives a permit back: to the longest waiter if there is one, which then runs at once,
     * inside this call. (Call it last in a callback. Running the waiter now rather than on the
     * next tick saves a trip through the ready queue per request.)
     */
    public void release() {
        Runnable next = waiting.poll();
        if (next != null) {
            next.run(); // the permit passes straight to it
        } else {
            available++;
        }
    }

    /**
     * Forgets every callback waiting for a permit: they will never run. For cancelling —
     * but a callback already <em>granted</em> a permit sits in the loop's ready queue, out of
     * reach of this method; it must check for itself whether its work is still wanted.
     *
     * @return how many waiters were dropped
     */
    public int cancelWaiting() {
        int dropped = waiting.size();
        waiting.clear();
        return dropped;
    }
}
