package dev.dgc.core.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StabilityTest {

    @Test
    void relabelledButIdenticalMapsAreFullyStable() {
        Stability s = Stability.between(new int[] {0, 0, 1, 1, 2}, new int[] {4, 4, 0, 0, 1});
        assertThat(s.nmi()).isCloseTo(1.0, within(1e-12));
        assertThat(s.variationOfInformation()).isCloseTo(0.0, within(1e-12));
        // H of (2, 2, 1)/5
        assertThat(s.entropy()).isCloseTo(-(0.8 * Math.log(0.4) + 0.2 * Math.log(0.2)), within(1e-12));
    }

    @Test
    void testVectorSevenAsTwoCheckpointsGivesItsNmiAndVi() {
        int[] a = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 0};
        int[] b = {0, 0, 1, 1, 0, 1, 1, 1, 0, 2, 2, 1, 2, 2, 2, 2};
        Stability s = Stability.between(a, b);
        assertThat(s.nmiGeometric()).isCloseTo(0.422520, within(1e-6));
        assertThat(s.variationOfInformation()).isCloseTo(1.257176, within(1e-6));
        assertThat(s.pixels()).isEqualTo(16);
    }

    @Test
    void pixelsWithoutAPredictionInEitherMapAreLeftOut() {
        Stability s = Stability.between(new int[] {0, 1, -1, 1}, new int[] {2, 3, 3, -1});
        assertThat(s.pixels()).isEqualTo(2);
        assertThat(s.nmi()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void mapsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> Stability.between(new int[3], new int[4])).hasMessageContaining("3 and 4 pixels");
    }
}
