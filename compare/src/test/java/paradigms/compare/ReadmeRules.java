package paradigms.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every README keeps, each a function from a README's text to the violations it finds
 * ({@code "line N: …"}), so that {@link ReadmeFiguresTest} can report every violation of every
 * file at once, and test each rule on a small bad README.
 *
 * <ul>
 *   <li>Every generated block holds its key's text from {@code results/reference.json}, and names a key it has.</li>
 *   <li>In a section whose heading says "Measured", no digit outside a block, a code span or fence,
 *       or a link's target (a numbered list's marker is not a figure).</li>
 *   <li>Anywhere: no timestamp, no load average, no test count.</li>
 *   <li>At most {@link #TOP_LINES} lines for the top README, {@link #CHAPTER_LINES} for any other.</li>
 * </ul>
 */
final class ReadmeRules {

    static final int TOP_LINES = 250;
    static final int CHAPTER_LINES = 400;

    /** 2026-11-22, 2026-11-22T09:18, 09:18 UTC, 09:18:44Z. */
    static final Pattern TIMESTAMP = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}:\\d{2}(:\\d{2})?\\s*(UTC|GMT|Z\\b)");
    static final Pattern LOAD = Pattern.compile("(?i)load average|load avg|load\\s*[≈~=]|\\bloadavg\\b");
    /** "56 tests", "2 skipped", "Tests run: 56", "3 failures". */
    static final Pattern TEST_COUNT = Pattern.compile(
            "(?i)\\b\\d[\\d,]*\\s+(tests?|skipped|failures|test cases?)\\b|tests run:\\s*\\d");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)\\d+[.)](\\s)");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)|<https?://[^>]*>|https?://\\S+");

    private ReadmeRules() {
    }

    /** Blocks whose text is not the results file's, and blocks that name a key it does not have. */
    static List<String> blocks(String markdown, Reference reference) {
        List<String> problems = new ArrayList<>();
        List<ReadmeBlocks.Block> blocks;
        try {
            blocks = ReadmeBlocks.find(markdown);
        } catch (ReadmeBlocks.Malformed malformed) {
            return List.of(malformed.getMessage());
        }
        for (ReadmeBlocks.Block block : blocks) {
            try {
                String expected = ReadmeBlocks.expected(block, reference);
                if (!expected.equals(block.text())) {
                    problems.add("line " + block.line() + ": stale block " + block.key() + ": expected \"" + shorten(expected)
                            + "\", found \"" + shorten(block.text()) + "\" (run --readmes)");
                }
            } catch (ReadmeBlocks.UnknownKey unknown) {
                problems.add(unknown.getMessage());
            }
        }
        return problems;
    }

    /** Digits in a "Measured" section outside blocks, code and link targets. */
    static List<String> measuredDigits(String markdown) {
        String[] lines = blankBlocksAndLinks(markdown).split("\n", -1);
        List<String> problems = new ArrayList<>();
        int measuredLevel = 0; // the heading level of the "Measured" section we are in, 0 outside one
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                int level = heading.group(1).length();
                if (measuredLevel > 0 && level <= measuredLevel) {
                    measuredLevel = 0;
                }
                if (measuredLevel == 0 && heading.group(2).contains("Measured")) {
                    measuredLevel = level;
                    continue; // the heading itself is the section's name
                }
            }
            if (measuredLevel == 0) {
                continue;
            }
            String text = LIST_MARKER.matcher(line).replaceFirst("$1 $2");
            Matcher digit = Pattern.compile("\\S*\\d\\S*").matcher(text);
            if (digit.find()) {
                problems.add("line " + (i + 1) + ": a figure in a \"Measured\" section outside a generated block: \""
                        + digit.group() + "\" (use <!-- figure: KEY -->…<!-- /figure -->, or say the shape in words)");
            }
        }
        return problems;
    }

    /** Timestamps, load averages and test counts, anywhere outside link targets and blocks. */
    static List<String> diary(String markdown) {
        String[] lines = blankBlocksAndLinks(markdown, false).split("\n", -1);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            for (var rule : List.of(new Object[]{TIMESTAMP, "a timestamp"}, new Object[]{LOAD, "a load average"},
                    new Object[]{TEST_COUNT, "a test count"})) {
                Matcher m = ((Pattern) rule[0]).matcher(lines[i]);
                if (m.find()) {
                    problems.add("line " + (i + 1) + ": " + rule[1] + ": \"" + m.group() + "\" (a run's diary, not the course)");
                }
            }
        }
        return problems;
    }

    /** The length limit: {@link #TOP_LINES} for the top README, {@link #CHAPTER_LINES} for the others. */
    static List<String> length(String markdown, boolean top) {
        int limit = top ? TOP_LINES : CHAPTER_LINES;
        long lines = markdown.lines().count();
        return lines <= limit ? List.of()
                : List.of(lines + " lines, more than the " + limit + " a" + (top ? " top" : " chapter") + " README may have");
    }

    /** Every rule at once, for one README. */
    static List<String> all(String markdown, Reference reference, boolean top) {
        List<String> problems = new ArrayList<>();
        problems.addAll(length(markdown, top));
        problems.addAll(blocks(markdown, reference));
        problems.addAll(measuredDigits(markdown));
        problems.addAll(diary(markdown));
        return problems;
    }

    private static String blankBlocksAndLinks(String markdown) {
        return blankBlocksAndLinks(markdown, true);
    }

    /**
     * The text with link targets blanked, and generated blocks; with {@code code}, code spans and
     * fences too. Line numbers stay those of the file.
     */
    private static String blankBlocksAndLinks(String markdown, boolean code) {
        char[] out = (code ? ReadmeBlocks.maskCode(markdown) : markdown).toCharArray();
        try {
            for (ReadmeBlocks.Block block : ReadmeBlocks.find(markdown)) {
                blank(out, block.start(), block.end());
            }
        } catch (ReadmeBlocks.Malformed malformed) {
            // reported by blocks(); the other rules read the text as it is
        }
        // The markers themselves hold the key (which may have digits): blank every comment.
        Matcher comment = Pattern.compile("<!--.*?-->").matcher(markdown);
        while (comment.find()) {
            blank(out, comment.start(), comment.end());
        }
        Matcher link = LINK_TARGET.matcher(markdown);
        while (link.find()) {
            blank(out, link.start(), link.end());
        }
        return new String(out);
    }

    private static void blank(char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
    }

    private static String shorten(String text) {
        String one = text.replace("\n", "⏎");
        return one.length() <= 120 ? one : one.substring(0, 120) + "…";
    }
}
