package paradigms.compare;

/**
 * A paradigm's start-up, measured in its child JVM before its first case: the wall time of
 * {@code Paradigm.startResources()} — what a program pays once to keep the paradigm's
 * long-lived resources (multiprocessing: its worker JVMs) — measured apart from the cases,
 * which then run with those resources started.
 *
 * @param paradigm the paradigm's name
 * @param keeps    whether the paradigm keeps anything between calls; false: its per-call set-up is part of each call
 * @param millis   the wall time of {@code startResources()}
 * @param started  what it started, in the paradigm's words ({@code Started.description()})
 * @param failure  why it could not start, or null; the cases then ran without kept resources
 */
record Startup(String paradigm, boolean keeps, double millis, String started, String failure) {

    static Startup failed(String paradigm, double millis, String failure) {
        return new Startup(paradigm, true, millis, null, failure);
    }
}
