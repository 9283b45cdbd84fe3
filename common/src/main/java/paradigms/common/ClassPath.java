package paradigms.common;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path a child JVM needs to run this project's classes.
 *
 * <p>Usually that is {@code java.class.path}. But under {@code ./mvnw exec:java} the
 * project's classes are loaded by a {@link URLClassLoader} that Maven made, and
 * {@code java.class.path} names only Maven's own launcher; so the URLs of the loader that
 * loaded this class come first.
 */
public final class ClassPath {

    private ClassPath() {
    }

    public static String current() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = ClassPath.class.getClassLoader();
        while (loader != null) {
            if (loader instanceof URLClassLoader urls) {
                for (var url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException notAFile) {
                        // not a local file: a child JVM could not use it anyway
                    }
                }
            }
            loader = loader.getParent();
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The {@code java} launcher of the running JVM. */
    public static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
