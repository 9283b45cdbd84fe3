package paradigms.compare.jmh;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import paradigms.common.ClassPath;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs compare's JMH benchmarks ({@code ./mvnw -q -pl compare -am package exec:java@jmh -DskipTests}),
 * with defaults small enough for about a minute and a half on two cores: one fork with a 1 GB
 * heap, two warm-up iterations and three measured ones of a second each, the JSON result in
 * {@code compare-output/jmh-results.json}, next to the main job's {@code results.json}.
 *
 * <p>Any JMH option in {@code -Dexec.args} wins over these defaults, e.g.
 * {@code -Dexec.args="LockCost -f 3 -i 10"}; {@code -l} lists the benchmarks, {@code -h} JMH's options.
 *
 * <p>Why a main of our own rather than {@code org.openjdk.jmh.Main}: under {@code exec:java} the
 * project's classes come from a class loader Maven made, and {@code java.class.path} names only
 * Maven's launcher. JMH gives its forked JVMs {@code java.class.path}, so it is set here to the
 * class path this class was really loaded from ({@link ClassPath#current()}).
 */
public final class RunJmh {

    static final String DEFAULT_RESULT = "compare-output/jmh-results.json";

    private RunJmh() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions given;
        try {
            given = new CommandLineOptions(args);
        } catch (CommandLineOptionException bad) {
            System.err.println("jmh: " + bad.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("java.class.path", ClassPath.current());
        if (given.shouldHelp()) {
            given.showHelp();
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(RunJmh.class.getPackageName() + "\\..*");
        }
        if (given.shouldList()) {
            new Runner(options.build()).list();
            return;
        }
        if (!given.getJvmArgs().hasValue()) {
            // Otherwise a fork inherits this JVM's options: under exec:java, Maven's own.
            options.jvmArgs("-Xms1g", "-Xmx1g");
        }
        if (!given.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        if (!given.getResultFormat().hasValue()) {
            options.resultFormat(ResultFormatType.JSON);
        }
        if (!given.getResult().hasValue()) {
            Files.createDirectories(Path.of(DEFAULT_RESULT).getParent());
            options.result(DEFAULT_RESULT);
        }
        new Runner(options.build()).run();
    }
}
