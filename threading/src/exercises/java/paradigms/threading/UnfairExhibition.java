package paradigms.threading;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code unfair-master} (threading/README.md, Exercises for you, 3): the chapter's
 * exhibition with an unfair master, {@code new ReentrantLock()}.
 */
final class UnfairExhibition implements ExhibitionExercise {

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise unfair-master is not done yet: implement UnfairExhibition.play"
                + " (a copy of Exhibition with an unfair lock) — see threading/README.md, Exercises for you, 3");
    }
}
