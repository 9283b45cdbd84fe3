package paradigms.greenlets;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code synchronized-master} (greenlets/README.md, Exercises for you, 3): the chapter's
 * exhibition with the master as a {@code synchronized} block instead of a fair lock.
 */
final class SynchronizedExhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise synchronized-master is not done yet: implement SynchronizedExhibition.play"
                + " (a copy of Exhibition with synchronized for the master) — see greenlets/README.md, Exercises for you, 3");
    }
}
