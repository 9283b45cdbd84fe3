package paradigms.multiprocessing.pool;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line that starts a worker: this JVM's own {@code java}, this JVM's class path,
 * a few measured flags, and the worker's main class. An argument list, never a shell string:
 * no quoting, no word splitting, no shell process in between.
 *
 * @param javaExecutable the {@code java} launcher of the running JVM
 * @param classPath      where the worker's classes are (the parent's own class path)
 * @param jvmFlags       start-up flags, see {@link #COMPUTING_FLAGS} and {@link #WAITING_FLAGS}
 * @param mainClass      the worker's main class, normally {@link WorkerMain}
 */
public record WorkerCommand(String javaExecutable, String classPath, List<String> jvmFlags, String mainClass) {

    /**
     * The flags of a worker that computes, each chosen by measurement (a one-off comparison;
     * figures and conditions in the chapter's README):
     * <ul>
     *   <li>Class data sharing stays on (the JDK's default archive, on by default): with
     *       {@code -Xshare:off} a worker took twice the CPU to start. An archive of our own
     *       classes (AppCDS, or JDK 25's AOT cache) would help more, but both need a class path
     *       of JAR files only, and in this build the classes are in {@code target/classes}.</li>
     *   <li>{@code -XX:+UseSerialGC}: a worker's heap is small and short-lived; the serial
     *       collector starts no GC threads and its worker used less memory (on this machine the
     *       JVM would pick G1).</li>
     *   <li>{@code -Xmx64m}: a worker holds one task's data at a time. No start-up gain could
     *       be measured; it is there so that a runaway worker fails instead of eating memory.</li>
     *   <li>No {@code -XX:TieredStopAtLevel=1} here: with C1 alone the squares ran four to seven
     *       times slower. See {@link #WAITING_FLAGS} for the workers that do not compute.</li>
     * </ul>
     * Tried and left out: {@code -XX:-UsePerfData} (no measurable gain, and {@code jps} would
     * no longer list the workers).
     */
    public static final List<String> COMPUTING_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx64m");

    /**
     * The flags of a worker that mostly waits (HTTP, JDBC, an opponent's thinking): the same,
     * plus {@code -XX:TieredStopAtLevel=1}. Compiling with C1 only, never C2, cut the CPU an
     * I/O worker spent on 20 downloads by about a third — C2 compiles the HTTP client's hot paths
     * at great cost for a speed that waiting never needs — and it starts a little faster. On a
     * two-core machine, CPU that workers burn is CPU the others do not get.
     */
    public static final List<String> WAITING_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1");

    public WorkerCommand {
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** A computing worker of this JVM (see {@link #COMPUTING_FLAGS}). */
    public static WorkerCommand of(String mainClass) {
        return new WorkerCommand(thisJava(), classPathFor(mainClass), COMPUTING_FLAGS, mainClass);
    }

    public WorkerCommand withFlags(List<String> flags) {
        return new WorkerCommand(javaExecutable, classPath, flags, mainClass);
    }

    /**
     * Where a worker JVM's own log messages go: stderr, never stdout. The JVM's default is
     * {@code -Xlog:all=warning:stdout}, and stdout is the wire: when 32 workers started at once,
     * one printed "[warning][perf,memops] Cannot use file /tmp/hsperfdata_…" into it and the
     * parent rightly rejected the frame. Stderr reaches the parent's log, named by worker.
     */
    static final List<String> JVM_LOG_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    public List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(JVM_LOG_TO_STDERR);
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return command;
    }

    /** The launcher this JVM was started with; {@code java.home} when the OS does not tell. */
    static String thisJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The parent's class path — {@code java.class.path} — when it holds the worker's main
     * class. It does not under {@code mvn exec:java}, which runs the main inside Maven's own
     * JVM with a class loader of its own; then the worker gets that loader's URLs.
     */
    static String classPathFor(String mainClass) {
        String resource = mainClass.replace('.', '/') + ".class";
        if (ClassLoader.getSystemClassLoader().getResource(resource) != null) {
            return System.getProperty("java.class.path");
        }
        ClassLoader loader = WorkerCommand.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            return java.util.Arrays.stream(urls.getURLs())
                    .map(WorkerCommand::toPath)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        throw new IllegalStateException("cannot find a class path for the workers: " + mainClass
                + " is not on java.class.path and " + loader + " is not a URLClassLoader");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file URL on the class path: " + url, e);
        }
    }
}
