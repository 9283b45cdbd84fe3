package paradigms.common.server;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs a {@link LocalWebServer} on its own, in this JVM, until standard input closes.
 * Prints {@code port=N} when ready. compare's {@code --bench server} starts it as a child process so
 * that the server's CPU time can be measured apart from the client's.
 *
 * <p>Usage: {@code ServeMain [latencyMillis]}
 */
public final class ServeMain {

    private ServeMain() {
    }

    public static void main(String[] args) throws IOException {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 0;
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(latency)).start()) {
            System.out.println("port=" + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our stdin
            }
        }
    }
}
