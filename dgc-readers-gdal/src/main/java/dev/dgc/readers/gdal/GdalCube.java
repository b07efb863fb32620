package dev.dgc.readers.gdal;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.CubeReads;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.gdal.gdal.Dataset;
import org.gdal.gdalconst.gdalconstConstants;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A cube read through an open GDAL dataset: each {@link #read} is one {@code Dataset.ReadRaster}
 * call for the window and the requested bands, whose buffer GDAL fills band-sequentially.
 *
 * <p>Types that a {@code float} holds exactly (8- and 16-bit integers, Float32) are read by GDAL
 * straight into {@code float}; wider types are read as {@code double} and rounded here, exactly as
 * the native readers round them, so both give the same floats. No-data values are compared before
 * that rounding.
 *
 * <p>Thread-safe: a GDAL dataset must not be used by two threads at once, so every read and the
 * close hold this cube's lock; concurrent reads of one cube are serialised, reads of different
 * cubes run in parallel.
 */
final class GdalCube implements HyperspectralCube {

    private final CubeMetadata metadata;
    private final boolean readAsDouble;
    /** Per band: the no-data value GDAL reports, or NaN when the band has none. */
    private final double[] bandNoData;
    /** Null once closed; guarded by {@code this}. */
    private Dataset dataset;

    /**
     * @param metadata the metadata built from the dataset
     * @param dataset  the open dataset, owned by the cube from now on
     */
    GdalCube(CubeMetadata metadata, Dataset dataset) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.readAsDouble = !metadata.dataType().exactInFloat();
        this.bandNoData = new double[metadata.bands()];
        for (int b = 0; b < bandNoData.length; b++) {
            OptionalDouble v = GdalMetadata.noDataValue(dataset.GetRasterBand(b + 1));
            bandNoData[b] = v.orElse(Double.NaN);
        }
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) throws IOException {
        int pixels = CubeReads.checkRead(metadata, window, bands, dst, noData);
        long needed = (long) bands.length * pixels;
        synchronized (this) {
            if (dataset == null) {
                throw new IllegalStateException(metadata.source() + ": the cube is closed");
            }
            int[] gdalBands = new int[bands.length];
            for (int k = 0; k < bands.length; k++) {
                gdalBands[k] = bands[k] + 1;
            }
            // one dataset-level call for all bands: GDAL reads each block once even when the file
            // interleaves bands by pixel, and its default buffer layout is band-sequential, ours
            double[] d = readAsDouble ? new double[(int) needed] : null;
            Dataset ds = dataset;
            int err = GdalNative.quietly(() -> readAsDouble
                    ? ds.ReadRaster(window.col(), window.row(), window.cols(), window.rows(), window.cols(), window.rows(),
                            gdalconstConstants.GDT_Float64, d, gdalBands)
                    : ds.ReadRaster(window.col(), window.row(), window.cols(), window.rows(), window.cols(), window.rows(),
                            gdalconstConstants.GDT_Float32, dst, gdalBands));
            if (err != gdalconstConstants.CE_None) {
                throw new IOException(metadata.source() + ": " + GdalNative.lastError("GDAL cannot read bands "
                        + Arrays.toString(bands) + " in window " + window));
            }
            if (readAsDouble) {
                for (int i = 0; i < d.length; i++) {
                    dst[i] = (float) d[i];
                }
            }
            for (int k = 0; k < bands.length; k++) {
                blankNoDataValue(bandNoData[bands[k]], d, dst, k * pixels, pixels);
            }
        }
        applyScaleAndMask(bands.length, pixels, dst, noData);
    }

    /** Sets samples equal to the band's no-data value to NaN, comparing before any rounding. */
    private void blankNoDataValue(double value, double[] raw, float[] dst, int offset, int pixels) {
        if (Double.isNaN(value)) {
            return;
        }
        float asFloat = (float) value;
        for (int p = 0; p < pixels; p++) {
            if (raw != null ? raw[offset + p] == value : dst[offset + p] == asFloat) {
                dst[offset + p] = Float.NaN;
            }
        }
    }

    /**
     * Divides by the scale factor and blanks a pixel in every requested band as soon as one of them
     * is NaN (no-data value or NaN sample), so a partial spectrum never passes for data.
     */
    private void applyScaleAndMask(int bandCount, int pixels, float[] dst, boolean[] noData) {
        boolean nanIsNoData = metadata.noData().nan() || metadata.noData().value().isPresent();
        double scale = metadata.scaleFactor();
        if (noData != null) {
            Arrays.fill(noData, 0, pixels, false);
        }
        for (int p = 0; p < pixels; p++) {
            boolean missing = false;
            for (int k = 0; k < bandCount; k++) {
                int i = k * pixels + p;
                if (Float.isNaN(dst[i])) {
                    missing = true;
                } else if (scale != 1.0) {
                    dst[i] = (float) (dst[i] / scale);
                }
            }
            if (missing && nanIsNoData) {
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
    public synchronized void close() {
        if (dataset != null) {
            dataset.delete();
            dataset = null;
        }
    }

    @Override
    public String toString() {
        return "GdalCube[" + metadata.source() + ", " + metadata.lines() + "×" + metadata.samples() + "×" + metadata.bands()
                + " " + metadata.dataType() + "]";
    }

}
