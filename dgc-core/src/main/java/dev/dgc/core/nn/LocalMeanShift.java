package dev.dgc.core.nn;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The unrolled local-window mean-shift of §4.1 of dgc-algorithm.md in plain Java, with its exact
 * backward. Every pixel's query starts at its own embedding and moves, T times, to the
 * Gaussian-weighted mean of the ORIGINAL embeddings in its k×k window; window positions outside the
 * map are zero vectors that still count (zero padding).
 *
 * <p>The current iterate enters the weights behind a stop-gradient (§5.0), so only the last
 * iteration carries gradient: with q = z⁽ᵀ⁻¹⁾ held constant, {@code w_j = exp(−‖e_j − q‖²/(2σ²))},
 * {@code W = Σ w_j + 1e-6} and {@code z = Σ w_j e_j / W}, the upstream g = dL/dz gives
 * {@code a_j = g·(e_j − z)/W}, {@code dL/de_j = w_j g/W − a_j w_j (e_j − q)/σ²} and
 * {@code dL/dσ = Σ a_j w_j ‖e_j − q‖²/σ³}. With T = 0, z = e and the backward is the identity.
 *
 * <p>A graph holding the k² neighbour products of every iteration makes the autodiff backward
 * dominate a training step (≈1 400 small ops); here the work is a few passes over plain arrays.
 * All arithmetic is in double. Work is split over the rows of the maps, each row written by one task
 * and every sum taken in a fixed order, so results are equal bit for bit whatever the scheduling.
 * An instance is immutable and may be shared between threads; it runs its passes on the common
 * fork-join pool.
 */
public final class LocalMeanShift {

    /** The guard of the weighted mean's denominator, {@code Σ w + 1e-6} (§4.1). */
    static final double DENOMINATOR_GUARD = 1e-6;

    private final int maps;
    private final int dims;
    private final int rows;
    private final int cols;
    private final int radius;
    private final int iterations;

    /**
     * @param maps       N, the maps shifted together
     * @param dims       D, the embedding length
     * @param rows       H
     * @param cols       W
     * @param window     the window side k, odd
     * @param iterations T, 0 for none
     * @throws IllegalArgumentException when a size is not positive, the window is even or T negative
     */
    public LocalMeanShift(int maps, int dims, int rows, int cols, int window, int iterations) {
        if (maps < 1 || dims < 1 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("invalid mean-shift size: " + maps + " maps of " + dims + "×" + rows + "×" + cols);
        }
        if (window < 1 || window % 2 == 0 || iterations < 0) {
            throw new IllegalArgumentException("the mean-shift window must be odd and positive and the iterations ≥ 0, found window "
                    + window + ", iterations " + iterations);
        }
        this.maps = maps;
        this.dims = dims;
        this.rows = rows;
        this.cols = cols;
        this.radius = window / 2;
        this.iterations = iterations;
    }

    /**
     * θ with softplus(θ) = σ, {@code ln(e^σ − 1)}.
     *
     * @param bandwidth σ, positive
     * @return θ (0.541325 for σ = 1)
     */
    public static double thetaFor(double bandwidth) {
        return Math.log(Math.expm1(bandwidth));
    }

    /**
     * σ = softplus(θ), computed without overflow.
     *
     * @param theta θ
     * @return {@code ln(1 + e^θ)}
     */
    public static double softplus(double theta) {
        return Math.max(theta, 0) + Math.log1p(Math.exp(-Math.abs(theta)));
    }

    /**
     * dσ/dθ of {@link #softplus}.
     *
     * @param theta θ
     * @return {@code 1 / (1 + e^−θ)}
     */
    public static double sigmoid(double theta) {
        return 1 / (1 + Math.exp(-theta));
    }

