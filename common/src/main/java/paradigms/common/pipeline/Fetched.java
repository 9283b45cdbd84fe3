package paradigms.common.pipeline;

import paradigms.common.download.DownloadResult;

import java.net.URI;

/**
 * What stage 1 puts into the buffer for one URL: its page, or why there is none. Both kinds go
 * through the buffer, so stage 2 sees every URL and the buffer's level counts every item.
 */
public sealed interface Fetched permits Fetched.Page, Fetched.Failed {

    /** The URL's position in the request: where stage 3 puts its result. */
    int index();

    URI url();

    /**
     * A 2xx answer's whole body. The array is handed over, not copied: stage 1 does not touch it
     * once the page is in the buffer, stage 2 only reads it.
     */
    record Page(int index, URI url, byte[] body) implements Fetched {
    }

    /** A fetch that failed: a status outside 2xx, a connection failure, a timeout. */
    record Failed(int index, DownloadResult.DownloadFailed failure) implements Fetched {
        @Override
        public URI url() {
            return failure.url();
        }
    }

    /** The item for an answer that arrived whole, whatever its status. */
    static Fetched ofResponse(int index, URI url, int status, byte[] body) {
        if (status >= 200 && status < 300) {
            return new Page(index, url, body);
        }
        return new Failed(index, (DownloadResult.DownloadFailed) DownloadResult.ofResponse(url, status, body));
    }

    /** The item for a fetch that ended with an exception (the futures' and executors' wrappers looked through). */
    static Fetched ofError(int index, URI url, Throwable error) {
        return new Failed(index, (DownloadResult.DownloadFailed) DownloadResult.ofError(url, error));
    }
}
