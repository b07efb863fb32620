package dev.dgc.core.nn;

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
 * All arithmetic is in double. The k² padded neighbours of a pixel share one weight, computed once.
 * The backward computes each pair's weight and {@code a} once and keeps them ({@code N·H·W·k²}
 * values each), so that the scatter to the neighbours does not recompute them. Work is split over
 * the rows of the maps, each row written by one task and every sum taken in a fixed order, so
 * results are equal bit for bit whatever the scheduling.
 *
 * <p>An instance is immutable and may be shared between threads; it runs its passes on the common
 * fork-join pool. A {@link Pass} owns its buffers; handing it back to {@link #forward(double[], double, Pass)}
 * reuses them, so that a training loop allocates nothing per step.
 */
public final class LocalMeanShift {

    /** The guard of the weighted mean's denominator, {@code Σ w + 1e-6} (§4.1). */
    static final double DENOMINATOR_GUARD = 1e-6;

    private final int maps;
    private final int dims;
    private final int rows;
    private final int cols;
    private final int radius;
    private final int side;
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
        this.side = window;
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
     * Shifts the maps into new buffers.
     *
     * @param embeddings e, {@code [N, D, H, W]} row-major; not modified
     * @param bandwidth  σ, positive
     * @return z and what the backward needs
     */
    public Pass forward(double[] embeddings, double bandwidth) {
        return forward(embeddings, bandwidth, null);
    }

    /**
     * Shifts the maps, reusing the buffers of an earlier pass of this instance, which is then no
     * longer valid (its z and backward become this pass's).
     *
     * @param embeddings e, {@code [N, D, H, W]} row-major; not modified
     * @param bandwidth  σ, positive
     * @param recycled   an earlier pass of this instance whose buffers are reused, or null for new ones
     * @return z and what the backward needs ({@code recycled} itself when given)
     * @throws IllegalArgumentException when the embeddings have the wrong length or the pass is another instance's
     */
    public Pass forward(double[] embeddings, double bandwidth, Pass recycled) {
        int length = maps * dims * rows * cols;
        if (embeddings.length != length) {
            throw new IllegalArgumentException("the mean-shift takes " + length + " values ([" + maps + ", " + dims
                    + ", " + rows + ", " + cols + "]), found " + embeddings.length);
        }
        if (recycled != null && recycled.owner() != this) {
            throw new IllegalArgumentException("a pass can only be reused by the mean-shift that made it");
        }
        Pass pass = recycled != null ? recycled : new Pass();
        double[] e = pass.e;
        toPixelMajor(embeddings, e);
        double[] query = e;
        double[] shifted = e;
        for (int t = 0; t < iterations; t++) {
            query = shifted;
            double[] next = query == pass.first() ? pass.second() : pass.first();
            double[] q = query;
            IntStream.range(0, maps * rows).parallel().forEach(row -> stepRow(row, e, q, bandwidth, next, pass.mass));
            shifted = next;
        }
        pass.query = query;
        pass.shifted = shifted;
        pass.sigma = bandwidth;
        return pass;
    }

    /** One iteration for the pixels of one map row; {@code row = n·H + y}. */
    private void stepRow(int row, double[] e, double[] q, double sigma, double[] out, double[] mass) {
        double twoSigmaSquared = 2 * sigma * sigma;
        int y = row % rows;
        int mapBase = (row - y) * cols;
        int y0 = Math.max(0, y - radius);
        int y1 = Math.min(rows - 1, y + radius);
        for (int x = 0; x < cols; x++) {
            int i = row * cols + x;
            int qi = i * dims;
            int x0 = Math.max(0, x - radius);
            int x1 = Math.min(cols - 1, x + radius);
            int padded = side * side - (y1 - y0 + 1) * (x1 - x0 + 1);
            double total = padded == 0 ? 0 : padded * Math.exp(-squaredNorm(q, qi) / twoSigmaSquared);
            for (int d = 0; d < dims; d++) {
                out[qi + d] = 0;
            }
            for (int ny = y0; ny <= y1; ny++) {
                for (int nx = x0; nx <= x1; nx++) {
                    int ej = (mapBase + ny * cols + nx) * dims;
                    double w = Math.exp(-squaredDistance(e, ej, q, qi) / twoSigmaSquared);
                    total += w;
                    for (int d = 0; d < dims; d++) {
                        out[qi + d] += w * e[ej + d];
                    }
                }
            }
            double denominator = total + DENOMINATOR_GUARD;
            for (int d = 0; d < dims; d++) {
                out[qi + d] /= denominator;
            }
            mass[i] = denominator;
        }
    }

    /** {@code ‖a_i − b_j‖²} of two D-vectors, in four interleaved partial sums (they run in parallel on the FPU). */
    private double squaredDistance(double[] a, int ai, double[] b, int bj) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int d = 0;
        for (; d + 3 < dims; d += 4) {
            double d0 = a[ai + d] - b[bj + d];
            double d1 = a[ai + d + 1] - b[bj + d + 1];
            double d2 = a[ai + d + 2] - b[bj + d + 2];
            double d3 = a[ai + d + 3] - b[bj + d + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; d < dims; d++) {
            double diff = a[ai + d] - b[bj + d];
            s0 += diff * diff;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code ‖a_i‖²}: the distance of a query to a zero-padded neighbour. */
    private double squaredNorm(double[] a, int ai) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            s += a[ai + d] * a[ai + d];
        }
        return s;
    }

    /** {@code g_i·(e_j − z_i)}, with {@code ej < 0} for a zero-padded neighbour. */
    private double upstreamDot(double[] g, int qi, double[] e, int ej, double[] z) {
        double s0 = 0;
        double s1 = 0;
        if (ej < 0) {
            for (int d = 0; d < dims; d++) {
                s0 -= g[qi + d] * z[qi + d];
            }
            return s0;
        }
        int d = 0;
        for (; d + 1 < dims; d += 2) {
            s0 += g[qi + d] * (e[ej + d] - z[qi + d]);
            s1 += g[qi + d + 1] * (e[ej + d + 1] - z[qi + d + 1]);
        }
        for (; d < dims; d++) {
            s0 += g[qi + d] * (e[ej + d] - z[qi + d]);
        }
        return s0 + s1;
    }

    /**
     * The gradients of a loss with respect to the embeddings and σ.
     *
     * @param embeddings dL/de, {@code [N, D, H, W]} row-major
     * @param bandwidth  dL/dσ
     */
    public record Gradient(double[] embeddings, double bandwidth) {
    }

    /**
     * One forward pass: z, and the last iteration's inputs for the backward, in buffers the pass owns.
     * Used by one thread at a time; {@link #forward(double[], double, Pass)} overwrites it.
     */
    public final class Pass {
        private final double[] e;
        private final double[] mass;
        private double[] first;
        private double[] second;
        private double[] query;
        private double[] shifted;
        private double sigma;
        /** Backward scratch, made at the first backward: the upstream and dL/de pixel-major, and per pair w and a/W. */
        private double[] upstream;
        private double[] gradient;
        private double[] pairWeight;
        private double[] pairA;
        private double[] rowSigma;

        private Pass() {
            this.e = new double[maps * dims * rows * cols];
            this.mass = new double[maps * rows * cols];
        }

        private LocalMeanShift owner() {
            return LocalMeanShift.this;
        }

        private double[] first() {
            if (first == null) {
                first = new double[e.length];
            }
            return first;
        }

        private double[] second() {
            if (second == null) {
                second = new double[e.length];
            }
            return second;
        }

        /** @return z, {@code [N, D, H, W]} row-major, a new array */
        public double[] shifted() {
            double[] out = new double[e.length];
            toChannelMajor(shifted, out);
            return out;
        }

        /**
         * Writes z into a caller's array.
         *
         * @param out {@code [N, D, H, W]} row-major, of the embeddings' length
         */
        public void shifted(double[] out) {
            requireLength(out, "the output");
            toChannelMajor(shifted, out);
        }

        /**
         * Back-propagates through the last iteration (the earlier ones are behind the stop-gradient).
         *
         * @param upstream dL/dz, {@code [N, D, H, W]} row-major
         * @return dL/de (the part through z only), a new array, and dL/dσ (0 without iterations)
         */
        public Gradient backward(double[] upstream) {
            double[] out = new double[e.length];
            double bandwidth = backward(upstream, out);
            return new Gradient(out, bandwidth);
        }

        /**
         * Back-propagates through the last iteration into a caller's array.
         *
         * @param upstreamGradient dL/dz, {@code [N, D, H, W]} row-major
         * @param out              receives dL/de (the part through z only), {@code [N, D, H, W]} row-major
         * @return dL/dσ (0 without iterations)
         */
        public double backward(double[] upstreamGradient, double[] out) {
            requireLength(upstreamGradient, "the upstream gradient");
            requireLength(out, "the output");
            if (iterations == 0) {
                System.arraycopy(upstreamGradient, 0, out, 0, out.length);
                return 0;
            }
            if (upstream == null) {
                upstream = new double[e.length];
                gradient = new double[e.length];
                pairWeight = new double[mass.length * side * side];
                pairA = new double[pairWeight.length];
                rowSigma = new double[maps * rows];
            }
            double[] g = upstream;
            toPixelMajor(upstreamGradient, g);
            IntStream.range(0, maps * rows).parallel().forEach(row -> rowSigma[row] = pairsRow(row, g));
            double bandwidthGradient = 0;
            for (double v : rowSigma) {
                bandwidthGradient += v;
            }
            IntStream.range(0, maps * rows).parallel().forEach(row -> embeddingRow(row, g, gradient));
            toChannelMajor(gradient, out);
            return bandwidthGradient / (sigma * sigma * sigma);
        }

        private void requireLength(double[] a, String what) {
            if (a.length != e.length) {
                throw new IllegalArgumentException(what + " must have " + e.length + " values, found " + a.length);
            }
        }

        /**
         * For the pixels i of one row: every window pair's w and {@code a/W} (kept for
         * {@link #embeddingRow}), and {@code Σ_i Σ_j a_ij w_ij ‖e_j − q_i‖²}, padded neighbours included.
         */
        private double pairsRow(int row, double[] g) {
            double twoSigmaSquared = 2 * sigma * sigma;
            int y = row % rows;
            int mapBase = (row - y) * cols;
            double acc = 0;
            for (int x = 0; x < cols; x++) {
                int i = row * cols + x;
                int qi = i * dims;
                int pair = i * side * side;
                double paddedDistance = squaredNorm(query, qi);
                double paddedWeight = Math.exp(-paddedDistance / twoSigmaSquared);
                double paddedA = Double.NaN;
                for (int ny = y - radius; ny <= y + radius; ny++) {
                    for (int nx = x - radius; nx <= x + radius; nx++, pair++) {
                        double distance;
                        double w;
                        double a;
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols) {
                            int ej = (mapBase + ny * cols + nx) * dims;
                            distance = squaredDistance(e, ej, query, qi);
                            w = Math.exp(-distance / twoSigmaSquared);
                            a = upstreamDot(g, qi, e, ej, shifted) / mass[i];
                        } else {
                            if (Double.isNaN(paddedA)) {
                                paddedA = upstreamDot(g, qi, e, -1, shifted) / mass[i];
                            }
                            distance = paddedDistance;
                            w = paddedWeight;
                            a = paddedA;
                        }
                        pairWeight[pair] = w;
                        pairA[pair] = a;
                        acc += a * w * distance;
                    }
                }
            }
            return acc;
        }

        /**
         * dL/de_j for the pixels j of one row, gathered over the pixels i whose window holds j (the
         * window is symmetric, and j sits in i's window at the mirrored offset), so each output cell is
         * written by this task alone.
         */
        private void embeddingRow(int row, double[] g, double[] out) {
            double sigmaSquared = sigma * sigma;
            int window = side * side;
            int y = row % rows;
            int mapBase = (row - y) * cols;
            for (int x = 0; x < cols; x++) {
                int ej = (row * cols + x) * dims;
                for (int d = 0; d < dims; d++) {
                    out[ej + d] = 0;
                }
                for (int ny = Math.max(0, y - radius); ny <= Math.min(rows - 1, y + radius); ny++) {
                    for (int nx = Math.max(0, x - radius); nx <= Math.min(cols - 1, x + radius); nx++) {
                        int i = mapBase + ny * cols + nx;
                        int qi = i * dims;
                        int pair = i * window + (y - ny + radius) * side + (x - nx + radius);
                        double w = pairWeight[pair];
                        double direct = w / mass[i];
                        double viaWeight = pairA[pair] * w / sigmaSquared;
                        for (int d = 0; d < dims; d++) {
                            out[ej + d] += direct * g[qi + d] - viaWeight * (e[ej + d] - query[qi + d]);
                        }
                    }
                }
            }
        }
    }

    /** {@code [N, D, H, W]} to {@code [N, H, W, D]}, so a pixel's vector is contiguous. */
    private void toPixelMajor(double[] channelMajor, double[] out) {
        int pixels = rows * cols;
        for (int n = 0; n < maps; n++) {
            for (int d = 0; d < dims; d++) {
                int from = (n * dims + d) * pixels;
                int to = n * pixels * dims + d;
                for (int p = 0; p < pixels; p++) {
                    out[to + p * dims] = channelMajor[from + p];
                }
            }
        }
    }

    private void toChannelMajor(double[] pixelMajor, double[] out) {
        int pixels = rows * cols;
        for (int n = 0; n < maps; n++) {
            for (int d = 0; d < dims; d++) {
                int to = (n * dims + d) * pixels;
                int from = n * pixels * dims + d;
                for (int p = 0; p < pixels; p++) {
                    out[to + p] = pixelMajor[from + p * dims];
                }
            }
        }
    }
}