    /**
     * Shifts the maps.
     *
     * @param embeddings e, {@code [N, D, H, W]} row-major; not modified
     * @param bandwidth  σ, positive
     * @return z and what the backward needs
     */
    public Pass forward(double[] embeddings, double bandwidth) {
        if (embeddings.length != maps * dims * rows * cols) {
            throw new IllegalArgumentException("the mean-shift takes " + maps * dims * rows * cols + " values ([" + maps + ", " + dims
                    + ", " + rows + ", " + cols + "]), found " + embeddings.length);
        }
        double[] e = toPixelMajor(embeddings);
        double[] query = e;
        double[] shifted = e;
        double[] mass = new double[maps * rows * cols];
        for (int t = 0; t < iterations; t++) {
            query = shifted;
            double[] next = new double[e.length];
            double[] q = query;
            IntStream.range(0, maps * rows).parallel().forEach(row -> stepRow(row, e, q, bandwidth, next, mass));
            shifted = next;
        }
        return new Pass(e, query, shifted, mass, bandwidth);
    }

    /** One iteration for the pixels of one map row; {@code row = n·H + y}. */
    private void stepRow(int row, double[] e, double[] q, double sigma, double[] out, double[] mass) {
        double[] sum = new double[dims];
        double twoSigmaSquared = 2 * sigma * sigma;
        int y = row % rows;
        int mapBase = (row - y) * cols;
        for (int x = 0; x < cols; x++) {
            int i = row * cols + x;
            int qi = i * dims;
            Arrays.fill(sum, 0);
            double total = 0;
            for (int ny = y - radius; ny <= y + radius; ny++) {
                for (int nx = x - radius; nx <= x + radius; nx++) {
                    boolean inside = ny >= 0 && ny < rows && nx >= 0 && nx < cols;
                    int ej = inside ? (mapBase + ny * cols + nx) * dims : -1;
                    double w = Math.exp(-squaredDistance(e, ej, q, qi) / twoSigmaSquared);
                    total += w;
                    if (inside) {
                        for (int d = 0; d < dims; d++) {
                            sum[d] += w * e[ej + d];
                        }
                    }
                }
            }
            double denominator = total + DENOMINATOR_GUARD;
            for (int d = 0; d < dims; d++) {
                out[qi + d] = sum[d] / denominator;
            }
            mass[i] = denominator;
        }
    }

    /** {@code ‖e_j − q_i‖²}, with {@code ej < 0} for a zero-padded neighbour. */
    private double squaredDistance(double[] e, int ej, double[] q, int qi) {
        double distance = 0;
        for (int d = 0; d < dims; d++) {
            double diff = (ej < 0 ? 0 : e[ej + d]) - q[qi + d];
            distance += diff * diff;
        }
        return distance;
    }

    /**
     * The gradients of a loss with respect to the embeddings and σ.
     *
     * @param embeddings dL/de, {@code [N, D, H, W]} row-major
     * @param bandwidth  dL/dσ
     */
    public record Gradient(double[] embeddings, double bandwidth) {
    }

    /** One forward pass: z, and the last iteration's inputs for the backward. Immutable once built. */
    public final class Pass {
        private final double[] e;
        private final double[] query;
        private final double[] shifted;
        private final double[] mass;
        private final double sigma;

        private Pass(double[] e, double[] query, double[] shifted, double[] mass, double sigma) {
            this.e = e;
            this.query = query;
            this.shifted = shifted;
            this.mass = mass;
            this.sigma = sigma;
        }

        /** @return z, {@code [N, D, H, W]} row-major, a new array */
        public double[] shifted() {
            return toChannelMajor(shifted);
        }

        /**
         * Back-propagates through the last iteration (the earlier ones are behind the stop-gradient).
         *
         * @param upstream dL/dz, {@code [N, D, H, W]} row-major
         * @return dL/de (the part through z only) and dL/dσ (0 without iterations)
         */
        public Gradient backward(double[] upstream) {
            if (upstream.length != e.length) {
                throw new IllegalArgumentException("the upstream gradient must have " + e.length + " values, found " + upstream.length);
            }
            if (iterations == 0) {
                return new Gradient(upstream.clone(), 0);
            }
            double[] g = toPixelMajor(upstream);
            double[] rowSigma = new double[maps * rows];
            IntStream.range(0, maps * rows).parallel().forEach(row -> rowSigma[row] = bandwidthRow(row, g));
            double bandwidthGradient = 0;
            for (double v : rowSigma) {
                bandwidthGradient += v;
            }
            double[] gradient = new double[e.length];
            IntStream.range(0, maps * rows).parallel().forEach(row -> embeddingRow(row, g, gradient));
            return new Gradient(toChannelMajor(gradient), bandwidthGradient / (sigma * sigma * sigma));
        }

