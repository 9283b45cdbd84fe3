package paradigms.compare.bench;

/** The child JVM of {@link ThreadCost}: it starts, does nothing, and exits. */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // Nothing: the JVM's own start-up and exit are what is measured.
    }
}
