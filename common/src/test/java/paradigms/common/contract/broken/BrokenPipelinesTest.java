package paradigms.common.contract.broken;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import paradigms.common.Claim;
import paradigms.common.contract.PipelineContract;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.ResultsInOrder;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link PipelineContract} against pipelines that look bounded and are not: each runs every
 * URL once, in order, and only the contract's witnesses give it away — the server's request
 * count for an unbounded buffer and for permits given back before the put, the buffer's level
 * for a buffer that frees a place before it counts it. The same pipeline with a correct buffer passes every check, so the checks do not
 * simply always fail.
 */
class BrokenPipelinesTest {

    /** What the pipeline below needs of its buffer. */
    interface Buffer {
        void put(Fetched item) throws InterruptedException;

        Fetched take() throws InterruptedException;

        /** Stage 2 is done with the item it took (for the buffer that counts it out only then). */
        default void processed(Fetched item) {
        }
    }

    /** A monitor: insertion, removal and their report to the level in one synchronized step. The correct one. */
    static final class Monitor implements Buffer {
        private final int capacity;
        private final BufferLevel level;
        private final ArrayDeque<Fetched> items = new ArrayDeque<>(); // guarded by this

        Monitor(int capacity, BufferLevel level) {
            this.capacity = capacity;
            this.level = level;
        }

        @Override
        public synchronized void put(Fetched item) throws InterruptedException {
            while (items.size() == capacity) {
                wait();
            }
            items.add(item);
            level.inserted();
            notifyAll();
        }

        @Override
        public synchronized Fetched take() throws InterruptedException {
            while (items.isEmpty()) {
                wait();
            }
            Fetched item = items.remove();
            level.removed();
            notifyAll();
            return item;
        }
    }

    /** Broken: no bound at all. The level is exact — and climbs to N, as the requests run ahead of stage 2. */
    static Buffer unbounded(PipelineRequest request, BufferLevel level) {
        return new Monitor(Integer.MAX_VALUE, level);
    }

    /**
     * Broken: an {@link ArrayBlockingQueue} of B, counted beside it. Its {@code take()} frees the
     * place at once; the page is counted out only when stage 2 is done with it. A producer blocked
     * on {@code put} fills the freed place meanwhile, and B + 1 pages exist outside stage 2's work.
     */
    static Buffer freesBeforeCounting(PipelineRequest request, BufferLevel level) {
        BlockingQueue<Fetched> queue = new ArrayBlockingQueue<>(request.bufferSize());
        return new Buffer() {
            @Override
            public void put(Fetched item) throws InterruptedException {
                queue.put(item);
                level.inserted(); // after the queue's own lock is released: not the same step
            }

            @Override
            public Fetched take() throws InterruptedException {
                return queue.take(); // the place is free from here on ...
            }

            @Override
            public void processed(Fetched item) {
                level.removed(); // ... and counted free only now
            }
        };
    }

    static Buffer bounded(PipelineRequest request, BufferLevel level) {
        return new Monitor(request.bufferSize(), level);
    }

