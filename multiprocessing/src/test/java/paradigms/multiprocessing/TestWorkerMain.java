package paradigms.multiprocessing;

import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A worker for the lesson tests: the real {@link WorkerMain}, plus task kinds that misbehave
 * on purpose, so that a test can make a worker crash, lie or talk at the moment it chooses.
 */
final class TestWorkerMain {

    /** {@code exit CODE}: the worker dies in the middle of the task with that exit code. */
    static final String EXIT = "exit";
    /** {@code garbage}: the worker writes a line that is not a frame onto the wire. */
    static final String GARBAGE = "garbage";
    /** {@code stderr TEXT}: the worker writes TEXT on stderr. */
    static final String STDERR = "stderr";
    /** {@code stdout TEXT}: the task prints TEXT with System.out, as careless code would. */
    static final String STDOUT = "stdout";
    /** {@code lease-and-die}: the task takes the counter's lease from the parent, then its worker dies (exit code 9). */
    static final String LEASE_AND_DIE = "lease-and-die";

    private TestWorkerMain() {
    }

    public static void main(String[] args) {
        // The wire, grabbed before WorkerMain points System.out elsewhere.
        var rawStdout = new FileOutputStream(FileDescriptor.out);
        TaskHandler misbehaving = (kind, arguments, resources) -> switch (kind) {
            case EXIT -> {
                Runtime.getRuntime().halt(Integer.parseInt(arguments.getFirst()));
                yield List.of();
            }
            case GARBAGE -> {
                writeRaw(rawStdout, "this is not a frame \u0001\n");
                yield List.of();
            }
            case STDERR -> {
                System.err.println(arguments.getFirst());
                yield List.of();
            }
            case STDOUT -> {
                System.out.println(arguments.getFirst());
                yield List.of();
            }
            case LEASE_AND_DIE -> {
                resources.parent().call("lease");
                Runtime.getRuntime().halt(9);
                yield List.of();
            }
            default -> Workers.KNOWN_TASKS.run(kind, arguments, resources);
        };
        WorkerMain.exit(WorkerMain.serve(misbehaving));
    }

    private static void writeRaw(FileOutputStream out, String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    static WorkerCommand command() {
        return WorkerCommand.of(TestWorkerMain.class.getName());
    }
}
