package paradigms.multiprocessing;

import paradigms.multiprocessing.pool.PoolWorker;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.WorkerCommand;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A parent JVM for the tests about the parent's death: it starts a pool of two, prints its
 * workers' pids, and then either exits with the pool still open ({@code exit}) or waits to be
 * killed ({@code wait}).
 *
 * <p>Arguments: {@code deaf|busy exit|wait}. {@code deaf}: the workers never read stdin
 * ({@link DeafWorkerMain}); {@code busy}: real workers, each thinking for a minute.
 */
final class PoolHolder {

    private PoolHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean deaf = args[0].equals("deaf");
        var builder = Workers.pool().size(2);
        if (deaf) {
            builder.command(WorkerCommand.of(DeafWorkerMain.class.getName()));
        }
        ProcessPool pool = builder.start(); // not closed, on purpose: the JVM's end must take care of it
        if (!deaf) {
            for (int i = 0; i < 2; i++) {
                pool.submit(new Exhibition.ThinkJob(i, 0, Duration.ofMinutes(1)), paradigms.common.trace.Trace.off());
            }
            while (pool.workers().stream().anyMatch(w -> w.state() != PoolWorker.State.BUSY)) {
                Thread.onSpinWait();
            }
        }
        System.out.println("pids " + pool.workers().stream()
                .map(w -> String.valueOf(w.child().pid())).collect(Collectors.joining(" ")));
        System.out.flush();
        if (args[1].equals("exit")) {
            System.exit(0);
        }
        Thread.sleep(Duration.ofMinutes(1)); // waiting to be killed: this sleep is the scenario
    }
}
