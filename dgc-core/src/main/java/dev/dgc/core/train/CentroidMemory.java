package dev.dgc.core.train;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The arithmetic of the global centroid memory (Phase II, §6): the EMA of each centroid toward the
 * assignment-weighted mean of the shifted embeddings, the Gaussian kick of dead centroids, the final
 * re-normalisation, and optional low-mass pruning (§6.3). It holds no state: the caller owns the
 * centroid matrix and the random stream.
 *
 * <p>Sums are accumulated in double. Kicks draw standard normal numbers with Marsaglia's polar
 * method from the given {@link SplittableRandom}, dead centroids in ascending order and their
 * components in order, so a seed gives the same kicks on every machine. Thread-safe (no shared state).
 */
public final class CentroidMemory {

    private static final double MASS_FLOOR = 1e-8;
    private static final double MEAN_GUARD = 1e-6;
    private static final double NORM_FLOOR = 1e-12;

    private CentroidMemory() {
    }

    /**
     * The reference initialisation: each centroid a standard normal vector scaled to unit length.
     *
     * @param clusters  K
     * @param dimension D
     * @param random    the stream to draw from
     * @return a new K×D matrix of unit rows
     */
    public static float[][] initial(int clusters, int dimension, SplittableRandom random) {
        if (clusters < 1 || dimension < 1) {
            throw new IllegalArgumentException("centroids need K ≥ 1 and D ≥ 1, found " + clusters + " and " + dimension);
        }
        Gaussian gaussian = new Gaussian(random);
        float[][] c = new float[clusters][dimension];
        for (float[] row : c) {
            double[] v = new double[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = gaussian.next();
            }
            store(normalise(v), row);
        }
        return c;
    }

    /**
     * One EMA/kick update (§6.1), in place. With {@code m_k = Σ_i p_ik z_i / (mass_k + 1e-6)} and
     * {@code mass_k = Σ_i p_ik + 1e-8} over all {@code patches·rows·cols} pixels: an alive centroid
     * ({@code mass_k > deadMass}) becomes {@code α c_k + (1−α) m_k}, a dead one
     * {@code normalise(c_k + κ ξ)} with {@code ξ ~ N(0, I)}; then every centroid is divided by
     * {@code max(‖c_k‖, 1e-12)}.
     *
     * <p>Pixel {@code (n, y, x)} pairs the probability row {@code (n·rows + y)·cols + x} with the
     * embedding {@code shifted[((n·D + d)·rows + y)·cols + x]}, d = 0…D−1. With
     * {@link CentroidSettings#legacyChannelScramble()} it is instead paired with the D consecutive
     * values {@code shifted[r·D … r·D + D − 1]}, r being its probability row: the reference's bug of
     * §6.2, which flattens each view's {@code (B, D, h, w)} map to {@code (B·h·w, D)} without moving D
     * last. Because view 1's patches follow view 0's in both arrays, cutting the whole array into groups
     * of D is the same as doing so per view and concatenating.
     *
     * @param centroids     K×D, unit rows; overwritten with the new centroids
     * @param shifted       the shifted (un-normalised) embeddings, {@code [patches, D, rows, cols]} row-major:
     *                      view 0's B patches, then view 1's
     * @param probabilities the soft assignments, {@code [patches·rows·cols, K]}, pixel order (n, y, x)
     * @param patches       the number of patches, 2B
     * @param rows          h
     * @param cols          w
     * @param settings      α, the dead threshold and the layout
     * @param kickScale     κ, the standard deviation of a kick at this step
     * @param random        the stream kicks are drawn from (advanced only when a centroid is dead)
     * @return the masses, which centroids were dead, and how many were kicked
     * @throws IllegalArgumentException if the array lengths do not match the shapes, naming them
     */
    public static CentroidUpdate update(float[][] centroids, float[] shifted, float[] probabilities, int patches,
                                        int rows, int cols, CentroidSettings settings, double kickScale,
                                        SplittableRandom random) {
        return update(centroids, shifted, probabilities, patches, rows, cols, settings, kickScale, random,
                new boolean[centroids.length]);
    }

