package paradigms.generators.coroutine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Small coroutines the lesson tests build scenarios from. Each is a state machine of two or three states. */
final class TestCoroutines {

    private TestCoroutines() {
    }

    /** {@code try: yield Delay(d); log(name + " woke") finally: log(name + " cleaned up")}. */
    static final class Sleeper extends Coroutine<String> {
        private final String name;
        private final Duration duration;
        private final List<String> log;
        private String state = "START";

        Sleeper(String name, Duration duration, List<String> log) {
            this.name = name;
            this.duration = duration;
            this.log = log;
        }

        @Override
        protected Step<String> resume(Object sent) {
            if (state.equals("START")) {
                state = "SLEEPING";
                return sleep(duration);
            }
            state = "AWAKE";
            log.add(name + " woke");
            return returning(name);
        }

        @Override
        protected void cleanUp() {
            log.add(name + " cleaned up");
        }

        @Override
        public String state() {
            return state;
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** {@code return (yield from future)}. */
    static final class Awaiting<T> extends Coroutine<T> {
        private final String name;
        private final Future<T> future;
        private String state = "START";

        Awaiting(String name, Future<T> future) {
            this.name = name;
            this.future = future;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Step<T> resume(Object sent) {
            if (state.equals("START")) {
                state = "WAITING";
                return resultOf(future);
            }
            state = "DONE";
            return returning((T) sent);
        }

        @Override
        public String state() {
            return state;
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** Runs {@code action} on the loop thread (inside a coroutine), then returns. */
    static final class Doing extends Coroutine<Void> {
        private final String name;
        private final Consumer<String> action;

        Doing(String name, Consumer<String> action) {
            this.name = name;
            this.action = action;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            action.accept(name);
            return returning(null);
        }

        @Override
        public String state() {
            return "START";
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** Passes {@code turns} times, logging each turn: {@code for i in range(turns): log(name + i); yield Pass()}. */
    static final class Passer extends Coroutine<Void> {
        private final String name;
        private final int turns;
        private final List<String> log;
        private int turn;

        Passer(String name, int turns, List<String> log) {
            this.name = name;
            this.turns = turns;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (turn == turns) {
                return returning(null);
            }
            log.add(name + turn++);
            return pass();
        }

        @Override
        public String state() {
            return "TURN " + turn;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
