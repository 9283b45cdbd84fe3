package paradigms.common.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The platform threads and child processes alive in this JVM at one moment, to tell what a call
 * left behind: taken before the call, compared after it. The deadline contract asserts with it
 * that nothing is left; the main job reports what is.
 *
 * <p>What the JDK shares across the whole process (the common {@code ForkJoinPool}, the
 * virtual-thread scheduler's carriers and I/O pollers, the process reaper, the cleaner) and the
 * test tools' own threads (JUnit, Surefire, Awaitility, Testcontainers) are not the paradigm's to
 * close, so they are left out. An HttpClient's {@code SelectorManager}, an executor's
 * {@code pool-N-thread-M}, a worker JVM: those are the paradigm's, and must be gone.
 *
 * <p>Virtual threads are not seen: {@link Thread#getAllStackTraces()} lists platform threads
 * only. A chapter that runs on virtual threads checks its own (see greenlets' tests).
 *
 * @param threads   "NAME#ID" of each platform thread alive, shared ones left out
 * @param processes the pid of each descendant process alive
 */
public record Leftovers(Set<String> threads, Set<Long> processes) {

    /** How long {@link #awaitGone} usually waits: a thread told to end may take a moment to do so. */
    public static final Duration LIMIT = Duration.ofSeconds(2);

    public Leftovers {
        threads = Set.copyOf(threads);
        processes = Set.copyOf(processes);
    }

    /** What is alive now. */
    public static Leftovers now() {
        Set<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !isShared(t.getName()))
                .map(t -> t.getName() + "#" + t.threadId())
                .collect(Collectors.toSet());
        Set<Long> processes = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        return new Leftovers(threads, processes);
    }

    private static boolean isShared(String name) {
        return isTheJdks(name) || isATestTools(name);
    }

    private static boolean isTheJdks(String name) {
        return name.startsWith("ForkJoinPool") || name.equals("process reaper") || name.equals("MasterPoller")
                || name.startsWith("VirtualThread-") || name.endsWith("-Poller") || name.startsWith("Attach Listener")
                || name.startsWith("JFR") || name.equals("Common-Cleaner") || name.startsWith("Notification Thread");
    }

    private static boolean isATestTools(String name) {
        return name.startsWith("junit-") || name.startsWith("surefire-") || name.startsWith("awaitility")
                || name.startsWith("testcontainers") || name.startsWith("ducttape");
    }

    /** What is alive now and was not at {@code before}, sorted: "thread NAME#ID", "process PID". */
    public List<String> newSince(Leftovers before) {
        List<String> left = new ArrayList<>();
        threads.stream().filter(t -> !before.threads.contains(t)).sorted().forEach(t -> left.add("thread " + t));
        processes.stream().filter(p -> !before.processes.contains(p)).sorted().forEach(p -> left.add("process " + p));
        return left;
    }

    /** Waits up to {@code limit} until nothing new since {@code before} is alive; returns what still is. */
    public static List<String> awaitGone(Leftovers before, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        List<String> left = now().newSince(before);
        while (!left.isEmpty() && System.nanoTime() < end) {
            LockSupport.parkNanos(1_000_000); // polling: a thread's end is not an event we can wait on here
            left = now().newSince(before);
        }
        return left;
    }
}
