package dev.dgc.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The resident memory of this process as the Linux kernel counts it ({@code /proc/self/status}):
 * the peak ({@code VmHWM}) and the current ({@code VmRSS}) resident set. Unlike the JVM's heap
 * figures these include ND4J's off-heap buffers and the native libraries, which dominate a dgc run.
 *
 * @param peakResidentBytes the largest resident set since the process started, bytes
 * @param residentBytes     the resident set when read, bytes
 */
public record PeakMemory(long peakResidentBytes, long residentBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");

    /** Requires non-negative sizes. */
    public PeakMemory {
        if (peakResidentBytes < 0 || residentBytes < 0) {
            throw new IllegalArgumentException("memory sizes must be >= 0 bytes, found peak " + peakResidentBytes + ", current "
                    + residentBytes);
        }
    }

    /**
     * Reads the figures of this process. Thread-safe.
     *
     * @return them, or empty where {@code /proc} is absent or unreadable (macOS, Windows)
     */
    public static Optional<PeakMemory> read() {
        if (!Files.isReadable(STATUS)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readAllLines(STATUS, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The figures in the lines of a {@code status} file ({@code "VmHWM:\t  123456 kB"}).
     *
     * @param status its lines
     * @return the peak and current resident set, or empty when either line is missing or malformed
     */
    static Optional<PeakMemory> parse(List<String> status) {
        OptionalLong peak = kilobytes(status, "VmHWM:");
        OptionalLong current = kilobytes(status, "VmRSS:");
        if (peak.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeakMemory(peak.getAsLong() * 1024, current.getAsLong() * 1024));
    }

    private static OptionalLong kilobytes(List<String> status, String key) {
        for (String line : status) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].toLowerCase(Locale.ROOT).equals("kb")) {
                    try {
                        return OptionalLong.of(Long.parseLong(parts[0]));
                    } catch (NumberFormatException e) {
                        return OptionalLong.empty();
                    }
                }
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
