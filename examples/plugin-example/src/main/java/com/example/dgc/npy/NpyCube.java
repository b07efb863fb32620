package com.example.dgc.npy;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.Window;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A {@code .npy} cube read window by window with positional reads, so a cube larger than the heap
 * costs only the window asked for. Thread-safe: positional reads do not move the channel.
 */
final class NpyCube implements HyperspectralCube {

    private final Path file;
    private final FileChannel channel;
    private final NpyHeader header;
    private final CubeMetadata metadata;
    private final boolean bandsFirst;

    NpyCube(Path file, FileChannel channel, NpyHeader header, CubeMetadata metadata, boolean bandsFirst) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.metadata = metadata;
        this.bandsFirst = bandsFirst;
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) throws IOException {
        window.requireWithin(metadata.lines(), metadata.samples());
        for (int b : bands) {
            if (b < 0 || b >= metadata.bands()) {
                throw new IndexOutOfBoundsException("band " + b + " outside 0…" + (metadata.bands() - 1) + " of " + file);
            }
        }
        int rows = window.rows();
        int cols = window.cols();
        int size = header.dataType().bytes();
        if (bandsFirst) {
            // (bands, rows, cols): each window row of each band is one contiguous run
            ByteBuffer buf = ByteBuffer.allocate(cols * size).order(header.order());
            for (int bi = 0; bi < bands.length; bi++) {
                for (int r = 0; r < rows; r++) {
                    long element = ((long) bands[bi] * metadata.lines() + window.row() + r) * metadata.samples() + window.col();
                    buf.clear();
                    NpyHeader.readFully(channel, buf, header.dataOffset() + element * size, file);
                    for (int c = 0; c < cols; c++) {
                        dst[(bi * rows + r) * cols + c] = value(buf, c * size);
                    }
                }
            }
        } else {
            // (rows, cols, bands): a window row holds every band of its pixels contiguously
            int nb = metadata.bands();
            ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(cols, nb) * size).order(header.order());
            for (int r = 0; r < rows; r++) {
                long element = ((long) (window.row() + r) * metadata.samples() + window.col()) * nb;
                buf.clear();
                NpyHeader.readFully(channel, buf, header.dataOffset() + element * size, file);
                for (int c = 0; c < cols; c++) {
                    for (int bi = 0; bi < bands.length; bi++) {
                        dst[(bi * rows + r) * cols + c] = value(buf, (c * nb + bands[bi]) * size);
                    }
                }
            }
        }
        markNoData(rows * cols, bands.length, dst, noData);
    }

    private void markNoData(int pixels, int nbands, float[] dst, boolean[] noData) {
        for (int p = 0; p < pixels; p++) {
            boolean missing = false;
            for (int bi = 0; bi < nbands && !missing; bi++) {
                missing = metadata.noData().isNoData(dst[bi * pixels + p]);
            }
            if (missing) {
                for (int bi = 0; bi < nbands; bi++) {
                    dst[bi * pixels + p] = Float.NaN;
                }
            }
            if (noData != null) {
                noData[p] = missing;
            }
        }
    }

    private float value(ByteBuffer b, int at) {
        DataType t = header.dataType();
        switch (t) {
            case UINT8: return Byte.toUnsignedInt(b.get(at));
            case INT8: return b.get(at);
            case INT16: return b.getShort(at);
            case UINT16: return Short.toUnsignedInt(b.getShort(at));
            case INT32: return b.getInt(at);
            case UINT32: return (float) Integer.toUnsignedLong(b.getInt(at));
            case INT64: return (float) b.getLong(at);
            case UINT64: {
                long v = b.getLong(at);
                return v >= 0 ? (float) v : (float) (v >>> 1) * 2f;
            }
            case FLOAT32: return b.getFloat(at);
            case FLOAT64: return (float) b.getDouble(at);
            default: throw new IllegalStateException(t.toString());
        }
    }

    /** The interleave the array's axis order corresponds to. */
    static Interleave interleave(boolean bandsFirst) {
        return bandsFirst ? Interleave.BSQ : Interleave.BIP;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
