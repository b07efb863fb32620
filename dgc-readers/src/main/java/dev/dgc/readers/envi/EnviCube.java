package dev.dgc.readers.envi;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.CubeReads;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.cube.Window;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An open ENVI cube, read by window with positional reads ({@link FileChannel#read(ByteBuffer, long)})
 * on one shared channel. Nothing is memory-mapped, so there is no 2 GB limit per map, no address
 * space held for the file and no unmapping problem; offsets are {@code long}, so files of any size
 * work. Each {@link #read} allocates one direct buffer for at most {@value #MAX_RUN} samples, which all
 * its file reads share.
 *
 * <p>Reads follow the file's layout so that every read is a contiguous run: in BSQ a band's rows
 * of the window (one run for the whole band when the window spans full rows), in BIL a row with
 * every band from the first to the last requested one (or one run per band when the requested bands
 * are sparse), in BIP a row's run of pixels with all their bands.
 *
 * <p>Thread-safe: positional reads do not move a shared file position, so any number of threads may
 * {@link #read} at once. For a gzip-compressed file the channel is on a temporary decompressed copy
 * that {@link #close} deletes.
 */
final class EnviCube implements HyperspectralCube {

    /** The most samples decoded per file read; bounds the buffers a read allocates. */
    static final int MAX_RUN = 1 << 20;

    private final CubeMetadata metadata;
    private final EnviLayout layout;
    private final Path readFrom;
    private final Optional<Path> temporary;
    private final double scale;
    private final NoData noData;
    private volatile FileChannel channel;

    /**
     * Opens the data file (or its decompressed copy) and checks its length against the header.
     *
     * @param metadata  the metadata from the header
     * @param layout    where the samples are
     * @param readFrom  the file to read samples from: the data file, or a decompressed copy of it
     * @param temporary the decompressed copy, deleted on close, if there is one
     * @throws IOException if the file cannot be opened, is shorter than the header says, or the
     *                     header offset lies past its end; the message names the data file
     */
    EnviCube(CubeMetadata metadata, EnviLayout layout, Path readFrom, Optional<Path> temporary) throws IOException {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.readFrom = readFrom;
        this.temporary = temporary;
        this.scale = metadata.scaleFactor();
        this.noData = metadata.noData();
        FileChannel ch = FileChannel.open(readFrom, StandardOpenOption.READ);
        try {
            long size = ch.size();
            String what = layout.gzip() ? layout.data() + " (decompressed: " + size + " bytes)" : layout.data() + " (" + size + " bytes)";
            if (layout.offset() > size) {
                throw new IOException(what + ": 'header offset = " + layout.offset() + "' in " + metadata.source()
                        + " lies past the end of the data file");
            }
            long needed = layout.offset() + layout.dataBytes();
            if (size < needed) {
                throw new EOFException(what + " is truncated: " + layout.lines() + " lines × " + layout.samples() + " samples × "
                        + layout.bands() + " bands of " + layout.dataType() + " after a header offset of " + layout.offset()
                        + " need " + needed + " bytes, as " + metadata.source() + " says");
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        this.channel = ch;
    }

    /**
     * @return the decompressed copy of a gzip-compressed data file, which {@link #close} deletes;
     *         empty for uncompressed files
     */
    Optional<Path> temporaryCopy() {
        return temporary;
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noDataFlags) throws IOException {
        FileChannel ch = channel;
        if (ch == null) {
            throw new IllegalStateException(metadata.source() + ": the cube is closed");
        }
        int pixels = CubeReads.checkRead(metadata, window, bands, dst, noDataFlags);
        if (bands.length > 0) {
            Runs runs = new Runs(ch);
            switch (layout.interleave()) {
                case BSQ -> readBsq(runs, window, bands, dst);
                case BIL -> readBil(runs, window, bands, dst);
                case BIP -> readBip(runs, window, bands, dst);
            }
        }
        if (noDataFlags != null) {
            Arrays.fill(noDataFlags, 0, pixels, false);
        }
        CubeReads.maskIncompletePixels(bands.length, pixels, dst, noDataFlags);
    }

    private void readBsq(Runs runs, Window w, int[] bands, float[] dst) throws IOException {
        int rows = w.rows();
        int cols = w.cols();
        boolean fullRows = cols == layout.samples();
        for (int k = 0; k < bands.length; k++) {
            int at = k * rows * cols;
            if (fullRows) {
                runs.read(layout.index(w.row(), 0, bands[k]), rows * cols, dst, at);
            } else {
                for (int r = 0; r < rows; r++) {
                    runs.read(layout.index(w.row() + r, w.col(), bands[k]), cols, dst, at + r * cols);
                }
            }
        }
    }

    private void readBil(Runs runs, Window w, int[] bands, float[] dst) throws IOException {
        int rows = w.rows();
        int cols = w.cols();
        int lo = Arrays.stream(bands).min().orElseThrow();
        int hi = Arrays.stream(bands).max().orElseThrow();
        long span = (long) (hi - lo) * layout.samples() + cols;
        boolean oneRunPerRow = span <= MAX_RUN && span <= 4L * bands.length * cols;
        float[] row = oneRunPerRow ? new float[(int) span] : null;
        for (int r = 0; r < rows; r++) {
            if (row != null) {
                runs.read(layout.index(w.row() + r, w.col(), lo), (int) span, row, 0);
                for (int k = 0; k < bands.length; k++) {
                    System.arraycopy(row, (bands[k] - lo) * layout.samples(), dst, (k * rows + r) * cols, cols);
                }
            } else {
                for (int k = 0; k < bands.length; k++) {
                    runs.read(layout.index(w.row() + r, w.col(), bands[k]), cols, dst, (k * rows + r) * cols);
                }
            }
        }
    }

    private void readBip(Runs runs, Window w, int[] bands, float[] dst) throws IOException {
        int rows = w.rows();
        int cols = w.cols();
        int nb = layout.bands();
        int pixelsPerRun = Math.max(1, Math.min(cols, MAX_RUN / nb));
        float[] run = new float[pixelsPerRun * nb];
        int pixels = rows * cols;
        for (int r = 0; r < rows; r++) {
            for (int c0 = 0; c0 < cols; c0 += pixelsPerRun) {
                int n = Math.min(pixelsPerRun, cols - c0);
                runs.read(layout.index(w.row() + r, w.col() + c0, 0), n * nb, run, 0);
                for (int k = 0; k < bands.length; k++) {
                    int out = k * pixels + r * cols + c0;
                    int in = bands[k];
                    for (int c = 0; c < n; c++, in += nb) {
                        dst[out + c] = run[in];
                    }
                }
            }
        }
    }

    /**
     * The runs of one {@link #read}, through one direct buffer that grows to the longest run (at most
     * {@value #MAX_RUN} samples): the channel fills a direct buffer straight from the file, where a
     * heap buffer would be filled through a temporary direct copy, and one buffer serves the
     * thousands of runs a window of a band-sequential file takes. Confined to the reading thread.
     */
    private final class Runs {

        private final FileChannel ch;
        private ByteBuffer buf;

        Runs(FileChannel ch) {
            this.ch = ch;
        }

        /**
         * Reads {@code count} consecutive samples starting at sample index {@code first}, converting
         * each to a physical float: no-data samples become NaN, others are divided by the scale factor.
         */
        void read(long first, int count, float[] out, int at) throws IOException {
            DataType type = layout.dataType();
            int size = type.bytes();
            int chunk = Math.min(count, MAX_RUN);
            if (buf == null || buf.capacity() < chunk * size) {
                buf = ByteBuffer.allocateDirect(chunk * size).order(layout.byteOrder());
            }
            int done = 0;
            while (done < count) {
                int n = Math.min(chunk, count - done);
                buf.clear().limit(n * size);
                long pos = layout.offset() + (first + done) * size;
                while (buf.hasRemaining()) {
                    int got = ch.read(buf, pos + buf.position());
                    if (got < 0) {
                        throw new EOFException(layout.data() + ": ended at byte " + (pos + buf.position()) + " while reading samples");
                    }
                }
                buf.flip();
                decode(buf, type, n, out, at + done);
                done += n;
            }
        }
    }

    /** One loop per type, so the type is decided once per run rather than once per sample. */
    private void decode(ByteBuffer buf, DataType type, int n, float[] out, int at) {
        switch (type) {
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.get());
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.get() & 0xFF);
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getShort());
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getShort() & 0xFFFF);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getInt());
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getInt() & 0xFFFFFFFFL);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getLong());
                }
            }
            case UINT64 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(unsigned(buf.getLong()));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getFloat());
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = physical(buf.getDouble());
                }
            }
        }
    }

    /** The no-data test sees the stored value; only data values are scaled. */
    private float physical(double stored) {
        if (noData.isNoData(stored)) {
            return Float.NaN;
        }
        return (float) (scale == 1 ? stored : stored / scale);
    }

    private static double unsigned(long v) {
        double d = (double) (v & Long.MAX_VALUE);
        return v < 0 ? d + 0x1p63 : d;
    }

    /**
     * Closes the data file and deletes the decompressed copy of a gzip-compressed file.
     *
     * @throws IOException if closing or deleting fails
     */
    @Override
    public void close() throws IOException {
        FileChannel ch = channel;
        channel = null;
        try {
            if (ch != null) {
                ch.close();
            }
        } finally {
            if (temporary.isPresent()) {
                Files.deleteIfExists(temporary.get());
            }
        }
    }

    @Override
    public String toString() {
        return "EnviCube[" + metadata.source() + " → " + readFrom + ", " + layout.lines() + "×" + layout.samples() + "×"
                + layout.bands() + " " + layout.dataType() + " " + layout.interleave() + "]";
    }
}
