package paradigms.multiprocessing;

import paradigms.common.trace.Trace;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM: one worker of the {@link ProcessPool}. It reads task frames on stdin, runs
 * each on a task thread, and writes the reply on stdout (the protocol is in {@link Frame}).
 *
 * <p>States (the worker's side; the pool's view of it is in {@link PoolWorker}):
 * <pre>
 *   STARTING → IDLE      it wrote "ready"
 *   IDLE     → RUNNING   a task frame arrived; a task thread runs it
 *   RUNNING  → IDLE      the task thread wrote "done" or "failed"
 *   IDLE     → EXITED 0  stdin ended: the pool is closing. Resources are closed first.
 *   RUNNING  → EXITED 0  stdin ended while a task runs: the pool closed or died, nobody will
 *                        read the result, so the worker halts at once instead of finishing
 *   any      → EXITED 2  the pool sent a frame the worker cannot read (stderr says why)
 *   RUNNING  → EXITED 3  an Error (OutOfMemoryError…) escaped a task: the JVM may be broken
 * </pre>
 *
 * <p>Why the main thread keeps reading while a task runs: so that the end of stdin is seen at
 * once. If the parent is killed — even with SIGKILL, when no shutdown hook runs — the kernel
 * closes its end of the pipe, and a worker busy with a long task halts instead of living on
 * as an orphan until its task ends.
 *
 * <p>stdout is the wire, so nothing else may print there: the real stdout is kept for frames
 * and {@code System.out} is pointed at stderr, which the pool copies to its log. A library
 * that prints a banner cannot corrupt the protocol.
 */
final class WorkerMain {

    static final int EXIT_BAD_FRAME = 2;
    static final int EXIT_ERROR_IN_TASK = 3;

    /**
     * Every task kind this worker knows, each handed to the worker-side half of its exercise.
     *
     * <p>Why a class with a {@code switch}, and no lambda anywhere on the way to "ready": a
     * worker is a fresh JVM every time, and in a fresh JVM the first lambdas are expensive —
     * each is a class spun at run time. A table of five method references took 30 ms or more
     * when timed inside a fresh worker here; end to end, a pool of one was ready about 10 ms
     * sooner without it.
     */
    static final TaskHandler KNOWN_TASKS = new KnownTasks();

    private static final class KnownTasks implements TaskHandler {
        @Override
        public List<String> run(String kind, List<String> arguments, WorkerResources resources) throws Exception {
            return switch (kind) {
                case ProcessSquares.KIND -> ProcessSquares.work(arguments);
                case ProcessDownload.KIND -> ProcessDownload.work(arguments, resources);
                case ProcessCrawl.KIND -> ProcessCrawl.work(arguments, resources);
                case ProcessExhibition.KIND -> ProcessExhibition.work(arguments);
                case ProcessBlocking.KIND -> ProcessBlocking.work(arguments, resources);
                default -> throw new IllegalArgumentException("this worker has no task kind \"" + kind + "\"");
            };
        }
    }

    private WorkerMain() {
    }

    public static void main(String[] args) {
        System.exit(serve(KNOWN_TASKS));
    }

    /** Serves tasks until stdin ends; returns the exit code. Lesson tests call it with extra task kinds. */
    static int serve(TaskHandler handler) {
        var wire = new Wire.Writer(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        var reader = new Wire.Reader(System.in);
        long pid = ProcessHandle.current().pid();
        try (var resources = new WorkerResources()) {
            var tasks = new TaskThreads(handler, resources, wire);
            wire.write(Frame.of(Frame.READY, pid));
            Frame frame;
            while ((frame = reader.read()) != null) {
                tasks.start(frame.expect(Frame.TASK, 2));
            }
            if (tasks.busy()) {
                Runtime.getRuntime().halt(0); // nobody is left to read the result
            }
            return 0;
        } catch (Wire.BadFrameException e) {
            System.err.println("worker pid " + pid + ": malformed frame from the pool: " + e.getMessage());
            return EXIT_BAD_FRAME;
        } catch (IOException e) {
            System.err.println("worker pid " + pid + ": the pool's pipe failed: " + e);
            return 0;
        }
    }

    /** Starts each task on its own thread and writes its reply. */
    private static final class TaskThreads {
        private final TaskHandler handler;
        private final WorkerResources resources;
        private final Wire.Writer wire;

        /** Written by the task thread when its work is done, read by the main thread. */
        private volatile boolean busy;

        TaskThreads(TaskHandler handler, WorkerResources resources, Wire.Writer wire) {
            this.handler = handler;
            this.resources = resources;
            this.wire = wire;
        }

        boolean busy() {
            return busy;
        }

        /** On the main thread. */
        void start(Frame task) throws Wire.BadFrameException {
            String id = task.text(0, "id");
            String kind = task.text(1, "kind");
            if (busy) {
                throw new Wire.BadFrameException("task " + id + " arrived while another task runs (one at a time)");
            }
            busy = true;
            // One platform thread per task, always named "task": tasks here last milliseconds
            // or more, and creating a thread costs about 0.1 ms. The name makes the trace's lane.
            new Thread(new Task(id, kind, task.from(2)), "task").start();
        }

        /** One task on its thread (a class, not a lambda: see {@link #KNOWN_TASKS}). */
        private final class Task implements Runnable {
            private final String id;
            private final String kind;
            private final List<String> arguments;

            Task(String id, String kind, List<String> arguments) {
                this.id = id;
                this.kind = kind;
                this.arguments = arguments;
            }

            @Override
            public void run() {
                String thread = Trace.currentThreadName();
                long start = Trace.nowMicros();
                Frame reply;
                try {
                    List<String> values = handler.run(kind, arguments, resources);
                    List<Object> fields = new ArrayList<>(List.of(id, thread, start, Trace.nowMicros()));
                    fields.addAll(values);
                    reply = Frame.of(Frame.DONE, fields.toArray());
                } catch (Exception e) {
                    e.printStackTrace(); // on stderr, so in the parent's log, with the worker's name
                    String message = e.getMessage() == null ? "" : e.getMessage();
                    reply = Frame.of(Frame.FAILED, id, thread, start, Trace.nowMicros(), e.getClass().getName(), message);
                } catch (Throwable error) {
                    error.printStackTrace();
                    Runtime.getRuntime().halt(EXIT_ERROR_IN_TASK);
                    return;
                }
                // Not busy before the reply is written: the pool sends the next task only after
                // it has read this reply, so the next task never meets a stale "busy".
                busy = false;
                try {
                    wire.write(reply);
                } catch (IOException e) {
                    // The pool is gone; the main thread sees stdin end and exits.
                }
            }
        }
    }
}
