package dev.dgc.core.train;

/**
 * A plain double implementation of the local mean-shift and soft assignment of §4.1–§4.2, written
 * for tests only, to build the shifted embeddings and probabilities of the test vectors TV2–TV4.
 * Arrays are {@code [D][H][W]} for embeddings and {@code [H·W][K]} for probabilities.
 */
final class ReferenceMeanShift {

    private ReferenceMeanShift() {
    }

    /** TV2's embeddings: {@code 0.2 + |cos(0.9 j)|}, +1 on channel 0 (columns 0–2) or 2 (3–4), unit pixels. */
    static double[][][] tv2Embeddings() {
        int d = 3;
        int h = 4;
        int w = 5;
        double[][][] e = new double[d][h][w];
        for (int c = 0; c < d; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int j = (c * h + y) * w + x;
                    e[c][y][x] = 0.2 + Math.abs(Math.cos(0.9 * j));
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                e[x <= 2 ? 0 : 2][y][x] += 1.0;
                double n = 0;
                for (int c = 0; c < d; c++) {
                    n += e[c][y][x] * e[c][y][x];
                }
                n = Math.sqrt(n);
                for (int c = 0; c < d; c++) {
                    e[c][y][x] /= n;
                }
            }
        }
        return e;
    }

    /** TV2's centroids: normalise([1, 0.2, 0.1]) and normalise([0.1, 0.3, 1]). */
    static double[][] tv2Centroids() {
        return new double[][] {unit(new double[] {1, 0.2, 0.1}), unit(new double[] {0.1, 0.3, 1})};
    }

    static double[][][] mirrorLeftRight(double[][][] e) {
        int w = e[0][0].length;
        double[][][] m = new double[e.length][e[0].length][w];
        for (int c = 0; c < e.length; c++) {
            for (int y = 0; y < e[0].length; y++) {
                for (int x = 0; x < w; x++) {
                    m[c][y][x] = e[c][y][w - 1 - x];
                }
            }
        }
        return m;
    }

    /** T iterations of the zero-padded local mean-shift with a square window and bandwidth σ. */
    static double[][][] shift(double[][][] e, int window, int iterations, double sigma) {
        int d = e.length;
        int h = e[0].length;
        int w = e[0][0].length;
        int r = window / 2;
        double[][][] z = new double[d][h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] zi = new double[d];
                for (int c = 0; c < d; c++) {
                    zi[c] = e[c][y][x];
                }
                for (int t = 0; t < iterations; t++) {
                    double[] num = new double[d];
                    double den = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        for (int dx = -r; dx <= r; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            boolean inside = yy >= 0 && yy < h && xx >= 0 && xx < w;
                            double dist = 0;
                            for (int c = 0; c < d; c++) {
                                double ej = inside ? e[c][yy][xx] : 0;
                                dist += (ej - zi[c]) * (ej - zi[c]);
                            }
                            double wt = Math.exp(-dist / (2 * sigma * sigma));
                            den += wt;
                            for (int c = 0; c < d; c++) {
                                num[c] += wt * (inside ? e[c][yy][xx] : 0);
                            }
                        }
                    }
                    for (int c = 0; c < d; c++) {
                        zi[c] = num[c] / (den + 1e-6);
                    }
                }
                for (int c = 0; c < d; c++) {
                    z[c][y][x] = zi[c];
                }
            }
        }
        return z;
    }

    /** {@code softmax_k(cos(ẑ_i, c_k)/τ)}, pixels in raster order. */
    static double[][] assign(double[][][] z, double[][] centroids, double tau) {
        int d = z.length;
        int h = z[0].length;
        int w = z[0][0].length;
        double[][] p = new double[h * w][centroids.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] v = new double[d];
                for (int c = 0; c < d; c++) {
                    v[c] = z[c][y][x];
                }
                v = unit(v);
                double[] s = new double[centroids.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < centroids.length; k++) {
                    for (int c = 0; c < d; c++) {
                        s[k] += v[c] * centroids[k][c] / tau;
                    }
                    max = Math.max(max, s[k]);
                }
                double sum = 0;
                for (int k = 0; k < s.length; k++) {
                    s[k] = Math.exp(s[k] - max);
                    sum += s[k];
                }
                for (int k = 0; k < s.length; k++) {
                    p[y * w + x][k] = s[k] / sum;
                }
            }
        }
        return p;
    }

    static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.max(Math.sqrt(n), 1e-12);
        double[] u = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] / n;
        }
        return u;
    }
}
