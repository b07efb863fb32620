package dev.dgc.readers.matlab;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.CubeReads;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.util.Arrays;
import java.util.Objects;

/**
 * A cube held in memory, band-sequential, as the {@code matlab} reader loads it from a MAT-file
 * variable (which cannot be read by window: see {@link MatlabReaderProvider}).
 *
 * <p>Thread-safe: the samples are never modified after construction, so any number of threads may
 * {@link #read} at once. {@link #close} drops the samples so that the memory is freed even if the
 * caller keeps the cube object.
 */
final class MatlabCube implements HyperspectralCube {

    private final CubeMetadata metadata;
    private final boolean holdsNaN;
    /** Band-sequential samples: band b, row r, column c at {@code (b·lines + r)·samples + c}; null once closed. */
    private volatile float[] samples;

    /**
     * @param metadata the cube's metadata
     * @param samples  band-sequential samples, {@code lines·samples·bands} of them, owned by the cube
     *                 from now on
     * @param holdsNaN whether any sample is NaN, so reads must look for no-data pixels
     */
    MatlabCube(CubeMetadata metadata, float[] samples, boolean holdsNaN) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        long expected = (long) metadata.lines() * metadata.samples() * metadata.bands();
        if (samples.length != expected) {
            throw new IllegalArgumentException(metadata.source() + ": " + samples.length + " samples for a cube of " + expected);
        }
        this.samples = samples;
        this.holdsNaN = holdsNaN;
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) {
        float[] data = samples;
        if (data == null) {
            throw new IllegalStateException(metadata.source() + ": the cube is closed");
        }
        int lines = metadata.lines();
        int width = metadata.samples();
        int pixels = CubeReads.checkRead(metadata, window, bands, dst, noData);
        int rows = window.rows();
        int cols = window.cols();
        for (int k = 0; k < bands.length; k++) {
            int bandStart = bands[k] * lines;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, (bandStart + window.row() + r) * width + window.col(), dst, (k * rows + r) * cols, cols);
            }
        }
        if (noData != null) {
            Arrays.fill(noData, 0, pixels, false);
        }
        if (holdsNaN) {
            CubeReads.maskIncompletePixels(bands.length, pixels, dst, noData);
        }
    }

    @Override
    public void close() {
        samples = null;
    }

    @Override
    public String toString() {
        return "MatlabCube[" + metadata.source() + ", " + metadata.lines() + "×" + metadata.samples() + "×" + metadata.bands() + "]";
    }
}
