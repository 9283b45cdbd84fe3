package paradigms.compare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import paradigms.common.Exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every exercise of common's list is measured by exactly one workload class, whose cases say
 * they measure that exercise; every case id in a plan is unique (it names the case in results
 * and files); and the plan runs every exercise's cases.
 */
class WorkloadsTest {

    private static final Duration LATENCY = Duration.ofMillis(Compare.DEFAULT_LATENCY_MILLIS);

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyExerciseHasOneWorkloadClassWhoseCasesMeasureIt(Mode mode) {
        List<String> wrong = new ArrayList<>();
        for (Exercise exercise : Exercise.values()) {
            List<Workload> cases = Workloads.of(exercise, mode, LATENCY);
            Set<Class<?>> classes = new HashSet<>();
            cases.forEach(c -> classes.add(c.getClass()));
            if (cases.isEmpty()) {
                wrong.add(exercise.id() + ": no case");
            } else if (classes.size() != 1) {
                wrong.add(exercise.id() + ": cases of " + classes.size() + " classes " + classes);
            }
            cases.stream().filter(c -> c.exercise() != exercise)
                    .forEach(c -> wrong.add(exercise.id() + ": case " + c.id() + " says it measures " + c.exercise().id()));
        }
        assertEquals(List.of(), wrong, "exercises without exactly one workload class in " + mode.cliName() + " mode");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void thePlanRunsEveryExerciseOnceEachCaseUnderItsOwnId(Mode mode) {
        Plan plan = Plan.of(mode, LATENCY);
        List<String> ids = plan.workloads().stream().map(Workload::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "case ids repeat: " + ids);
        for (Exercise exercise : Exercise.values()) {
            assertEquals(Workloads.of(exercise, mode, LATENCY).stream().map(Workload::id).toList(),
                    plan.forExercises(Set.of(exercise)).stream().map(Workload::id).toList(), exercise.id() + "'s cases in the plan");
        }
        assertEquals(List.of(), plan.workloads().stream().dropWhile(w -> !w.ownJvm()).filter(w -> !w.ownJvm()).map(Workload::id).toList(),
                "cases after the first one that needs its own JVM");
    }
}
