package paradigms.common.blocking;

import java.util.Comparator;
import java.util.List;

/**
 * @param answers   one per query, sorted by id
 * @param heartbeat how steadily the heartbeat ticked meanwhile
 */
public record BlockingResult(List<QueryAnswer> answers, HeartbeatStats heartbeat) {

    public BlockingResult {
        answers = answers.stream().sorted(Comparator.comparingInt(QueryAnswer::id)).toList();
    }

    public long connectionsUsed() {
        return answers.stream().mapToInt(QueryAnswer::backendPid).distinct().count();
    }
}
