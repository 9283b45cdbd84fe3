package paradigms.common.contract.broken;

import paradigms.common.Claim;
import paradigms.common.DelegatingParadigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.counter.CounterExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquaresExercise;

import java.util.Set;

/**
 * A paradigm that claims what it does not do: the sequential baseline with one exercise
 * swapped for a deliberately broken one. The tests in this package run a contract's checks
 * against it and expect them to fail — the proof that a contract cannot be fooled the way it
 * could before.
 */
final class Impostor extends DelegatingParadigm {

    private final Set<Claim> claims;
    private final SquaresExercise squares;
    private final CounterExercise counter;
    private final BlockingExercise blocking;
    private final PipelineExercise pipeline;
    private DownloadExercise download; // set only by download(…): the one exercise swapped there

    private Impostor(Set<Claim> claims, SquaresExercise squares, CounterExercise counter, BlockingExercise blocking,
                     PipelineExercise pipeline) {
        super(new SequentialParadigm());
        this.claims = claims;
        this.squares = squares;
        this.counter = counter;
        this.blocking = blocking;
        this.pipeline = pipeline;
    }

    static Impostor squares(Set<Claim> claims, SquaresExercise squares) {
        return new Impostor(claims, squares, null, null, null);
    }

    static Impostor counter(CounterExercise counter) {
        return new Impostor(Set.of(), null, counter, null, null);
    }

    static Impostor blocking(Set<Claim> claims, BlockingExercise blocking) {
        return new Impostor(claims, null, null, blocking, null);
    }

    static Impostor download(DownloadExercise download) {
        var impostor = new Impostor(Set.of(), null, null, null, null);
        impostor.download = download;
        return impostor;
    }

    static Impostor pipeline(Set<Claim> claims, PipelineExercise pipeline) {
        return new Impostor(claims, null, null, null, pipeline);
    }

    @Override
    public String name() {
        return "impostor";
    }

    @Override
    public Set<Claim> claims() {
        return claims;
    }

    @Override
    public DownloadExercise download() {
        return download != null ? download : delegate().download();
    }

    @Override
    public SquaresExercise squares() {
        return squares != null ? squares : delegate().squares();
    }

    @Override
    public CounterExercise counter() {
        return counter != null ? counter : delegate().counter();
    }

    @Override
    public BlockingExercise blocking() {
        return blocking != null ? blocking : delegate().blocking();
    }

    @Override
    public PipelineExercise pipeline() {
        return pipeline != null ? pipeline : delegate().pipeline();
    }
}
