package paradigms.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The exercises compare knows, by the name used on the command line, in the order of the design's table. */
enum Exercise {
    DOWNLOAD,
    SQUARES,
    EXHIBITION,
    CRAWL,
    WAITERS,
    BLOCKING,
    COUNTER,
    DEADLINE;

    /** The command-line name: {@code download}, {@code squares}, … */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> cliNames() {
        return Arrays.stream(values()).map(Exercise::cliName).toList();
    }

    /** The exercise named {@code text} on the command line; the message lists the known names. */
    static Exercise parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Exercise exercise : values()) {
            if (exercise.cliName().equals(wanted)) {
                return exercise;
            }
        }
        throw new IllegalArgumentException("unknown exercise \"" + text.strip() + "\" (known: " + String.join(", ", cliNames()) + ")");
    }
}
