package dev.dgc.core.data;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-band count, mean, unbiased standard deviation, minimum and maximum of the valid pixels of a
 * cube (§2.3: the standard deviation divides by {@code n − 1}, as {@code torch.std} does).
 *
 * <p>{@link #compute} streams the cube in windows of at most {@code maxPixelsPerRead} pixels (whole
 * rows when a row fits, otherwise pieces of one row), so memory is bounded by that many pixels times
 * the band count, never by the cube. No-data pixels (flagged by the reader's mask) and NaN values
 * are skipped. Each window is summarised exactly in double (mean first, then the sum of squared
 * deviations from it) and merged into the running total with Chan et al.'s pairwise formula, which
 * stays accurate for large counts and large offsets where the naive {@code Σx²} form cancels.
 *
 * <p>A band with one valid value has standard deviation 0 (a constant band, not undefined); a band
 * with none has NaN mean, standard deviation, minimum and maximum. Immutable and thread-safe.
 */
public final class BandStatistics {

    private final long[] counts;
    private final double[] means;
    /** Sums of squared deviations from the mean (Welford's M2), kept so that merging stays exact. */
    private final double[] m2;
    private final double[] mins;
    private final double[] maxs;

    private BandStatistics(long[] counts, double[] means, double[] m2, double[] mins, double[] maxs) {
        this.counts = counts;
        this.means = means;
        this.m2 = m2;
        this.mins = mins;
        this.maxs = maxs;
    }

    /**
     * Builds statistics from stored values, as a model file keeps them.
     *
     * @param counts valid values per band, non-negative
     * @param means  mean per band
     * @param stds   unbiased standard deviation per band, non-negative (or NaN for an empty band)
     * @param mins   minimum per band
     * @param maxs   maximum per band
     * @return the statistics
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a count or
     *                                  standard deviation is negative, naming the band
     */
    public static BandStatistics of(long[] counts, double[] means, double[] stds, double[] mins, double[] maxs) {
        int bands = counts.length;
        if (bands == 0 || means.length != bands || stds.length != bands || mins.length != bands || maxs.length != bands) {
            throw new IllegalArgumentException("band statistics need equally long, non-empty arrays, found counts "
                    + counts.length + ", means " + means.length + ", stds " + stds.length + ", mins " + mins.length
                    + ", maxs " + maxs.length);
        }
        double[] m2 = new double[bands];
        for (int b = 0; b < bands; b++) {
            if (counts[b] < 0) {
                throw new IllegalArgumentException("band " + b + ": count must be non-negative, found " + counts[b]);
            }
            if (counts[b] > 0 && !(stds[b] >= 0)) {
                throw new IllegalArgumentException("band " + b + ": standard deviation must be non-negative, found " + stds[b]);
            }
            m2[b] = counts[b] > 1 ? stds[b] * stds[b] * (counts[b] - 1) : 0;
        }
        return new BandStatistics(counts.clone(), means.clone(), m2, mins.clone(), maxs.clone());
    }

    /**
     * Streams every band of a cube once.
     *
     * @param cube             the cube; only read
     * @param maxPixelsPerRead the most pixels one read may cover (memory is this times the band count
     *                         floats), at least 1
     * @return the statistics of the cube's valid pixels
     * @throws IOException              if the cube cannot be read
     * @throws IllegalArgumentException if {@code maxPixelsPerRead} is less than 1
     */
    public static BandStatistics compute(HyperspectralCube cube, int maxPixelsPerRead) throws IOException {
        if (maxPixelsPerRead < 1) {
            throw new IllegalArgumentException("maxPixelsPerRead must be at least 1, found " + maxPixelsPerRead);
        }
        int lines = cube.metadata().lines();
        int samples = cube.metadata().samples();
        int[] bands = cube.metadata().allBands();
        int tileRows = Math.max(1, Math.min(lines, maxPixelsPerRead / samples));
        int tileCols = Math.min(samples, maxPixelsPerRead);
        int capacity = Math.multiplyExact(tileRows, tileCols);
        float[] values = new float[Math.multiplyExact(capacity, bands.length)];
        boolean[] noData = new boolean[capacity];
        BandStatistics total = empty(bands.length);
        for (int row = 0; row < lines; row += tileRows) {
            for (int col = 0; col < samples; col += tileCols) {
                Window w = new Window(row, col, Math.min(tileRows, lines - row), Math.min(tileCols, samples - col));
                cube.read(w, bands, values, noData);
                total = total.merge(summarise(values, noData, bands.length, w.pixels()));
            }
        }
        return total;
    }

    private static BandStatistics empty(int bands) {
        double[] nan = new double[bands];
        Arrays.fill(nan, Double.NaN);
        return new BandStatistics(new long[bands], nan.clone(), new double[bands], nan.clone(), nan.clone());
    }

    /** The exact two-pass summary of one window. */
    private static BandStatistics summarise(float[] values, boolean[] noData, int bands, int pixels) {
        BandStatistics s = empty(bands);
        for (int b = 0; b < bands; b++) {
            int base = b * pixels;
            long n = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pixels; i++) {
                float v = values[base + i];
                if (!noData[i] && !Float.isNaN(v)) {
                    n++;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (n == 0) {
                continue;
            }
            double mean = sum / n;
            double sq = 0;
            for (int i = 0; i < pixels; i++) {
                float v = values[base + i];
                if (!noData[i] && !Float.isNaN(v)) {
                    double d = v - mean;
                    sq += d * d;
                }
            }
            s.counts[b] = n;
            s.means[b] = mean;
            s.m2[b] = sq;
            s.mins[b] = min;
            s.maxs[b] = max;
        }
        return s;
    }

    /**
     * The statistics of the union of both pixel sets (Chan et al.'s parallel formula).
     *
     * @param other statistics over the same bands
     * @return the combined statistics; neither operand changes
     * @throws IllegalArgumentException if the band counts differ
     */
    public BandStatistics merge(BandStatistics other) {
        Objects.requireNonNull(other, "other");
        if (other.bands() != bands()) {
            throw new IllegalArgumentException("cannot merge statistics of " + bands() + " and " + other.bands() + " bands");
        }
        BandStatistics s = empty(bands());
        for (int b = 0; b < bands(); b++) {
            long na = counts[b];
            long nb = other.counts[b];
            if (na == 0 || nb == 0) {
                BandStatistics src = na == 0 ? other : this;
                s.counts[b] = src.counts[b];
                s.means[b] = src.means[b];
                s.m2[b] = src.m2[b];
                s.mins[b] = src.mins[b];
                s.maxs[b] = src.maxs[b];
                continue;
            }
            long n = na + nb;
            double delta = other.means[b] - means[b];
            s.counts[b] = n;
            s.means[b] = means[b] + delta * ((double) nb / n);
            s.m2[b] = m2[b] + other.m2[b] + delta * delta * ((double) na * nb / n);
            s.mins[b] = Math.min(mins[b], other.mins[b]);
            s.maxs[b] = Math.max(maxs[b], other.maxs[b]);
        }
        return s;
    }

    /** @return the number of bands */
    public int bands() {
        return counts.length;
    }

    /**
     * @param band zero-based band index
     * @return the number of valid values of the band
     */
    public long count(int band) {
        return counts[band];
    }

    /**
     * @param band zero-based band index
     * @return the mean, NaN if the band has no valid value
     */
    public double mean(int band) {
        return means[band];
    }

    /**
     * @param band zero-based band index
     * @return the unbiased standard deviation (divisor {@code n − 1}); 0 for one value, NaN for none
     */
    public double std(int band) {
        long n = counts[band];
        if (n == 0) {
            return Double.NaN;
        }
        return n == 1 ? 0 : Math.sqrt(m2[band] / (n - 1));
    }

    /**
     * @param band zero-based band index
     * @return the smallest valid value, NaN if none
     */
    public double min(int band) {
        return mins[band];
    }

    /**
     * @param band zero-based band index
     * @return the largest valid value, NaN if none
     */
    public double max(int band) {
        return maxs[band];
    }

    /** @return a copy of the per-band counts */
    public long[] counts() {
        return counts.clone();
    }

    /** @return a copy of the per-band means */
    public double[] means() {
        return means.clone();
    }

    /** @return the per-band unbiased standard deviations, a new array */
    public double[] stds() {
        double[] s = new double[bands()];
        for (int b = 0; b < s.length; b++) {
            s[b] = std(b);
        }
        return s;
    }

    /** @return a copy of the per-band minima */
    public double[] mins() {
        return mins.clone();
    }

    /** @return a copy of the per-band maxima */
    public double[] maxs() {
        return maxs.clone();
    }

    @Override
    public String toString() {
        return "BandStatistics[" + bands() + " bands, count " + (bands() > 0 ? counts[0] : 0) + "]";
    }
}