    /**
     * A plain threaded pipeline around any buffer: C platform threads download (each holds its
     * place until its page is in the buffer), the calling thread is stage 2 and stage 3.
     */
    static PipelineExercise threadedWith(BiFunction<PipelineRequest, BufferLevel, Buffer> bufferKind) {
        return (request, level, trace) -> {
            Buffer buffer = bufferKind.apply(request, level);
            var results = new ResultsInOrder(request);
            var next = new AtomicInteger();
            int n = request.urls().size();
            try (var http = new SocketHttpClient(request.maxInFlight());
                 ExecutorService downloaders = Executors.newFixedThreadPool(request.maxInFlight())) {
                Future<?>[] running = new Future<?>[request.maxInFlight()];
                for (int d = 0; d < running.length; d++) {
                    running[d] = downloaders.submit(() -> {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            buffer.put(http.fetch(i, request.urls().get(i), request.timeout()));
                        }
                        return null;
                    });
                }
                for (int taken = 0; taken < n; taken++) {
                    Fetched item = buffer.take();
                    results.collect(item.index(), request.work().apply(item));
                    buffer.processed(item);
                }
                for (Future<?> downloader : running) {
                    downloader.get(); // a downloader's failure reaches the caller
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            return results.result();
        };
    }

    /**
     * Broken differently: a correct buffer of B, but a thread per URL whose permit among the C is
     * given back as soon as its fetch is done, before its page is in the buffer. The permits then
     * bound the requests in flight and nothing else: every page is fetched while stage 2 works on
     * the first, and waits in a thread parked on a full buffer — an unbounded buffer by another name.
     */
    static PipelineExercise permitGivenBackBeforeThePut() {
        return (request, level, trace) -> {
            var buffer = new Monitor(request.bufferSize(), level);
            var results = new ResultsInOrder(request);
            var inFlight = new Semaphore(request.maxInFlight());
            int n = request.urls().size();
            try (var http = new SocketHttpClient(request.maxInFlight());
                 ExecutorService perUrl = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < n; i++) {
                    int index = i;
                    perUrl.submit(() -> {
                        Fetched page;
                        inFlight.acquire();
                        try {
                            page = http.fetch(index, request.urls().get(index), request.timeout());
                        } finally {
                            inFlight.release(); // too early: the page is not in the buffer yet
                        }
                        buffer.put(page);
                        return null;
                    });
                }
                for (int taken = 0; taken < n; taken++) {
                    Fetched item = buffer.take();
                    results.collect(item.index(), request.work().apply(item));
                }
            }
            return results.result();
        };
    }

    /** The contract bound to {@code pipeline}, claiming concurrent waiting (its downloaders do wait concurrently). */
    private static PipelineContract contractFor(PipelineExercise pipeline) {
        return () -> Impostor.pipeline(Set.of(Claim.WAITS_CONCURRENTLY), pipeline);
    }

    @Test
    void anUnboundedBufferLetsStageOneRunAheadAndFails() throws Exception {
        PipelineContract contract = contractFor(threadedWith(BrokenPipelinesTest::unbounded));
        contract.processesEveryUrlExactlyOnceAndCollectsTheResultsInInputOrder();
        assertThrows(AssertionFailedError.class, contract::stageOneSlowsDownWhenStageTwoIsSlow);
        assertThrows(AssertionFailedError.class, contract::neverHoldsMoreThanBPagesInTheBuffer);
    }

    @Test
    void aBufferThatFreesItsPlaceBeforeCountingReadsBPlusOneAndFails() throws Exception {
        PipelineContract contract = contractFor(threadedWith(BrokenPipelinesTest::freesBeforeCounting));
        contract.processesEveryUrlExactlyOnceAndCollectsTheResultsInInputOrder();
        contract.stageOneSlowsDownWhenStageTwoIsSlow(); // it is bounded: the server's count is right
        assertThrows(AssertionFailedError.class, contract::neverHoldsMoreThanBPagesInTheBuffer);
    }

    @Test
    void aPermitGivenBackBeforeThePageIsInTheBufferLetsStageOneRunAheadAndFails() throws Exception {
        PipelineContract contract = contractFor(permitGivenBackBeforeThePut());
        contract.neverHoldsMoreThanBPagesInTheBuffer(); // the buffer itself is right
        assertThrows(AssertionFailedError.class, contract::stageOneSlowsDownWhenStageTwoIsSlow);
    }

    @Test
    void theSamePipelineWithABufferThatCountsInTheSameStepPassesEveryCheck() throws Exception {
        PipelineContract contract = contractFor(threadedWith(BrokenPipelinesTest::bounded));
        contract.processesEveryUrlExactlyOnceAndCollectsTheResultsInInputOrder();
        contract.neverHoldsMoreThanBPagesInTheBuffer();
        contract.stageOneSlowsDownWhenStageTwoIsSlow();
        contract.aFailingUrlBecomesThatItemsFailureAndThePipelineGoesOn();
        contract.keepsCRequestsInFlightWhenItClaimsConcurrentWaiting();
    }
}
