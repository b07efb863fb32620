package dev.dgc.core.data;

import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BandStatisticsTest {

    /** TV5's cube: band 0 = 1…6, band 1 = five zeros and a one, 2 rows × 3 columns. */
    static ArrayCube tv5Cube() {
        return new ArrayCube(2, 2, 3, new float[] {1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 1});
    }

    @Test
    void computesCountMeanUnbiasedStdMinAndMaxPerBand() throws IOException {
        BandStatistics s = BandStatistics.compute(tv5Cube(), 4);
        assertThat(s.bands()).isEqualTo(2);
        assertThat(s.count(0)).isEqualTo(6);
        assertThat(s.mean(0)).isCloseTo(3.5, within(1e-12));
        assertThat(s.std(0)).isCloseTo(Math.sqrt(17.5 / 5), within(1e-12));
        assertThat(s.min(0)).isEqualTo(1);
        assertThat(s.max(0)).isEqualTo(6);
        assertThat(s.mean(1)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(s.std(1)).isCloseTo(Math.sqrt((5 * (1.0 / 36) + 25.0 / 36) / 5), within(1e-12));
        assertThat(s.maxs()).containsExactly(6, 1);
        assertThat(s.mins()).containsExactly(1, 0);
    }

    @Test
    void readsWindowsNoLargerThanTheLimitAndCoversEveryPixelOnce() throws IOException {
        float[] v = new float[3 * 7 * 5];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-10, 10);
        }
        ArrayCube whole = new ArrayCube(3, 7, 5, v);
        BandStatistics once = BandStatistics.compute(whole, Integer.MAX_VALUE);
        for (int limit : new int[] {1, 3, 5, 11}) {
            ArrayCube cube = new ArrayCube(3, 7, 5, v);
            BandStatistics tiled = BandStatistics.compute(cube, limit);
            assertThat(cube.reads).allSatisfy(w -> assertThat(w.pixels()).isLessThanOrEqualTo(limit));
            assertThat(cube.reads.stream().mapToInt(Window::pixels).sum()).isEqualTo(35);
            for (int b = 0; b < 3; b++) {
                assertThat(tiled.count(b)).isEqualTo(35);
                assertThat(tiled.mean(b)).isCloseTo(once.mean(b), within(1e-12));
                assertThat(tiled.std(b)).isCloseTo(once.std(b), within(1e-12));
                assertThat(tiled.min(b)).isEqualTo(once.min(b));
                assertThat(tiled.max(b)).isEqualTo(once.max(b));
            }
        }
        assertThat(whole.reads).containsExactly(Window.all(7, 5));
    }

    @Test
    void skipsNoDataPixels() throws IOException {
        ArrayCube cube = new ArrayCube(2, 1, 4, new float[] {1, Float.NaN, 3, 100, 2, 7, 4, 100});
        BandStatistics s = BandStatistics.compute(cube, 2);
        // the reader flags the whole pixel when one band is no-data, so band 1's 7 is skipped too
        assertThat(s.count(1)).isEqualTo(3);
        assertThat(s.mean(0)).isCloseTo(104.0 / 3, within(1e-12));
        assertThat(s.mean(1)).isCloseTo(106.0 / 3, within(1e-12));
        assertThat(s.max(1)).isEqualTo(100);
    }

    @Test
    void staysAccurateForALargeOffsetWhereTheSumOfSquaresFormCancels() throws IOException {
        int n = 100_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0e6f + (i % 2 == 0 ? 0.5f : -0.5f);
        }
        BandStatistics s = BandStatistics.compute(new ArrayCube(1, 1000, 100, v), 777);
        assertThat(s.mean(0)).isCloseTo(1.0e6, within(1e-9));
        assertThat(s.std(0)).isCloseTo(Math.sqrt(0.25 * n / (n - 1)), within(1e-9));
    }

    @Test
    void mergesLikeComputingOverTheUnion() {
        BandStatistics a = BandStatistics.of(new long[] {2}, new double[] {1.5}, new double[] {Math.sqrt(0.5)},
                new double[] {1}, new double[] {2});
        BandStatistics b = BandStatistics.of(new long[] {3}, new double[] {4}, new double[] {1}, new double[] {3},
                new double[] {5});
        BandStatistics m = a.merge(b);
        // the union is 1, 2, 3, 4, 5
        assertThat(m.count(0)).isEqualTo(5);
        assertThat(m.mean(0)).isCloseTo(3, within(1e-12));
        assertThat(m.std(0)).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(m.min(0)).isEqualTo(1);
        assertThat(m.max(0)).isEqualTo(5);
        assertThat(a.count(0)).isEqualTo(2);
    }

    @Test
    void roundTripsThroughItsArrays() throws IOException {
        BandStatistics s = BandStatistics.compute(tv5Cube(), 6);
        BandStatistics loaded = BandStatistics.of(s.counts(), s.means(), s.stds(), s.mins(), s.maxs());
        assertThat(loaded.stds()).containsExactly(s.stds());
        assertThat(loaded.means()).containsExactly(s.means());
        assertThat(loaded.merge(s).std(0)).isCloseTo(Math.sqrt(17.5 * 2 / 11), within(1e-12));
    }

    @Test
    void giveAConstantBandZeroSpreadAndAnEmptyBandNaN() {
        BandStatistics s = BandStatistics.of(new long[] {1, 0}, new double[] {4, Double.NaN},
                new double[] {0, Double.NaN}, new double[] {4, Double.NaN}, new double[] {4, Double.NaN});
        assertThat(s.std(0)).isZero();
        assertThat(s.std(1)).isNaN();
        assertThat(s.mean(1)).isNaN();
    }

    @Test
    void rejectsMismatchedArraysNamingTheLengths() {
        assertThatThrownBy(() -> BandStatistics.of(new long[] {1, 2}, new double[] {0}, new double[] {0},
                new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counts 2").hasMessageContaining("means 1");
    }
}
