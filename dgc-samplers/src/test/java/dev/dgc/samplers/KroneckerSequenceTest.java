package dev.dgc.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The low-discrepancy sequence behind the quasi-random sampler. */
class KroneckerSequenceTest {

    @Test
    void pointsAreTheFractionalPartsOfOneHalfPlusNTimesAlpha() {
        // frac(0.5 + n·α) for α = 1/p, 1/p², 1/φ: p = 1.324717957244746 (x³ = x + 1), φ = 1.618033988749895
        double[] alpha = {0.7548776662466927, 0.5698402909980532, 0.6180339887498949};
        long count = 1L << 40;
        for (int n = 0; n < 1_000; n++) {
            for (int d = 0; d < KroneckerSequence.DIMENSIONS; d++) {
                double u = (0.5 + n * alpha[d]) % 1.0;
                assertThat(KroneckerSequence.scaled(n, d, count) / (double) count).isCloseTo(u, within(1e-9));
            }
        }
    }

    @Test
    void scaledCoordinatesAreAlwaysBelowTheCount() {
        SplittableRandom random = new SplittableRandom(4);
        long[] counts = {1, 2, 7, 1000, Integer.MAX_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 100_000; i++) {
            long index = random.nextLong(Long.MAX_VALUE);
            for (long count : counts) {
                assertThat(KroneckerSequence.scaled(index, i % KroneckerSequence.DIMENSIONS, count)).isBetween(0L, count - 1);
            }
        }
        assertThat(KroneckerSequence.scaled(Long.MAX_VALUE, 2, Long.MAX_VALUE)).isBetween(0L, Long.MAX_VALUE - 1);
    }

    @Test
    void everyCoordinateFillsTenBinsAlmostEqually() {
        for (int d = 0; d < KroneckerSequence.DIMENSIONS; d++) {
            long[] bins = new long[10];
            for (long n = 0; n < 10_000; n++) {
                bins[(int) KroneckerSequence.scaled(n, d, 10)]++;
            }
            long least = Arrays.stream(bins).min().orElseThrow();
            long most = Arrays.stream(bins).max().orElseThrow();
            // 10 000 random points would leave the fullest and emptiest bin about 100 apart
            assertThat(most - least).as("dimension %d: %s", d, Arrays.toString(bins)).isLessThanOrEqualTo(4);
        }
    }
}
