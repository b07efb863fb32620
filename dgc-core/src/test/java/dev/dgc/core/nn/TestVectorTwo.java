package dev.dgc.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The inputs of TV2 of dgc-algorithm.md §15: a 4×5 map of 3-D unit embeddings and two centroids. */
final class TestVectorTwo {

    static final int D = 3;
    static final int H = 4;
    static final int W = 5;
    static final double TEMPERATURE = 0.05;

    private TestVectorTwo() {
    }

    /** {@code E[j] = 0.2 + |cos(0.9 j)|} over (D, H, W), +1 on channel 0 for columns 0–2 and on channel 2 for 3–4, unit per pixel. */
    static double[][][] embeddings() {
        double[][][] e = new double[D][H][W];
        for (int d = 0; d < D; d++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int j = (d * H + y) * W + x;
                    e[d][y][x] = 0.2 + Math.abs(Math.cos(0.9 * j));
                }
            }
        }
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                e[x <= 2 ? 0 : 2][y][x] += 1.0;
                double norm = Math.sqrt(e[0][y][x] * e[0][y][x] + e[1][y][x] * e[1][y][x] + e[2][y][x] * e[2][y][x]);
                for (int d = 0; d < D; d++) {
                    e[d][y][x] /= norm;
                }
            }
        }
        return e;
    }

    /** The same map mirrored left–right (TV3's second view). */
    static double[][][] mirrored() {
        double[][][] e = embeddings();
        double[][][] m = new double[D][H][W];
        for (int d = 0; d < D; d++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    m[d][y][x] = e[d][y][W - 1 - x];
                }
            }
        }
        return m;
    }

    /** @return {@code [1, D, H, W]} */
    static INDArray map(double[][][] e, DataType type) {
        return Nd4j.createFromArray(new double[][][][] {e}).castTo(type);
    }

    /** normalise([1, 0.2, 0.1]) and normalise([0.1, 0.3, 1]), {@code [2, 3]}. */
    static INDArray centroids(DataType type) {
        double[][] c = {{1, 0.2, 0.1}, {0.1, 0.3, 1}};
        for (double[] row : c) {
            double norm = Math.sqrt(row[0] * row[0] + row[1] * row[1] + row[2] * row[2]);
            for (int d = 0; d < D; d++) {
                row[d] /= norm;
            }
        }
        return Nd4j.createFromArray(c).castTo(type);
    }
}
