package dev.dgc.core.tribuo;

import org.junit.jupiter.api.Test;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BandFeaturesTest {

    @Test
    void namesAreOneBasedAndZeroPaddedToTheBandCountsWidthSoNameOrderIsBandOrder() {
        assertThat(BandFeatures.names(5)).containsExactly("band-1", "band-2", "band-3", "band-4", "band-5");
        assertThat(BandFeatures.name(0, 301)).isEqualTo("band-001");
        assertThat(BandFeatures.name(300, 301)).isEqualTo("band-301");
        assertThat(BandFeatures.name(9, 1000)).isEqualTo("band-0010");
        String[] names = BandFeatures.names(301);
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(names);
    }

    @Test
    void aBandOutsideTheCubeHasNoName() {
        assertThatThrownBy(() -> BandFeatures.name(5, 5)).hasMessageContaining("outside 0…4");
        assertThatThrownBy(() -> BandFeatures.names(0)).hasMessageContaining("at least 1 band");
    }

    @Test
    void valuesComeBackInBandOrderWhateverTheFeatureOrder() {
        ArrayExample<?> e = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, new String[] {"band-3", "other", "band-1", "band-2"},
                new double[] {3, 99, 1, 2});
        assertThat(BandFeatures.values(e, BandFeatures.names(3))).containsExactly(1, 2, 3);
    }

    @Test
    void manyMissingBandsAreCountedAndTheFirstTwentyNamed() {
        ArrayExample<?> e = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, new String[] {"band-001"}, new double[] {1});
        assertThatThrownBy(() -> BandFeatures.values(e, BandFeatures.names(100)))
                .hasMessageContaining("lacks 99 of the 100 bands").hasMessageContaining("band-002, band-003")
                .hasMessageContaining("band-021 and 79 more").hasMessageNotContaining("band-022");
    }
}
