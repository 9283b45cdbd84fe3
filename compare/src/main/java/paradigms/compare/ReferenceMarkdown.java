package paradigms.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results/README.md}: the results file rendered for people — the machine and the
 * command first, then every table, every measured figure with its key and its producer, the
 * pictures, and apart from all of them the figures of other systems, quoted with their source.
 *
 * <p>Generated from {@code results/reference.json} alone, so that {@code ReadmeFiguresTest} can
 * check that the committed rendering is the file's.
 */
final class ReferenceMarkdown {

    private ReferenceMarkdown() {
    }

    static String render(Reference r) {
        var md = new StringBuilder();
        md.append("# Results: every figure the READMEs quote\n\n");
        md.append("Generated from [`reference.json`](reference.json) by the command below; never edit by hand. ")
                .append("A README shows a figure only inside a generated block that names its key ")
                .append("(see [compare's README](../compare/README.md#figures-are-generated)).\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| command | `").append(r.command()).append("` |\n");
        md.append("| plan | ").append(r.mode()).append(" |\n");
        md.append("| day | ").append(r.date()).append(" |\n");
        md.append("| cores | ").append(r.machine().cores()).append(" |\n");
        md.append("| memory | ").append(r.machine().memory()).append(" |\n");
        md.append("| OS | ").append(r.machine().os()).append(" |\n");
        md.append("| JDK | ").append(r.machine().java()).append(" |\n\n");
        md.append("Each figure is the median of warm runs (see each producer); timings on a small shared machine move from "
                + "run to run, the shapes the chapters explain do not.\n\n");

        md.append("## Tables\n\n");
        r.tables().forEach((key, table) -> {
            md.append("### `").append(key).append("`\n\n");
            md.append("Measured by: ").append(table.measuredBy()).append("\n\n");
            md.append(table.text()).append('\n');
        });

        md.append("## Pictures\n\n");
        for (String picture : r.pictures()) {
            md.append("![").append(picture).append("](").append(picture).append(")\n\n");
        }

        md.append("## Figures\n\n");
        md.append("Grouped by the key's first two parts. Write a figure into a README as "
                + "`<!-- figure: KEY -->…<!-- /figure -->` and run `--readmes`.\n\n");
        for (var group : groups(r, false).entrySet()) {
            md.append("### `").append(group.getKey()).append(".*`\n\n");
            md.append("| key | text | measured by |\n|---|---|---|\n");
            for (var e : group.getValue()) {
                md.append("| `").append(e.getKey()).append("` | ").append(cell(e.getValue().text())).append(" | ")
                        .append(cell(e.getValue().measuredBy())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Quoted, not measured\n\n");
        md.append("Figures of other systems, as their sources report them on their own machines: never measured here, "
                + "never in a measured table.\n\n");
        md.append("| key | text | quoted from |\n|---|---|---|\n");
        for (var group : groups(r, true).values()) {
            for (var e : group) {
                md.append("| `").append(e.getKey()).append("` | ").append(cell(e.getValue().text())).append(" | ")
                        .append(cell(e.getValue().measuredBy())).append(" — <").append(e.getValue().source()).append("> |\n");
            }
        }
        if (!r.notes().isEmpty()) {
            md.append("\n## Notes of the run\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** The figures, measured or quoted, grouped by the first two parts of their key, in the file's order. */
    private static Map<String, List<Map.Entry<String, Reference.Figure>>> groups(Reference r, boolean quoted) {
        Map<String, List<Map.Entry<String, Reference.Figure>>> groups = new LinkedHashMap<>();
        for (var e : r.figures().entrySet()) {
            if ((e.getValue().source() != null) != quoted) {
                continue;
            }
            String[] parts = e.getKey().split("\\.");
            groups.computeIfAbsent(parts[0] + "." + parts[1], k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
