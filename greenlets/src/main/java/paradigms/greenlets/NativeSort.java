package paradigms.greenlets;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A native frame under Java code, for the pinning lesson ({@link Pinning}): C's {@code qsort}
 * (called through the Foreign Function API) calling back a Java comparator that blocks.
 *
 * <p>The JVM cannot copy a C frame to the heap and back, so a virtual thread with one on its
 * stack cannot unmount: when the comparator sleeps, the carrier sleeps with it. JNI code that
 * calls back into Java, and blocking inside a native call, pin the same way.
 *
 * <p>Needs {@code --enable-native-access=ALL-UNNAMED} (set by this module's POM) to run without
 * a warning: calling C is a restricted operation.
 */
@SuppressWarnings("restricted") // calling C is the point here; the POM grants the native access
final class NativeSort {

    private static final Linker C = Linker.nativeLinker();

    private NativeSort() {
    }

    /** Sorts {@code values} with the C library's qsort and a comparator that sleeps on every call. */
    static int[] sortSlowly(int[] values, long comparatorSleepMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle qsort = C.downcallHandle(
                    C.defaultLookup().find("qsort").orElseThrow(),
                    FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS));
            MethodHandle compare = MethodHandles.insertArguments(
                    MethodHandles.lookup().findStatic(NativeSort.class, "compareSlowly",
                            MethodType.methodType(int.class, long.class, MemorySegment.class, MemorySegment.class)),
                    0, comparatorSleepMillis);
            MemorySegment comparator = C.upcallStub(compare,
                    FunctionDescriptor.of(JAVA_INT, ADDRESS.withTargetLayout(JAVA_INT), ADDRESS.withTargetLayout(JAVA_INT)),
                    arena);
            MemorySegment array = arena.allocateFrom(JAVA_INT, values);
            qsort.invokeExact(array, (long) values.length, JAVA_INT.byteSize(), comparator);
            return array.toArray(JAVA_INT);
        } catch (Throwable e) {
            throw new IllegalStateException("calling qsort failed", e);
        }
    }

    /** Runs on the Java side of the upcall, with qsort's C frame below it on the stack. */
    private static int compareSlowly(long sleepMillis, MemorySegment left, MemorySegment right) {
        try {
            Thread.sleep(sleepMillis); // the lesson: blocking with a native frame on the stack
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.compare(left.get(JAVA_INT, 0), right.get(JAVA_INT, 0));
    }
}
