package dev.dgc.app.run;

import dev.dgc.app.config.ConfigLoader;
import dev.dgc.app.config.DgcConfig;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.CentroidSettings;
import dev.dgc.core.train.LossTerm;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.Normalization;
import dev.dgc.core.train.OptimizerSettings;
import dev.dgc.core.train.TrainingSettings;
import dev.dgc.core.train.WeightSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The config → engine settings mapping, with the built-in plugins and the shipped Salinas-A cube. */
class TrainingSettingsFactoryTest {

    private static final Path CUBE = Path.of("..", "examples", "data", "salinas-a", "SalinasA_corrected.mat")
            .toAbsolutePath().normalize();

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(TrainingSettingsFactoryTest.class.getClassLoader(),
            List.of());

    @TempDir
    Path dir;

    private DgcConfig load(String yaml, String... overrides) throws IOException {
        String text = "data:\n  inputs: [{path: '" + CUBE.toString().replace('\\', '/') + "', reader: matlab,"
                + " options: {variable: salinasA_corrected}}]\n" + yaml;
        Files.writeString(dir.resolve("c.yaml"), text);
        return ConfigLoader.load(Path.of("c.yaml"), List.of(overrides), REGISTRY, dir);
    }

    @Test
    void theReferenceProfileGivesTheReleasedCodesSettings() throws IOException {
        TrainingSettings s = TrainingSettingsFactory.create(load(""), REGISTRY, 204);

        assertThat(s.model().bands()).isEqualTo(204);
        assertThat(s.model().encoderId()).isEqualTo("raster");
        assertThat(s.model().encoder().id()).isEqualTo("raster");
        assertThat(s.model().clusters()).isEqualTo(4);
        assertThat(s.model().temperature()).isEqualTo(0.05);
        assertThat(s.model().meanShift()).isEqualTo(MeanShiftSettings.REFERENCE);
        assertThat(s.centroids()).isEqualTo(CentroidSettings.REFERENCE);
        assertThat(s.optimizer()).isEqualTo(OptimizerSettings.REFERENCE);
        assertThat(s.normalization()).isEqualTo(Normalization.ZSCORE);
        assertThat(s.losses()).extracting(LossTerm::id)
                .containsExactly("compactness", "uniform-assignment", "orthogonality", "balance", "consistency");
        assertThat(s.losses()).extracting(t -> t.provider().id()).containsExactlyElementsOf(s.losses().stream().map(LossTerm::id).toList());
        assertThat(s.losses()).extracting(LossTerm::weight).containsExactly(WeightSchedule.constant(1.0),
                WeightSchedule.constant(2.0), WeightSchedule.constant(0.001), WeightSchedule.constant(2.0), WeightSchedule.constant(1.0));
        assertThat(s.losses().get(3).params().getString("sign")).isEqualTo("minimise");
        assertThat(s.losses().get(4).params().getString("region")).isEqualTo("index-aligned");
        assertThat(List.of(s.steps(), s.batch(), s.checkpointEvery())).containsExactly(500, 4, 100);
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.gradientClip()).isEqualTo(1.0);
    }

    @Test
    void thePaperProfileFixesTheCentroidsAndMaximisesBalanceOnTheOverlap() throws IOException {
        DgcConfig c = load("profile: paper\n");
        TrainingSettings s = TrainingSettingsFactory.create(c, REGISTRY, 204);

        assertThat(s.centroids().trainable()).isFalse();
        assertThat(s.centroids().legacyChannelScramble()).isFalse();
        assertThat(s.centroids().emaDecay()).isEqualTo(0.99);
        assertThat(s.losses().get(3).params().getString("sign")).isEqualTo("maximise");
        assertThat(s.losses().get(4).params().getString("region")).isEqualTo("overlap");
        assertThat(c.sampler().params().getBoolean("affine")).isFalse();
        assertThat(c.sampler().params().getInt("maxBandShift")).isEqualTo(2);
    }

    @Test
    void writtenValuesOverrideTheProfileAndDisabledTermsStayOut() throws IOException {
        DgcConfig c = load("""
                profile: paper
                model: {clusters: 3, encoder: {id: pixelwise}}
                losses:
                  - {id: compactness}
                  - {id: balance, weight: 0.5, sign: minimise, schedule: {initial: 0, warmupEpochs: 2}}
                  - {id: consistency, enabled: false}
                centroids: {trainable: true, kick: 0.01, kickDecay: false}
                training: {steps: 40, batch: 2, seed: 7, checkpointEvery: 5, epochs: 4, optimizer: {lr: 1.0e-3}}
                """, "data.normalize=minmax", "sampler.affine=true");
        TrainingSettings s = TrainingSettingsFactory.create(c, REGISTRY, 204);

        assertThat(s.model().encoderId()).isEqualTo("pixelwise");
        assertThat(s.model().clusters()).isEqualTo(3);
        assertThat(s.losses()).extracting(LossTerm::id).containsExactly("compactness", "balance");
        assertThat(s.losses().get(1).params().getString("sign")).isEqualTo("minimise");
        assertThat(s.losses().get(1).weight()).isEqualTo(new WeightSchedule(0, 0.5, 0.5, 2, 4));
        assertThat(s.centroids()).isEqualTo(new CentroidSettings(true, 0.99, false, 1e-3, 0.01, false, 0));
        assertThat(s.optimizer().lr()).isEqualTo(1.0e-3);
        assertThat(s.normalization()).isEqualTo(Normalization.MINMAX);
        assertThat(c.sampler().params().getBoolean("affine")).isTrue();
        assertThat(List.of(s.steps(), s.epochs(), s.batch(), s.checkpointEvery())).containsExactly(40, 4, 2, 5);
        assertThat(s.seed()).isEqualTo(7L);
    }

    @Test
    void trainingEpochsReachTheEngineForTheKickDecay() throws IOException {
        DgcConfig c = load("training: {epochs: 4}\n");

        TrainingSettings s = TrainingSettingsFactory.create(c, REGISTRY, 204);

        assertThat(s.epochs()).isEqualTo(4);
        assertThat(s.centroids().kickDecay()).isTrue();
    }
}
