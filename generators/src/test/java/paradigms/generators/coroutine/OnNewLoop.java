package paradigms.generators.coroutine;

import paradigms.callbacks.loop.EventLoop;

import java.util.function.Function;

/** Test helper: runs one main coroutine on a loop of its own, and closes the loop. */
final class OnNewLoop {

    private OnNewLoop() {
    }

    static <T> T run(Function<Scheduler, Coroutine<T>> main) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            return scheduler.run(main.apply(scheduler));
        }
    }
}
