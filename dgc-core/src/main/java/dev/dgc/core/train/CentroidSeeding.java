package dev.dgc.core.train;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Data-driven centroid initialisation: spherical k-means on the first step's shifted embeddings,
 * started with k-means++ (the first centre uniformly, each next one with probability proportional to
 * the distance {@code 1 − cos} to the nearest centre so far), then {@code iterations} Lloyd rounds
 * (assign each pixel to its most similar centre, replace each centre by the normalised mean of its
 * pixels). The random reference start (unit Gaussian rows) puts most centroids far from the data,
 * and with τ = 0.05 the nearest one then takes nearly every pixel: the collapse of the first steps.
 * Started on the data, every centroid begins with pixels of its own.
 *
 * <p>Pixels are the rows of ẑ = z/‖z‖ over both views; at most {@code maxPixels} of them are used,
 * taken at a fixed stride so the choice is deterministic. A centre that ends a round empty keeps its
 * place. Sums are in double; a seed gives the same centroids on every machine. Stateless, thread-safe.
 */
public final class CentroidSeeding {

    /** The most pixels the seeding reads; a batch of 8 patches of 64×64 has 32,768. */
    public static final int DEFAULT_MAX_PIXELS = 32_768;
    /** Lloyd rounds after the k-means++ start. */
    public static final int DEFAULT_ITERATIONS = 20;

    private static final double NORM_FLOOR = 1e-12;

    private CentroidSeeding() {
    }

    /**
     * Seeds K centroids from shifted embeddings.
     *
     * @param shifted    the shifted embeddings {@code [patches, D, rows, cols]} row-major
     * @param patches    the number of patches (2B)
     * @param dim        D
     * @param rows       h
     * @param cols       w
     * @param clusters   K
     * @param maxPixels  the most pixels to use
     * @param iterations Lloyd rounds after the k-means++ start
     * @param random     the stream the start is drawn from
     * @return a new K×D matrix of unit rows
     * @throws IllegalArgumentException when the shapes do not match the array or there are fewer pixels than K
     */
    public static float[][] seed(float[] shifted, int patches, int dim, int rows, int cols, int clusters, int maxPixels,
                                 int iterations, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        int pixels = Math.multiplyExact(rows, cols);
        int total = Math.multiplyExact(patches, pixels);
        if (shifted.length != (long) total * dim || clusters < 1 || dim < 1) {
            throw new IllegalArgumentException("expected " + (long) total * dim + " shifted values [" + patches + ", " + dim + ", "
                    + rows + ", " + cols + "] for " + clusters + " centroids, found " + shifted.length);
        }
        int stride = Math.max(1, (total + maxPixels - 1) / Math.max(1, maxPixels));
        int n = (total + stride - 1) / stride;
        if (n < clusters) {
            throw new IllegalArgumentException("seeding " + clusters + " centroids needs at least as many pixels, found " + n);
        }
        double[][] x = new double[n][dim];
        for (int i = 0; i < n; i++) {
            int flat = i * stride;
            int patch = flat / pixels;
            int q = flat % pixels;
            for (int d = 0; d < dim; d++) {
                x[i][d] = shifted[(patch * dim + d) * pixels + q];
            }
            normaliseInPlace(x[i]);
        }
        double[][] centres = plusPlus(x, clusters, random);
        int[] owner = new int[n];
        for (int round = 0; round < iterations; round++) {
            boolean changed = assign(x, centres, owner) || round == 0;
            double[][] sums = new double[clusters][dim];
            int[] counts = new int[clusters];
            for (int i = 0; i < n; i++) {
                counts[owner[i]]++;
                for (int d = 0; d < dim; d++) {
                    sums[owner[i]][d] += x[i][d];
                }
            }
            for (int k = 0; k < clusters; k++) {
                if (counts[k] > 0) {
                    normaliseInPlace(sums[k]);
                    centres[k] = sums[k];
                }
            }
            if (!changed) {
                break;
            }
        }
        float[][] out = new float[clusters][dim];
        for (int k = 0; k < clusters; k++) {
            for (int d = 0; d < dim; d++) {
                out[k][d] = (float) centres[k][d];
            }
        }
        return out;
    }

    private static double[][] plusPlus(double[][] x, int clusters, SplittableRandom random) {
        int n = x.length;
        double[][] centres = new double[clusters][];
        centres[0] = x[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = distance(x[i], centres[0]);
        }
        for (int k = 1; k < clusters; k++) {
            double sum = 0;
            for (double v : nearest) {
                sum += v;
            }
            int pick;
            if (sum <= 0) {
                // every pixel sits on a centre already: any pixel is as good as another
                pick = random.nextInt(n);
            } else {
                double target = random.nextDouble() * sum;
                pick = n - 1;
                double run = 0;
                for (int i = 0; i < n; i++) {
                    run += nearest[i];
                    if (run > target) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[k] = x[pick].clone();
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(x[i], centres[k]));
            }
        }
        return centres;
    }

    /** @return whether any pixel changed its centre */
    private static boolean assign(double[][] x, double[][] centres, int[] owner) {
        boolean changed = false;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestDot = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < centres.length; k++) {
                double dot = dot(x[i], centres[k]);
                if (dot > bestDot) {
                    bestDot = dot;
                    best = k;
                }
            }
            changed |= owner[i] != best;
            owner[i] = best;
        }
        return changed;
    }

    private static double distance(double[] a, double[] b) {
        return Math.max(0, 1 - dot(a, b));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    private static void normaliseInPlace(double[] v) {
        double sq = 0;
        for (double x : v) {
            sq += x * x;
        }
        double norm = Math.max(Math.sqrt(sq), NORM_FLOOR);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }
}
