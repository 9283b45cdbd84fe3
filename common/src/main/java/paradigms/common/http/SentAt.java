package paradigms.common.http;

import java.util.OptionalLong;

/**
 * The header in which the course's web server says when it sent an answer, and how to read it.
 *
 * <p>The value is the server's {@link System#nanoTime()}, in decimal, taken just before the
 * answer is written and flushed. A client subtracts it from its own {@code nanoTime()} at the
 * moment the task that waited for the answer runs again: that difference is the task's
 * <em>resume latency</em> — time spent in the kernel's socket buffer, the client's reading and
 * parsing, and the ready queue of whatever scheduler resumes the task.
 *
 * <p><b>Why two processes may subtract their {@code nanoTime()}s.</b> In general they may not:
 * the JDK documents {@code nanoTime} as meaningful only within one JVM. On Linux, though,
 * HotSpot's {@code nanoTime} is {@code clock_gettime(CLOCK_MONOTONIC)} (its {@code os::javaTimeNanos}
 * calls nothing else), and {@code CLOCK_MONOTONIC} is one clock per boot, shared by every
 * process of the machine: the server's thread, a parent JVM and its child JVMs all read the
 * same clock. The course relies on that only on Linux, where its measurements run; a test in
 * {@code common} ({@code NanoTimeAcrossProcessesTest}) checks it on the machine that builds.
 * On macOS and Windows the JDK uses other clocks, which are also system-wide, but nothing here
 * checks them.
 */
public final class SentAt {

    /** The header's name, as the server writes it (clients compare names ignoring case). */
    public static final String HEADER = "X-Sent-At-Nanos";

    private SentAt() {
    }

    /**
     * The stamp in a header value, or empty when there is none or it is not a decimal number
     * (an answer from some other server: no stamp, no resume latency, never an exception).
     */
    public static OptionalLong parse(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException notAStamp) {
            return OptionalLong.empty();
        }
    }
}
