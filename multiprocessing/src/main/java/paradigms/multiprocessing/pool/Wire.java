package paradigms.multiprocessing.pool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link Frame} travels through a pipe: one line of UTF-8 text per frame.
 *
 * <pre>
 *   frame  = type ( TAB field )* LF
 *   type   = one or more of a-z
 *   field  = any text, with four characters escaped: \\ for \, \t for TAB, \n for LF, \r for CR
 * </pre>
 * For example {@code done⇥7⇥task⇥1732238400000000⇥1732238400003100⇥41666654166667500000}.
 *
 * <p><b>Why text lines and not JSON or Java serialization.</b> Java serialization is out:
 * it ties both ends to the same class versions and turns every read into a deserialization
 * risk. JSON (Jackson is on the class path) was measured: building and first using an
 * {@code ObjectMapper} in a fresh child JVM took 0.25–0.9 s on this machine (a one-off
 * experiment, while others loaded it), several times the JVM's own start-up, and a pool of
 * two must be ready in 150 ms. Tab-separated lines cost nothing to start, are read and
 * written in a few lines of code, and can be typed by hand into a worker (see the README).
 *
 * <p><b>Validated on read.</b> The reader accepts exactly the grammar above and nothing else:
 * a frame longer than {@link #MAX_FRAME_BYTES}, bytes that are not UTF-8, a control character
 * other than TAB, an unknown escape — each is a {@link BadFrameException} with the reason.
 * The pool adds which worker sent it ({@link MalformedFrameException}).
 */
public final class Wire {

    /** Large enough for any reply here (a crawled page's links); small enough that a runaway worker cannot fill the heap. */
    static final int MAX_FRAME_BYTES = 1 << 20;

    private Wire() {
    }

    /** A frame that breaks the grammar, or a field that is not what it should be. */
    public static final class BadFrameException extends Exception {
        public BadFrameException(String reason) {
            super(reason);
        }
    }

    static String encode(Frame frame) {
        var line = new StringBuilder(frame.type());
        for (String field : frame.fields()) {
            line.append('\t');
            escape(field, line);
        }
        return line.append('\n').toString();
    }

    /** Parses one line (without its LF). */
    static Frame decode(String line) throws BadFrameException {
        if (line.isEmpty()) {
            throw new BadFrameException("empty frame");
        }
        List<String> parts = new ArrayList<>();
        var field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                parts.add(field.toString());
                field.setLength(0);
            } else if (c == '\\') {
                if (++i == line.length()) {
                    throw new BadFrameException("a backslash ends the frame");
                }
                field.append(switch (line.charAt(i)) {
                    case '\\' -> '\\';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> throw new BadFrameException("unknown escape \\" + line.charAt(i) + " at character " + i);
                });
            } else if (c < 0x20 || c == 0x7f) {
                throw new BadFrameException("control character 0x" + Integer.toHexString(c) + " at character " + i);
            } else {
                field.append(c);
            }
        }
        parts.add(field.toString());
        String type = parts.getFirst();
        if (!isLowerCaseWord(type)) {
            throw new BadFrameException("the frame type must be lower-case letters, was \"" + excerpt(type) + "\"");
        }
        return new Frame(type, parts.subList(1, parts.size()));
    }

    private static boolean isLowerCaseWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 'a' || text.charAt(i) > 'z') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    static long number(String text, String name) throws BadFrameException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadFrameException(name + " is not a whole number: \"" + excerpt(text) + "\"");
        }
    }

    /** The start of a long text, for error messages. */
    public static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static void escape(String field, StringBuilder out) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /**
     * Reads frames from a pipe. Owned by one thread (the worker's main thread in a child, the
     * pool worker's thread in the parent); not thread-safe.
     */
    static final class Reader {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private boolean endedInsideFrame;

        /** {@code in} should be buffered: frames are read a byte at a time. */
        Reader(InputStream in) {
            this.in = in;
        }

        /** The next frame, or null at the end of the stream (the other side closed it or died). */
        Frame read() throws IOException, BadFrameException {
            line.reset();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return decode(utf8(line.toByteArray()));
                }
                if (line.size() >= MAX_FRAME_BYTES) {
                    throw new BadFrameException("frame longer than " + MAX_FRAME_BYTES + " bytes");
                }
                line.write(b);
            }
            endedInsideFrame = line.size() > 0;
            return null;
        }

        /** After {@link #read()} returned null: whether the stream stopped in the middle of a frame. */
        boolean endedInsideFrame() {
            return endedInsideFrame;
        }

        private static String utf8(byte[] bytes) throws BadFrameException {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new BadFrameException("the frame is not UTF-8 text");
            }
        }
    }

    /**
     * Writes frames to a pipe, one whole frame per call, flushed at once (the other side is
     * waiting for it). Thread-safe: {@link #write} is synchronized, so two threads' frames
     * never interleave.
     */
    static final class Writer {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        synchronized void write(Frame frame) throws IOException {
            out.write(encode(frame).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        synchronized void close() throws IOException {
            out.close();
        }
    }
}
