package dev.dgc.readers.matlab;

import dev.dgc.api.cube.CubeMetadata;
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
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(dst, "dst");
        float[] data = samples;
        if (data == null) {
            throw new IllegalStateException(metadata.source() + ": the cube is closed");
        }
        int lines = metadata.lines();
        int width = metadata.samples();
        window.requireWithin(lines, width);
        for (int b : bands) {
            if (b < 0 || b >= metadata.bands()) {
                throw new IndexOutOfBoundsException(metadata.source() + ": band " + b + " is outside 0…" + (metadata.bands() - 1));
            }
        }
        int pixels = window.pixels();
        long needed = (long) bands.length * pixels;
        if (dst.length < needed) {
            throw new IllegalArgumentException("dst holds " + dst.length + " floats; " + bands.length + " bands of "
                    + window + " need " + needed);
        }
        if (noData != null && noData.length < pixels) {
            throw new IllegalArgumentException("noData holds " + noData.length + " flags; " + window + " needs " + pixels);
        }
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
            blankNoDataPixels(bands.length, pixels, dst, noData);
        }
    }

    /**
     * Makes a pixel NaN in every requested band as soon as one of them is NaN, and flags it, so that
     * a partly missing spectrum can never pass for data.
     */
    private static void blankNoDataPixels(int bandCount, int pixels, float[] dst, boolean[] noData) {
        for (int p = 0; p < pixels; p++) {
            boolean missing = false;
            for (int k = 0; k < bandCount && !missing; k++) {
                missing = Float.isNaN(dst[k * pixels + p]);
            }
            if (missing) {
                for (int k = 0; k < bandCount; k++) {
                    dst[k * pixels + p] = Float.NaN;
                }
                if (noData != null) {
                    noData[p] = true;
                }
            }
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
