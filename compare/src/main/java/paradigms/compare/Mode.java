package paradigms.compare;

import java.util.Locale;

/** How long and how thoroughly to measure. */
enum Mode {
    /** The default: every paradigm in at most two minutes on 2 cores; fewer repeats, smaller inputs. */
    QUICK,
    /** More repeats, larger inputs, and the seed's headline: 1,000,000 requests, 1,000 in flight. */
    FULL;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
