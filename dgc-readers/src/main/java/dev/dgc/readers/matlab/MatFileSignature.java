package dev.dgc.readers.matlab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the first bytes of a file say about it being a MATLAB MAT-file, read without decoding
 * anything else.
 *
 * <p>A MATLAB 5 file starts with a 128-byte header: 116 bytes of text beginning with
 * {@code "MATLAB"}, an 8-byte subsystem offset, a 2-byte version ({@code 0x0100}) and the endian
 * indicator {@code "IM"} (written little-endian) or {@code "MI"} (big-endian). A v7.3 file carries
 * the same header (version {@code 0x0200}) in a 512-byte HDF5 user block, so the HDF5 signature
 * follows at byte 512.
 *
 * @param format      what kind of file this is
 * @param description the header text for a MAT-file, or why the file is not one
 * @param byteOrder   the byte order the header declares; little-endian when it declares none
 */
record MatFileSignature(Format format, String description, ByteOrder byteOrder) {

    /** The kinds of file the signature tells apart. */
    enum Format {
        /** A MATLAB 5 MAT-file (also what MATLAB calls v6 and v7). */
        V5,
        /** A MATLAB v7.3 MAT-file, which is an HDF5 file. */
        V73,
        /** Anything else. */
        OTHER
    }

    /** How many leading bytes the signature needs: the MATLAB header and the HDF5 signature after it. */
    static final int PREFIX_BYTES = 520;

    private static final int HEADER_BYTES = 128;
    private static final int TEXT_BYTES = 116;
    private static final int VERSION_OFFSET = 124;
    private static final int HDF5_OFFSET = 512;
    private static final int VERSION_5 = 0x0100;
    private static final byte[] MATLAB = "MATLAB".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** Requires every field. */
    MatFileSignature {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(byteOrder, "byteOrder");
    }

    /**
     * Reads the first {@link #PREFIX_BYTES} bytes of a file (fewer if it is shorter) and classifies
     * them.
     *
     * @param path the file
     * @return the signature
     * @throws IOException if the file cannot be opened or read
     */
    static MatFileSignature read(Path path) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES);
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            while (prefix.hasRemaining() && channel.read(prefix) >= 0) {
                // a channel may return fewer bytes than asked for; keep reading until full or at end
            }
        }
        return of(Arrays.copyOf(prefix.array(), prefix.position()));
    }

    /**
     * Classifies the leading bytes of a file.
     *
     * @param prefix the first bytes of the file, ideally {@link #PREFIX_BYTES} of them
     * @return the signature
     */
    static MatFileSignature of(byte[] prefix) {
        if (prefix.length < MATLAB.length || !Arrays.equals(prefix, 0, MATLAB.length, MATLAB, 0, MATLAB.length)) {
            return other("it does not start with a MATLAB header text");
        }
        if (prefix.length < HEADER_BYTES) {
            return other("its MATLAB header ends after " + prefix.length + " of " + HEADER_BYTES + " bytes");
        }
        ByteOrder order;
        if (prefix[126] == 'I' && prefix[127] == 'M') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (prefix[126] == 'M' && prefix[127] == 'I') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return other("its header has no endian indicator ('IM' or 'MI') at byte 126");
        }
        String text = headerText(prefix);
        boolean hdf5 = prefix.length >= HDF5_OFFSET + HDF5.length
                && Arrays.equals(prefix, HDF5_OFFSET, HDF5_OFFSET + HDF5.length, HDF5, 0, HDF5.length);
        if (hdf5) {
            return new MatFileSignature(Format.V73, text, order);
        }
        int version = ByteBuffer.wrap(prefix, VERSION_OFFSET, 2).order(order).getShort() & 0xffff;
        if (version != VERSION_5) {
            return other(String.format("its header declares MAT-file version 0x%04x, not 0x%04x (MATLAB 5)", version, VERSION_5));
        }
        return new MatFileSignature(Format.V5, text, order);
    }

    private static MatFileSignature other(String why) {
        return new MatFileSignature(Format.OTHER, why, ByteOrder.LITTLE_ENDIAN);
    }

    /** The descriptive text, without the space and NUL padding writers fill the 116 bytes with. */
    private static String headerText(byte[] prefix) {
        int end = TEXT_BYTES;
        while (end > 0 && (prefix[end - 1] == ' ' || prefix[end - 1] == 0)) {
            end--;
        }
        String text = new String(prefix, 0, end, StandardCharsets.ISO_8859_1);
        // control characters in a damaged header would garble probe reasons and error messages
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
