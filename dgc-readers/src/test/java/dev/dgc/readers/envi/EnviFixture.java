package dev.dgc.readers.envi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small ENVI files written by the tests themselves, for quirks the real samples do not show. */
final class EnviFixture {

    private EnviFixture() {
    }

    /**
     * Writes {@code name.hdr} and the data file {@code name.img}.
     *
     * @param dir    directory
     * @param name   stem
     * @param header header text
     * @param data   data file bytes
     * @return the data file
     * @throws IOException if writing fails
     */
    static Path write(Path dir, String name, String header, byte[] data) throws IOException {
        Files.writeString(dir.resolve(name + ".hdr"), header, StandardCharsets.UTF_8);
        return Files.write(dir.resolve(name + ".img"), data);
    }

    /**
     * A minimal header.
     *
     * @param lines      rows
     * @param samples    columns
     * @param bands      bands
     * @param dataType   ENVI data type code
     * @param interleave bsq, bil or bip
     * @param byteOrder  0 or 1
     * @param extra      further lines, each ending in a newline
     * @return the text
     */
    static String header(int lines, int samples, int bands, int dataType, String interleave, int byteOrder, String extra) {
        return "ENVI\nsamples = " + samples + "\nlines = " + lines + "\nbands = " + bands + "\nheader offset = 0\n"
                + "file type = ENVI Standard\ndata type = " + dataType + "\ninterleave = " + interleave + "\nbyte order = "
                + byteOrder + "\n" + extra;
    }

    /**
     * Float32 samples in the given order.
     *
     * @param order  byte order
     * @param values samples in file order
     * @return the bytes
     */
    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
