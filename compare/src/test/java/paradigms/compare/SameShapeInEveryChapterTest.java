package paradigms.compare;

import org.junit.jupiter.api.Test;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.Paradigms;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The course teaches by comparison, so every chapter solves every exercise in a class of the
 * same name, and binds it the same way: for exercise {@code x}, {@code Paradigm.x()} returns
 * {@code new X(…)}, a {@code final class paradigms.<chapter>.X implements XExercise}. Then
 * {@code diff threading/…/Download.java greenlets/…/Download.java} shows only how the two
 * chapters schedule their work.
 *
 * <p>A method reference or a lambda as the binding, a class named otherwise, a class in another
 * package or one that is not final, a missing chapter: each is reported here, all at once.
 */
class SameShapeInEveryChapterTest {

    /** By name, not every registered paradigm: compare's tests register fakes of their own. */
    private static final List<String> CHAPTERS =
            List.of("threading", "multiprocessing", "callbacks", "generators", "async-await", "greenlets");

    @Test
    void theExerciseListIsTheOneParadigmAsksFor() {
        Set<String> asked = new TreeSet<>();
        for (Method method : Paradigm.class.getMethods()) {
            if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())
                    && !Set.of("name", "claims").contains(method.getName())) {
                asked.add(method.getName());
            }
        }
        assertEquals(asked, new TreeSet<>(Exercise.ids()), "Paradigm's exercise methods and common's Exercise list differ");
    }

    @Test
    void everyChapterBindsEveryExerciseToAFinalClassNamedAfterItWithNew() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Paradigm paradigm : chapters()) {
            for (Exercise exercise : Exercise.values()) {
                String problem = problemWith(paradigm, exercise);
                if (problem != null) {
                    wrong.add(paradigm.name() + " " + exercise.id() + "(): " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong, "chapters that break the naming scheme");
    }

    /** What is wrong with how {@code paradigm} binds {@code exercise}; null when nothing is. */
    private static String problemWith(Paradigm paradigm, Exercise exercise) throws Exception {
        String simpleName = capitalised(exercise.id());
        Class<?> contract = exercise.contract();
        String expectedContract = "paradigms.common." + exercise.id() + "." + simpleName + "Exercise";
        if (!contract.getName().equals(expectedContract)) {
            return "common's Exercise list names " + contract.getName() + " as the contract; expected " + expectedContract;
        }
        Method factory = Paradigm.class.getMethod(exercise.id());
        if (factory.getReturnType() != contract) {
            return "Paradigm." + exercise.id() + "() should return " + contract.getSimpleName();
        }
        Object first = exercise.implementationIn(paradigm);
        Object second = exercise.implementationIn(paradigm);
        Class<?> bound = first.getClass();
        String expected = paradigm.getClass().getPackageName() + "." + simpleName;
        if (bound.isSynthetic() || bound.isHidden() || bound.isAnonymousClass()) {
            return "bound by a lambda, a method reference or an anonymous class; expected new " + simpleName + "(…)";
        }
        if (!bound.getName().equals(expected)) {
            return "bound to " + bound.getName() + "; expected " + expected;
        }
        if (!Modifier.isFinal(bound.getModifiers())) {
            return bound.getName() + " is not final";
        }
        if (!Arrays.asList(bound.getInterfaces()).contains(contract)) {
            return bound.getName() + " does not say implements " + contract.getSimpleName() + " itself";
        }
        if (first == second) {
            return "the same instance twice: a paradigm is a stateless factory, each call says new " + simpleName + "(…)";
        }
        return null;
    }

    /** The six chapters, by name: a chapter missing from the class path fails here, naming it. */
    private static List<Paradigm> chapters() {
        return CHAPTERS.stream().map(Paradigms::named).toList();
    }

    private static String capitalised(String exercise) {
        return exercise.substring(0, 1).toUpperCase(Locale.ROOT) + exercise.substring(1);
    }
}
