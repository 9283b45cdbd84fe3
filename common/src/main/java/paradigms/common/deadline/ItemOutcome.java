package paradigms.common.deadline;

import paradigms.common.download.DownloadResult;

import java.net.URI;

/** What became of one URL of a deadline download. */
public sealed interface ItemOutcome permits ItemOutcome.Finished, ItemOutcome.Failed, ItemOutcome.Cancelled {

    URI url();

    /** Downloaded before the call ended. */
    record Finished(DownloadResult.Downloaded result) implements ItemOutcome {
        @Override
        public URI url() {
            return result.url();
        }
    }

    /** The failure that ended the call (fail-fast: there is at most one). */
    record Failed(DownloadResult.DownloadFailed result) implements ItemOutcome {
        @Override
        public URI url() {
            return result.url();
        }
    }

    /** Not finished when the call ended: stopped, or never started. */
    record Cancelled(URI url, String why) implements ItemOutcome {
    }
}
