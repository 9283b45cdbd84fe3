package paradigms.compare.bench;

import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.WorkerMain;
import paradigms.multiprocessing.pool.WorkerResources;

import java.util.List;

/**
 * The worker JVM of {@link PoolCost}: multiprocessing's worker loop ({@link WorkerMain}) with one
 * task kind, {@value #NOOP}, which does nothing and answers at once — so that what is measured
 * is the pool, the wire and the worker, never an exercise.
 */
public final class PoolWorkerMain {

    static final String NOOP = "noop";

    private PoolWorkerMain() {
    }

    /**
     * A class, not a lambda: in a fresh JVM the first lambda is a class spun at run time, and
     * that would be part of the start-up figure.
     */
    private static final class Noop implements TaskHandler {
        @Override
        public List<String> run(String kind, List<String> arguments, WorkerResources resources) {
            if (!kind.equals(NOOP)) {
                throw new IllegalArgumentException("this worker has no task kind \"" + kind + "\"");
            }
            return List.of();
        }
    }

    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve(new Noop()));
    }
}
