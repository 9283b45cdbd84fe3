package paradigms.multiprocessing;

import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;
import paradigms.multiprocessing.pool.WorkerResources;

import java.util.List;

/**
 * This chapter's worker JVMs: their main, the task kinds they know, and pools of them. The
 * {@code pool} package knows nothing of the exercises; this class joins the two.
 */
final class Workers {

    private Workers() {
    }

    /**
     * Every task kind this worker knows, each handed to the worker-side half of its exercise.
     *
     * <p>Why a class with a {@code switch}, and no lambda anywhere on the way to "ready": a
     * worker is a fresh JVM every time, and in a fresh JVM the first lambdas are expensive —
     * each is a class spun at run time. A table of five method references took 30 ms or more
     * when timed inside a fresh worker here; end to end, a pool of one was ready about 10 ms
     * sooner without it.
     */
    static final TaskHandler KNOWN_TASKS = new KnownTasks();

    private static final class KnownTasks implements TaskHandler {
        @Override
        public List<String> run(String kind, List<String> arguments, WorkerResources resources) throws Exception {
            return switch (kind) {
                case Squares.KIND -> Squares.work(arguments);
                case Download.KIND -> Download.work(arguments, resources);
                case Crawl.KIND -> Crawl.work(arguments, resources);
                case Exhibition.KIND -> Exhibition.work(arguments);
                case Blocking.KIND -> Blocking.work(arguments, resources);
                case Waiters.KIND -> Waiters.work(arguments);
                case Counter.KIND -> Counter.work(arguments, resources);
                case Pipeline.KIND -> Pipeline.work(arguments, resources);
                case Resume.SLEEP_UNTIL -> Resume.sleepUntil(arguments);
                case Resume.COMPUTE -> Resume.compute(arguments);
                default -> throw new IllegalArgumentException("this worker has no task kind \"" + kind + "\"");
            };
        }
    }

    /** The worker's main: serves this chapter's task kinds until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve(KNOWN_TASKS));
    }

    /** How to start one of these workers (computing flags; {@code forWaiting()} swaps them). */
    static WorkerCommand command() {
        return WorkerCommand.of(Workers.class.getName());
    }

    /** A pool of these workers, to be configured further. */
    static ProcessPool.Builder pool() {
        return ProcessPool.builder().command(command());
    }

    /** A pool of {@code size} of these workers, with the default settings. */
    static ProcessPool start(int size) {
        return pool().size(size).start();
    }
}
