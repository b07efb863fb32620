package dev.dgc.core.nn;

/**
 * A plain-Java, double-precision transcription of one mean-shift step of §4.1, the reference the
 * graph is checked against: the query map is given, so a caller can hold the iterates fixed.
 */
final class ReferenceMeanShift {

    private ReferenceMeanShift() {
    }

    /**
     * One step for every pixel of one map.
     *
     * @param e     the embeddings {@code [D][H][W]}
     * @param query the current iterate {@code [D][H][W]}
     * @param sigma σ
     * @param k     the window side
     * @return {@code Σ w e / (Σ w + 1e-6)} with zero-padded neighbours
     */
    static double[][][] step(double[][][] e, double[][][] query, double sigma, int k) {
        int dims = e.length;
        int rows = e[0].length;
        int cols = e[0][0].length;
        int r = k / 2;
        double[][][] z = new double[dims][rows][cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double mass = 0;
                double[] sum = new double[dims];
                for (int ny = y - r; ny <= y + r; ny++) {
                    for (int nx = x - r; nx <= x + r; nx++) {
                        boolean inside = ny >= 0 && ny < rows && nx >= 0 && nx < cols;
                        double distance = 0;
                        for (int d = 0; d < dims; d++) {
                            double v = inside ? e[d][ny][nx] : 0;
                            distance += (v - query[d][y][x]) * (v - query[d][y][x]);
                        }
                        double w = Math.exp(-distance / (2 * sigma * sigma));
                        mass += w;
                        for (int d = 0; d < dims; d++) {
                            sum[d] += w * (inside ? e[d][ny][nx] : 0);
                        }
                    }
                }
                for (int d = 0; d < dims; d++) {
                    z[d][y][x] = sum[d] / (mass + LocalMeanShift.DENOMINATOR_GUARD);
                }
            }
        }
        return z;
    }

    /** The iterate after {@code iterations} steps from z⁽⁰⁾ = e. */
    static double[][][] iterate(double[][][] e, double sigma, int k, int iterations) {
        double[][][] z = e;
        for (int t = 0; t < iterations; t++) {
            z = step(e, z, sigma, k);
        }
        return z;
    }

    static double softplus(double theta) {
        return Math.log1p(Math.exp(theta));
    }
}
