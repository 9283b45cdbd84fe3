package paradigms.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course's READMEs quote code; this test keeps the quotes true. Every {@code ```java} block
 * of every README in the repository must appear, line for line, in a Java source file of its
 * own module (the root README: of any module), so a renamed method or a changed line shows up
 * here instead of in a learner's confusion.
 *
 * <p>What "appears" means: the block's non-blank lines, each stripped of its indentation (a
 * README may quote a method without its class's indentation), occur one after the other among
 * the file's non-blank lines. A line {@code …} or {@code // …} (or three dots) leaves lines out:
 * the pieces around it must then occur in that order in the same file. A first line
 * {@code // path/to/File.java} names the file, relative to the repository's root.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final List<String> ELISIONS = List.of("…", "...", "// …", "// ...");

    /** A quoted block, where it is, and the pieces it must be found in. */
    private record Snippet(Path readme, int line, List<List<String>> pieces, Path namedFile) {
        @Override
        public String toString() {
            return readme + ":" + line;
        }
    }

    @Test
    void everyJavaSnippetInTheReadmesIsCompiledCode() throws IOException {
        Path root = repositoryRoot();
        List<Snippet> snippets = new ArrayList<>();
        for (Path readme : readmes(root)) {
            snippets.addAll(snippetsOf(readme));
        }
        assertTrue(snippets.size() >= 40, "expected the chapters' many snippets, found " + snippets.size()
                + " (is the repository root " + root + "?)");

        Map<Path, List<String>> sources = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (Snippet snippet : snippets) {
            List<Path> candidates = snippet.namedFile() != null
                    ? List.of(root.resolve(snippet.namedFile()))
                    : javaFilesUnder(snippet.readme().getParent());
            boolean found = candidates.stream()
                    .anyMatch(file -> containsInOrder(sources.computeIfAbsent(file, ReadmeSnippetsTest::codeLines), snippet.pieces()));
            if (!found) {
                stale.add(snippet + " — its first line: \"" + snippet.pieces().getFirst().getFirst() + "\"");
            }
        }
        assertEquals(List.of(), stale, "README snippets not found in the sources they quote");
    }

    @Test
    void theMatchingAcceptsElisionsInOrderAndRejectsChangedLines() {
        List<String> code = List.of("int a = 1;", "int b = 2;", "int c = 3;", "int d = 4;");
        assertTrue(containsInOrder(code, List.of(List.of("int b = 2;", "int c = 3;"))));
        assertTrue(containsInOrder(code, List.of(List.of("int a = 1;"), List.of("int d = 4;"))));
        assertFalse(containsInOrder(code, List.of(List.of("int d = 4;"), List.of("int a = 1;"))), "pieces out of order");
        assertFalse(containsInOrder(code, List.of(List.of("int a = 1;", "int c = 3;"))), "a line left out without an elision");
        assertFalse(containsInOrder(code, List.of(List.of("int b = 20;"))), "a changed line");
    }

    // ---------------------------------------------------------------- finding things

    /** The directory holding {@code mvnw}, from wherever the test runs (a module's directory under Maven). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with mvnw above " + Path.of("").toAbsolutePath());
    }

    /** The root README and each module's (one level down); build output is not the course. */
    private static List<Path> readmes(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        found.add(root.resolve("README.md"));
        try (Stream<Path> children = Files.list(root)) {
            children.map(child -> child.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(found::add);
        }
        return found;
    }

    private static List<Path> javaFilesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Snippet> snippetsOf(Path readme) throws IOException {
        String text = Files.readString(readme);
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            int line = 1 + (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count();
            List<String> lines = nonBlankStripped(block.group(1));
            Path namedFile = null;
            if (!lines.isEmpty() && lines.getFirst().startsWith("//") && lines.getFirst().endsWith(".java")) {
                namedFile = Path.of(lines.getFirst().substring(2).strip());
                lines = lines.subList(1, lines.size());
            }
            List<List<String>> pieces = new ArrayList<>(List.of(new ArrayList<>()));
            for (String codeLine : lines) {
                if (ELISIONS.contains(codeLine)) {
                    pieces.add(new ArrayList<>());
                } else {
                    pieces.getLast().add(codeLine);
                }
            }
            pieces.removeIf(List::isEmpty);
            if (pieces.isEmpty()) {
                throw new IllegalStateException(readme + ":" + line + ": an empty java block");
            }
            snippets.add(new Snippet(readme, line, pieces, namedFile));
        }
        return snippets;
    }

    private static List<String> codeLines(Path file) {
        try {
            return nonBlankStripped(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> nonBlankStripped(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- matching

    /** Whether each piece occurs as consecutive lines of {@code code}, each after the one before. */
    private static boolean containsInOrder(List<String> code, List<List<String>> pieces) {
        int from = 0;
        for (List<String> piece : pieces) {
            int at = indexOf(code, piece, from);
            if (at < 0) {
                return false;
            }
            from = at + piece.size();
        }
        return true;
    }

    private static int indexOf(List<String> code, List<String> piece, int from) {
        for (int at = from; at + piece.size() <= code.size(); at++) {
            if (code.subList(at, at + piece.size()).equals(piece)) {
                return at;
            }
        }
        return -1;
    }
}
