package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.Move;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code exhibition}: the talk's simultaneous chess exhibition (24 boards, master 5 s, opponent
 * 55 s, 30 move pairs) on a clock where one exhibition second lasts {@code secondLasts}.
 */
record ExhibitionWorkload(Duration secondLasts, Repeats repeats) implements Workload {

    /**
     * This exercise's case in {@code mode}: an exhibition second lasts 100 µs. Quick mode runs
     * it once, with no warm-up: it sleeps rather than runs JIT-sensitive code, and the
     * sequential one alone takes seconds.
     */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK, REFERENCE -> List.of(new ExhibitionWorkload(Duration.ofNanos(100_000), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(60))));
            case FULL -> List.of(new ExhibitionWorkload(Duration.ofNanos(100_000),
                    new Repeats(1, 3, Duration.ofSeconds(30), Duration.ofSeconds(120))));
        };
    }

    ExhibitionRequest request() {
        return ExhibitionRequest.pyConExhibition(secondLasts);
    }

    @Override
    public String id() {
        return "exhibition";
    }

    @Override
    public Exercise exercise() {
        return Exercise.EXHIBITION;
    }

    @Override
    public String description() {
        var request = request();
        return String.format(Locale.ROOT, "%d boards × %d move pairs, master %d s, opponent %d s; 1 exhibition s = %d µs",
                request.boards(), request.movePairs(), request.masterMoveSeconds(), request.opponentMoveSeconds(),
                secondLasts.toNanos() / 1_000);
    }

    @Override
    public boolean traced() {
        return true;
    }

    /** The master never waits: all his moves back to back, then the last reply (about one exhibition hour). */
    @Override
    public Optional<Duration> ideal() {
        return Optional.of(secondLasts.multipliedBy(request().concurrentSeconds()));
    }

    @Override
    public Prepared<ExhibitionResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        var request = request();
        var exhibition = paradigm.exhibition();
        return new Prepared<>() {
            @Override
            public ExhibitionResult run(Trace trace) throws InterruptedException {
                return exhibition.play(request, trace);
            }

            @Override
            public Outcome check(ExhibitionResult result) {
                int expected = 2 * request.boards() * request.movePairs();
                String problem = result.moves().size() == expected ? null
                        : result.moves().size() + " moves recorded, expected " + expected;
                return new Outcome(0, problem, null, result.exhibitionHours(), masterMoves(result.moves()));
            }
        };
    }

    /** The master's moves in time order, in microseconds since the first move of the game started. */
    static List<MasterMove> masterMoves(List<Move> moves) {
        long origin = moves.stream().mapToLong(Move::startNanos).min().orElse(0);
        return moves.stream()
                .filter(move -> move.mover() == Mover.MASTER)
                .sorted(Comparator.comparingLong(Move::startNanos))
                .map(move -> new MasterMove(move.board(), (move.startNanos() - origin) / 1_000, (move.endNanos() - origin) / 1_000))
                .toList();
    }
}
