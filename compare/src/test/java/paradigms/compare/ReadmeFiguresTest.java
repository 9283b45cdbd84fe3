package paradigms.compare;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Figures are generated, never typed: every README of the repository is held to
 * {@link ReadmeRules} against the committed {@code results/reference.json}, and the committed
 * {@code results/README.md} must be that file's rendering. Every violation of every file is
 * reported at once, grouped by file, so that they can be fixed in one pass.
 *
 * <p>Each rule is also run on a small README written to break it ({@link EachRuleCatches}): a
 * rule that cannot fail would pass every README.
 */
class ReadmeFiguresTest {

    private static final Path ROOT = ReadmeBlocks.root(Path.of(""));

    private static Reference reference() {
        return Reference.read(ROOT.resolve(Reference.FOLDER).resolve(Reference.FILE));
    }

    @Test
    void everyReadmeKeepsTheFigureRules() throws IOException {
        Reference reference = reference();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<Path> readmes = ReadmeBlocks.readmes(ROOT);
        assertTrue(readmes.contains(ROOT.resolve("README.md")), "the top README is among those checked");
        for (Path readme : readmes) {
            List<String> found = ReadmeRules.all(Files.readString(readme), reference, readme.equals(ROOT.resolve("README.md")));
            if (!found.isEmpty()) {
                problems.put(ROOT.relativize(readme).toString(), found);
            }
        }
        if (!problems.isEmpty()) {
            var report = new StringBuilder("README figure rules broken (fill blocks with: ./mvnw -q -pl compare -am package "
                    + "exec:java@compare -DskipTests -Dexec.args=\"--readmes\"):\n");
            problems.forEach((file, list) -> {
                report.append(file).append(" (").append(list.size()).append("):\n");
                list.forEach(p -> report.append("  ").append(file).append(p.startsWith("line ") ? ":" + p.substring(5) : ": " + p)
                        .append('\n'));
            });
            fail(report.toString());
        }
    }

    @Test
    void theResultsReadmeIsTheRenderingOfTheResultsFile() throws IOException {
        String committed = Files.readString(ROOT.resolve(Reference.FOLDER).resolve(Reference.MARKDOWN));
        assertEquals(ReferenceMarkdown.render(reference()), committed,
                "results/README.md is generated from results/reference.json: run --reference (or --readmes never touches it)");
    }

    @Test
    void everyQuotedFigureNamesItsSourceAndEveryMeasuredOneItsProducer() {
        reference().figures().forEach((key, figure) -> {
            assertFalse(figure.measuredBy() == null || figure.measuredBy().isBlank(), key + " has no producer");
            assertEquals(key.startsWith("quoted."), figure.source() != null, key + ": quoted figures, and only they, have a source");
        });
    }

    /** Each rule, on a README written to break it. */
    @Nested
    class EachRuleCatches {

        private final Reference reference = new Reference("test", "cmd", "day", new Reference.Machine(2, "1 GiB", "os", "jdk"),
                Map.of("case.download.callbacks.wall", FigureKeys.figure("171 ms", 171.0, "ms")),
                Map.of("table.startup", new Reference.Table("| a |\n|---|\n| b |\n", "test")), List.of(), List.of());

        @Test
        void aStaleFigureBlock() {
            List<String> found = ReadmeRules.blocks("x\nwall <!-- figure: case.download.callbacks.wall -->170 ms<!-- /figure -->\n",
                    reference);
            assertEquals(1, found.size(), found::toString);
            assertTrue(found.getFirst().startsWith("line 2: stale block case.download.callbacks.wall: expected \"171 ms\", found \"170 ms\""),
                    found::toString);
        }

        @Test
        void aStaleTableBlock() {
            List<String> found = ReadmeRules.blocks("<!-- table: table.startup -->\n| a |\n|---|\n| c |\n<!-- /table -->\n", reference);
            assertEquals(1, found.size(), found::toString);
            assertTrue(found.getFirst().contains("table.startup"), found::toString);
        }

        @Test
        void anUnknownKey() {
            List<String> found = ReadmeRules.blocks("<!-- figure: case.nothing.here -->…<!-- /figure -->\n", reference);
            assertEquals(List.of("line 1: unknown figure key case.nothing.here (not in results/reference.json)"), found);
        }

        @Test
        void aBlockWithoutItsEnd() {
            assertEquals(1, ReadmeRules.blocks("<!-- figure: case.download.callbacks.wall -->171 ms\n", reference).size());
            assertEquals(1, ReadmeRules.blocks("<!-- table: table.startup -->\n| a |\n", reference).size());
        }

