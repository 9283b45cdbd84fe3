package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code counter}: {@code tasks} tasks each add 1 to one shared counter
 * {@code incrementsPerTask} times, every increment read – suspend – write. The figures are the
 * total (exact, or how many updates were lost) and the wall time the paradigm's way of making
 * it exact costs.
 */
record CounterWorkload(int tasks, int incrementsPerTask, Repeats repeats) implements Workload {

    /**
     * This exercise's case in {@code mode}. Quick mode's 25 increments a task are enough for
     * every task to meet the others at the counter; in multiprocessing each increment is a
     * round trip to the parent, 2,500 of them a run.
     */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK, REFERENCE -> List.of(new CounterWorkload(100, 25, Repeats.measured(mode)));
            case FULL -> List.of(new CounterWorkload(1_000, 100, Repeats.measured(mode)));
        };
    }

    /**
     * One run's own figures.
     *
     * @param total    what the counter held at the end
     * @param expected tasks × increments
     */
    record Figures(int tasks, int incrementsPerTask, long total, long expected) {

        long lost() {
            return expected - total;
        }
    }

    @Override
    public String id() {
        return "counter";
    }

    @Override
    public Exercise exercise() {
        return Exercise.COUNTER;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%,d tasks × %,d increments (read, suspend, write) of one shared counter",
                tasks, incrementsPerTask);
    }

    /** Not traced: some chapters make a span per increment, which would be the cost measured. */
    @Override
    public boolean traced() {
        return false;
    }

    @Override
    public boolean comparesWithBaseline() {
        return false;
    }

    /** None: how long a suspension takes is each paradigm's own (a yield, a hop to an executor, a message). */
    @Override
    public Optional<Duration> ideal() {
        return Optional.empty();
    }

    @Override
    public String unitName() {
        return "increments";
    }

    @Override
    public Prepared<CounterResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        var request = new CounterRequest(tasks, incrementsPerTask);
        CounterExercise counter = paradigm.counter();
        return new Prepared<>() {
            @Override
            public CounterResult run(Trace trace) throws InterruptedException {
                return counter.count(request, trace);
            }

            @Override
            public Outcome check(CounterResult result) {
                var figures = new Figures(tasks, incrementsPerTask, result.total(), request.expectedTotal());
                String problem = null;
                if (result.expected() != request.expectedTotal()) {
                    problem = "it expected " + Format.count(result.expected()) + ", not " + Format.count(request.expectedTotal());
                } else if (figures.lost() != 0) {
                    problem = figures.lost() > 0
                            ? Format.count(figures.lost()) + " of " + Format.count(figures.expected()) + " updates lost"
                            : Format.count(-figures.lost()) + " updates counted twice";
                }
                return Outcome.of((int) Math.max(0, Math.min(Integer.MAX_VALUE, result.total())), problem).with(figures);
            }
        };
    }
}
