package paradigms.common.pipeline;

import java.util.List;

/** @param items one item per URL, in input order */
public record PipelineResult(List<PipelineItem> items) {

    public PipelineResult {
        items = List.copyOf(items);
    }

    public long count(Class<? extends PipelineItem> kind) {
        return items.stream().filter(kind::isInstance).count();
    }
}
