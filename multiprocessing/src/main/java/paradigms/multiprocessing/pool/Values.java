package paradigms.multiprocessing.pool;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The text values of a task (its arguments, in the worker) or of a reply (in the parent),
 * read with a check on each: what comes through a pipe is not trusted. Every failure is a
 * {@link Wire.BadFrameException} that names the value, gives its position and quotes what was
 * there. Messages are built only on failure: the happy path concatenates no strings.
 */
public record Values(List<String> list) {

    public static Values of(List<String> list) {
        return new Values(list);
    }

    public Values expectSize(int size, String what) throws Wire.BadFrameException {
        if (list.size() != size) {
            throw new Wire.BadFrameException(what + " needs " + size + " values, got " + list.size());
        }
        return this;
    }

    public Values expectAtLeast(int size, String what) throws Wire.BadFrameException {
        if (list.size() < size) {
            throw new Wire.BadFrameException(what + " needs at least " + size + " values, got " + list.size());
        }
        return this;
    }

    public int size() {
        return list.size();
    }

    public String text(int index, String name) throws Wire.BadFrameException {
        if (index >= list.size()) {
            throw new Wire.BadFrameException(label(index, name) + " is missing");
        }
        return list.get(index);
    }

    public long number(int index, String name) throws Wire.BadFrameException {
        String text = text(index, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Wire.BadFrameException(label(index, name) + " is not a whole number: \"" + Wire.excerpt(text) + "\"");
        }
    }

    public int integer(int index, String name) throws Wire.BadFrameException {
        long value = number(index, name);
        if (value != (int) value) {
            throw new Wire.BadFrameException(label(index, name) + " does not fit an int: " + value);
        }
        return (int) value;
    }

    public BigInteger bigInteger(int index, String name) throws Wire.BadFrameException {
        String text = text(index, name);
        try {
            return new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new Wire.BadFrameException(label(index, name) + " is not a whole number: \"" + Wire.excerpt(text) + "\"");
        }
    }

    public URI uri(int index, String name) throws Wire.BadFrameException {
        String text = text(index, name);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new Wire.BadFrameException(label(index, name) + " is not a URI: \"" + Wire.excerpt(text) + "\"");
        }
    }

    public <E extends Enum<E>> E oneOf(Class<E> type, int index, String name) throws Wire.BadFrameException {
        String text = text(index, name);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new Wire.BadFrameException(label(index, name) + " is not a " + type.getSimpleName() + ": \""
                    + Wire.excerpt(text) + "\"");
        }
    }

    private static String label(int index, String name) {
        return name + " (value " + index + ")";
    }
}
