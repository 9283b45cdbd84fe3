package paradigms.generators.coroutine;

import java.time.Duration;

/**
 * {@code sleep(d)} as a coroutine: one {@code yield}. The smallest state machine there is, and
 * the shape of every other one.
 */
public final class Sleep extends Coroutine<Void> {

    private enum State { START, SLEEPING, DONE }

    private final Duration duration;
    private State state = State.START;

    public Sleep(Duration duration) {
        this.duration = duration;
    }

    @Override
    protected Step<Void> resume(Object sent) {
        switch (state) {
            case START -> {
                state = State.SLEEPING;
                return sleep(duration);
            }
            case SLEEPING -> {
                state = State.DONE;
                return returning(null);
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    @Override
    public String state() {
        return state.name();
    }

    @Override
    public String name() {
        return "sleep " + Describe.duration(duration);
    }
}
