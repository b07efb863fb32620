package dev.dgc.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelWriterTest {

    @TempDir
    Path temp;

    @Test
    void aWrittenModelReadsBackWithEqualManifestAndTensors() throws IOException {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("encoder/spectral0/W", Nd4j.createFromArray(new float[][] {{1.5f, -2f}, {3f, 0.25f}}));
        weights.put("centroids", Nd4j.createFromArray(new float[][] {{0.6f, 0.8f}}));
        Path dir = temp.resolve("model");

        ModelWriter.write(dir, Map.of("clusters", 1, "encoder", Map.of("id", "raster")), weights);
        SavedModel back = ModelReader.read(dir);

        assertThat(back.manifest()).containsEntry("formatVersion", 1.0).containsEntry("clusters", 1.0)
                .containsEntry("encoder", Map.of("id", "raster"));
        assertThat(back.weights().keySet()).containsExactly("encoder/spectral0/W", "centroids");
        assertThat(back.weights().get("encoder/spectral0/W")).isEqualTo(weights.get("encoder/spectral0/W"));
        assertThat(back.weights().get("centroids")).isEqualTo(weights.get("centroids"));
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary directory left").containsExactly("model");
        }
    }

    @Test
    void rewritingReplacesTheOldModelCompletely() throws IOException {
        Path dir = temp.resolve("model");
        ModelWriter.write(dir, Map.of(), Map.of("a", Nd4j.createFromArray(1f, 2f)));
        ModelWriter.write(dir, Map.of(), Map.of("b", Nd4j.createFromArray(3f)));

        assertThat(ModelReader.read(dir).weights()).containsOnlyKeys("b");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void aMissingWeightFileIsReportedByNameAndFile() throws IOException {
        Path dir = temp.resolve("model");
        ModelWriter.write(dir, Map.of(), Map.of("centroids", Nd4j.createFromArray(1f)));
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".npy")).toList()) {
                Files.delete(p);
            }
        }

        assertThatThrownBy(() -> ModelReader.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("centroids");
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("model"));
        Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\": 2, \"weights\": {}}");

        assertThatThrownBy(() -> ModelReader.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("formatVersion is 2.0").hasMessageContaining(List.of(1).get(0).toString());
    }

    @Test
    void prunedCentroidsReadBackAndAManifestWithoutThemHasNonePruned() throws IOException {
        Map<String, INDArray> weights = Map.of("centroids", Nd4j.createFromArray(new float[][] {{1f, 0f}, {0f, 1f}, {0.6f, 0.8f}}));
        Path pruned = temp.resolve("pruned");
        Path older = temp.resolve("older");
        ModelWriter.write(pruned, Map.of(SavedModel.PRUNED_CENTROIDS, new int[] {0, 2}), weights);
        ModelWriter.write(older, Map.of("clusters", 3), weights);

        assertThat(ModelReader.read(pruned).prunedCentroids()).containsExactly(0, 2);
        assertThat(ModelReader.read(older).manifest()).doesNotContainKey(SavedModel.PRUNED_CENTROIDS);
        assertThat(ModelReader.read(older).prunedCentroids()).isEmpty();
    }

    @Test
    void prunedCentroidsThatAreNotIndicesOfTheCentroidsAreRefusedNamingTheFile() throws IOException {
        Map<String, INDArray> weights = Map.of("centroids", Nd4j.createFromArray(new float[][] {{1f, 0f}, {0f, 1f}}));
        Path outside = temp.resolve("outside");
        Path fraction = temp.resolve("fraction");
        ModelWriter.write(outside, Map.of(SavedModel.PRUNED_CENTROIDS, new int[] {2}), weights);
        ModelWriter.write(fraction, Map.of(SavedModel.PRUNED_CENTROIDS, List.of(0.5)), weights);

        assertThatThrownBy(() -> ModelReader.read(outside)).isInstanceOf(IOException.class)
                .hasMessageContaining(outside.resolve("manifest.json").toString())
                .hasMessageContaining("names centroid 2 but the model has 2");
        assertThatThrownBy(() -> ModelReader.read(fraction)).isInstanceOf(IOException.class)
                .hasMessageContaining("prunedCentroids must hold centroid indices").hasMessageContaining("0.5");
    }
}
