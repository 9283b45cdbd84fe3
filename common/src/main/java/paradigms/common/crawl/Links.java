package paradigms.common.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links on a page. A regular expression, not an HTML parser: the generated site
 * writes plain {@code <a href="…">} tags, and parsing HTML is not this course's lesson.
 * (A real crawler would use a parser such as jsoup.)
 */
public final class Links {

    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*href\\s*=\\s*[\"']([^\"'#]*)(?:#[^\"']*)?[\"']",
            Pattern.CASE_INSENSITIVE);

    private Links() {
    }

    /** Absolute http(s) links on the page, resolved against {@code base}, fragments removed, in page order. */
    public static List<URI> extract(String html, URI base) {
        List<URI> links = new ArrayList<>();
        Matcher matcher = HREF.matcher(html);
        while (matcher.find()) {
            String href = matcher.group(1).strip();
            if (href.isEmpty()) {
                continue; // "#top": a link to this very page
            }
            try {
                URI link = normalize(base.resolve(new URI(href)));
                String scheme = link.getScheme();
                if (scheme != null && (scheme.equals("http") || scheme.equals("https"))) {
                    links.add(link);
                }
            } catch (URISyntaxException | IllegalArgumentException malformed) {
                // A link that is not a URL leads nowhere; the crawl skips it.
            }
        }
        return links;
    }

    /** Removes dot segments and the fragment; lower-cases scheme and host; an empty path becomes "/". */
    public static URI normalize(URI url) {
        URI clean = url.normalize();
        String path = clean.getRawPath() == null || clean.getRawPath().isEmpty() ? "/" : clean.getRawPath();
        try {
            String scheme = clean.getScheme() == null ? null : clean.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = clean.getHost() == null ? null : clean.getHost().toLowerCase(java.util.Locale.ROOT);
            String query = clean.getRawQuery() == null ? "" : "?" + clean.getRawQuery();
            String authority = host == null ? "" : "//" + host + (clean.getPort() == -1 ? "" : ":" + clean.getPort());
            return new URI(scheme + ":" + authority + path + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot normalize \"" + url + "\": " + e.getReason(), e);
        }
    }
}
