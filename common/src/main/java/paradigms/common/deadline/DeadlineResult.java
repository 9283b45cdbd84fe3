package paradigms.common.deadline;

import java.util.List;

/**
 * @param ending how the call ended
 * @param items  one outcome per URL, in input order
 */
public record DeadlineResult(Ending ending, List<ItemOutcome> items) {

    public DeadlineResult {
        items = List.copyOf(items);
    }

    public long count(Class<? extends ItemOutcome> kind) {
        return items.stream().filter(kind::isInstance).count();
    }
}