        /** {@code Σ_i Σ_j a_ij w_ij ‖e_j − q_i‖²} over the pixels i of one row, padded neighbours included. */
        private double bandwidthRow(int row, double[] g) {
            double twoSigmaSquared = 2 * sigma * sigma;
            int y = row % rows;
            int mapBase = (row - y) * cols;
            double acc = 0;
            for (int x = 0; x < cols; x++) {
                int i = row * cols + x;
                int qi = i * dims;
                for (int ny = y - radius; ny <= y + radius; ny++) {
                    for (int nx = x - radius; nx <= x + radius; nx++) {
                        boolean inside = ny >= 0 && ny < rows && nx >= 0 && nx < cols;
                        int ej = inside ? (mapBase + ny * cols + nx) * dims : -1;
                        double distance = squaredDistance(e, ej, query, qi);
                        double w = Math.exp(-distance / twoSigmaSquared);
                        double a = 0;
                        for (int d = 0; d < dims; d++) {
                            a += g[qi + d] * ((ej < 0 ? 0 : e[ej + d]) - shifted[qi + d]);
                        }
                        acc += a / mass[i] * w * distance;
                    }
                }
            }
            return acc;
        }

        /**
         * dL/de_j for the pixels j of one row, gathered over the pixels i whose window holds j (the
         * window is symmetric), so each output cell is written by this task alone.
         */
        private void embeddingRow(int row, double[] g, double[] out) {
            double twoSigmaSquared = 2 * sigma * sigma;
            double sigmaSquared = sigma * sigma;
            int y = row % rows;
            int mapBase = (row - y) * cols;
            for (int x = 0; x < cols; x++) {
                int ej = (row * cols + x) * dims;
                for (int ny = Math.max(0, y - radius); ny <= Math.min(rows - 1, y + radius); ny++) {
                    for (int nx = Math.max(0, x - radius); nx <= Math.min(cols - 1, x + radius); nx++) {
                        int i = mapBase + ny * cols + nx;
                        int qi = i * dims;
                        double w = Math.exp(-squaredDistance(e, ej, query, qi) / twoSigmaSquared);
                        double a = 0;
                        for (int d = 0; d < dims; d++) {
                            a += g[qi + d] * (e[ej + d] - shifted[qi + d]);
                        }
                        double direct = w / mass[i];
                        double viaWeight = a / mass[i] * w / sigmaSquared;
                        for (int d = 0; d < dims; d++) {
                            out[ej + d] += direct * g[qi + d] - viaWeight * (e[ej + d] - query[qi + d]);
                        }
                    }
                }
            }
        }
    }

    /** {@code [N, D, H, W]} to {@code [N, H, W, D]}, so a pixel's vector is contiguous. */
    private double[] toPixelMajor(double[] channelMajor) {
        int pixels = rows * cols;
        double[] out = new double[channelMajor.length];
        for (int n = 0; n < maps; n++) {
            for (int d = 0; d < dims; d++) {
                int from = (n * dims + d) * pixels;
                int to = n * pixels * dims + d;
                for (int p = 0; p < pixels; p++) {
                    out[to + p * dims] = channelMajor[from + p];
                }
            }
        }
        return out;
    }

    private double[] toChannelMajor(double[] pixelMajor) {
        int pixels = rows * cols;
        double[] out = new double[pixelMajor.length];
        for (int n = 0; n < maps; n++) {
            for (int d = 0; d < dims; d++) {
                int to = (n * dims + d) * pixels;
                int from = n * pixels * dims + d;
                for (int p = 0; p < pixels; p++) {
                    out[to + p] = pixelMajor[from + p * dims];
                }
            }
        }
        return out;
    }
}
