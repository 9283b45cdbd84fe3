package paradigms.common.blocking;

import java.time.Duration;

/**
 * @param ticks      how often the heartbeat ran
 * @param largestGap the longest time between two ticks (or between start and the first, or
 *                   the last and stop): how long the paradigm was stalled at worst
 */
public record HeartbeatStats(int ticks, Duration largestGap) {
}
