package paradigms.common.pipeline;

import paradigms.common.download.DownloadResult;

import java.net.URI;

/** What became of one URL of the pipeline: processed by stage 2, or failed in stage 1. */
public sealed interface PipelineItem permits PipelineItem.Processed, PipelineItem.Failed {

    URI url();

    /**
     * A page that stage 2 processed.
     *
     * @param size   the body's length in bytes
     * @param sha256 hex SHA-256 of the body: what {@link PageWork#digesting} computes
     */
    record Processed(URI url, int size, String sha256) implements PipelineItem {
    }

    /** A URL stage 1 could not fetch: the failure passes through stage 2 untouched. */
    record Failed(DownloadResult.DownloadFailed failure) implements PipelineItem {
        @Override
        public URI url() {
            return failure.url();
        }
    }
}
