package dev.dgc.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The process's peak resident memory as Linux counts it ({@code VmHWM} in {@code /proc/self/status}),
 * which includes what native libraries allocate off the Java heap. Writing "5" to
 * {@code /proc/self/clear_refs} (Linux 4.0 and later) resets the peak to the current resident size,
 * so that each case's peak is its own. Where either file is missing (other systems) the peak is
 * unknown; where the reset is refused the peak is the process's so far. Stateless.
 */
final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {
    }

    /**
     * Resets the high-water mark to the current resident size.
     *
     * @return whether the kernel accepted the reset
     */
    static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | SecurityException | UnsupportedOperationException ex) {
            return false;
        }
    }

    /** @return the peak resident memory since the last reset (or process start), in MiB; empty when unknown */
    static OptionalDouble peakMb() {
        return field("VmHWM:");
    }

    /** @return the current resident memory in MiB; empty when unknown */
    static OptionalDouble residentMb() {
        return field("VmRSS:");
    }

    private static OptionalDouble field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    String kb = line.substring(name.length()).trim().split("\\s+")[0];
                    return OptionalDouble.of(Long.parseLong(kb) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException | SecurityException ex) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
