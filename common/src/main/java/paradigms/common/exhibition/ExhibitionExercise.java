package paradigms.common.exhibition;

import paradigms.common.trace.Trace;

/**
 * The {@code exhibition} exercise: one master, many boards, waits of two lengths.
 *
 * <p>Contract (checked by {@code ExhibitionContract}): every game is complete with its moves
 * in order (master, opponent, master, …); no two master moves overlap — the master is one
 * exclusive resource; the exhibition takes {@link ExhibitionRequest#sequentialSeconds()} when
 * played game after game, and about {@link ExhibitionRequest#concurrentSeconds()} when the
 * paradigm waits for opponents concurrently. Record every move in a {@link MoveLog}.
 */
public interface ExhibitionExercise {

    ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException;
}
