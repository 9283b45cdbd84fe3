package paradigms.common.download;

import paradigms.common.trace.Trace;

import java.util.List;

/**
 * The {@code download} exercise: fetch N URLs with at most C in flight.
 *
 * <p>Contract (checked by {@code DownloadContract}): one result per URL, in input order;
 * each URL requested exactly once; per-URL errors returned as {@link DownloadResult.DownloadFailed};
 * never more than C requests in flight. All resources the call opens are closed when it returns.
 */
public interface DownloadExercise {

    List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException;
}
