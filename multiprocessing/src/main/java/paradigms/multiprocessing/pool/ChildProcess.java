package paradigms.multiprocessing.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child JVM as the parent holds it: the {@link Process}, the two pipes the protocol runs
 * on (its stdin and stdout) and a thread that copies its stderr to the parent's log.
 *
 * <p>Threads: one {@link PoolWorker} thread sends and receives. {@link #endInput()} and
 * {@link #kill()} may be called from any thread (closing the pool, the shutdown hook): they
 * only close a pipe or send a signal, and make the owner's blocking read return.
 */
public final class ChildProcess {

    /** How long a child may take to exit once told to (stdin closed) before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Process process;
    private final Wire.Writer toChild;
    private final Wire.Reader fromChild;
    private final Thread stderrCopier;
    private final long spawnedNanos;
    private Duration readyAfter; // written once by the owner thread in awaitReady

    private ChildProcess(String slot, Process process, long spawnedNanos, Consumer<String> log) {
        this.name = slot + " (pid " + process.pid() + ")";
        this.process = process;
        this.spawnedNanos = spawnedNanos;
        this.toChild = new Wire.Writer(process.getOutputStream());
        this.fromChild = new Wire.Reader(process.getInputStream());
        this.stderrCopier = Thread.ofPlatform().daemon().name(slot + "-stderr").start(() -> copyStderr(log));
    }

    /** Starts the child; it is not ready until {@link #awaitReady()} returns. */
    static ChildProcess spawn(String slot, WorkerCommand command, Consumer<String> log) {
        long spawned = System.nanoTime();
        try {
            // All three streams are pipes (ProcessBuilder's default): stdin and stdout carry
            // frames, stderr is copied to the log by our own thread, line by line.
            Process process = new ProcessBuilder(command.commandLine()).start();
            return new ChildProcess(slot, process, spawned, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + slot + ": " + command.commandLine(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** From spawning the process to reading its "ready" frame; null until then. */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** Reads the child's first frame, which must be {@code ready PID} with its own pid. */
    void awaitReady() {
        Frame ready = receive(" before it was ready");
        try {
            long announced = ready.expect(Frame.READY, 1).number(0, "pid");
            if (announced != process.pid()) {
                throw new Wire.BadFrameException("its ready frame names pid " + announced + ", but it is pid " + process.pid());
            }
        } catch (Wire.BadFrameException e) {
            kill();
            throw new PoolException.MalformedFrame(name, e.getMessage());
        }
        readyAfter = Duration.ofNanos(System.nanoTime() - spawnedNanos);
    }

    void send(Frame frame, String running) {
        try {
            toChild.write(frame);
        } catch (IOException e) {
            // A broken pipe: the child is gone (killed while idle, say). Its exit code says more.
            throw died(running);
        }
    }

    /**
     * The child's next frame. The end of its stdout means the child has died (or is dying):
     * that is a {@link PoolException.WorkerDied} with its exit code. A frame that cannot be
     * read is a {@link PoolException.MalformedFrame}, after which the child is killed —
     * once the stream is out of step, nothing more it says can be trusted.
     *
     * @param running what it was doing, for the message, e.g. {@code " while running squares …"}
     */
    Frame receive(String running) {
        Frame frame;
        try {
            frame = fromChild.read();
        } catch (Wire.BadFrameException e) {
            kill();
            throw new PoolException.MalformedFrame(name, e.getMessage());
        } catch (IOException e) {
            frame = null; // the pipe broke: the same as its end
        }
        if (frame == null) {
            throw died((fromChild.endedInsideFrame() ? " in the middle of a frame" : "") + running);
        }
        return frame;
    }

    /** Waits for the exit code of a child whose stdout has ended. */
    private PoolException.WorkerDied died(String running) {
        return new PoolException.WorkerDied(name, awaitExit(), running);
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // stdout closed but still alive: not a worker we can use. Make sure it ends.
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Tells the child to exit by closing its stdin. An idle worker exits; a busy one halts. Any thread. */
    void endInput() {
        try {
            toChild.close();
        } catch (IOException e) {
            // already closed, or the child is gone: either way it has no more input
        }
    }

    /** SIGKILL. Any thread. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Stops the child and waits until it is gone: closes its stdin, gives it {@link #EXIT_GRACE}
     * to exit by itself, then kills it. When this returns, the process no longer exists.
     */
    void stop() {
        endInput();
        awaitExit();
        try {
            stderrCopier.join(EXIT_GRACE); // its last lines, e.g. a stack trace, reach the log first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the stderr thread: every line the child writes to stderr goes to the parent's log, named. */
    private void copyStderr(Consumer<String> log) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.accept(name + ": " + line);
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
