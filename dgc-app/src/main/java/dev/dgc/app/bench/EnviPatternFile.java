package dev.dgc.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link PatternCube}'s values as an ENVI file (int16, band-sequential, little-endian) with
 * its header, so that prediction can be measured through the normal ENVI reader on a cube that
 * cannot be held in memory. Half the size of float32: 4096×4096×200 is 6.7 GB. Stateless.
 */
final class EnviPatternFile {

    /** Rows written per call: bounds the write buffer to rows × samples × 2 bytes. */
    private static final int ROWS_PER_WRITE = 64;

    private EnviPatternFile() {
    }

    /**
     * Writes {@code <stem>.img} and {@code <stem>.hdr}.
     *
     * @param dir     an existing directory
     * @param stem    the file name without extension
     * @param lines   rows
     * @param samples columns
     * @param bands   bands
     * @return the header's path, which the ENVI reader opens
     * @throws IOException when the files cannot be written (the message says how much space was needed)
     */
    static Path write(Path dir, String stem, int lines, int samples, int bands) throws IOException {
        Path data = dir.resolve(stem + ".img");
        Path header = dir.resolve(stem + ".hdr");
        long bytes = 2L * lines * samples * bands;
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.multiplyExact(2 * ROWS_PER_WRITE, samples)).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int b = 0; b < bands; b++) {
                for (int r0 = 0; r0 < lines; r0 += ROWS_PER_WRITE) {
                    buffer.clear();
                    for (int r = r0; r < Math.min(lines, r0 + ROWS_PER_WRITE); r++) {
                        for (int c = 0; c < samples; c++) {
                            buffer.putShort(PatternCube.value(b, r, c));
                        }
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
            }
        } catch (IOException ex) {
            Files.deleteIfExists(data);
            throw new IOException("could not write the benchmark cube " + data + " (" + bytes / (1 << 20) + " MiB needed): "
                    + ex.getMessage(), ex);
        }
        Files.writeString(header, "ENVI\n"
                + "description = {dgc bench: a deterministic int16 pattern}\n"
                + "samples = " + samples + "\n"
                + "lines = " + lines + "\n"
                + "bands = " + bands + "\n"
                + "header offset = 0\n"
                + "file type = ENVI Standard\n"
                + "data type = 2\n"
                + "interleave = bsq\n"
                + "byte order = 0\n", StandardCharsets.US_ASCII);
        return header;
    }
}
