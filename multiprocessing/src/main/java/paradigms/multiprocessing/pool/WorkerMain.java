package paradigms.multiprocessing.pool;

import paradigms.common.trace.Trace;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The child JVM: one worker of the {@link ProcessPool}. It reads task frames on stdin, runs
 * each on a task thread, and writes the reply on stdout (the protocol is in {@link Frame}).
 *
 * <p>States (the worker's side; the pool's view of it is in {@link PoolWorker}):
 * <pre>
 *   STARTING → IDLE      it wrote "ready"
 *   IDLE     → RUNNING   a task frame arrived; a task thread runs it
 *   RUNNING  → CALLING   the task thread wrote a "call" frame and waits for the answer
 *   CALLING  → RUNNING   the main thread read the "answer" frame and handed it to the task thread
 *   RUNNING  → IDLE      the task thread wrote "done" or "failed"
 *   IDLE     → EXITED 0  stdin ended: the pool is closing. Resources are closed first.
 *   RUNNING  → EXITED 0  stdin ended while a task runs (or calls): the pool closed, died or gave
 *                        up on the task; nobody will read the result, so the worker halts at once
 *                        instead of finishing — this is how a task in a worker is cancelled
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
public final class WorkerMain {

    public static final int EXIT_BAD_FRAME = 2;
    public static final int EXIT_ERROR_IN_TASK = 3;

    private WorkerMain() {
    }

    /**
     * Ends the worker with {@code Runtime.halt}, not {@code System.exit}. By the time this
     * runs, {@link #serve} has closed the worker's resources and every frame was flushed as it
     * was written; the worker has no shutdown hooks to run. And {@code System.exit} costs a fresh
     * JVM dearly: since JDK 21 it first looks up a {@code System.Logger} to log the exit, which
     * loads the logging classes. From the end of its stdin to its exit, an idle worker took
     * 47–89 ms with {@code System.exit} and 5–11 ms with {@code halt} (a one-off measurement on
     * this 2-core machine, shared and busy at the time).
     */
    public static void exit(int code) {
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Serves tasks until stdin ends; returns the exit code. A worker's main calls it with the task kinds it knows. */
    public static int serve(TaskHandler handler) {
        var wire = new Wire.Writer(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        var reader = new Wire.Reader(System.in);
        long pid = ProcessHandle.current().pid();
        var tasks = new TaskThreads(handler, wire);
        try (WorkerResources resources = tasks.resources()) {
            if (Boolean.getBoolean(WorkerResources.KEPT_WORKER)) {
                // A kept worker is started before anyone needs it (WorkerReserve): the class loading
                // of its first request belongs to that start-up, not to the first task's timeout.
                resources.warmUpHttpOnce();
            }
            wire.write(Frame.of(Frame.READY, pid));
            Frame frame;
            while ((frame = reader.read()) != null) {
                switch (frame.type()) {
                    case Frame.TASK -> tasks.start(frame.expect(Frame.TASK, 2));
                    case Frame.ANSWER -> tasks.answered(frame.expect(Frame.ANSWER, 1));
                    default -> throw new Wire.BadFrameException("expected a \"task\" or an \"answer\" frame, got \""
                            + Wire.excerpt(frame.type()) + "\"");
                }
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

    /**
     * Starts each task on its own thread and writes its reply; carries the task's calls to the
     * pool and their answers back.
     */
    private static final class TaskThreads implements WorkerResources.Parent {
        private final TaskHandler handler;
        private final Wire.Writer wire;
        private final WorkerResources resources;

        /** Written by the task thread when its work is done, read by the main thread. */
        private volatile boolean busy;
        /** The running task's id: written by the main thread before it starts the task thread. */
        private volatile String runningId;
        /** True from the moment the task thread writes a call until its answer is handed over. */
        private volatile boolean calling;
        /** Answers, from the main thread (which reads stdin) to the task thread (which waits in call). */
        private final LinkedBlockingQueue<Frame> answers = new LinkedBlockingQueue<>();

        TaskThreads(TaskHandler handler, Wire.Writer wire) {
            this.handler = handler;
            this.wire = wire;
            this.resources = new WorkerResources(this); // a task's calls to the pool go out through here
        }

        WorkerResources resources() {
            return resources;
        }

        /**
         * On the task thread: sends {@code call ID QUESTION…} and waits for the answer. The main
         * thread keeps reading stdin meanwhile, so the end of stdin still halts this worker at once.
         */
        @Override
        public List<String> call(Object... question) throws IOException, InterruptedException {
            List<Object> fields = new ArrayList<>(question.length + 1);
            fields.add(runningId);
            fields.addAll(List.of(question));
            calling = true; // before the frame leaves: its answer cannot come sooner
            wire.write(Frame.of(Frame.CALL, fields.toArray()));
            return answers.take().from(1);
        }

        /** On the main thread: an answer came; hand it to the task thread that asked for it. */
        void answered(Frame answer) throws Wire.BadFrameException {
            String id = answer.text(0, "id");
            if (!calling || !id.equals(runningId)) {
                throw new Wire.BadFrameException("an answer for task " + id + ", which made no call");
            }
            calling = false;
            answers.add(answer);
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
            runningId = id;
            // One platform thread per task, always named "task": tasks here last milliseconds
            // or more, and creating a thread costs about 0.1 ms. The name makes the trace's lane.
            new Thread(new Task(id, kind, task.from(2)), "task").start();
        }

        /** One task on its thread (a class, not a lambda: in a fresh JVM the first lambdas are dear, see {@code Workers}). */
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
