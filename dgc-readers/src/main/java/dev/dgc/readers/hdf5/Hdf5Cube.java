package dev.dgc.readers.hdf5;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.CubeReads;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.cube.Window;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cube read from an HDF5 dataset by hyperslab: each {@link #read} asks jHDF for the rows and
 * columns of the window and, for each run of requested bands (sorted, gaps of at most
 * {@value #MAX_BAND_GAP}), the span of that run, so a chunked, gzip-compressed dataset is inflated
 * only chunk by chunk. A 2-D dataset is a single band.
 *
 * <p>Thread-safe: reads are serialised on the open file, because jHDF's chunk caches are not
 * documented as safe for concurrent use. {@link #close} closes the file.
 */
final class Hdf5Cube implements HyperspectralCube {

    /** Requested bands at most this far apart share one hyperslab. */
    private static final int MAX_BAND_GAP = 8;

    private final CubeMetadata metadata;
    private final HdfFile file;
    private final Dataset dataset;
    /** For a 3-D dataset its axes; null for a 2-D one (rows, columns). */
    private final CubeAxes axes;
    /** A dataset whose storage was never allocated holds only its fill value. */
    private final boolean unallocated;
    private final double fill;
    private volatile boolean closed;

    /**
     * @param metadata    the cube's metadata, whose no-data definition reads apply
     * @param file        the open file, owned by the cube from now on
     * @param dataset     the dataset of the cube, of rank 2 or 3
     * @param axes        the axes of a 3-D dataset, or null for a 2-D one
     * @param unallocated whether the dataset has no stored data, so every sample is {@code fill}
     * @param fill        the value of unallocated samples
     */
    Hdf5Cube(CubeMetadata metadata, HdfFile file, Dataset dataset, CubeAxes axes, boolean unallocated, double fill) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.file = Objects.requireNonNull(file, "file");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.axes = axes;
        this.unallocated = unallocated;
        this.fill = fill;
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) throws IOException {
        int pixels = CubeReads.checkRead(metadata, window, bands, dst, noData);
        if (bands.length == 0) {
            if (noData != null) {
                Arrays.fill(noData, 0, pixels, false);
            }
            return;
        }
        CubeAxes a = axes == null ? CubeAxes.ROWS_COLS_BANDS : axes;
        NoData rule = metadata.noData();
        int rows = window.rows();
        int cols = window.cols();
        boolean[] missing = new boolean[pixels];
        int[] sorted = Arrays.stream(bands).distinct().sorted().toArray();
        int first = 0;
        while (first < sorted.length) {
            // one hyperslab per run of requested bands with small gaps: a few wasted bands cost less than another read
            int last = first;
            while (last + 1 < sorted.length && sorted[last + 1] - sorted[last] <= MAX_BAND_GAP) {
                last++;
            }
            int lo = sorted[first];
            int hi = sorted[last];
            int[] start = new int[3];
            int[] count = new int[3];
            start[a.rowAxis()] = window.row();
            count[a.rowAxis()] = rows;
            start[a.colAxis()] = window.col();
            count[a.colAxis()] = cols;
            start[a.bandAxis()] = lo;
            count[a.bandAxis()] = hi - lo + 1;
            double[] slab = slab(start, count);
            int[] stride = {count[1] * count[2], count[2], 1};
            for (int k = 0; k < bands.length; k++) {
                if (bands[k] < lo || bands[k] > hi) {
                    continue;
                }
                int bandBase = (bands[k] - lo) * stride[a.bandAxis()];
                for (int r = 0; r < rows; r++) {
                    int rowBase = bandBase + r * stride[a.rowAxis()];
                    for (int c = 0; c < cols; c++) {
                        double v = slab[rowBase + c * stride[a.colAxis()]];
                        int p = r * cols + c;
                        if (rule.isNoData(v)) {
                            missing[p] = true;
                        }
                        dst[k * pixels + p] = (float) v;
                    }
                }
            }
            first = last + 1;
        }
        for (int p = 0; p < pixels; p++) {
            if (missing[p]) {
                for (int k = 0; k < bands.length; k++) {
                    dst[k * pixels + p] = Float.NaN;
                }
            }
        }
        if (noData != null) {
            System.arraycopy(missing, 0, noData, 0, pixels);
        }
    }

    /** The hyperslab, row-major over the three counts (the band count is 1 for a 2-D dataset). */
    private double[] slab(int[] start, int[] count) throws IOException {
        int n = count[0] * count[1] * count[2];
        if (closed) {
            throw new IllegalStateException(metadata.source() + ": the cube is closed");
        }
        if (unallocated) {
            double[] out = new double[n];
            Arrays.fill(out, fill);
            return out;
        }
        int rank = axes == null ? 2 : 3;
        long[] offset = new long[rank];
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            offset[i] = start[i];
            shape[i] = count[i];
        }
        Object data;
        synchronized (file) {
            if (closed) {
                throw new IllegalStateException(metadata.source() + ": the cube is closed");
            }
            try {
                data = dataset.getData(offset, shape);
            } catch (HdfException e) {
                throw new IOException(metadata.source() + ": cannot read " + dataset.getPath() + " at " + Arrays.toString(offset)
                        + " size " + Arrays.toString(shape) + ": " + e.getMessage(), e);
            }
        }
        double[] values = Hdf5Values.flatten(data);
        if (values.length != n) {
            throw new IOException(metadata.source() + ": " + dataset.getPath() + " gave " + values.length + " values for a slab of " + n);
        }
        return values;
    }

    @Override
    public void close() {
        synchronized (file) {
            if (!closed) {
                closed = true;
                file.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Hdf5Cube[" + metadata.source() + ":" + dataset.getPath() + ", " + metadata.lines() + "×" + metadata.samples()
                + "×" + metadata.bands() + "]";
    }
}
