package paradigms.compare;

import java.util.Locale;

/** How figures are written for people: in the terminal table and the report alike. */
final class Format {

    private Format() {
    }

    /** "8.50 ms", "850 ms", "4.31 s", "2 min 05 s", "13 h 53 min" (an estimate of hours needs no seconds). */
    static String millis(double millis) {
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        if (millis < 1_000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (millis < 120_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1_000);
        }
        long seconds = Math.round(millis / 1_000);
        if (seconds < 2 * 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        long minutes = Math.round(seconds / 60.0);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb < 1_024 ? String.format(Locale.ROOT, "%.0f MB", mb) : String.format(Locale.ROOT, "%.2f GB", mb / 1_024);
    }

    /** A small size, per task: "480 B", "8.7 KB", "1.2 MB" (1 KB = 1,024 bytes). */
    static String bytes(double bytes) {
        if (bytes < 1_024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        if (bytes < 1_024 * 1_024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1_024);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1_024 * 1_024));
    }

    /** "7.9×" */
    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 10 ? "%.2f×" : "%.1f×", ratio);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
