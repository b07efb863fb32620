package dev.dgc.app.merge;

import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.io.JsonReader;
import dev.dgc.core.merge.CentroidHierarchy;
import dev.dgc.core.merge.MergePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class MergeOutputsTest {

    /** A 1×3 map of K = 3: pixel 0 split 0.3/0.3/0.4, pixel 1 clearly cluster 2, pixel 2 no-data. */
    private static Prediction prediction(boolean withProbabilities) {
        float[] p = {0.3f, 0.1f, Float.NaN, 0.3f, 0.2f, Float.NaN, 0.4f, 0.7f, Float.NaN};
        return new Prediction(1, 3, 3, new int[] {2, 2, -1}, withProbabilities ? Optional.of(p) : Optional.empty());
    }

    @Test
    void aPredictionWithProbabilitiesIsMergedBySummingThemAndOneWithoutByRelabelling() {
        MergePlan plan = MergePlan.of(new int[] {0, 0, 1}, null);

        LabelRaster summed = MergeOutputs.raster(prediction(true), plan, Optional.empty());
        LabelRaster relabelled = MergeOutputs.raster(prediction(false), plan, Optional.empty());

        assertThat(summed.labels()).containsExactly(0, 1, 255);
        assertThat(relabelled.labels()).containsExactly(1, 1, 255);
        assertThat(summed.noDataLabel()).isEqualTo(OptionalInt.of(255));
    }

    @Test
    void eachGroupTakesTheNameAndTheColourOfItsLowestCluster() {
        CentroidHierarchy h = CentroidHierarchy.build(new float[][] {{1, 0}, {0, 1}, {0.9f, 0.1f}}, null);
        LabelRaster r = MergeOutputs.raster(prediction(true), h.plan(2), Optional.empty());
        assertThat(r.classes()).containsExactly(
                new ClassInfo(0, "group 0: clusters 0, 2", Prediction.colour(0)),
                new ClassInfo(1, "group 1: cluster 1", Prediction.colour(1)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDendrogramJsonHoldsTheTreeAndEachLevelsMapping(@TempDir Path dir) throws IOException {
        CentroidHierarchy h = CentroidHierarchy.build(new float[][] {{1, 0, 0}, {0, 0, 1}, {0.8f, 0.6f, 0}, {0, 0.28f, 0.96f}},
                new boolean[4]);
        List<Path> files = MergeOutputs.writeDendrogram(h, List.of(2, 3), dir);

        assertThat(files).containsExactly(dir.resolve("dendrogram.json"), dir.resolve("dendrogram.png"));
        Map<String, Object> tree = (Map<String, Object>) JsonReader.parse(Files.readString(files.get(0)), "dendrogram.json");
        assertThat((List<?>) tree.get("nodes")).hasSize(7);
        assertThat((Map<String, Object>) tree.get("levels"))
                .containsEntry("2", List.of(0.0, 1.0, 0.0, 1.0))
                .containsEntry("3", List.of(0.0, 1.0, 2.0, 1.0));
    }
}
