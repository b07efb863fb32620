package dev.dgc.losses;

/**
 * TV2 and TV3 of dgc-algorithm.md §15 rebuilt in plain Java: the TV2 embeddings, the local
 * mean-shift of §4.1 and the soft assignment of §4.2, giving the step tensors TV3 evaluates.
 */
final class TestVectors {

    static final int D = 3;
    static final int H = 4;
    static final int W = 5;
    static final double[][] CENTROIDS = {
        ReferenceLosses.unit(new double[] {1, 0.2, 0.1}),
        ReferenceLosses.unit(new double[] {0.1, 0.3, 1}),
    };

    private TestVectors() {
    }

    /** TV2's embeddings as rows in raster order: {@code 0.2 + |cos(0.9·j)|}, shifted by column, unit. */
    static double[][] tv2Embeddings() {
        double[][] e = new double[H * W][D];
        for (int d = 0; d < D; d++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int j = (d * H + y) * W + x;
                    e[y * W + x][d] = 0.2 + Math.abs(Math.cos(0.9 * j)) + (d == 0 && x <= 2 || d == 2 && x >= 3 ? 1.0 : 0.0);
                }
            }
        }
        return LossInputs.unitRows(e);
    }

    /** The rows of a view mirrored left to right. */
    static double[][] mirrored(double[][] rows) {
        double[][] m = new double[rows.length][];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                m[y * W + x] = rows[y * W + (W - 1 - x)].clone();
            }
        }
        return m;
    }

    /** §4.1: 5×5 window, zero padding included in the sums, σ = 1, non-blurring iterations. */
    static double[][] meanShift(double[][] e, int iterations) {
        double[][] z = new double[e.length][];
        for (int i = 0; i < e.length; i++) {
            z[i] = e[i].clone();
        }
        for (int t = 0; t < iterations; t++) {
            double[][] next = new double[e.length][D];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double[] zi = z[y * W + x];
                    double[] sum = new double[D];
                    double weights = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            double[] ej = yy >= 0 && yy < H && xx >= 0 && xx < W ? e[yy * W + xx] : new double[D];
                            double dist = 0;
                            for (int d = 0; d < D; d++) {
                                dist += (ej[d] - zi[d]) * (ej[d] - zi[d]);
                            }
                            double wij = Math.exp(-dist / 2);
                            weights += wij;
                            for (int d = 0; d < D; d++) {
                                sum[d] += wij * ej[d];
                            }
                        }
                    }
                    for (int d = 0; d < D; d++) {
                        next[y * W + x][d] = sum[d] / (weights + 1e-6);
                    }
                }
            }
            z = next;
        }
        return z;
    }

    /** §4.2: {@code softmax_k(ẑ·c_k / 0.05)}. */
    static double[][] assign(double[][] z) {
        double[][] logits = new double[z.length][CENTROIDS.length];
        for (int i = 0; i < z.length; i++) {
            double[] unit = ReferenceLosses.unit(z[i]);
            for (int k = 0; k < CENTROIDS.length; k++) {
                logits[i][k] = ReferenceLosses.dot(unit, CENTROIDS[k]) / 0.05;
            }
        }
        return LossInputs.softmaxRows(logits);
    }

    /** TV3's step: view 0 = E, view 1 = E mirrored, five mean-shift iterations. */
    static LossInputs tv3Inputs() {
        double[][] e0 = tv2Embeddings();
        double[][] e1 = mirrored(e0);
        double[][] z0 = meanShift(e0, 5);
        double[][] z1 = meanShift(e1, 5);
        return new LossInputs(new double[][][] {e0, e1}, new double[][][] {z0, z1},
                new double[][][] {assign(z0), assign(z1)}, CENTROIDS);
    }
}
