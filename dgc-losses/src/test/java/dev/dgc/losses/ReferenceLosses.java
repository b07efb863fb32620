package dev.dgc.losses;

/**
 * The formulas of §5 of dgc-algorithm.md written out in plain Java doubles, independently of
 * SameDiff, as the oracle for the terms' graphs.
 */
final class ReferenceLosses {

    private ReferenceLosses() {
    }

    /** L_comp(0) + L_comp(1) on the rows x (e, or ẑ) of each view. */
    static double compactness(double[][][] x, double[][][] p, double[][] c) {
        double total = 0;
        for (int v = 0; v < 2; v++) {
            double sum = 0;
            for (int i = 0; i < p[v].length; i++) {
                for (int k = 0; k < c.length; k++) {
                    sum += p[v][i][k] * Math.max(0, 1 - dot(x[v][i], c[k]));
                }
            }
            total += sum / p[v].length;
        }
        return total;
    }

    /** ½ Σ_v (1/M) Σ_i −ln max(p_{i,y_i}, 1e-6) with one-hot labels y[v][i][k]. */
    static double uniformSampled(double[][][] p, double[][][] labels) {
        double total = 0;
        for (int v = 0; v < 2; v++) {
            double sum = 0;
            for (int i = 0; i < p[v].length; i++) {
                for (int k = 0; k < p[v][i].length; k++) {
                    if (labels[v][i][k] == 1.0) {
                        sum -= Math.log(Math.max(p[v][i][k], 1e-6));
                    }
                }
            }
            total += sum / p[v].length;
        }
        return total / 2;
    }

    /** ½ Σ_v (1/(M·K)) Σ_i Σ_k −ln max(p_ik, 1e-6). */
    static double uniformExpectation(double[][][] p) {
        double total = 0;
        for (int v = 0; v < 2; v++) {
            double sum = 0;
            for (double[] row : p[v]) {
                for (double q : row) {
                    sum -= Math.log(Math.max(q, 1e-6));
                }
            }
            total += sum / (p[v].length * p[v][0].length);
        }
        return total / 2;
    }

    /** Σ_{j,k} (c_j·c_k − δ_jk)². */
    static double orthogonality(double[][] c) {
        double sum = 0;
        for (int j = 0; j < c.length; j++) {
            for (int k = 0; k < c.length; k++) {
                double g = dot(c[j], c[k]) - (j == k ? 1 : 0);
                sum += g * g;
            }
        }
        return sum;
    }

    /** ½ Σ_v H(p̄_v), p̄_k = mean_i p_ik + 1e-6, H = −Σ p̄ ln p̄. */
    static double balanceEntropy(double[][][] p) {
        double total = 0;
        for (int v = 0; v < 2; v++) {
            total += marginalEntropy(p[v]);
        }
        return total / 2;
    }

    static double marginalEntropy(double[][] p) {
        double h = 0;
        for (int k = 0; k < p[0].length; k++) {
            double mean = 0;
            for (double[] row : p) {
                mean += row[k];
            }
            double q = mean / p.length + 1e-6;
            h -= q * Math.log(q);
        }
        return h;
    }

    /** (1/P) Σ_n ½ Σ_k (p̃⁰ − p̃¹)(ln p̃⁰ − ln p̃¹) over the pixel pairs (rows0[n], rows1[n]). */
    static double consistency(double[][] p0, double[][] p1, int[] rows0, int[] rows1) {
        double sum = 0;
        for (int n = 0; n < rows0.length; n++) {
            for (int k = 0; k < p0[0].length; k++) {
                double a = p0[rows0[n]][k] + 1e-6;
                double b = p1[rows1[n]][k] + 1e-6;
                sum += 0.5 * (a - b) * (Math.log(a) - Math.log(b));
            }
        }
        return sum / rows0.length;
    }

    /** Consistency over index-aligned pixels: row i of view 0 against row i of view 1. */
    static double consistency(double[][] p0, double[][] p1) {
        int[] all = new int[p0.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return consistency(p0, p1, all, all);
    }

    /** v / max(‖v‖, 1e-12). */
    static double[] unit(double[] v) {
        double n = Math.max(Math.sqrt(dot(v, v)), 1e-12);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
