package dev.dgc.core.infer;

import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.SyntheticCube;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The model of the first format version, frozen in test resources, keeps loading and predicting as it did. */
class FrozenModelTest {

    private static Path fixture() throws URISyntaxException {
        return Path.of(FrozenModelTest.class.getResource("/models/format-1/README.md").toURI()).getParent();
    }

    @Test
    void theFirstFormatVersionStillLoadsAndPredictsTheSameMap() throws IOException, URISyntaxException {
        TrainedModel model = TrainedModel.load(fixture().resolve("model"),
                PluginRegistry.discover(FrozenModelTest.class.getClassLoader(), List.of()));
        assertThat(model.saved().manifest()).containsEntry("formatVersion", 1.0);
        assertThat(model.encoderId()).isEqualTo("raster");
        assertThat(model.bands()).isEqualTo(5);
        assertThat(model.clusters()).isEqualTo(3);

        Prediction p = new Predictor(model, new PredictionSettings(256, -1, true, InferenceStatistics.CUBE))
                .predict(new SyntheticCube(12, 12, 5), "synthetic");

        List<String> lines = Files.readAllLines(fixture().resolve("expected-labels.txt"));
        for (int r = 0; r < 12; r++) {
            String[] expected = lines.get(r).trim().split(" ");
            for (int c = 0; c < 12; c++) {
                assertThat(p.labels()[r * 12 + c]).as("label at (%d,%d)", r, c).isEqualTo(Integer.parseInt(expected[c]));
            }
        }
        List<String> probabilities = Files.readAllLines(fixture().resolve("expected-probabilities.txt"));
        float[] actual = p.probabilities().orElseThrow();
        for (int k = 0; k < 3; k++) {
            String[] expected = probabilities.get(k).trim().split(" ");
            assertThat(actual[k * 144]).as("p[%d] at (0,0)", k).isCloseTo(Float.parseFloat(expected[0]), within(1e-5f));
            assertThat(actual[k * 144 + 6 * 12 + 5]).as("p[%d] at (6,5)", k).isCloseTo(Float.parseFloat(expected[1]), within(1e-5f));
        }
    }
}
