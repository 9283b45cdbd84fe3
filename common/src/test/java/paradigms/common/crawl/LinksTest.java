package paradigms.common.crawl;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinksTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8080/site/page/3");

    @Test
    void resolvesRelativeLinksDropsFragmentsAndSkipsWhatIsNotHttp() {
        String html = """
                <a href="/site/page/1">one</a> <a class="x" href='7#section-2'>seven</a>
                <a href="../page/9">nine</a> <a href="#top">self</a> <a href="mailto:a@b">mail</a>
                <a href="http://Elsewhere.INVALID/x">out</a> <a href="http://bad host/">bad</a>
                """;
        assertEquals(List.of(
                URI.create("http://127.0.0.1:8080/site/page/1"),
                URI.create("http://127.0.0.1:8080/site/page/7"),
                URI.create("http://127.0.0.1:8080/site/page/9"),
                URI.create("http://elsewhere.invalid/x")), Links.extract(html, BASE));
    }

    @Test
    void scopeIsTheRootsOrigin() {
        var request = new CrawlRequest(URI.create("http://127.0.0.1:8080/site/page/0"), 1);
        assertEquals(true, request.inScope(URI.create("http://127.0.0.1:8080/other")));
        assertEquals(false, request.inScope(URI.create("http://127.0.0.1:8081/site/page/0")));
        assertEquals(false, request.inScope(URI.create("https://127.0.0.1:8080/site/page/0")));
    }
}
