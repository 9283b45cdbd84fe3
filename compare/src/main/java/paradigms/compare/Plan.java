package paradigms.compare;

import paradigms.common.Exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every case a mode runs, with its inputs and repeats, gathered from each exercise's workload
 * class (where its sizes live, see {@link Workloads}).
 *
 * <p>Quick mode is sized so that the sequential baseline plus six paradigms fit in about two
 * minutes on 2 cores, PostgreSQL's start and the child JVMs included; the slowest parts are the baseline itself
 * (its download alone is N × latency), 10,000 platform threads in {@code waiters}, and
 * multiprocessing's worker JVMs, started once per child JVM (its start-up). Full mode repeats more,
 * uses larger inputs, and adds the course's headlines: 1,000,000 requests with at most 1,000 in flight, and up to 1,000,000 waiting tasks.
 *
 * <p>The order is the order of the cases in every child JVM and in every table: the exercise
 * list's order, except that the cases that need a child JVM of their own ({@link Workload#ownJvm()},
 * i.e. {@code waiters}) come last.
 *
 * @param childMaxHeap the {@code -Xmx} of every child JVM: the same for all, since heap figures
 *                     depend on it. The full mode's 8 GB is also what a million waiting tasks
 *                     need with room to spare (a million virtual threads: about 1.1 GB live,
 *                     the garbage of starting them on top).
 */
record Plan(Mode mode, Duration latency, List<Workload> workloads, String childMaxHeap) {

    static Plan of(Mode mode, Duration latency) {
        List<Workload> workloads = new ArrayList<>();
        for (Exercise exercise : Exercise.values()) {
            workloads.addAll(Workloads.of(exercise, mode, latency));
        }
        workloads.sort(Comparator.comparing(Workload::ownJvm)); // stable: the list's order otherwise
        String childMaxHeap = switch (mode) {
            case QUICK -> "1g";
            case FULL, REFERENCE -> "8g";
        };
        return new Plan(mode, latency, List.copyOf(workloads), childMaxHeap);
    }

    /** The workloads of the chosen exercises, in plan order. */
    List<Workload> forExercises(Set<Exercise> exercises) {
        return workloads.stream().filter(w -> exercises.contains(w.exercise())).toList();
    }

    Workload byId(String id) {
        return workloads.stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no case \"" + id + "\" in the " + mode.cliName() + " plan"));
    }

    /** The crawl workload, whose site the web server serves. */
    CrawlWorkload crawl() {
        return (CrawlWorkload) byId("crawl");
    }
}
