package paradigms.common.waiters;

/**
 * @param completed        tasks whose wait ended
 * @param early            tasks that woke before their wait was over (must be 0)
 * @param maxWaitingAtOnce the most tasks that were waiting at the same moment
 */
public record WaitersResult(int completed, int early, int maxWaitingAtOnce) {
}
