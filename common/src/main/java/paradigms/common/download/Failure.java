package paradigms.common.download;

import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Why one URL could not be fetched. */
public enum Failure {
    /** The server answered with a status outside 2xx. */
    HTTP_STATUS,
    /** The connection could not be made, was reset, or closed before a whole response arrived. */
    CONNECTION,
    /** No whole response within the request's timeout. */
    TIMEOUT;

    /**
     * Classifies an exception raised while fetching. Wrappers added by futures and executors
     * ({@link CompletionException}, {@link ExecutionException}) are looked through.
     */
    public static Failure of(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof HttpConnectTimeoutException) {
            return CONNECTION; // a timeout, but of the connect: the server is not there
        }
        if (cause instanceof HttpTimeoutException
                || cause instanceof SocketTimeoutException
                || cause instanceof TimeoutException) {
            return TIMEOUT;
        }
        return CONNECTION; // refused, reset, closed early: any other I/O failure
    }

    /** The exception that says what went wrong, without executor and future wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
