package paradigms.multiprocessing;

/**
 * A worker that says it is ready and then never reads its stdin again, like a worker stuck
 * in native code: closing its input does not stop it. Only a signal does — which is what the
 * pool's shutdown hook is for.
 */
final class DeafWorkerMain {

    private DeafWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready\t" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(60_000); // deaf on purpose: this sleep is the misbehaviour under test
    }
}
