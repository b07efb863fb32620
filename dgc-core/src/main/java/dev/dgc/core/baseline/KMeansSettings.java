package dev.dgc.core.baseline;

import dev.dgc.core.train.Normalization;

import java.util.Objects;

/**
 * How {@link KMeansBaseline} fits Tribuo's k-means.
 *
 * @param clusters      K, at least 1
 * @param seed          the seed of the pixel sample and of Tribuo's k-means++ start
 * @param maxIterations Lloyd iterations at most (Tribuo stops earlier when no pixel changes cluster), at least 1
 * @param samplePixels  the most pixels fitted on, at least 1; when the cubes have more valid pixels, a
 *                      uniform sample of this many is drawn with the seed. Memory grows with it: about
 *                      {@code 20 × bands} bytes per pixel (Tribuo keeps each pixel as an example and as a vector)
 * @param threads       Tribuo's training threads, at least 1; with more than one the order in which
 *                      pixels are summed varies, so centroids may differ in the last bits between runs
 * @param normalization how each cube's bands are scaled, with that cube's own statistics (as DGC training does)
 */
public record KMeansSettings(int clusters, long seed, int maxIterations, int samplePixels, int threads,
                             Normalization normalization) {

    /** Tribuo's default cap on Lloyd iterations, and dgc's. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /** The default sample size: enough for a stable k-means of tens of clusters, about 1.2 GB of heap at 300 bands. */
    public static final int DEFAULT_SAMPLE_PIXELS = 200_000;

    /** Checks every value, naming the offending one and the allowed range. */
    public KMeansSettings {
        if (clusters < 1) {
            throw new IllegalArgumentException("k-means clusters must be at least 1, found " + clusters);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("k-means maxIterations must be at least 1, found " + maxIterations);
        }
        if (samplePixels < 1) {
            throw new IllegalArgumentException("k-means samplePixels must be at least 1, found " + samplePixels);
        }
        if (samplePixels < clusters) {
            throw new IllegalArgumentException("k-means samplePixels (" + samplePixels + ") must be at least the clusters ("
                    + clusters + "): each cluster starts at a sampled pixel");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("k-means threads must be at least 1, found " + threads);
        }
        Objects.requireNonNull(normalization, "normalization");
    }

    /**
     * The defaults: {@value #DEFAULT_MAX_ITERATIONS} iterations, {@value #DEFAULT_SAMPLE_PIXELS} pixels,
     * one thread (bit-for-bit reproducible), z-score normalisation.
     *
     * @param clusters K
     * @param seed     the seed
     * @return the settings
     * @throws IllegalArgumentException if {@code clusters} is less than 1 or above the default sample
     */
    public static KMeansSettings of(int clusters, long seed) {
        return new KMeansSettings(clusters, seed, DEFAULT_MAX_ITERATIONS, DEFAULT_SAMPLE_PIXELS, 1, Normalization.ZSCORE);
    }
}
