package dev.dgc.readers.envi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.dgc.readers.envi.LargeEnviCubeCheck.BANDS;
import static dev.dgc.readers.envi.LargeEnviCubeCheck.LINES;
import static dev.dgc.readers.envi.LargeEnviCubeCheck.PLANTED;
import static dev.dgc.readers.envi.LargeEnviCubeCheck.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cube sixteen times larger than the heap is read window by window: a sparse 4 GiB big-endian
 * float32 BSQ file (its second band starts past 2 GiB, its last sample past 4 GiB) is checked by
 * {@link LargeEnviCubeCheck} in a child JVM limited to {@code -Xmx256m}.
 */
class EnviLargeFileTest {

    private static final int HEADER_OFFSET = 100;

    @Test
    void aSparse4GibCubeIsReadWindowByWindowInA256MibHeap(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("huge.img");
        long bytes = HEADER_OFFSET + (long) LINES * SAMPLES * BANDS * 4;
        assertThat(bytes).isGreaterThan(1L << 32);
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(bytes);
            for (LargeEnviCubeCheck.Planted p : PLANTED) {
                f.seek(HEADER_OFFSET + (((long) p.band() * LINES + p.row()) * SAMPLES + p.col()) * 4);
                f.writeFloat(Float.isNaN(p.value()) ? -9999f : p.value());
            }
        }
        Path header = Files.writeString(dir.resolve("huge.hdr"), "ENVI\nsamples = " + SAMPLES + "\nlines = " + LINES + "\nbands = "
                + BANDS + "\nheader offset = " + HEADER_OFFSET + "\ndata type = 4\ninterleave = bsq\nbyte order = 1\n"
                + "data ignore value = -9999\n", StandardCharsets.US_ASCII);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeEnviCubeCheck.class.getName(), header.toString()))
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished within 2 minutes").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).startsWith("OK 37 windows, max heap ");
        long maxHeapMiB = Long.parseLong(output.replaceAll("(?s).*max heap (\\d+) MiB.*", "$1"));
        assertThat(maxHeapMiB).isLessThanOrEqualTo(256);
    }
}
