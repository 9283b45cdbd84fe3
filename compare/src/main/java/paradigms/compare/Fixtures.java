package paradigms.compare;

import paradigms.common.blocking.Database;

import java.net.URI;

/**
 * What a child JVM's workloads run against; the parent owns both fixtures.
 *
 * <p>Why the parent and not each child: the web server's counters (the maximum in flight)
 * must be read and reset around every run, and its CPU must not count as the paradigm's;
 * and PostgreSQL takes seconds to start, once is enough.
 *
 * @param serverPort the parent's {@code LocalWebServer}, on 127.0.0.1
 * @param database   the parent's PostgreSQL, or null when the blocking exercise is not run
 */
record Fixtures(int serverPort, Database database) {

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + serverPort + pathAndQuery);
    }
}
