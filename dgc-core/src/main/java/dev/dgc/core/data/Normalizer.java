package dev.dgc.core.data;

import dev.dgc.core.train.Normalization;

import java.util.Objects;

/**
 * Scales band values the way the network was trained to see them (§2.3): per band
 * {@code y = (x − offset_c)·scale_c}, with
 * <ul>
 *   <li>{@link Normalization#ZSCORE}: {@code (x − μ_c)/(s_c + 1e-6)}, s the unbiased standard deviation;</li>
 *   <li>{@link Normalization#MINMAX}: {@code (x − min_c)/(max_c − min_c + 1e-6)};</li>
 *   <li>{@link Normalization#NONE}: unchanged.</li>
 * </ul>
 * A NaN (a no-data pixel, as readers deliver it) becomes 0 after normalisation: for z-score that is
 * the band mean, for min-max the band minimum. The network must never see NaN, because one NaN
 * spreads through every convolution and the mean-shift to all pixels in its receptive field and then
 * into the loss; 0 in z-score space is the least informative value the band can take. The arithmetic
 * is done in double and rounded once to float. Immutable and thread-safe.
 */
public final class Normalizer {

    private static final double EPSILON = 1e-6;

    private final Normalization method;
    private final double[] offsets;
    private final double[] scales;

    private Normalizer(Normalization method, double[] offsets, double[] scales) {
        this.method = method;
        this.offsets = offsets;
        this.scales = scales;
    }

    /**
     * @param method how to scale
     * @param stats  the statistics of the cube (or of the training data, for a stored model)
     * @return the normaliser
     * @throws IllegalArgumentException if {@code method} needs statistics and a band has no valid value
     */
    public static Normalizer of(Normalization method, BandStatistics stats) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stats, "stats");
        int bands = stats.bands();
        double[] offsets = new double[bands];
        double[] scales = new double[bands];
        for (int b = 0; b < bands; b++) {
            if (method != Normalization.NONE && stats.count(b) == 0) {
                throw new IllegalArgumentException("band " + b + " has no valid pixel, so it cannot be normalised by "
                        + method + "; mark the band bad or use normalization NONE");
            }
            switch (method) {
                case ZSCORE -> {
                    offsets[b] = stats.mean(b);
                    scales[b] = 1 / (stats.std(b) + EPSILON);
                }
                case MINMAX -> {
                    offsets[b] = stats.min(b);
                    scales[b] = 1 / (stats.max(b) - stats.min(b) + EPSILON);
                }
                case NONE -> scales[b] = 1;
            }
        }
        return new Normalizer(method, offsets, scales);
    }

    /** @return the method */
    public Normalization method() {
        return method;
    }

    /** @return the number of bands the statistics cover */
    public int bands() {
        return offsets.length;
    }

    /**
     * Normalises band-sequential values in place.
     *
     * @param bandSequential {@code bands.length·pixels} values, block {@code b} holding band {@code bands[b]}
     * @param bands          the cube band index of each block
     * @param pixels         values per block
     * @throws IllegalArgumentException  if the buffer is too short
     * @throws IndexOutOfBoundsException if a band index is outside the statistics
     */
    public void apply(float[] bandSequential, int[] bands, int pixels) {
        if (bandSequential.length < (long) bands.length * pixels) {
            throw new IllegalArgumentException("buffer of " + bandSequential.length + " floats is shorter than "
                    + bands.length + " bands × " + pixels + " pixels");
        }
        for (int b = 0; b < bands.length; b++) {
            int band = bands[b];
            if (band < 0 || band >= offsets.length) {
                throw new IndexOutOfBoundsException("band " + band + " is outside the " + offsets.length
                        + " bands of the statistics");
            }
            double offset = offsets[band];
            double scale = scales[band];
            int base = b * pixels;
            for (int i = base; i < base + pixels; i++) {
                float v = bandSequential[i];
                bandSequential[i] = Float.isNaN(v) ? 0f : (float) ((v - offset) * scale);
            }
        }
    }

    @Override
    public String toString() {
        return "Normalizer[" + method + ", " + bands() + " bands]";
    }
}
