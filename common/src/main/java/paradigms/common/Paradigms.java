package paradigms.common;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the paradigms on the class path (each chapter registers one). */
public final class Paradigms {

    private Paradigms() {
    }

    /** Every registered paradigm, sorted by name so that reports are stable. */
    public static List<Paradigm> all() {
        return ServiceLoader.load(Paradigm.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Paradigm::name))
                .toList();
    }

    public static Paradigm named(String name) {
        return all().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("paradigm \"" + name + "\" is not on the class path; known: "
                        + all().stream().map(Paradigm::name).toList()));
    }
}
