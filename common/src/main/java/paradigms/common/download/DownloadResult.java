package paradigms.common.download;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What became of one URL: {@link Downloaded} or {@link DownloadFailed}. A failure is a
 * result, not an exception: one bad URL never hides what happened to the others.
 */
public sealed interface DownloadResult permits DownloadResult.Downloaded, DownloadResult.DownloadFailed {

    URI url();

    /**
     * A 2xx response and its whole body.
     *
     * @param size   body length in bytes
     * @param sha256 hex SHA-256 of the body, to check it arrived intact
     */
    record Downloaded(URI url, int status, long size, String sha256) implements DownloadResult {
    }

    /**
     * @param status the HTTP status for {@link Failure#HTTP_STATUS}, otherwise 0
     * @param detail a one-line human explanation
     */
    record DownloadFailed(URI url, Failure failure, int status, String detail) implements DownloadResult {
    }

    /** The result for a response that arrived whole, whatever its status. */
    static DownloadResult ofResponse(URI url, int status, byte[] body) {
        if (status >= 200 && status < 300) {
            return new Downloaded(url, status, body.length, sha256(body));
        }
        return new DownloadFailed(url, Failure.HTTP_STATUS, status, "HTTP status " + status);
    }

    /** The result for a fetch that ended with an exception. */
    static DownloadResult ofError(URI url, Throwable error) {
        Throwable cause = Failure.unwrap(error);
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new DownloadFailed(url, Failure.of(cause), 0, cause.getClass().getSimpleName() + message);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
