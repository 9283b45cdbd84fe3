package paradigms.common.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A deliberately primitive HTTP client for testing the server itself, without the JDK client's own behaviour in the way. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends one GET on a new connection and returns the status line. */
    static String statusLine(URI url) throws IOException {
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            send(socket.getOutputStream(), url, true);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    static void send(OutputStream out, URI url, boolean close) throws IOException {
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        out.write(("GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
