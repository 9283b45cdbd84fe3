package paradigms.common.server;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * A generated web site for the {@code crawl} exercise, deterministic for a seed.
 *
 * <p>What it contains, and why:
 * <ul>
 *   <li>pages {@code /site/page/N} linked as a tree (so the crawl fans out) plus random links
 *       (so there are cycles, and many pages are linked more than once);</li>
 *   <li>redirects {@code /site/moved/N} (301 to a page) and {@code /site/hop/N} (302 to a
 *       redirect), so a crawler must follow {@code Location};</li>
 *   <li>broken links {@code /site/gone/N} (404);</li>
 *   <li>links written in other forms — relative, with {@code ..}, with a {@code #fragment} —
 *       that name a page already linked, so the crawler must normalize before it dedupes;</li>
 *   <li>external links to {@code elsewhere.invalid}, which must not be followed;</li>
 *   <li>slow pages, which answer after an extra delay;</li>
 *   <li>orphan pages that nothing reachable links to, which must not be found.</li>
 * </ul>
 * The site computes its own reachable set, which the contract compares with the crawl.
 */
public final class Site {

    /** What the server answers for one path of the site. */
    public sealed interface Resource permits Html, Moved, Missing, Fault {
    }

    /** A page that fails the way {@code kind} says: the crawl's fault matrix. */
    public record Fault(FaultKind kind) implements Resource {
    }

    public enum FaultKind {
        /** answers 500 */
        SERVER_ERROR,
        /** sends half an answer, then resets the connection */
        RESET,
        /** never answers */
        HANG,
        /** answers 200 with its headers and half its body, then sends nothing more */
        STALL
    }

    /** An HTML page; {@code extraDelay} is added to the server's latency. */
    public record Html(String body, List<String> hrefs, Duration extraDelay) implements Resource {
    }

    public record Moved(int status, String location) implements Resource {
    }

    public record Missing() implements Resource {
    }

    public static final String ROOT = "/site/page/0";

    private final Map<String, Resource> resources;
    private final SortedSet<String> reachable;

    private Site(Map<String, Resource> resources) {
        this.resources = Collections.unmodifiableMap(resources);
        this.reachable = Collections.unmodifiableSortedSet(computeReachable());
    }

    /**
     * @param seed       the same seed gives the same site
     * @param pages      how many pages, orphans included (at least 10)
     * @param slowDelay  the extra delay of a slow page (about one page in ten)
     */
    public static Site generate(long seed, int pages, Duration slowDelay) {
        return generate(seed, pages, slowDelay, false);
    }

    /**
     * The same site, plus — when {@code faults} is true — links to fault pages
     * {@code /site/error/N} (500), {@code /site/reset/N} (reset mid-answer) and
     * {@code /site/hang/N} (no answer: the crawler's timeout must end it) and {@code /site/stall/N}
     * (headers and half a body, then nothing: a timeout that stops at the headers misses it).
     */
    public static Site generate(long seed, int pages, Duration slowDelay, boolean faults) {
        if (pages < 10) {
            throw new IllegalArgumentException("pages must be at least 10, was " + pages);
        }
        var random = new SplittableRandom(seed);
        int linked = pages - Math.max(1, pages / 10); // the last tenth are orphans
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (int i = 0; i < pages; i++) {
            List<String> hrefs = new ArrayList<>();
            boolean orphan = i >= linked;
            int low = orphan ? linked : 0;
            int high = orphan ? pages : linked;
            // The tree: children 2i+1 and 2i+2, absolute paths.
            for (int child = 2 * i + 1; child <= 2 * i + 2; child++) {
                if (!orphan && child < linked) {
                    hrefs.add("/site/page/" + child);
                }
            }
            // Random links within the same part of the site: cycles and repeats.
            for (int k = 0; k < 3; k++) {
                hrefs.add("/site/page/" + random.nextInt(low, high));
            }
            // The same pages written differently: relative, dot segments, fragments.
            hrefs.add(random.nextInt(low, high) + "#section-" + random.nextInt(5));
            hrefs.add("../page/" + random.nextInt(low, high));
            hrefs.add("/site/page/" + i + "#top");
            int roll = random.nextInt(10);
            if (roll < 3) {
                int target = random.nextInt(low, high);
                hrefs.add("/site/moved/" + target);
                resources.putIfAbsent("/site/moved/" + target, new Moved(301, "/site/page/" + target));
            }
            if (roll == 3) {
                int target = random.nextInt(low, high);
                hrefs.add("/site/hop/" + target);
                resources.putIfAbsent("/site/hop/" + target, new Moved(302, "/site/moved/" + target));
                resources.putIfAbsent("/site/moved/" + target, new Moved(301, "/site/page/" + target));
            }
            if (roll == 4 || roll == 5) {
                int target = random.nextInt(1_000);
                hrefs.add("/site/gone/" + target);
                resources.putIfAbsent("/site/gone/" + target, new Missing());
            }
            if (roll == 6) {
                hrefs.add("http://elsewhere.invalid/page/" + random.nextInt(1_000));
            }
            if (faults && !orphan && i % 7 == 3) {
                FaultKind kind = FaultKind.values()[(i / 7) % FaultKind.values().length];
                String path = "/site/" + switch (kind) {
                    case SERVER_ERROR -> "error";
                    case RESET -> "reset";
                    case HANG -> "hang";
                    case STALL -> "stall";
                } + "/" + i;
                hrefs.add(path);
                resources.put(path, new Fault(kind));
            }
            Duration delay = random.nextInt(10) == 0 ? slowDelay : Duration.ZERO;
            resources.put("/site/page/" + i, new Html(render(i, hrefs), List.copyOf(hrefs), delay));
        }
        return new Site(resources);
    }

    private static String render(int page, List<String> hrefs) {
        var html = new StringBuilder("<!doctype html>\n<html><head><title>Page ")
                .append(page).append("</title></head><body>\n<h1 id=\"top\">Page ").append(page).append("</h1>\n<ul>\n");
        for (String href : hrefs) {
            html.append("  <li><a href=\"").append(href).append("\">").append(href).append("</a></li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    public Optional<Resource> resource(String path) {
        return Optional.ofNullable(resources.get(path));
    }

    /** Every path of this site that can be reached from {@link #ROOT}, broken links and redirects included. */
    public SortedSet<String> reachablePaths() {
        return reachable;
    }

    /** Number of paths the site serves (pages, redirects, broken links), reachable or not. */
    public int size() {
        return resources.size();
    }

    private SortedSet<String> computeReachable() {
        SortedSet<String> seen = new TreeSet<>();
        var todo = new ArrayDeque<String>();
        seen.add(ROOT);
        todo.add(ROOT);
        URI origin = URI.create("http://site.test");
        while (!todo.isEmpty()) {
            String path = todo.poll();
            List<String> next = switch (resources.getOrDefault(path, new Missing())) {
                case Html html -> html.hrefs();
                case Moved moved -> List.of(moved.location());
                case Missing missing -> List.of();
                case Fault fault -> List.of();
            };
            for (String href : next) {
                URI link = origin.resolve(path).resolve(href).normalize();
                if (!origin.getHost().equals(link.getHost())) {
                    continue; // external
                }
                if (seen.add(link.getRawPath())) {
                    todo.add(link.getRawPath());
                }
            }
        }
        return seen;
    }
}
