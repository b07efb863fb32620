package dev.dgc.core.eval;

import dev.dgc.core.data.ArrayCube;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.train.Normalization;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The spectral fit R² of a map, worked out by hand on a 1×4 cube of two bands. */
class SpectralFitTest {

    // pixels (band 0, band 1): (0, 0), (2, 0), (10, 4), (12, 4); band-sequential
    private static final ArrayCube CUBE = new ArrayCube(2, 1, 4, new float[] {0, 2, 10, 12, 0, 0, 4, 4});

    private static double r2(int clusters, int... labels) throws IOException {
        SpectralFit.Accumulator a = new SpectralFit.Accumulator(clusters, 2);
        a.add(CUBE, Normalizer.of(Normalization.NONE, BandStatistics.compute(CUBE, 64)), labels);
        return a.r2();
    }

    @Test
    void twoClustersSplitAtTheGapExplainAlmostAllTheVariance() throws IOException {
        // mean (6, 2); total = 36+16+16+4+... = (36+4)+(16+4)+(16+4)+(36+4) = 120; within = 1+1+1+1 = 4
        assertThat(r2(2, 0, 0, 1, 1)).isCloseTo(1 - 4 / 120.0, within(1e-12));
    }

    @Test
    void aMapThatMixesTheGroupsExplainsLessAndACollapsedMapNothing() throws IOException {
        // {0, 2} and {1, 3}: centres (5, 2) and (7, 2); within = 25+4 + 25+4 + 25+4 + 25+4 = 116
        assertThat(r2(2, 0, 1, 0, 1)).isCloseTo(1 - 116 / 120.0, within(1e-12));
        assertThat(r2(2, 1, 1, 1, 1)).isZero();
    }

    @Test
    void noDataPixelsAreSkippedAndLabelsOutsideKAreRefused() throws IOException {
        // only pixels 0, 2, 3 count: mean (22/3, 8/3)
        double total = sq(0 - 22 / 3.0) + sq(10 - 22 / 3.0) + sq(12 - 22 / 3.0) + 3 * 0 + sq(0 - 8 / 3.0) + 2 * sq(4 - 8 / 3.0);
        assertThat(r2(2, 0, -1, 1, 1)).isCloseTo(1 - 2 / total, within(1e-12));
        assertThatThrownBy(() -> r2(2, 0, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 2");
        assertThatThrownBy(() -> r2(2, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 pixels");
    }

    private static double sq(double v) {
        return v * v;
    }
}
