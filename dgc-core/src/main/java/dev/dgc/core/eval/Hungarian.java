package dev.dgc.core.eval;

import java.util.Arrays;

/**
 * The Kuhn–Munkres (Hungarian) assignment with row and column potentials, O(rows²·cols), for a
 * rectangular matrix with no more rows than columns: every row gets a distinct column so that the
 * total weight is maximal. Stateless.
 */
final class Hungarian {

    private Hungarian() {
    }

    /**
     * @param weight {@code weight[r][c]}, rows ≤ columns, all rows equally long
     * @return for each row, its column
     * @throws IllegalArgumentException if there are more rows than columns
     */
    static int[] maximise(long[][] weight) {
        int n = weight.length;
        if (n == 0) {
            return new int[0];
        }
        int m = weight[0].length;
        if (n > m) {
            throw new IllegalArgumentException("the assignment needs no more rows than columns, found " + n + " × " + m);
        }
        long max = 0;
        for (long[] row : weight) {
            for (long w : row) {
                max = Math.max(max, w);
            }
        }
        // 1-based arrays with a virtual column 0 holding the row being inserted, minimising max − w
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] way = new int[m + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int col0 = 0;
            long[] minv = new long[m + 1];
            Arrays.fill(minv, Long.MAX_VALUE);
            boolean[] used = new boolean[m + 1];
            do {
                used[col0] = true;
                int r0 = rowOfColumn[col0];
                long delta = Long.MAX_VALUE;
                int col1 = 0;
                for (int c = 1; c <= m; c++) {
                    if (!used[c]) {
                        long cur = (max - weight[r0 - 1][c - 1]) - u[r0] - v[c];
                        if (cur < minv[c]) {
                            minv[c] = cur;
                            way[c] = col0;
                        }
                        if (minv[c] < delta) {
                            delta = minv[c];
                            col1 = c;
                        }
                    }
                }
                for (int c = 0; c <= m; c++) {
                    if (used[c]) {
                        u[rowOfColumn[c]] += delta;
                        v[c] -= delta;
                    } else {
                        minv[c] -= delta;
                    }
                }
                col0 = col1;
            } while (rowOfColumn[col0] != 0);
            do {
                int col1 = way[col0];
                rowOfColumn[col0] = rowOfColumn[col1];
                col0 = col1;
            } while (col0 != 0);
        }
        int[] columnOfRow = new int[n];
        for (int c = 1; c <= m; c++) {
            if (rowOfColumn[c] != 0) {
                columnOfRow[rowOfColumn[c] - 1] = c - 1;
            }
        }
        return columnOfRow;
    }
}
