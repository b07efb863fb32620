package dev.dgc.readers.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the first bytes and the first image directory of a file say: whether it is a TIFF (classic
 * or BigTIFF), its byte order, its samples per pixel and whether it carries GeoKeys. Reads the
 * 16-byte header and the first directory only, so probing stays fast on large files.
 *
 * @param tiff            whether the magic number is TIFF's
 * @param bigTiff         whether it is a BigTIFF (version 43)
 * @param order           the byte order, for TIFFs
 * @param samplesPerPixel SamplesPerPixel of the first image (1 when the tag is absent)
 * @param geoKeys         whether the first image has a GeoKeyDirectory
 * @param description     what the file is ("TIFF", "BigTIFF"), or why it is not a readable TIFF
 */
record TiffSignature(boolean tiff, boolean bigTiff, ByteOrder order, int samplesPerPixel, boolean geoKeys,
                     String description) {

    private static final int TAG_SAMPLES_PER_PIXEL = 277;
    private static final int TAG_GEO_KEY_DIRECTORY = 34735;
    /** Directories hold a few dozen entries; this bounds what a corrupt count can make us read. */
    private static final int MAX_ENTRIES = 4096;

    /**
     * Reads the signature of a file.
     *
     * @param path the file
     * @return the signature; a non-TIFF answers {@code tiff == false}
     * @throws IOException if the file cannot be read
     */
    static TiffSignature read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = readAt(ch, 0, 16);
            if (head.remaining() < 8) {
                return notTiff("not a TIFF: only " + head.remaining() + " bytes");
            }
            byte b0 = head.get(0);
            byte b1 = head.get(1);
            ByteOrder order;
            if (b0 == 'I' && b1 == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (b0 == 'M' && b1 == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                return notTiff("not a TIFF: no byte-order mark (II or MM)");
            }
            head.order(order);
            int version = head.getShort(2) & 0xFFFF;
            if (version != 42 && version != 43) {
                return notTiff("not a TIFF: byte-order mark but version " + version + " instead of 42 (TIFF) or 43 (BigTIFF)");
            }
            boolean big = version == 43;
            if (big && head.remaining() < 16) {
                return notTiff("truncated BigTIFF header");
            }
            long ifd = big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL;
            return scanDirectory(ch, order, big, ifd);
        }
    }

    private static TiffSignature scanDirectory(FileChannel ch, ByteOrder order, boolean big, long ifd) throws IOException {
        String kind = big ? "BigTIFF" : "TIFF";
        ByteBuffer countBuf = readAt(ch, ifd, big ? 8 : 2).order(order);
        if (countBuf.remaining() < (big ? 8 : 2)) {
            return notTiff("truncated " + kind + ": the first image directory lies past the end of the file");
        }
        long count = big ? countBuf.getLong(0) : countBuf.getShort(0) & 0xFFFF;
        int entrySize = big ? 20 : 12;
        int n = (int) Math.min(count, MAX_ENTRIES);
        ByteBuffer entries = readAt(ch, ifd + (big ? 8 : 2), n * entrySize).order(order);
        int samples = 1;
        boolean geo = false;
        for (int i = 0; (i + 1) * entrySize <= entries.limit(); i++) {
            int base = i * entrySize;
            int tag = entries.getShort(base) & 0xFFFF;
            int type = entries.getShort(base + 2) & 0xFFFF;
            if (tag == TAG_SAMPLES_PER_PIXEL) {
                int valueAt = base + (big ? 12 : 8);
                samples = type == 3 ? entries.getShort(valueAt) & 0xFFFF : entries.getInt(valueAt);
            } else if (tag == TAG_GEO_KEY_DIRECTORY) {
                geo = true;
            }
        }
        return new TiffSignature(true, big, order, samples, geo, kind);
    }

    private static TiffSignature notTiff(String why) {
        return new TiffSignature(false, false, null, 0, false, why);
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        return buf;
    }
}
