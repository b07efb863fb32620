package dev.dgc.losses;

import java.util.SplittableRandom;

/**
 * The tensors of one step in plain Java, indexed [view][pixel][channel]: encoder output e (unit,
 * non-negative like a ReLU encoder's), shifted embeddings z (not unit), probabilities p (rows of a
 * softmax) and centroids c (unit rows).
 */
record LossInputs(double[][][] e, double[][][] z, double[][][] p, double[][] c) {

    int pixels() {
        return p[0].length;
    }

    int clusters() {
        return c.length;
    }

    /** Random inputs of the given sizes, the same for the same seed. */
    static LossInputs random(long seed, int pixels, int clusters, int dim) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] e = new double[2][][];
        double[][][] z = new double[2][][];
        double[][][] p = new double[2][][];
        for (int v = 0; v < 2; v++) {
            e[v] = unitRows(matrix(r, pixels, dim, 0, 1));
            z[v] = matrix(r, pixels, dim, 0.05, 0.9);
            p[v] = softmaxRows(matrix(r, pixels, clusters, -3, 3));
        }
        return new LossInputs(e, z, p, unitRows(matrix(r, clusters, dim, -1, 1)));
    }

    static double[][] matrix(SplittableRandom r, int rows, int cols, double lo, double hi) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble(lo, hi);
            }
        }
        return m;
    }

    static double[][] unitRows(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = ReferenceLosses.unit(m[i]);
        }
        return out;
    }

    static double[][] softmaxRows(double[][] logits) {
        double[][] out = new double[logits.length][logits[0].length];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double l : logits[i]) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (int k = 0; k < logits[i].length; k++) {
                out[i][k] = Math.exp(logits[i][k] - max);
                sum += out[i][k];
            }
            for (int k = 0; k < logits[i].length; k++) {
                out[i][k] /= sum;
            }
        }
        return out;
    }
}
