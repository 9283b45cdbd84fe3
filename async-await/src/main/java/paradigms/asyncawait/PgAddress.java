package paradigms.asyncawait;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a PostgreSQL server is, read off a JDBC URL such as
 * {@code jdbc:postgresql://localhost:32768/paradigms?loggerLevel=OFF}: the fixture hands out
 * JDBC URLs, and the Vert.x client wants host, port and database separately.
 *
 * <p>Teaching shortcut: one host only, no multi-host failover lists, no Unix sockets.
 */
record PgAddress(String host, int port, String database) {

    static final int DEFAULT_PORT = 5432;
    private static final String PREFIX = "jdbc:postgresql:";

    static PgAddress parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX + "//")) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
        }
        URI uri;
        try {
            uri = new URI(jdbcUrl.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed JDBC URL " + jdbcUrl + ": " + e.getReason(), e);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("a JDBC URL with a host and a database is needed, was " + jdbcUrl);
        }
        return new PgAddress(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), database);
    }
}
