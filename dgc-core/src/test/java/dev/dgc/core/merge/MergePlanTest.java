package dev.dgc.core.merge;

import dev.dgc.core.io.JsonReader;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePlanTest {

    private static MergePlan json(String text, int clusters, boolean[] pruned) {
        return MergePlan.parse(JsonReader.parse(text, "merge.json"), "merge.json", clusters, pruned);
    }

    @Test
    void numberedGroupsUseTheirNumbersAsValues() {
        MergePlan plan = json("{\"7\": [0, 3], \"2\": [1, 2]}", 4, null);

        assertThat(plan.mapping()).containsExactly(7, 2, 2, 7);
        assertThat(plan.groups()).extracting(MergePlan.Group::value).containsExactly(2, 7);
        assertThat(plan.groups().get(1).name()).isEqualTo("group 7");
        assertThat(plan.groups().get(1).members()).containsExactly(0, 3);
    }

    @Test
    void namedGroupsAreNumberedInTheFilesOrderAndKeepTheirNames() {
        // a YAML parser hands integer keys and values as Integer; names as String
        Map<Object, Object> yaml = new LinkedHashMap<>();
        yaml.put("water", List.of(2));
        yaml.put("soil", List.of(0, 1));
        MergePlan plan = MergePlan.parse(yaml, "merge.yaml", 3, null);

        assertThat(plan.mapping()).containsExactly(1, 1, 0);
        assertThat(plan.groups()).extracting(MergePlan.Group::name).containsExactly("water", "soil");
    }

    @Test
    void everyMissingDuplicateAndUnknownClusterIsListedWithTheFile() {
        assertThatThrownBy(() -> json("{\"0\": [0, 1, 9], \"1\": [1, -2]}", 5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("merge.json: ")
                .hasMessageContaining("clusters missing: 2, 3, 4")
                .hasMessageContaining("clusters listed more than once: 1 (in groups 0, 1)")
                .hasMessageContaining("unknown clusters: -2, 9 (the model has clusters 0…4)");
    }

    @Test
    void malformedEntriesAreNamedByGroup() {
        assertThatThrownBy(() -> json("{\"a\": [0, \"x\"], \"b\": {\"c\": 1}}", 2, null))
                .hasMessageContaining("group a: 'x' is not a cluster number")
                .hasMessageContaining("group b: expected a list of cluster numbers");
        assertThatThrownBy(() -> json("[0, 1]", 2, null)).hasMessageContaining("merge.json: not an object of groups");
        assertThatThrownBy(() -> json("{}", 2, null)).hasMessageContaining("merge.json: no groups");
    }

    @Test
    void prunedClustersMayBeLeftOutOrListedAndBelongToNoGroup() {
        boolean[] pruned = {false, true, false};
        assertThat(json("{\"0\": [0, 2]}", 3, pruned).mapping()).containsExactly(0, -1, 0);
        MergePlan listed = json("{\"0\": [0, 2], \"1\": [1]}", 3, pruned);
        assertThat(listed.mapping()).containsExactly(0, -1, 0);
        assertThat(listed.groups()).extracting(MergePlan.Group::value).containsExactly(0, 1);
        assertThat(listed.groups().get(1).members()).isEmpty();
    }

    @Test
    void summingProbabilitiesOverAGroupCanDisagreeWithRelabellingTheArgmax() {
        MergePlan plan = MergePlan.of(new int[] {0, 0, 1}, null);
        // three pixels, band-sequential [K][pixels]: pixel 0 is split 0.3/0.3 over group 0's clusters
        // against 0.4 on cluster 2; pixel 1 is clearly cluster 2; pixel 2 is no-data
        float[] p = {
            0.3f, 0.1f, Float.NaN,
            0.3f, 0.2f, Float.NaN,
            0.4f, 0.7f, Float.NaN};
        int[] argmax = {2, 2, -1};

        assertThat(plan.relabel(argmax)).containsExactly(1, 1, -1);
        assertThat(plan.mergeProbabilities(p, argmax)).containsExactly(0, 1, -1);
    }

    @Test
    void clustersInNoGroupDoNotCountAndEqualSumsGoToTheLowerGroup() {
        MergePlan plan = MergePlan.of(new int[] {3, -1, 5}, null);
        float[] p = {0.25f, 0.5f, 0.25f};
        assertThat(plan.mergeProbabilities(p, new int[] {1})).containsExactly(3);
        assertThat(plan.relabel(new int[] {1, 2, 0})).containsExactly(-1, 5, 3);
    }

    @Test
    void aLabelOutsideThePlanIsRefusedWithItsPixel() {
        MergePlan plan = MergePlan.of(new int[] {0, 0}, null);
        assertThatThrownBy(() -> plan.relabel(new int[] {0, 2})).hasMessageContaining("label 2 at pixel 1")
                .hasMessageContaining("0…1");
        assertThatThrownBy(() -> plan.mergeProbabilities(new float[3], new int[] {0, 0}))
                .hasMessageContaining("3 probabilities for 2 pixels of 2 clusters");
    }

    @Test
    void aHierarchyCutIsAPlanWithOneGroupPerLevelGroup() {
        CentroidHierarchy h = CentroidHierarchy.build(new float[][] {{1, 0}, {0, 1}, {0.9f, 0.1f}}, null);
        MergePlan plan = h.plan(2);
        assertThat(plan.mapping()).containsExactly(0, 1, 0);
        assertThat(plan.groups()).extracting(MergePlan.Group::name).containsExactly("group 0: clusters 0, 2", "group 1: cluster 1");
        assertThat(plan.groups().get(0).members()).containsExactly(0, 2);
    }
}
