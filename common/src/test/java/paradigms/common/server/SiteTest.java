package paradigms.common.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteTest {

    @Test
    void theSameSeedGivesTheSameSite() {
        assertEquals(Site.generate(5, 100, Duration.ZERO).reachablePaths(), Site.generate(5, 100, Duration.ZERO).reachablePaths());
    }

    @Test
    void hasEverythingACrawlerMustCopeWith() {
        Site site = Site.generate(42, 150, Duration.ofMillis(40));
        var reachable = site.reachablePaths();
        assertTrue(reachable.contains(Site.ROOT));
        assertTrue(reachable.stream().anyMatch(p -> p.startsWith("/site/moved/")), "redirects");
        assertTrue(reachable.stream().anyMatch(p -> p.startsWith("/site/hop/")), "redirect chains");
        assertTrue(reachable.stream().anyMatch(p -> p.startsWith("/site/gone/")), "broken links");
        assertFalse(reachable.contains("/site/page/149"), "orphans are not reachable");
        assertTrue(reachable.stream().noneMatch(p -> p.contains("elsewhere")), "external links are not part of the site");
        long slow = reachable.stream().map(site::resource).flatMap(java.util.Optional::stream)
                .filter(r -> r instanceof Site.Html html && !html.extraDelay().isZero()).count();
        assertTrue(slow > 0, "slow pages");
    }

    @Test
    void rejectsATinySite() {
        assertEquals("pages must be at least 10, was 3",
                assertThrows(IllegalArgumentException.class, () -> Site.generate(1, 3, Duration.ZERO)).getMessage());
    }
}
