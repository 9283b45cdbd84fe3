package paradigms.multiprocessing.pool;

import paradigms.common.contract.TestTimeouts;
import paradigms.multiprocessing.pool.Frame;
import paradigms.multiprocessing.pool.Wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire format on its own, without processes: what goes in comes out, and nothing else gets in. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WireTest {

    @Test
    void everyFieldSurvivesTheRoundTripWhateverItContains() throws Exception {
        var frame = new Frame("done", List.of("7", "", "tab\there", "line\nbreak\r", "back\\slash\\t", "ünïcödé ✓", " spaces "));
        String line = Wire.encode(frame);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one frame, one line: " + line);
        assertEquals(frame, Wire.decode(line.substring(0, line.length() - 1)));
    }

    @Test
    void aReaderReadsFramesUntilTheEndOfTheStream() throws Exception {
        var out = new ByteArrayOutputStream();
        var writer = new Wire.Writer(out);
        writer.write(Frame.of("ready", 42));
        writer.write(Frame.of("task", 1, "squares", 5));
        var reader = new Wire.Reader(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(Frame.of("ready", 42), reader.read());
        assertEquals(Frame.of("task", 1, "squares", 5), reader.read());
        assertNull(reader.read(), "end of stream");
        assertFalse(reader.endedInsideFrame());
    }

    @Test
    void aStreamThatStopsInTheMiddleOfAFrameIsNoticed() throws Exception {
        var reader = new Wire.Reader(new ByteArrayInputStream("done\t1\tta".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.read());
        assertTrue(reader.endedInsideFrame(), "a partial frame, as when a worker dies while writing");
    }

    @Test
    void everyBreakOfTheGrammarIsRejectedWithItsReason() {
        assertRejected("", "empty frame");
        assertRejected("\tfield", "lower-case letters");
        assertRejected("Done\t1", "lower-case letters");
        assertRejected("done\tbad\\q", "unknown escape \\q");
        assertRejected("done\tends with\\", "a backslash ends the frame");
        assertRejected("done\tbell\u0007", "control character 0x7");
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() {
        byte[] latin1 = "done\tcaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        var reader = new Wire.Reader(new ByteArrayInputStream(latin1));
        var error = assertThrows(Wire.BadFrameException.class, reader::read);
        assertTrue(error.getMessage().contains("not UTF-8"), error.getMessage());
    }

    @Test
    void aFrameLongerThanTheLimitIsRejectedBeforeItFillsTheHeap() {
        byte[] huge = new byte[Wire.MAX_FRAME_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        var reader = new Wire.Reader(new ByteArrayInputStream(huge));
        var error = assertThrows(Wire.BadFrameException.class, reader::read);
        assertTrue(error.getMessage().contains("longer than"), error.getMessage());
    }

    @Test
    void fieldsAreCheckedAsTheyAreRead() throws Exception {
        Frame done = Frame.of("done", "7", "task", "12x", "15");
        assertEquals(7, done.number(0, "id"));
        var notANumber = assertThrows(Wire.BadFrameException.class, () -> done.number(2, "start"));
        assertEquals("start is not a whole number: \"12x\"", notANumber.getMessage());
        var missing = assertThrows(Wire.BadFrameException.class, () -> done.text(9, "detail"));
        assertEquals("field 9 (detail) is missing", missing.getMessage());
        var wrongType = assertThrows(Wire.BadFrameException.class, () -> done.expect("ready", 1));
        assertEquals("expected a \"ready\" frame, got \"done\"", wrongType.getMessage());
    }

    private static void assertRejected(String line, String reason) {
        var error = assertThrows(Wire.BadFrameException.class, () -> Wire.decode(line), line);
        assertTrue(error.getMessage().contains(reason), "\"" + error.getMessage() + "\" should say " + reason);
    }
}
