package dev.dgc.core.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HungarianTest {

    @Test
    void findsTheAssignmentAGreedyChoiceMisses() {
        // greedy takes 9 (row 0 → column 0) and is left with 1 + 1; the optimum is 8 + 8 + 7
        long[][] w = {{9, 8, 0}, {8, 1, 0}, {0, 0, 7}};
        assertThat(Hungarian.maximise(w)).containsExactly(1, 0, 2);
    }

    @Test
    void assignsEveryRowOfARectangularMatrixToADistinctColumn() {
        long[][] w = {{1, 5, 3, 0}, {4, 6, 0, 2}};
        assertThat(Hungarian.maximise(w)).containsExactly(1, 0);
    }

    @Test
    void agreesWithExhaustiveSearchOnRandomMatrices() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(5);
            int m = n + rnd.nextInt(3);
            long[][] w = new long[n][m];
            for (long[] row : w) {
                for (int c = 0; c < m; c++) {
                    row[c] = rnd.nextInt(20);
                }
            }
            int[] a = Hungarian.maximise(w);
            long total = 0;
            for (int r = 0; r < n; r++) {
                total += w[r][a[r]];
            }
            assertThat(a).doesNotHaveDuplicates();
            assertThat(total).as("trial %d", trial).isEqualTo(best(w, 0, new boolean[m]));
        }
    }

    @Test
    void refusesMoreRowsThanColumns() {
        assertThatThrownBy(() -> Hungarian.maximise(new long[3][2])).hasMessageContaining("3 × 2");
    }

    private static long best(long[][] w, int row, boolean[] used) {
        if (row == w.length) {
            return 0;
        }
        long best = Long.MIN_VALUE;
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.max(best, w[row][c] + best(w, row + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
