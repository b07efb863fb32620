package dev.dgc.core.data;

import dev.dgc.core.train.Normalization;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalizerTest {

    private static final int[] BOTH = {0, 1};

    private static float[] tv5Values() {
        return new float[] {1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 1};
    }

    @Test
    void zScoresTv5Exactly() throws IOException {
        Normalizer n = Normalizer.of(Normalization.ZSCORE, BandStatistics.compute(BandStatisticsTest.tv5Cube(), 100));
        float[] v = tv5Values();
        n.apply(v, BOTH, 6);
        double[] expected = {-1.336305, -0.801783, -0.267261, 0.267261, 0.801783, 1.336305,
            -0.408247, -0.408247, -0.408247, -0.408247, -0.408247, 2.041236};
        for (int i = 0; i < v.length; i++) {
            assertThat((double) v[i]).as("value %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void scalesMinMaxToTheUnitInterval() throws IOException {
        Normalizer n = Normalizer.of(Normalization.MINMAX, BandStatistics.compute(BandStatisticsTest.tv5Cube(), 100));
        float[] v = tv5Values();
        n.apply(v, BOTH, 6);
        assertThat((double) v[0]).isZero();
        assertThat((double) v[2]).isCloseTo(2 / (5 + 1e-6), within(1e-7));
        assertThat((double) v[5]).isCloseTo(5 / (5 + 1e-6), within(1e-7));
        assertThat((double) v[11]).isCloseTo(1 / (1 + 1e-6), within(1e-7));
    }

    @Test
    void appliesEachBlocksOwnBandStatistics() throws IOException {
        Normalizer n = Normalizer.of(Normalization.ZSCORE, BandStatistics.compute(BandStatisticsTest.tv5Cube(), 100));
        float[] v = {1, 6};
        n.apply(v, new int[] {1, 0}, 1);
        assertThat((double) v[0]).isCloseTo(2.041236, within(1e-6));
        assertThat((double) v[1]).isCloseTo(1.336305, within(1e-6));
    }

    @Test
    void turnsNoDataIntoZeroWhichIsTheBandMeanForZScores() throws IOException {
        BandStatistics s = BandStatistics.compute(BandStatisticsTest.tv5Cube(), 100);
        for (Normalization method : Normalization.values()) {
            float[] v = {Float.NaN, 7};
            Normalizer.of(method, s).apply(v, new int[] {0}, 2);
            assertThat(v[0]).as(method.name()).isZero();
            assertThat(v[1]).as(method.name()).isNotZero();
        }
    }

    @Test
    void leavesValuesAsStoredWithoutNormalisation() throws IOException {
        float[] v = tv5Values();
        Normalizer.of(Normalization.NONE, BandStatistics.compute(BandStatisticsTest.tv5Cube(), 100)).apply(v, BOTH, 6);
        assertThat(v).containsExactly(tv5Values());
    }

    @Test
    void refusesABandWithoutValidPixels() {
        BandStatistics s = BandStatistics.of(new long[] {0}, new double[] {Double.NaN}, new double[] {Double.NaN},
                new double[] {Double.NaN}, new double[] {Double.NaN});
        assertThatThrownBy(() -> Normalizer.of(Normalization.ZSCORE, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band 0");
    }
}
