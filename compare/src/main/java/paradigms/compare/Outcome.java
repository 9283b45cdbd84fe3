package paradigms.compare;

import java.util.List;

/**
 * What one run of a case produced, beyond its cost: enough to check it and to draw it.
 *
 * @param units         requests, pages or queries done (for the per-second figure); 0 for squares and exhibition
 * @param problem       null when the result is right; otherwise what is wrong with it
 * @param heartbeatGapMillis blocking: the heartbeat's largest gap; otherwise null
 * @param exhibitionHours    exhibition: how long it took in exhibition hours; otherwise null
 * @param masterMoves   exhibition: the master's moves, for the picture; otherwise empty
 */
record Outcome(int units, String problem, Double heartbeatGapMillis, Double exhibitionHours, List<MasterMove> masterMoves) {

    Outcome {
        masterMoves = masterMoves == null ? List.of() : List.copyOf(masterMoves);
    }

    static Outcome of(int units, String problem) {
        return new Outcome(units, problem, null, null, List.of());
    }
}
