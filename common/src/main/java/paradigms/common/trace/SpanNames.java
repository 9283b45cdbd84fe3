package paradigms.common.trace;

import java.net.URI;

/**
 * The names of trace spans: one name per step, the same in every chapter, so that two
 * chapters' timelines can be laid side by side and differ only in where and when each step ran.
 *
 * <table>
 *   <caption>Steps and their span names</caption>
 *   <tr><th>exercise</th><th>step</th><th>name</th></tr>
 *   <tr><td>download, crawl, deadline</td><td>a request sent (or the whole blocking call)</td><td>{@code GET /data/7}</td></tr>
 *   <tr><td>download, crawl, deadline</td><td>a callback that handles the answer</td><td>{@code GET /data/7 answered}</td></tr>
 *   <tr><td>squares</td><td>one square sum</td><td>{@code sum 5000000}</td></tr>
 *   <tr><td>squares</td><td>part of one sum, i in [from, to)</td><td>{@code sum 5000000 [0, 2500000)}</td></tr>
 *   <tr><td>squares</td><td>several sums in one job</td><td>{@code sum 5000000…5000002}</td></tr>
 *   <tr><td>exhibition</td><td>one whole game</td><td>{@code board 3}</td></tr>
 *   <tr><td>exhibition</td><td>one master move / one opponent move</td><td>{@code board 3 master move 12} / {@code board 3 opponent move 12}</td></tr>
 *   <tr><td>blocking</td><td>one query (the blocking JDBC call)</td><td>{@code query 4}</td></tr>
 *   <tr><td>blocking</td><td>a callback that handles a query's answer</td><td>{@code query 4 answered}</td></tr>
 *   <tr><td>waiters</td><td>one task's wait</td><td>{@code wait 9}</td></tr>
 *   <tr><td>waiters</td><td>a callback that ends one task's wait</td><td>{@code wait over}</td></tr>
 *   <tr><td>counter</td><td>one task's read-suspend-write</td><td>{@code task 2}</td></tr>
 *   <tr><td>counter</td><td>the read half / the write half</td><td>{@code task 2 read} / {@code task 2 write}</td></tr>
 *   <tr><td>pipeline</td><td>stage 1: a page's request</td><td>{@code GET /data/7} (as download)</td></tr>
 *   <tr><td>pipeline</td><td>stage 2: processing one page</td><td>{@code process /data/7}</td></tr>
 *   <tr><td>resume</td><td>a sleeper, from its start to its handling's end</td><td>{@code sleeper 12}</td></tr>
 *   <tr><td>resume</td><td>a busy task's computation</td><td>{@code busy 1}</td></tr>
 * </table>
 *
 * <p>A chapter that runs a step in several slices (an event loop) opens one span per slice
 * with the same name; the gaps between them are the suspensions.
 */
public final class SpanNames {

    private SpanNames() {
    }

    /** A request for {@code url}, or the whole blocking call that sends it and reads the answer. */
    public static String request(URI url) {
        return "GET " + url.getPath();
    }

    /** The callback or continuation that handles the answer to a request for {@code url}. */
    public static String answered(URI url) {
        return request(url) + " answered";
    }

    /** One square sum: the sum of i*i for i < n. */
    public static String sum(long n) {
        return "sum " + n;
    }

    /** Part of one square sum: i in [from, to). */
    public static String sumPart(long n, long from, long to) {
        return sum(n) + " [" + from + ", " + to + ")";
    }

    /** Several square sums done as one job, from the first n to the last. */
    public static String sums(long first, long last) {
        return first == last ? sum(first) : "sum " + first + "…" + last;
    }

    /** One whole game of the exhibition. */
    public static String game(int board) {
        return "board " + board;
    }

    /** One master move: the exclusive resource at work. */
    public static String masterMove(int board, int pair) {
        return game(board) + " master move " + pair;
    }

    /** One opponent move. */
    public static String opponentMove(int board, int pair) {
        return game(board) + " opponent move " + pair;
    }

    /** One query: the blocking call. */
    public static String query(int id) {
        return "query " + id;
    }

    /** The callback or continuation that handles a query's answer. */
    public static String queryAnswered(int id) {
        return query(id) + " answered";
    }

    /** One waiting task's wait. */
    public static String waiting(int task) {
        return "wait " + task;
    }

    /**
     * The callback that ends a waiting task's wait. One constant name, without the task's number:
     * an event loop runs up to millions of these, and a name built per task would cost an
     * allocation per wake-up even when the trace is off.
     */
    public static final String WAIT_OVER = "wait over";

    /** One counter task's whole read-suspend-write. */
    public static String task(int task) {
        return "task " + task;
    }

    /** The read half of a counter task. */
    public static String read(int task) {
        return task(task) + " read";
    }

    /** The write half of a counter task. */
    public static String write(int task) {
        return task(task) + " write";
    }

    /** Stage 2 of the pipeline on the page of {@code url}. */
    public static String process(URI url) {
        return "process " + url.getPath();
    }

    /** A sleeper of the resume exercise. */
    public static String sleeper(int index) {
        return "sleeper " + index;
    }

    /** A busy task of the resume exercise. */
    public static String busy(int index) {
        return "busy " + index;
    }
}