        @Test
        void aMatchingBlockAndAnExampleInCodeAreFine() {
            assertEquals(List.of(), ReadmeRules.blocks("<!-- figure: case.download.callbacks.wall -->171 ms<!-- /figure -->\n"
                    + "<!-- table: table.startup -->\n| a |\n|---|\n| b |\n<!-- /table -->\n"
                    + "write `<!-- figure: any.key -->…<!-- /figure -->`\n```\n<!-- figure: other.key -->x<!-- /figure -->\n```\n",
                    reference));
        }

        @Test
        void aTypedFigureInAMeasuredSection() {
            String readme = """
                    # chapter
                    ## Measured
                    1. The loop waits <!-- figure: case.download.callbacks.wall -->171 ms<!-- /figure --> in all,
                       see `--bench 2` and [the results](../results/README.md#run-3).
                    Greenlets took 212 ms.
                    ### Below it
                    still 3 ms here
                    ## What breaks
                    Here 12 is fine.
                    """;
            List<String> found = ReadmeRules.measuredDigits(readme);
            assertEquals(2, found.size(), found::toString);
            assertTrue(found.get(0).startsWith("line 5:") && found.get(0).contains("212"), found::toString);
            assertTrue(found.get(1).startsWith("line 7:") && found.get(1).contains("3"), found::toString);
        }

        @Test
        void aTimestamp() {
            assertEquals(1, ReadmeRules.diary("measured on 2026-11-22 in the morning\n").size());
            assertEquals(1, ReadmeRules.diary("started at 09:18 UTC\n").size());
            assertEquals(List.of(), ReadmeRules.diary("it took 2 min 05 s; see [log](https://x/2016/04/22/a.html)\n"));
        }

        @Test
        void aLoadAverage() {
            assertEquals(1, ReadmeRules.diary("with a load average of 1.9\n").size());
            assertEquals(1, ReadmeRules.diary("(load ≈ 2)\n").size());
        }

        @Test
        void aTestCount() {
            assertEquals(1, ReadmeRules.diary("all 56 tests pass\n").size());
            assertEquals(1, ReadmeRules.diary("54 passed, 2 skipped\n").size());
            assertEquals(1, ReadmeRules.diary("Tests run: 56, Failures: 0\n").size());
            assertEquals(List.of(), ReadmeRules.diary("the contract tests run every exercise\n"));
        }

        @Test
        void tooManyLines() {
            assertEquals(1, ReadmeRules.length("x\n".repeat(251), true).size());
            assertEquals(List.of(), ReadmeRules.length("x\n".repeat(251), false));
            assertEquals(1, ReadmeRules.length("x\n".repeat(401), false).size());
        }
    }

    /** {@code --readmes} on a small repository: fills what is stale, names the file and line of an unknown key, writes nothing then. */
    @Nested
    class FillCommand {

        @Test
        void fillsStaleBlocksAndNamesTheFilesItChanged(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
            Path readme = repository(root, "wall <!-- figure: case.download.callbacks.wall -->…<!-- /figure -->\n");
            var out = new ByteArrayOutputStream();
            int code = Compare.execute(new String[]{"--readmes", "--root", root.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, code);
            assertEquals("wall <!-- figure: case.download.callbacks.wall -->171 ms<!-- /figure -->\n", Files.readString(readme));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("filled chapter/README.md"), out::toString);
        }

        @Test
        void anUnknownKeyIsOneLineNamingFileLineAndKey(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
            String text = "a\n<!-- figure: case.download.callbacks.wall -->…<!-- /figure -->\n<!-- figure: no.such -->x<!-- /figure -->\n";
            Path readme = repository(root, text);
            var err = new ByteArrayOutputStream();
            int code = Compare.execute(new String[]{"--readmes", "--root", root.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, code);
            assertEquals("compare: chapter/README.md:3: unknown figure key no.such (not in results/reference.json)",
                    err.toString(StandardCharsets.UTF_8).strip());
            assertEquals(text, Files.readString(readme), "nothing is written when a key is unknown");
        }

        private Path repository(Path root, String chapterReadme) throws IOException {
            Files.writeString(root.resolve("pom.xml"), "<project/>");
            Files.createDirectories(root.resolve("compare"));
            Files.createDirectories(root.resolve("common"));
            Files.writeString(root.resolve("README.md"), "top\n");
            Path readme = Files.createDirectories(root.resolve("chapter")).resolve("README.md");
            Files.writeString(readme, chapterReadme);
            new Reference("test", "cmd", "day", new Reference.Machine(2, "1 GiB", "os", "jdk"),
                    Map.of("case.download.callbacks.wall", FigureKeys.figure("171 ms", 171.0, "ms")), Map.of(), List.of(), List.of())
                    .write(root.resolve("results").resolve("reference.json"));
            return readme;
        }
    }
}
