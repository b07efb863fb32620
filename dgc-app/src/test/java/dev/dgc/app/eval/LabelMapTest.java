package dev.dgc.app.eval;

import dev.dgc.core.DgcException;
import dev.dgc.core.data.ArrayCube;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Label maps from one-band maps and from unmixing abundance ground truth. */
class LabelMapTest {

    @Test
    void abundancesGiveEachPixelTheClassOfItsLargestBandCountedFromOne() throws IOException {
        // 1×4 pixels, 3 abundance bands (band-sequential); pixel 3 ties bands 0 and 2, pixel 2 has a NaN
        float[] a = {
                0.7f, 0.1f, 0.2f, 0.4f,
                0.2f, 0.8f, Float.NaN, 0.2f,
                0.1f, 0.1f, 0.5f, 0.4f};
        LabelMap m = LabelMap.fromAbundances(new ArrayCube(3, 1, 4, a), "data.truth A");

        assertThat(m.labels()).containsExactly(1, 2, -1, 1);
        assertThat(m.rows()).isEqualTo(1);
        assertThat(m.cols()).isEqualTo(4);
    }

    @Test
    void aOneBandFileIsNotAbundancesAndAManyBandFileIsNotALabelMapAndEachSaysWhatToSet() {
        assertThatThrownBy(() -> LabelMap.fromAbundances(new ArrayCube(1, 1, 2, new float[] {1, 2}), "data.truth gt.mat"))
                .isInstanceOf(DgcException.class).hasMessageContaining("data.truth gt.mat").hasMessageContaining("drop 'abundances: true'");
        assertThatThrownBy(() -> LabelMap.read(new ArrayCube(2, 1, 1, new float[] {0.3f, 0.7f}), "data.truth A.mat"))
                .isInstanceOf(DgcException.class).hasMessageContaining("2 bands").hasMessageContaining("abundances: true");
    }
}
