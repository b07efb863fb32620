package dev.dgc.core.merge;

import dev.dgc.core.io.Json;
import dev.dgc.core.io.JsonReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CentroidHierarchyTest {

    /**
     * Two tight pairs far apart, interleaved so that the pairs are not neighbours by index: clusters
     * 0 and 2 lie in the x–y plane (cos 0.8), clusters 1 and 3 near the z axis (cos 0.96).
     */
    private static final float[][] TWO_PAIRS = {
        {1f, 0f, 0f},
        {0f, 0f, 1f},
        {0.8f, 0.6f, 0f},
        {0f, 0.28f, 0.96f}};

    @Test
    void twoTightPairsFarApartMergeInsideEachPairFirstAtOneMinusTheirCosine() {
        CentroidHierarchy h = CentroidHierarchy.build(TWO_PAIRS, null);

        List<Merge> m = h.merges();
        assertThat(m).hasSize(3);
        assertThat(m.get(0).left()).isEqualTo(1);
        assertThat(m.get(0).right()).isEqualTo(3);
        assertThat(m.get(0).node()).isEqualTo(4);
        assertThat(m.get(0).distance()).isCloseTo(1 - 0.96, within(1e-6));
        assertThat(m.get(1).members()).containsExactly(0, 2);
        assertThat(m.get(1).distance()).isCloseTo(1 - 0.8, within(1e-6));
        // average linkage: the mean of 1 − cos over the four cross pairs, (1 + 1 + 1 + (1 − 0.6·0.28)) / 4
        assertThat(m.get(2).left()).isEqualTo(5);
        assertThat(m.get(2).right()).isEqualTo(4);
        assertThat(m.get(2).distance()).isCloseTo((3 + (1 - 0.6 * 0.28)) / 4, within(1e-6));
        assertThat(m.get(2).members()).containsExactly(0, 1, 2, 3);
        assertThat(h.root()).isEqualTo(6);
    }

    @Test
    void eachLevelNumbersItsGroupsByTheirSmallestCluster() {
        CentroidHierarchy h = CentroidHierarchy.build(TWO_PAIRS, null);

        assertThat(h.mapping(1)).containsExactly(0, 0, 0, 0);
        assertThat(h.mapping(2)).containsExactly(0, 1, 0, 1);
        assertThat(h.mapping(3)).containsExactly(0, 1, 2, 1);
        assertThat(h.mapping(4)).containsExactly(0, 1, 2, 3);
        assertThat(h.cutAbove(2)).isCloseTo(h.merges().get(2).distance(), within(0.0));
        assertThat(h.cutAbove(1)).isZero();
    }

    @Test
    void centroidsNeedNotBeUnitLength() {
        float[][] scaled = new float[4][];
        for (int k = 0; k < 4; k++) {
            scaled[k] = TWO_PAIRS[k].clone();
            for (int i = 0; i < 3; i++) {
                scaled[k][i] *= 5 + k;
            }
        }
        CentroidHierarchy h = CentroidHierarchy.build(scaled, null);
        assertThat(h.mapping(2)).containsExactly(0, 1, 0, 1);
        assertThat(h.merges().get(1).distance()).isCloseTo(0.2, within(1e-6));
    }

    @Test
    void equalDistancesAreBrokenByTheLowestClusterIndex() {
        float[][] axes = {{0, 0, 0, 1}, {0, 0, 1, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}};
        CentroidHierarchy h = CentroidHierarchy.build(axes, null);

        assertThat(h.merges()).extracting(Merge::distance).containsExactly(1.0, 1.0, 1.0);
        assertThat(h.merges().get(0).members()).containsExactly(0, 1);
        assertThat(h.merges().get(1).members()).containsExactly(0, 1, 2);
        assertThat(h.mapping(2)).containsExactly(0, 0, 0, 1);
        assertThat(h.mapping(3)).containsExactly(0, 0, 1, 2);
        assertThat(CentroidHierarchy.build(axes, null).merges()).isEqualTo(h.merges());
    }

    @Test
    void prunedCentroidsTakeNoPartAndMapToNoGroup() {
        // cluster 4 duplicates cluster 0: if it took part it would be merged first, at distance 0
        float[][] c = {TWO_PAIRS[0], TWO_PAIRS[1], TWO_PAIRS[2], TWO_PAIRS[3], TWO_PAIRS[0].clone()};
        CentroidHierarchy h = CentroidHierarchy.build(c, new boolean[] {false, false, false, false, true});

        assertThat(h.liveClusters()).containsExactly(0, 1, 2, 3);
        assertThat(h.merges()).hasSize(3).allSatisfy(m -> assertThat(m.members()).doesNotContain(4));
        assertThat(h.merges().get(0).distance()).isGreaterThan(0.01);
        assertThat(h.mapping(2)).containsExactly(0, 1, 0, 1, -1);
        assertThat(h.mapping(4)).containsExactly(0, 1, 2, 3, -1);
    }

    @Test
    void aLevelOutsideOneToTheLiveClustersNamesTheAllowedRange() {
        CentroidHierarchy h = CentroidHierarchy.build(new float[][] {{1, 0}, {0, 1}, {1, 1}}, new boolean[] {false, true, false});

        assertThatThrownBy(() -> h.mapping(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 2").hasMessageContaining("2 live clusters of 3, 1 pruned")
                .hasMessageContaining("found 0");
        assertThatThrownBy(() -> h.mapping(3)).hasMessageContaining("between 1 and 2").hasMessageContaining("found 3");
    }

    @Test
    void aZeroCentroidOrAllPrunedIsRefusedByName() {
        assertThatThrownBy(() -> CentroidHierarchy.build(new float[][] {{1, 0}, {0, 0}}, null))
                .hasMessageContaining("centroid 1").hasMessageContaining("non-zero");
        assertThatThrownBy(() -> CentroidHierarchy.build(new float[][] {{1, 0}}, new boolean[] {true}))
                .hasMessageContaining("all 1 centroids are pruned");
    }

    @Test
    void oneLiveClusterIsItsOwnRootWithOneLevel() {
        CentroidHierarchy h = CentroidHierarchy.build(new float[][] {{1, 0}, {0, 1}}, new boolean[] {true, false});
        assertThat(h.merges()).isEmpty();
        assertThat(h.root()).isEqualTo(1);
        assertThat(h.mapping(1)).containsExactly(-1, 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonDendrogramListsLeavesThenMergesWithChildrenDistancesAndMembers() {
        CentroidHierarchy h = CentroidHierarchy.build(TWO_PAIRS, null);
        Map<String, Object> tree = (Map<String, Object>) JsonReader.parse(Json.write(h.toJsonTree()), "dendrogram.json");

        assertThat(tree).containsEntry("linkage", "average").containsEntry("root", 6.0).containsEntry("clusters", 4.0);
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        assertThat(nodes).hasSize(7);
        assertThat(nodes.get(2)).containsEntry("id", 2.0).containsEntry("children", List.of()).containsEntry("distance", 0.0)
                .containsEntry("members", List.of(2.0));
        assertThat(nodes.get(6)).containsEntry("id", 6.0).containsEntry("children", List.of(5.0, 4.0))
                .containsEntry("members", List.of(0.0, 1.0, 2.0, 3.0));
        assertThat((Double) nodes.get(4).get("distance")).isCloseTo(0.04, within(1e-6));
    }
}
