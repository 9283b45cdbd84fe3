package paradigms.generators.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/** Where a connection goes: host and port of an {@code http://} URL. Connections are pooled per origin. */
record Origin(String host, int port) {

    static Origin of(URI url) throws IOException {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            // Teaching shortcut: TLS over a non-blocking channel (SSLEngine) would double this package.
            throw new IOException("only http:// is supported by this teaching client, not " + url.getScheme() + "://");
        }
        return new Origin(url.getHost(), url.getPort() == -1 ? 80 : url.getPort());
    }

    /**
     * The socket address. Teaching shortcut: resolving a host name blocks the loop thread while
     * DNS answers; the exercises use 127.0.0.1, which needs no lookup. A real client resolves
     * names off the loop (as asyncio's {@code getaddrinfo} does, in a thread pool).
     */
    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }
}
