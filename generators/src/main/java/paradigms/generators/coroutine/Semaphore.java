package paradigms.generators.coroutine;

import java.util.ArrayDeque;

/**
 * A semaphore for coroutines: {@link #acquire()} is a coroutine that suspends while no permit
 * is left; {@link #release()} is a plain call. Fair: permits go to waiters first come, first
 * served — a release hands its permit straight to the oldest waiter rather than back to the
 * pool, so that a newcomer cannot overtake.
 *
 * <p><b>Threads:</b> the loop thread only; the counts need no lock because coroutines switch
 * only at a {@code yield}, and none happens inside these methods.
 *
 * <p><b>Cancellation:</b> a waiter cancelled before its turn leaves the queue; one cancelled
 * after {@code release()} handed it a permit, but before it ran, passes the permit on — a
 * permit is never lost.
 */
public final class Semaphore {

    private final Scheduler scheduler;
    private final String name;
    private int permits;
    private final ArrayDeque<Future<Void>> waiters = new ArrayDeque<>(); // each completed = a permit handed over

    public Semaphore(Scheduler scheduler, String name, int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative, was " + permits);
        }
        this.scheduler = scheduler;
        this.name = name;
        this.permits = permits;
    }

    /** A coroutine that returns once it holds a permit. */
    public Coroutine<Void> acquire() {
        return new Acquire();
    }

    /** Gives a permit back: to the oldest waiter if there is one, else to the pool. */
    public void release() {
        Future<Void> next;
        while ((next = waiters.poll()) != null) {
            if (next.complete(null)) {
                return;
            }
        }
        permits++;
    }

    public int available() {
        return permits;
    }

    public int waiting() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return name;
    }

    private final class Acquire extends Coroutine<Void> {

        private enum State { START, WAITING, ACQUIRED }

        private State state = State.START;
        private Future<Void> turn;

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    if (permits > 0 && waiters.isEmpty()) {
                        permits--;
                        state = State.ACQUIRED;
                        return returning(null);
                    }
                    turn = scheduler.newFuture("turn for " + name);
                    waiters.add(turn);
                    state = State.WAITING;
                    return resultOf(turn);
                }
                case WAITING -> { // release() handed us its permit
                    state = State.ACQUIRED;
                    return returning(null);
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        protected Step<Void> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.WAITING) {
                if (turn.isDone()) {
                    release(); // the permit was already ours: pass it on
                } else {
                    waiters.remove(turn);
                }
            }
            throw thrown;
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return "acquire " + name;
        }
    }
}
