package paradigms.compare;

import paradigms.common.Claim;
import paradigms.common.Paradigm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A paradigm found on the class path, as the report shows it.
 *
 * @param column           which column of the comparison table it stands for ("platform threads", …)
 * @param waitingCapacity  how many tasks it declares it can keep waiting at once (its waiters exercise's
 *                         capacity), or null if unknown: what the reference plan reads to leave out a
 *                         million requests that would take half an hour
 */
record ParadigmInfo(String name, List<Claim> claims, String column, Integer waitingCapacity) {

    ParadigmInfo(String name, List<Claim> claims, String column) {
        this(name, claims, column, null);
    }

    /** The course's reading order; paradigms it does not know come after, by name. */
    static final List<String> READING_ORDER = List.of(
            "sequential", "threading", "multiprocessing", "callbacks", "generators", "async-await", "greenlets");

    private static final Map<String, String> COLUMNS = Map.of(
            "sequential", "the baseline",
            "threading", "platform threads",
            "multiprocessing", "processes",
            "callbacks", "event loop: callbacks",
            "generators", "event loop: generators",
            "async-await", "event loop: futures",
            "greenlets", "virtual threads");

    static final Comparator<String> ORDER = Comparator
            .comparingInt((String name) -> READING_ORDER.contains(name) ? READING_ORDER.indexOf(name) : READING_ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    static ParadigmInfo of(Paradigm paradigm) {
        return new ParadigmInfo(paradigm.name(), paradigm.claims().stream().sorted().toList(),
                COLUMNS.getOrDefault(paradigm.name(), paradigm.name()), waitingCapacity(paradigm));
    }

    /** The paradigm's declared waiters capacity; null if asking fails (its waiters case then says why, when it runs). */
    private static Integer waitingCapacity(Paradigm paradigm) {
        try {
            return paradigm.waiters().capacity().maxTasks();
        } catch (RuntimeException undeclared) {
            return null;
        }
    }

    boolean claims(Claim claim) {
        return claims.contains(claim);
    }
}
