package paradigms.common.contract;

import paradigms.common.squares.SumOfSquares;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * How many cores the code under test kept busy at once, at best: the CPU time of this
 * process's threads and of every process it started, sampled every few milliseconds, and the
 * highest ratio of CPU time to wall time over any stretch of a given length.
 *
 * <p><b>Why stretches and not the whole run.</b> On an idle two-core machine, work on two
 * cores uses about twice its wall time in CPU time. On a machine that other builds keep busy,
 * the kernel shares the cores among them, and over a whole run a parallel program may get one
 * core's worth or less. But it still gets both cores at once now and then, for a while — and
 * a program that takes turns on one core never does: in no stretch can one running thread use
 * more CPU time than the stretch is long. So the best stretch tells the two apart on a busy
 * machine too.
 *
 * <p><b>What is counted.</b> In this JVM, the threads the management bean knows — the
 * application's, not the JIT compilers' or the collector's, and not the sampler's own; in a
 * child process (a pool's workers), each thread's time on a CPU from
 * {@code /proc/<pid>/task/<tid>/schedstat}, in nanoseconds, leaving out the JVM's own threads by
 * name. Left out because a cold child JVM compiles on other threads while its one worker thread
 * computes: that would look parallel and is not the paradigm's doing. A thread that ends
 * drops out of the sum, so a stretch can only come out lower, never higher, than what ran.
 * Linux only: elsewhere the children count for nothing.
 *
 * <p>Threads: {@code cores-in-use} samples from {@link #watch} to {@link #close}; the samples
 * are read after {@code close} has joined it.
 */
final class CoresInUse implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SAMPLE_EVERY_NANOS = 10_000_000;
    /** Threads a JVM runs for itself (their names as {@code /proc} shows them, cut to 15 characters). */
    private static final List<String> JVM_OWN_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre", "GC Thread", "G1 ",
            "VM Thread", "VM Periodic", "Signal Dispatch", "Service Thread", "Monitor Deflati", "Reference Handl",
            "Finalizer", "Notification Th", "Common-Cleaner", "Attach Listener", "process reaper");

    private final Thread sampler;
    private final List<long[]> samples = new ArrayList<>(); // {wall before, wall after, CPU}; sampler thread only, until joined
    private final Set<Path> jvmOwn = new HashSet<>();        // children's threads found to be the JVM's own; sampler thread only
    private volatile boolean stop;                          // written by the caller, read by the sampler

    private CoresInUse() {
        sampler = Thread.ofPlatform().name("cores-in-use").daemon().unstarted(this::sample);
    }

    /** Starts sampling; close to stop. */
    static CoresInUse watch() {
        var watching = new CoresInUse();
        watching.sampler.start();
        return watching;
    }

    private void sample() {
        long me = Thread.currentThread().threadId();
        long next = System.nanoTime();
        while (!stop) {
            long before = System.nanoTime();
            long cpu = cpuNow(me);
            samples.add(new long[] {before, System.nanoTime(), cpu});
            next += SAMPLE_EVERY_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the samples, not waiting for an event
            }
        }
    }

    /** CPU time so far of the threads that count, in this process and its descendants. */
    private long cpuNow(long sampler) {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            if (id != sampler) {
                sum += Math.max(0, THREADS.getThreadCpuTime(id)); // -1 for a thread that has just ended
            }
        }
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            sum += workThreadsCpu(child.pid());
        }
        return sum;
    }

    private long workThreadsCpu(long pid) {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                if (jvmOwn.contains(task)) {
                    continue; // a JVM thread keeps its name: read it once (a new thread's name is read until it is one)
                }
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (JVM_OWN_THREADS.stream().anyMatch(name::startsWith)) {
                        jvmOwn.add(task);
                    } else {
                        sum += Long.parseLong(Files.readString(task.resolve("schedstat")).strip().split("\\s+")[0]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile: it drops out of the sum
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile, or this is not Linux
        }
        return sum;
    }

    /**
     * The highest CPU time over wall time in any stretch at least {@code stretch} long between
     * two samples; 0 if the run was shorter than that.
     *
     * <p>A sample reads one thread after another, and the sampler may lose its core halfway
     * through; so each stretch is measured from the first read of its first sample to the last
     * read of its last one — the longest it can have been. Every thread's CPU time between its
     * two reads fits in that, so one thread alone can never show more than one core.
     */
    double most(Duration stretch) {
        long length = stretch.toNanos();
        double best = 0;
        int end = 0;
        for (int start = 0; start < samples.size(); start++) {
            end = Math.max(end, start + 1);
            while (end < samples.size() && samples.get(end)[1] - samples.get(start)[0] < length) {
                end++;
            }
            if (end == samples.size()) {
                break;
            }
            long[] from = samples.get(start);
            long[] to = samples.get(end);
            best = Math.max(best, (double) (to[2] - from[2]) / (to[1] - from[0]));
        }
        return best;
    }

    /**
     * What this machine lets a program show right now: the best stretch of two threads of this
     * JVM kept busy for {@code busy}. Two threads surely able to run at once show close to two on
     * an idle machine; when other work takes the cores, less — and then no program can show
     * more, so a check that needs two cores at once can only wait or give up.
     */
    static double twoBusyThreads(Duration busy, Duration stretch) throws InterruptedException {
        long until = System.nanoTime() + busy.toNanos();
        Runnable spin = () -> {
            long sink = 0;
            while (System.nanoTime() < until) {
                sink += SumOfSquares.range(0, 20_000).longValue(); // the exercise's own arithmetic, in small pieces
            }
            if (sink == 42) {
                System.out.print(""); // keeps the result alive, so that the JIT cannot drop the work
            }
        };
        CoresInUse cores;
        try (var watching = watch()) {
            cores = watching;
            Thread first = Thread.ofPlatform().name("busy-1").start(spin);
            Thread second = Thread.ofPlatform().name("busy-2").start(spin);
            first.join();
            second.join();
        }
        return cores.most(stretch);
    }

    int samples() {
        return samples.size();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        sampler.join(TestTimeouts.LONG.toMillis());
    }
}
