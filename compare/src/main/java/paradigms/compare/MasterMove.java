package paradigms.compare;

/**
 * One move of the exhibition's master, in microseconds since the first move started: the
 * points of the "master walks from board to board" picture.
 */
record MasterMove(int board, long startMicros, long endMicros) {
}
