package paradigms.compare;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The committed results file, {@code results/reference.json}: every figure and table a README
 * may quote, by key, with the machine, the JDK, the date and the command of the one run that
 * measured them. READMEs show figures only through blocks filled from it ({@link ReadmeBlocks});
 * {@code results/README.md} is its readable rendering ({@link ReferenceMarkdown}).
 *
 * <p>Written by {@code compare --reference} (measures), read by {@code compare --readmes} (fills
 * the READMEs) and by {@code ReadmeFiguresTest} (checks them). The maps keep the order the
 * figures were generated in, so that a diff of two reference runs reads case by case.
 *
 * @param mode     the plan the run used ("reference", or "quick" for a trial run: then the figures are rough)
 * @param command  the exact command that wrote this file
 * @param date     the day of the run (UTC), never a time of day: the figures are a run's, not a moment's
 * @param figures  KEY → one figure, for inline blocks
 * @param tables   KEY → one Markdown table, for table blocks
 * @param pictures the pictures drawn from the same run, relative to {@code results/}
 * @param notes    what the run skipped and why, what did not exit cleanly
 */
record Reference(String mode, String command, String date, Machine machine, Map<String, Figure> figures,
                 Map<String, Table> tables, List<String> pictures, List<String> notes) {

    /** The folder of the results file and its rendering, relative to the repository's root. */
    static final String FOLDER = "results";
    static final String FILE = "reference.json";
    static final String MARKDOWN = "README.md";

    /**
     * @param memory total physical memory, e.g. "24.0 GiB"
     * @param java   the JDK's runtime version and vendor
     */
    record Machine(int cores, String memory, String os, String java) {
    }

    /**
     * One figure as a README shows it.
     *
     * @param text       exactly what the block shows, e.g. "1.26 s"
     * @param value      the number behind it, in {@code unit}; null for a text that is not one number
     * @param unit       "ms", "µs", "ns", "MB", "×", "threads", … or empty
     * @param measuredBy the named measurement that produced it — or, for a {@code quoted.*} figure,
     *                   "quoted from …": not measured here at all
     * @param source     for a quoted figure, the link to where it is quoted from; otherwise null
     */
    record Figure(String text, Double value, String unit, String measuredBy, String source) {
    }

    /** @param text the Markdown table, header line first, each line ending in a newline */
    record Table(String text, String measuredBy) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static Reference read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Reference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    /** Whether this file knows {@code key} as an inline figure. */
    boolean hasFigure(String key) {
        return figures.containsKey(key);
    }
}
