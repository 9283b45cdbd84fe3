package paradigms.common.exhibition;

/** Who made a move. */
public enum Mover {
    MASTER,
    OPPONENT
}