    /**
     * {@link #update(float[][], float[], float[], int, int, int, CentroidSettings, double, SplittableRandom)}
     * with some centroids frozen (pruned, §6.3): a frozen row is left exactly as given (no EMA, no
     * kick, no re-normalisation), is never dead and draws nothing from {@code random}; its mass is
     * still reported. With no frozen centroid the result is that of the other overload.
     *
     * @param centroids     K×D, unit rows; the rows not frozen are overwritten with the new centroids
     * @param shifted       as in the other overload
     * @param probabilities as in the other overload
     * @param patches       2B
     * @param rows          h
     * @param cols          w
     * @param settings      α, the dead threshold and the layout
     * @param kickScale     κ at this step
     * @param random        the stream kicks are drawn from
     * @param frozen        per centroid, whether it is left alone
     * @return the masses, which centroids were dead, and how many were kicked
     * @throws IllegalArgumentException if the array lengths do not match the shapes, naming them
     */
    public static CentroidUpdate update(float[][] centroids, float[] shifted, float[] probabilities, int patches,
                                        int rows, int cols, CentroidSettings settings, double kickScale,
                                        SplittableRandom random, boolean[] frozen) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(random, "random");
        int clusters = centroids.length;
        int dim = clusters == 0 ? 0 : centroids[0].length;
        for (float[] c : centroids) {
            if (c.length != dim) {
                throw new IllegalArgumentException("centroid rows have different lengths " + dim + " and " + c.length);
            }
        }
        if (clusters == 0 || dim == 0 || patches < 1 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("empty centroid update: K " + clusters + ", D " + dim + ", " + patches
                    + " patches of " + rows + "×" + cols);
        }
        if (!(kickScale >= 0)) {
            throw new IllegalArgumentException("kick scale must be non-negative, found " + kickScale);
        }
        if (frozen.length != clusters) {
            throw new IllegalArgumentException("expected " + clusters + " frozen flags, found " + frozen.length);
        }
        int pixels = Math.multiplyExact(rows, cols);
        int total = Math.multiplyExact(patches, pixels);
        if (shifted.length != (long) total * dim || probabilities.length != (long) total * clusters) {
            throw new IllegalArgumentException("expected " + (long) total * dim + " shifted values [" + patches + ", " + dim
                    + ", " + rows + ", " + cols + "] and " + (long) total * clusters + " probabilities [" + total + ", "
                    + clusters + "], found " + shifted.length + " and " + probabilities.length);
        }
        double[] mass = new double[clusters];
        double[][] sums = new double[clusters][dim];
        for (int i = 0; i < total; i++) {
            for (int k = 0; k < clusters; k++) {
                mass[k] += probabilities[i * clusters + k];
            }
        }
        if (settings.legacyChannelScramble()) {
            for (int r = 0; r < total; r++) {
                for (int d = 0; d < dim; d++) {
                    accumulate(sums, probabilities, r, clusters, d, shifted[r * dim + d]);
                }
            }
        } else {
            for (int n = 0; n < patches; n++) {
                for (int d = 0; d < dim; d++) {
                    int base = (n * dim + d) * pixels;
                    for (int q = 0; q < pixels; q++) {
                        accumulate(sums, probabilities, n * pixels + q, clusters, d, shifted[base + q]);
                    }
                }
            }
        }
        double alpha = settings.emaDecay();
        boolean[] dead = new boolean[clusters];
        int kicked = 0;
        Gaussian gaussian = new Gaussian(random);
        for (int k = 0; k < clusters; k++) {
            mass[k] += MASS_FLOOR;
            if (frozen[k]) {
                continue;
            }
            double[] c = new double[dim];
            if (mass[k] > settings.deadMass()) {
                for (int d = 0; d < dim; d++) {
                    c[d] = alpha * centroids[k][d] + (1 - alpha) * (sums[k][d] / (mass[k] + MEAN_GUARD));
                }
            } else {
                dead[k] = true;
                kicked++;
                for (int d = 0; d < dim; d++) {
                    c[d] = centroids[k][d] + kickScale * gaussian.next();
                }
                c = normalise(c);
            }
            store(normalise(c), centroids[k]);
        }
        return new CentroidUpdate(mass, dead, kicked);
    }

    private static void accumulate(double[][] sums, float[] probabilities, int row, int clusters, int d, double z) {
        int base = row * clusters;
        for (int k = 0; k < clusters; k++) {
            sums[k][d] += probabilities[base + k] * z;
        }
    }

    /**
     * The centroids that pruning keeps (§6.3): those whose share {@code mass_k / Σ mass} is at least
     * {@code pruneFraction}. The heaviest centroid is always kept, so the memory never empties; a
     * fraction of 0 keeps all. The caller rebuilds the centroid matrix with {@link #select} and the
     * optimiser state for it, and keeps the returned indices as the old→new map for reporting.
     *
     * @param mass          per-centroid mass, from {@link CentroidUpdate#mass()} (or summed over steps)
     * @param pruneFraction the smallest share a centroid must have to stay, in [0, 1)
     * @return the kept centroid indices, ascending
     * @throws IllegalArgumentException if the fraction is outside [0, 1) or the masses are empty
     */
    public static int[] survivors(double[] mass, double pruneFraction) {
        if (!(pruneFraction >= 0 && pruneFraction < 1) || mass.length == 0) {
            throw new IllegalArgumentException("pruning needs masses and a fraction in [0, 1), found " + mass.length
                    + " masses and " + pruneFraction);
        }
        double sum = Arrays.stream(mass).sum();
        int heaviest = 0;
        for (int k = 1; k < mass.length; k++) {
            if (mass[k] > mass[heaviest]) {
                heaviest = k;
            }
        }
        int[] kept = new int[mass.length];
        int n = 0;
        for (int k = 0; k < mass.length; k++) {
            if (k == heaviest || mass[k] >= pruneFraction * sum) {
                kept[n++] = k;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * @param centroids K×D
     * @param kept      indices to keep, from {@link #survivors}
     * @return a new matrix of the kept rows, in the order given (the rows are copies)
     */
    public static float[][] select(float[][] centroids, int[] kept) {
        float[][] out = new float[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            out[i] = centroids[kept[i]].clone();
        }
        return out;
    }

    private static double[] normalise(double[] v) {
        double sq = 0;
        for (double x : v) {
            sq += x * x;
        }
        double norm = Math.max(Math.sqrt(sq), NORM_FLOOR);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    private static void store(double[] v, float[] dst) {
        for (int i = 0; i < v.length; i++) {
            dst[i] = (float) v[i];
        }
    }

    /** Standard normal numbers by Marsaglia's polar method; keeps the second value of each pair. */
    private static final class Gaussian {
        private final SplittableRandom random;
        private double spare;
        private boolean hasSpare;

        Gaussian(SplittableRandom random) {
            this.random = random;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u;
            double v;
            double s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * Math.log(s) / s);
            spare = v * f;
            hasSpare = true;
            return u * f;
        }
    }
}
