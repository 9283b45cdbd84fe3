package paradigms.common.resume;

/**
 * @param sleepersWoke sleepers that ran again after their wait
 * @param early        sleepers that ran again before their timer was due (must be 0)
 * @param busyDone     busy tasks that computed their whole time
 */
public record ResumeResult(int sleepersWoke, int early, int busyDone) {
}
