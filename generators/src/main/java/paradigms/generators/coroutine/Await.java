package paradigms.generators.coroutine;

import java.nio.channels.SelectableChannel;
import java.time.Duration;

/**
 * What a suspended coroutine waits for: the value of a {@code yield} in a generator-based
 * coroutine. A {@link Task} reads it, arranges to be woken when it has happened, and resumes
 * the coroutine then — with what {@link #sends() it sends back}.
 *
 * <p>These seven are all there is. Everything else (sleep, a semaphore, a queue, an HTTP
 * request) is a coroutine built from them.
 */
public sealed interface Await permits Await.Readable, Await.Writable, Await.Delay, Await.Result, Await.Completion,
        Await.Delegate, Await.Pass {

    /** A line for the scheduler's dump: what the task is waiting for. */
    String describe();

    /** Until the channel can be read without blocking (or is at end of stream). Sends back null. */
    record Readable(SelectableChannel channel) implements Await {
        @Override
        public String describe() {
            return "readable " + Describe.channel(channel);
        }
    }

    /** Until the channel can be written without blocking, or its pending connect has completed. Sends back null. */
    record Writable(SelectableChannel channel) implements Await {
        @Override
        public String describe() {
            return "writable " + Describe.channel(channel);
        }
    }

    /** Until {@code duration} has passed on the loop's clock. Sends back null. */
    record Delay(Duration duration) implements Await {
        public Delay {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("a delay must be zero or positive, was " + duration);
            }
        }

        @Override
        public String describe() {
            return "delay " + Describe.duration(duration);
        }
    }

    /**
     * Until the future is done; sends back its value, or throws its exception (or a
     * {@link java.util.concurrent.CancellationException}) into the coroutine — Python's
     * {@code result = yield from future}.
     */
    record Result(Future<?> future) implements Await {
        @Override
        public String describe() {
            return "result of " + future;
        }
    }

    /** Until the future is done, however it ended; sends back the future itself and never throws. */
    record Completion(Future<?> future) implements Await {
        @Override
        public String describe() {
            return "completion of " + future;
        }
    }

    /**
     * Runs another coroutine to its end, in the same task, and sends back its result — or
     * throws its exception into this one. Python's {@code result = yield from sub()}.
     * The task pushes {@code coroutine} on its stack of coroutines; no loop turn passes.
     */
    record Delegate(Coroutine<?> coroutine) implements Await {
        @Override
        public String describe() {
            return "from " + coroutine.name();
        }
    }

    /**
     * Nothing: the task goes to the back of the ready list, so that every other ready task
     * runs first. What a long computation yields between slices. Sends back null.
     */
    record Pass() implements Await {
        @Override
        public String describe() {
            return "its next turn";
        }
    }
}
