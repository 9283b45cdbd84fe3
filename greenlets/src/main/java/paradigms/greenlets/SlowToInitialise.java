package paradigms.greenlets;

/**
 * A class whose static initialiser blocks, for the pinning lesson ({@link Pinning}).
 *
 * <p>The JVM runs {@code <clinit>} through a call from inside the VM, and a virtual thread
 * cannot unmount while a VM frame is on its stack: it stays pinned to its carrier for the
 * whole sleep. A class is initialised once per class loader, so the lesson can show this
 * once per JVM: the first time the class is touched.
 */
final class SlowToInitialise {

    /** How long the initialiser blocks. */
    static final long BLOCKS_MILLIS = 50;

    static {
        try {
            Thread.sleep(BLOCKS_MILLIS); // the lesson: blocking while the class initialises
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SlowToInitialise() {
    }

    /** Touching the class initialises it on first use. */
    static void touch() {
    }
}
