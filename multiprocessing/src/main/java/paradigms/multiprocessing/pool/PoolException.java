package paradigms.multiprocessing.pool;



/**
 * Why a job did not produce its result. Every message starts with the worker it happened
 * on, e.g. {@code "worker-2 (pid 4242) exited with code 137 (killed by signal 9) while running think 2000000µs"},
 * because with several processes "which one?" is the first question.
 *
 * <p>Unchecked: the exercises' interfaces cannot declare it, and a caller can do nothing
 * more useful with it than report it.
 */
public sealed class PoolException extends RuntimeException
        permits PoolException.WorkerDied, PoolException.MalformedFrame, PoolException.TaskFailed, PoolException.Closed {

    private final String worker;

    PoolException(String worker, String message, Throwable cause) {
        super(worker + " " + message, cause);
        this.worker = worker;
    }

    /** The worker's name and pid at the time, e.g. {@code "worker-2 (pid 4242)"}. */
    public String worker() {
        return worker;
    }

    /** The worker's process ended (crashed, was killed, exited) before it replied. */
    public static final class WorkerDied extends PoolException {
        private final int exitCode;

        WorkerDied(String worker, int exitCode, String running) {
            super(worker, "exited with code " + exitCode + describe(exitCode) + running, null);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        /** On Linux a process killed by signal N reports the exit code 128 + N. */
        private static String describe(int exitCode) {
            return exitCode > 128 && exitCode < 160 ? " (killed by signal " + (exitCode - 128) + ")" : "";
        }
    }

    /** The worker sent something that is not a valid frame, or not the frame expected now. */
    public static final class MalformedFrame extends PoolException {
        MalformedFrame(String worker, String reason) {
            super(worker, "sent a malformed frame: " + reason, null);
        }
    }

    /** The task ran and threw in the worker; the worker is fine and keeps working. */
    public static final class TaskFailed extends PoolException {
        private final String remoteClass;

        TaskFailed(String worker, String job, String remoteClass, String remoteMessage) {
            super(worker, "failed " + job + ": " + remoteClass + (remoteMessage.isEmpty() ? "" : ": " + remoteMessage), null);
            this.remoteClass = remoteClass;
        }

        /** The class name of the exception thrown in the worker (the class itself stays there). */
        public String remoteClass() {
            return remoteClass;
        }
    }

    /** The pool was closed before the job ran, or while it ran. */
    public static final class Closed extends PoolException {
        Closed(String worker, String job) {
            super(worker, "did not run " + job + ": the pool was closed", null);
        }
    }
}
