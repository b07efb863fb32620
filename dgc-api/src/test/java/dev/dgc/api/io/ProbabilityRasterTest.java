package dev.dgc.api.io;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbabilityRasterTest {

    @Test
    void valuesAreBandSequential() {
        float[] v = new float[2 * 2 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        ProbabilityRaster p = new ProbabilityRaster(2, 3, 2, v, Optional.empty());
        assertThat(p.value(0, 0, 0)).isEqualTo(0f);
        assertThat(p.value(0, 1, 2)).isEqualTo(5f);
        assertThat(p.value(1, 0, 1)).isEqualTo(7f);
    }

    @Test
    void aSizeThatDoesNotMatchTheValuesIsRejectedWithBoth() {
        assertThatThrownBy(() -> new ProbabilityRaster(2, 3, 2, new float[11], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("11 values for a 2×3×2 probability raster (rows × cols × bands)");
    }
}
