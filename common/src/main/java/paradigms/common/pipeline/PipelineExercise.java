package paradigms.common.pipeline;

import paradigms.common.trace.Trace;

/**
 * The {@code pipeline} exercise: backpressure. Three stages joined by a bounded buffer —
 * stage 1 downloads the URLs (at most C requests in flight), stage 2 processes each page with
 * the request's {@link PageWork}, stage 3 collects the results in input order — and a buffer of
 * at most B pages between stages 1 and 2.
 *
 * <p>Contract (checked by {@code PipelineContract}):
 * <ul>
 *   <li>every URL is requested once and processed once; the result has one item per URL, in
 *       input order ({@link ResultsInOrder} collects them and refuses a second item for a URL);</li>
 *   <li>a URL that cannot be fetched becomes that item's {@link PipelineItem.Failed}, and the
 *       pipeline goes on with the others;</li>
 *   <li>never more than B pages buffered. Every answer of stage 1, page or failure, goes through
 *       the buffer, and the buffer reports each insertion and removal to {@code level} <em>in the
 *       same step</em> as it makes it — under the buffer's lock, or in the same run of the event
 *       loop — so that {@code level} always equals what the buffer holds;</li>
 *   <li>stage 1 slows down when stage 2 is slow: a download keeps its place among the C until
 *       its page is in the buffer, and stage 2 takes one page at a time, so the requests the
 *       server has seen never run ahead of the pages stage 2 has taken plus B plus C;</li>
 *   <li>stage 2 runs the request's {@link PageWork} in this JVM (it is an object of the caller's:
 *       the contract's counts what it sees); a paradigm with other processes runs stage 1 there;</li>
 *   <li>nothing is left running or open when the call returns: no thread, no child process, no
 *       request in flight, no connection.</li>
 * </ul>
 */
public interface PipelineExercise {

    /**
     * Runs the three stages over {@code request.urls()} and returns when every URL's item is in.
     *
     * @param level the recorder that the buffer between stages 1 and 2 updates in the same step as
     *              each insertion and removal; the caller reads its high-water mark afterwards
     */
    PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) throws InterruptedException;
}
