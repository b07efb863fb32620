package dev.dgc.readers.envi;

import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.Interleave;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Where each sample of an ENVI cube lies in its data file.
 *
 * @param data       the data file (for a gzip-compressed file: the compressed file the user has)
 * @param offset     bytes before the first sample ({@code header offset})
 * @param lines      rows
 * @param samples    columns
 * @param bands      bands
 * @param dataType   the sample type
 * @param byteOrder  the byte order of multi-byte samples
 * @param interleave how bands and pixels are interleaved
 * @param gzip       whether the data file is gzip-compressed ({@code file compression = 1})
 */
record EnviLayout(Path data, long offset, int lines, int samples, int bands, DataType dataType, ByteOrder byteOrder,
                  Interleave interleave, boolean gzip) {

    /**
     * @return the number of bytes the samples occupy after the offset
     */
    long dataBytes() {
        return (long) lines * samples * bands * dataType.bytes();
    }

    /**
     * The index, counted in samples from the offset, of one sample.
     *
     * @param row  row
     * @param col  column
     * @param band band
     * @return the sample index
     */
    long index(int row, int col, int band) {
        return switch (interleave) {
            case BSQ -> ((long) band * lines + row) * samples + col;
            case BIL -> ((long) row * bands + band) * samples + col;
            case BIP -> ((long) row * samples + col) * bands + band;
        };
    }
}
