package paradigms.common.deadline;

/** How a deadline download ended. */
public enum Ending {
    /** Every URL downloaded. */
    ALL_FINISHED,
    /** One URL failed, and everything still outstanding was cancelled. */
    FAILED_FAST,
    /** The deadline passed, and everything still outstanding was cancelled. */
    DEADLINE_PASSED
}
