package paradigms.common;

import org.junit.jupiter.api.Test;

import paradigms.common.sequential.SequentialParadigm;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link DelegatingParadigm} forwards every method of {@link Paradigm}, so that its subclasses never need to learn a new exercise. */
class DelegatingParadigmTest {

    @Test
    void everyMethodOfParadigmIsForwarded() {
        List<String> missing = new ArrayList<>();
        for (Method method : Paradigm.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                DelegatingParadigm.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(method.getName());
            }
        }
        assertEquals(List.of(), missing, "Paradigm methods DelegatingParadigm does not forward");
    }

    @Test
    void aSubclassThatOverridesNothingBindsEveryExerciseAsItsDelegateDoes() {
        var delegate = new SequentialParadigm();
        var wrapper = new DelegatingParadigm(delegate) { };
        assertEquals(delegate.name(), wrapper.name());
        assertEquals(delegate.claims(), wrapper.claims());
        for (Exercise exercise : Exercise.values()) {
            assertSame(exercise.implementationIn(delegate).getClass(), exercise.implementationIn(wrapper).getClass(), exercise.id());
        }
    }
}
