package paradigms.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generated blocks of a README, found and filled. A figure is never typed into a README: it
 * sits in a block that names its key in {@code results/reference.json}, and this class writes
 * the text.
 *
 * <pre>
 * inline:  &lt;!-- figure: KEY --&gt;TEXT&lt;!-- /figure --&gt;          (on one line)
 * table:   &lt;!-- table: KEY --&gt;                                 (a line of its own)
 *          | the Markdown table, written by the generator |
 *          &lt;!-- /table --&gt;                                      (a line of its own)
 * </pre>
 *
 * <p>A block written inside a code span or a fenced code block is an example, not a block: a
 * README that explains the syntax can show it.
 */
final class ReadmeBlocks {

    static final Pattern FIGURE = Pattern.compile("<!-- figure: (\\S+) -->(.*?)<!-- /figure -->");
    static final Pattern FIGURE_OPEN = Pattern.compile("<!-- figure:");
    static final Pattern TABLE_OPEN = Pattern.compile("^<!-- table: (\\S+) -->\\s*$");
    static final String TABLE_CLOSE = "<!-- /table -->";

    enum Kind { FIGURE, TABLE }

    /**
     * One block.
     *
     * @param line  its first line, counted from 1
     * @param start where its text starts in the file (a character offset)
     * @param end   where its text ends (exclusive)
     * @param text  the text it holds now
     */
    record Block(Kind kind, String key, int line, int start, int end, String text) {
    }

    /** A block that cannot be read: an opening without its end. */
    static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    private ReadmeBlocks() {
    }

    /** The blocks of {@code markdown}, in file order. */
    static List<Block> find(String markdown) {
        String masked = maskCode(markdown);
        List<Block> blocks = new ArrayList<>();
        Matcher inline = FIGURE.matcher(masked);
        java.util.Set<Integer> opened = new java.util.HashSet<>();
        while (inline.find()) {
            opened.add(inline.start());
            blocks.add(new Block(Kind.FIGURE, inline.group(1), lineOf(markdown, inline.start()), inline.start(2), inline.end(2),
                    markdown.substring(inline.start(2), inline.end(2))));
        }
        // An opening the pattern did not take has no end on its line.
        Matcher open = FIGURE_OPEN.matcher(masked);
        while (open.find()) {
            if (!opened.contains(open.start())) {
                throw new Malformed("line " + lineOf(markdown, open.start())
                        + ": a figure block without \"<!-- /figure -->\" on the same line");
            }
        }
        int offset = 0;
        int lineNumber = 0;
        Block openTable = null;
        int tableTextStart = 0;
        for (String line : masked.split("\n", -1)) {
            lineNumber++;
            Matcher m = TABLE_OPEN.matcher(line);
            if (m.matches()) {
                if (openTable != null) {
                    throw new Malformed("line " + lineNumber + ": a table block opens inside the one opened on line " + openTable.line());
                }
                openTable = new Block(Kind.TABLE, m.group(1), lineNumber, 0, 0, "");
                tableTextStart = offset + line.length() + 1;
            } else if (line.strip().equals(TABLE_CLOSE)) {
                if (openTable == null) {
                    throw new Malformed("line " + lineNumber + ": \"" + TABLE_CLOSE + "\" without an opening");
                }
                blocks.add(new Block(Kind.TABLE, openTable.key(), openTable.line(), tableTextStart, offset,
                        markdown.substring(tableTextStart, offset)));
                openTable = null;
            }
            offset += line.length() + 1;
        }
        if (openTable != null) {
            throw new Malformed("line " + openTable.line() + ": table block " + openTable.key() + " has no \"" + TABLE_CLOSE + "\"");
        }
        blocks.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return blocks;
    }

    /** What a block should hold, from the results file; throws {@link UnknownKey} if it has no such key. */
    static String expected(Block block, Reference reference) {
        if (block.kind() == Kind.FIGURE) {
            Reference.Figure figure = reference.figures().get(block.key());
            if (figure == null) {
                throw new UnknownKey(block);
            }
            return figure.text();
        }
        Reference.Table table = reference.tables().get(block.key());
        if (table == null) {
            throw new UnknownKey(block);
        }
        return table.text();
    }

    /** A block names a key the results file does not have. */
    static final class UnknownKey extends IllegalArgumentException {
        final Block block;

        UnknownKey(Block block) {
            super("line " + block.line() + ": unknown " + (block.kind() == Kind.FIGURE ? "figure" : "table") + " key " + block.key()
                    + " (not in " + Reference.FOLDER + "/" + Reference.FILE + ")");
            this.block = block;
        }
    }

    /** {@code markdown} with every block's text replaced by the results file's; unknown keys throw. */
    static String fill(String markdown, Reference reference) {
        var filled = new StringBuilder(markdown.length());
        int at = 0;
        for (Block block : find(markdown)) {
            filled.append(markdown, at, block.start()).append(expected(block, reference));
            at = block.end();
        }
        return filled.append(markdown.substring(at)).toString();
    }

    /**
     * {@code markdown} with code spans and fenced code blocks blanked out (same length, newlines
     * kept), so that offsets and line numbers stay those of the file.
     */
    static String maskCode(String markdown) {
        char[] out = markdown.toCharArray();
        boolean fenced = false;
        int lineStart = 0;
        while (lineStart <= markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = markdown.length();
            }
            String line = markdown.substring(lineStart, lineEnd);
            boolean fence = line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~");
            if (fenced || fence) {
                blank(out, lineStart, lineEnd);
                if (fence) {
                    fenced = !fenced;
                }
            } else {
                maskSpans(markdown, out, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return new String(out);
    }

    /** Blanks each `code span` of one line (a run of backticks up to the same run). */
    private static void maskSpans(String markdown, char[] out, int from, int to) {
        int i = from;
        while (i < to) {
            if (markdown.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = i;
            while (run < to && markdown.charAt(run) == '`') {
                run++;
            }
            String ticks = markdown.substring(i, run);
            int close = markdown.indexOf(ticks, run);
            if (close < 0 || close >= to) {
                i = run;
                continue;
            }
            blank(out, i, close + ticks.length());
            i = close + ticks.length();
        }
    }

    private static void blank(char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The repository's root: the nearest folder, from {@code start} up, that holds {@code compare/} and {@code common/} and a pom. */
    static Path root(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("compare"))
                    && Files.isDirectory(dir.resolve("common"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with pom.xml, compare/ and common/) above " + start.toAbsolutePath());
    }

    /**
     * Every README.md of the repository, the top one first, then by path; build output, hidden
     * folders and the results file's own rendering ({@code results/README.md}, checked against
     * the file it renders instead) left out.
     */
    static List<Path> readmes(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> {
                        Path relative = root.relativize(p);
                        for (Path part : relative) {
                            String name = part.toString();
                            if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")
                                    || name.equals("compare-output")) {
                                return false;
                            }
                        }
                        return !relative.equals(Path.of(Reference.FOLDER, Reference.MARKDOWN));
                    })
                    .sorted((a, b) -> {
                        int depth = Integer.compare(a.getNameCount(), b.getNameCount());
                        return depth != 0 ? depth : a.compareTo(b);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
