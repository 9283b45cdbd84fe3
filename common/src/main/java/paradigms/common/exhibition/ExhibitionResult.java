package paradigms.common.exhibition;

import java.util.List;

/**
 * @param moves               every move made, as recorded while playing
 * @param exhibitionSeconds   how long the whole exhibition took, converted back from real
 *                            time to exhibition seconds
 */
public record ExhibitionResult(List<Move> moves, double exhibitionSeconds) {

    public ExhibitionResult {
        moves = List.copyOf(moves);
    }

    /** Hours, the unit the talk quotes (12 h sequential, 1 h concurrent). */
    public double exhibitionHours() {
        return exhibitionSeconds / 3600.0;
    }
}
