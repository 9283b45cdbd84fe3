package paradigms.compare.bench;

import paradigms.common.ClassPath;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.WorkerCommand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * {@code --bench pool}: what multiprocessing's process pool costs on its own, with workers that
 * do nothing ({@link PoolWorkerMain}).
 *
 * <ol>
 *   <li><b>Round trip</b>: an empty job to a warm worker and back, one after another on a pool of
 *       one — the task frame out, the {@code done} frame back, the pool's bookkeeping: the least any
 *       job costs. The median over the measured runs of the mean per job, and the 90th percentile
 *       of every single job.</li>
 *   <li><b>Start-up</b>: from {@code start()} to the last worker's "ready" ({@link ProcessPool#startupTime()}),
 *       for pools of one and two, with the chapter's flags for computing and for waiting workers,
 *       the JVM's defaults, and the defaults without class data sharing ({@code -Xshare:off}): what
 *       each flag buys a worker that has to start.</li>
 * </ol>
 */
final class PoolCost implements Benchmark {

    private static final int JOBS_PER_RUN = 1_000;

    /** The worker flags compared; the names are the keys' parts. */
    private static final List<Variant> VARIANTS = List.of(
            new Variant("computing", WorkerCommand.COMPUTING_FLAGS),
            new Variant("waiting", WorkerCommand.WAITING_FLAGS),
            new Variant("defaults", List.of()),
            new Variant("noShare", List.of("-Xshare:off")));

    private record Variant(String name, List<String> flags) {
    }

    /**
     * @param variant         which worker flags
     * @param flags           the flags, as given to the worker JVM
     * @param oneWorkerMillis median start-up of a pool of one
     * @param twoWorkersMillis median start-up of a pool of two (started at once)
     */
    record Startup(String variant, String flags, double oneWorkerMillis, double twoWorkersMillis) {
    }

    /**
     * @param roundTripMicros    median over the runs of the mean round trip of an empty job
     * @param roundTripP90Micros the 90th percentile of every measured job's round trip
     */
    record Figures(int jobsPerRun, double roundTripMicros, double roundTripP90Micros, List<Startup> startup) {
    }

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String description() {
        return "multiprocessing's process pool alone: an empty job's round trip, and a pool's start-up with each worker flag set";
    }

    @Override
    public Figures run(Context context) throws Exception {
        List<Double> every = new ArrayList<>();
        double roundTrip;
        try (ProcessPool pool = pool(WorkerCommand.COMPUTING_FLAGS, 1)) {
            roundTrip = Policy.median(context.policy().run(() -> {
                long[] nanos = roundTrips(pool);
                for (long n : nanos) {
                    every.add(n / 1e3);
                }
                return Arrays.stream(nanos).average().orElseThrow() / 1e3;
            }));
        }
        // The warm-ups' jobs are in "every" too: keep only the measured runs' (the last ones).
        List<Double> measured = every.subList(every.size() - context.policy().repeats() * JOBS_PER_RUN, every.size());
        double p90 = measured.stream().mapToDouble(Double::doubleValue).sorted().toArray()[(int) Math.floor(0.9 * (measured.size() - 1))];
        List<Startup> startups = new ArrayList<>();
        for (Variant v : VARIANTS) {
            double one = Policy.median(context.policy().run(() -> startupMillis(v.flags(), 1)));
            double two = Policy.median(context.policy().run(() -> startupMillis(v.flags(), 2)));
            startups.add(new Startup(v.name(), String.join(" ", v.flags()), one, two));
        }
        context.out().printf(Locale.ROOT, "  empty job, warm worker: %.1f µs a round trip (median of means), p90 %.1f µs%n", roundTrip, p90);
        for (Startup s : startups) {
            context.out().printf(Locale.ROOT, "  start-up, %-9s %7.1f ms for one worker, %7.1f ms for two  (%s)%n",
                    s.variant() + ":", s.oneWorkerMillis(), s.twoWorkersMillis(), s.flags().isEmpty() ? "no flags" : s.flags());
        }
        return new Figures(JOBS_PER_RUN, roundTrip, p90, startups);
    }

    private static ProcessPool pool(List<String> flags, int size) {
        var command = new WorkerCommand(ClassPath.javaLauncher(), ClassPath.current(), flags, PoolWorkerMain.class.getName());
        return ProcessPool.builder().command(command).size(size).start();
    }

    private static double startupMillis(List<String> flags, int size) {
        try (ProcessPool pool = pool(flags, size)) {
            return pool.startupTime().toNanos() / 1e6;
        }
    }

    /** {@link #JOBS_PER_RUN} empty jobs, one after another; each one's round trip in ns. */
    private static long[] roundTrips(ProcessPool pool) throws InterruptedException, ExecutionException {
        long[] nanos = new long[JOBS_PER_RUN];
        for (int i = 0; i < JOBS_PER_RUN; i++) {
            long begin = System.nanoTime();
            pool.submit(new Empty(), Trace.off()).get();
            nanos[i] = System.nanoTime() - begin;
        }
        return nanos;
    }

    /** The job: nothing out, nothing back. */
    private record Empty() implements Job<Integer> {
        @Override
        public String kind() {
            return PoolWorkerMain.NOOP;
        }

        @Override
        public List<String> arguments() {
            return List.of();
        }

        @Override
        public Integer decode(List<String> values) {
            return values.size();
        }

        @Override
        public String label() {
            return "empty job";
        }
    }
}
