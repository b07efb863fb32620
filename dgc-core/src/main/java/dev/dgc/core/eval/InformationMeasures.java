package dev.dgc.core.eval;

/**
 * Partition comparisons from a contingency table of counts (natural logarithms, nats): entropies,
 * mutual information, its expectation under the hypergeometric model (Vinh, Epps and Bailey 2010,
 * "Information theoretic measures for clusterings comparison", JMLR 11), NMI, AMI and the adjusted
 * Rand index (Hubert and Arabie 1985). Stateless.
 */
final class InformationMeasures {

    /** Terms of the expected-MI sum whose probability is below e^−50 of the largest are negligible. */
    private static final double NEGLIGIBLE_LOG = 50;
    private static final int FACTORIAL_TABLE = 1024;
    private static final double[] LOG_FACTORIAL = new double[FACTORIAL_TABLE];

    static {
        for (int k = 2; k < FACTORIAL_TABLE; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private InformationMeasures() {
    }

    /**
     * @param counts sizes of the parts
     * @param n      their sum
     * @return Shannon entropy in nats, empty parts skipped
     */
    static double entropy(long[] counts, long n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double q = (double) c / n;
                h -= q * Math.log(q);
            }
        }
        return h;
    }

    /**
     * @param table counts {@code [a][b]}
     * @param rows  row sums
     * @param cols  column sums
     * @param n     total
     * @return mutual information in nats
     */
    static double mutualInformation(long[][] table, long[] rows, long[] cols, long n) {
        double mi = 0;
        for (int a = 0; a < rows.length; a++) {
            for (int b = 0; b < cols.length; b++) {
                long c = table[a][b];
                if (c > 0) {
                    mi += (double) c / n * (Math.log((double) c * n) - Math.log((double) rows[a] * cols[b]));
                }
            }
        }
        return Math.max(0, mi);
    }

    /**
     * The mean of MI over all tables with these margins (hypergeometric model), summed from the most
     * probable cell count outwards until the terms are negligible.
     *
     * @param rows row sums
     * @param cols column sums
     * @param n    total
     * @return expected mutual information in nats
     */
    static double expectedMutualInformation(long[] rows, long[] cols, long n) {
        double emi = 0;
        double logN = Math.log(n);
        for (long a : rows) {
            if (a == 0) {
                continue;
            }
            for (long b : cols) {
                if (b == 0) {
                    continue;
                }
                long lo = Math.max(1, a + b - n);
                long hi = Math.min(a, b);
                if (lo > hi) {
                    continue;
                }
                long mode = Math.min(hi, Math.max(lo, (long) Math.floor((double) (a + 1) * (b + 1) / (n + 2))));
                double common = logFactorial(a) + logFactorial(b) + logFactorial(n - a) + logFactorial(n - b) - logFactorial(n);
                double peak = logProbability(common, mode, a, b, n);
                for (long k = mode; k <= hi; k++) {
                    double lp = logProbability(common, k, a, b, n);
                    if (lp < peak - NEGLIGIBLE_LOG) {
                        break;
                    }
                    emi += term(k, a, b, n, logN, lp);
                }
                for (long k = mode - 1; k >= lo; k--) {
                    double lp = logProbability(common, k, a, b, n);
                    if (lp < peak - NEGLIGIBLE_LOG) {
                        break;
                    }
                    emi += term(k, a, b, n, logN, lp);
                }
            }
        }
        return emi;
    }

    private static double term(long k, long a, long b, long n, double logN, double logP) {
        return (double) k / n * (logN + Math.log(k) - Math.log(a) - Math.log(b)) * Math.exp(logP);
    }

    private static double logProbability(double common, long k, long a, long b, long n) {
        return common - logFactorial(k) - logFactorial(a - k) - logFactorial(b - k) - logFactorial(n - a - b + k);
    }

    /**
     * @param k a count ≥ 0
     * @return ln k!, exact summation below 1024, Stirling's series (error below 1e-15) above
     */
    static double logFactorial(long k) {
        if (k < FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260)));
    }

    /**
     * Adjusted mutual information with the arithmetic mean of the entropies, as scikit-learn's
     * {@code adjusted_mutual_info_score}: 1 when both partitions are a single part.
     */
    static double adjustedMutualInformation(double mi, double emi, double h1, double h2, int parts1, int parts2) {
        if (parts1 <= 1 && parts2 <= 1) {
            return 1;
        }
        double denominator = (h1 + h2) / 2 - emi;
        double tiny = Math.ulp(1.0);
        denominator = denominator < 0 ? Math.min(denominator, -tiny) : Math.max(denominator, tiny);
        return (mi - emi) / denominator;
    }

    /**
     * NMI with the arithmetic mean, {@code 2·MI / (H1 + H2)}, in [0, 1]; 1 when both entropies are 0
     * (both partitions are a single part).
     */
    static double nmiArithmetic(double mi, double h1, double h2) {
        if (h1 + h2 <= 0) {
            return 1;
        }
        return clamp01(2 * mi / (h1 + h2));
    }

    /** NMI as the reference computes it, {@code MI / max(sqrt(H1·H2), 1e-12)}, clamped to [0, 1]. */
    static double nmiGeometric(double mi, double h1, double h2) {
        return clamp01(mi / Math.max(Math.sqrt(h1 * h2), 1e-12));
    }

    /**
     * @return the adjusted Rand index; 1 when the index equals its expectation and its maximum (both
     * partitions trivial), as scikit-learn
     */
    static double adjustedRandIndex(long[][] table, long[] rows, long[] cols, long n) {
        double index = 0;
        for (long[] row : table) {
            for (long c : row) {
                index += pairs(c);
            }
        }
        double sumRows = 0;
        for (long a : rows) {
            sumRows += pairs(a);
        }
        double sumCols = 0;
        for (long b : cols) {
            sumCols += pairs(b);
        }
        if (n < 2) {
            return 1;
        }
        double expected = sumRows * sumCols / pairs(n);
        double max = (sumRows + sumCols) / 2;
        if (max == expected) {
            return 1;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long k) {
        return (double) k * (k - 1) / 2;
    }

    private static double clamp01(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
