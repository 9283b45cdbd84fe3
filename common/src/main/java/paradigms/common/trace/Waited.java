package paradigms.common.trace;

/**
 * What a suspended task waits for. A task's track in the trace names it ("waiting for socket"),
 * and the moment it happens — the answer sent, the timer due — starts the task's ready time.
 */
public enum Waited {
    /** An answer on a socket: ready once the server has sent it. */
    SOCKET("socket", "answer sent"),
    /** A timer: ready once it is due. */
    TIMER("timer", "timer due"),
    /** A permit of a semaphore or a buffer: ready once someone released one. */
    PERMIT("permit", "permit released"),
    /** A lock: ready once its holder let go. */
    LOCK("lock", "lock released"),
    /** A database's answer: ready once the database sent it. */
    DATABASE("database", "database answered"),
    /** A worker process's reply: ready once the worker wrote it to its pipe. */
    WORKER("worker", "worker replied");

    private final String label;
    private final String event;

    Waited(String label, String event) {
        this.label = label;
        this.event = event;
    }

    /** How the trace names the wait: {@code "waiting for socket"}. */
    public String waitingLabel() {
        return "waiting for " + label;
    }

    /** How the trace names the moment the wait is over: {@code "answer sent"}. */
    public String eventLabel() {
        return event;
    }
}
