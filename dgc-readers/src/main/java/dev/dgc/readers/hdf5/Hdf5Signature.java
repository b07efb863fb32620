package dev.dgc.readers.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where an HDF5 file's superblock lies, read from a few bytes only. HDF5 allows a "user block"
 * before the superblock, so the signature {@code \x89HDF\r\n\x1a\n} may sit at byte 0, 512, 1024,
 * 2048, … (powers of two from 512). MATLAB v7.3 MAT-files are HDF5 files whose 512-byte user block
 * holds the MATLAB header text; {@link #matlab()} tells them apart.
 *
 * @param offset the superblock's byte offset, or −1 when the file is not HDF5
 * @param matlab whether the file starts with MATLAB's header text ({@code "MATLAB"})
 */
public record Hdf5Signature(long offset, boolean matlab) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] MATLAB = "MATLAB".getBytes(StandardCharsets.US_ASCII);
    /** Past this offset no writer puts a user block; the search stops so probing stays fast. */
    private static final long MAX_OFFSET = 1L << 24;

    /**
     * Reads the signature of a file: at most 8 bytes at each candidate offset (about 16 reads).
     * Thread-safe.
     *
     * @param path the file
     * @return the signature; {@link #offset()} is −1 if no HDF5 signature was found
     * @throws IOException if the file cannot be read
     */
    public static Hdf5Signature read(Path path) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            long size = channel.size();
            byte[] head = readAt(channel, 0, MATLAB.length);
            boolean matlab = Arrays.equals(head, MATLAB);
            for (long at = 0; at + SIGNATURE.length <= size && at <= MAX_OFFSET; at = at == 0 ? 512 : at * 2) {
                if (Arrays.equals(readAt(channel, at, SIGNATURE.length), SIGNATURE)) {
                    return new Hdf5Signature(at, matlab);
                }
            }
            return new Hdf5Signature(-1, matlab);
        }
    }

    /**
     * @return whether an HDF5 superblock was found
     */
    public boolean hdf5() {
        return offset >= 0;
    }

    private static byte[] readAt(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // a channel may return fewer bytes than asked for; keep reading until full or at end
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
