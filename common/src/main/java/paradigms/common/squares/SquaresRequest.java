package paradigms.common.squares;

import paradigms.common.Check;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Compute, for each n, the sum of i*i for 0 &lt;= i &lt; n.
 *
 * @param ns the n's; each at least 0. An {@code int} n keeps every i*i inside a {@code long}
 *           ((2^31)^2 = 2^62), while the sum itself may need up to 94 bits.
 */
public record SquaresRequest(List<Integer> ns) {

    public SquaresRequest {
        ns = Check.nonEmpty("ns", ns);
        for (int i = 0; i < ns.size(); i++) {
            Check.notNegative("ns[" + i + "]", ns.get(i));
        }
    }

    /**
     * The inputs of Real Python's CPU-bound example ("Speed Up Your Python Program With
     * Concurrency"): n = 5,000,000 … 5,000,019.
     */
    public static SquaresRequest realPythonExample() {
        return new SquaresRequest(IntStream.range(5_000_000, 5_000_020).boxed().toList());
    }
}
