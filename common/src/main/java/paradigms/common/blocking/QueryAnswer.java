package paradigms.common.blocking;

/**
 * @param id         the number the query was asked to echo
 * @param backendPid the PostgreSQL server process that ran it: one per connection, so the
 *                   number of distinct pids is the number of connections used
 */
public record QueryAnswer(int id, int backendPid) {
}
