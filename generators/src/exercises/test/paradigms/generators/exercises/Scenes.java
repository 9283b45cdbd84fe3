package paradigms.generators.exercises;

import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Step;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Small hand-written coroutines the generators acceptance tests build their scenes from. */
final class Scenes {

    private Scenes() {
    }

    /** How a coroutine ended: its value, or what it threw. */
    record Outcome(Object value, Exception thrown) {
    }

    /** {@code try: return Outcome(yield from inner) except e: return Outcome(e)}. */
    static class Catching extends Coroutine<Outcome> {
        private final Coroutine<?> inner;
        private boolean started;

        Catching(Coroutine<?> inner) {
            this.inner = inner;
        }

        @Override
        protected Step<Outcome> resume(Object sent) {
            if (!started) {
                started = true;
                return yieldFrom(inner);
            }
            return returning(new Outcome(sent, null));
        }

        @Override
        protected Step<Outcome> resumeThrowing(Exception thrown) {
            return returning(new Outcome(null, thrown));
        }

        @Override
        public String state() {
            return started ? "WAITING" : "START";
        }
    }

    /** {@code try: log(action.get()); yield Delay(d); log(name + " woke"); return name finally: log(name + " cleaned up")}. */
    static final class Sleeper extends Coroutine<String> {
        private final String name;
        private final Duration duration;
        private final List<String> log;
        private final Runnable first;
        private boolean slept;

        Sleeper(String name, Duration duration, List<String> log) {
            this(name, duration, log, () -> { });
        }

        Sleeper(String name, Duration duration, List<String> log, Runnable first) {
            this.name = name;
            this.duration = duration;
            this.log = log;
            this.first = first;
        }

        @Override
        protected Step<String> resume(Object sent) {
            if (!slept) {
                slept = true;
                first.run();
                return sleep(duration);
            }
            log.add(name + " woke");
            return returning(name);
        }

        @Override
        protected void cleanUp() {
            log.add(name + " cleaned up");
        }

        @Override
        public String state() {
            return slept ? "SLEEPING" : "START";
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** {@code yield Delay(d); raise failure()}. */
    static final class FailingAfter extends Coroutine<String> {
        private final Duration delay;
        private final Supplier<RuntimeException> failure;
        private boolean slept;

        FailingAfter(Duration delay, Supplier<RuntimeException> failure) {
            this.delay = delay;
            this.failure = failure;
        }

        @Override
        protected Step<String> resume(Object sent) {
            if (!slept) {
                slept = true;
                return sleep(delay);
            }
            throw failure.get();
        }

        @Override
        public String state() {
            return slept ? "SLEEPING" : "START";
        }
    }

    /**
     * How many done-callbacks wait on {@code future}. The future offers no public count, so the
     * test looks inside: a callback left behind by a finished coroutine is a leak nobody sees.
     */
    static int doneCallbacksOn(Future<?> future) throws ReflectiveOperationException {
        Field first = Future.class.getDeclaredField("firstCallback");
        Field more = Future.class.getDeclaredField("moreCallbacks");
        first.setAccessible(true);
        more.setAccessible(true);
        List<?> others = (List<?>) more.get(future);
        return (first.get(future) == null ? 0 : 1) + (others == null ? 0 : others.size());
    }
}
