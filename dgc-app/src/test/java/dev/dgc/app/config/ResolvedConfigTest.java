package dev.dgc.app.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvedConfigTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = new Workspace(dir, FakePlugins.registry());
        ws.file("cube.fake");
    }

    /** Loads resolved YAML back in the same working directory with the same plugins. */
    private DgcConfig reload(DgcConfig original) {
        ws.write("resolved.yaml", ResolvedConfig.toYaml(original));
        return ConfigLoader.load(Path.of("resolved.yaml"), List.of(), FakePlugins.registry(), dir);
    }

    private static void assertSameSettings(DgcConfig reloaded, DgcConfig original) {
        assertThat(reloaded.data()).isEqualTo(original.data());
        assertThat(reloaded.model()).isEqualTo(original.model());
        assertThat(reloaded.losses()).isEqualTo(original.losses());
        assertThat(reloaded.sampler()).isEqualTo(original.sampler());
        assertThat(reloaded.centroids()).isEqualTo(original.centroids());
        assertThat(reloaded.profile()).isEqualTo(original.profile());
        assertThat(reloaded.training()).isEqualTo(original.training());
        assertThat(reloaded.output()).isEqualTo(original.output());
        assertThat(reloaded.predict()).isEqualTo(original.predict());
        assertThat(reloaded.evaluation()).isEqualTo(original.evaluation());
        assertThat(reloaded.kmeans()).isEqualTo(original.kmeans());
        assertThat(reloaded.merge()).isEqualTo(original.merge());
    }

    @Test
    void theResolvedYamlOfAMinimalConfigSpellsOutEveryDefault() {
        DgcConfig c = ws.load("data:\n  inputs: [cube.fake]\n", "model.clusters=8");

        assertThat(ResolvedConfig.toYaml(c)).isEqualTo("""
                # dgc configuration as used: every key with its value, defaults filled in.
                # source: config.yaml
                # overrides: --set model.clusters=8
                # Input paths are as written, relative to the working directory; the files they matched are listed below them.
                profile: reference
                # the profile set no value: every default is the schema's or the plugin's own
                data:
                  inputs:
                    - path: cube.fake
                      reader: auto
                      # read by 'fake'; 1 file:
                      #   %s
                      options:
                        scale: 1.0
                  truth: []
                  normalize: zscore
                model:
                  id: dgc
                  clusters: 8
                  temperature: 0.05
                  encoder:
                    id: raster
                    dim: 32
                    kernel: 9
                    bias: false
                  meanShift:
                    window: 5
                    iterations: 5
                    bandwidth: 1.0
                    learnBandwidth: true
                losses:
                  - id: compactness
                    weight: 1.0
                    enabled: true
                  - id: uniform-assignment
                    weight: 2.0
                    enabled: true
                  - id: orthogonality
                    weight: 0.001
                    enabled: true
                  - id: balance
                    weight: 2.0
                    enabled: true
                    sign: minimise
                  - id: consistency
                    weight: 1.0
                    enabled: true
                    mode: index-aligned
                sampler:
                  id: overlapping-pair
                  overlapMin: 0.2
                  crop: [64, 64]
                lossBalancing:
                  id: fixed
                centroids:
                  trainable: true
                  emaDecay: 0.99
                  legacyChannelScramble: false
                  deadMass: 0.001
                  kick: 0.05
                  kickDecay: true
                  pruneFraction: 0.0
                  init: random
                training:
                  steps: 500
                  batch: 4
                  seed: 42
                  gradientClip: 1.0
                  checkpointEvery: 100
                  epochs: 10
                  stability:
                    enabled: true
                    stopAbove: 0.0
                    patience: 2
                    keep: last
                    stall: 0
                  optimizer:
                    id: adamw
                    lr: 1.0E-4
                    weightDecay: 0.01
                    beta1: 0.9
                    beta2: 0.999
                    epsilon: 1.0E-8
                output:
                  dir: runs/config
                predict:
                  tile: 256
                  halo: -1
                  statistics: cube
                  probabilities: false
                  writers: []
                evaluation:
                  mapping: auto
                  baseline: none
                kmeans:
                  maxIterations: 100
                  samplePixels: 100000
                merge:
                  levels: []
                """.formatted(dir.resolve("cube.fake")));
    }

    @Test
    void aMinimalConfigRoundTripsThroughItsResolvedYaml() {
        DgcConfig c = ws.load("data:\n  inputs: [cube.fake]\n");

        assertSameSettings(reload(c), c);
    }

    @Test
    void aFullConfigWithTextThatNeedsQuotingRoundTripsThroughItsResolvedYaml() {
        ws.file("my scenes/a b.fake");
        ws.file("my scenes/c.fake");
        ws.file("gt.fake");
        DgcConfig c = ws.load("""
                data:
                  inputs:
                    - {path: 'my scenes/*.fake', options: {variable: "a: b # c \\" \\\\ \\t"}}
                    - {path: cube.fake, reader: fake, options: {variable: 'null'}}
                    - {path: cube.fake, options: {variable: 'yes'}}
                    - {path: cube.fake, options: {variable: '*x'}}
                  truth:
                    - {path: gt.fake, unlabeled: 7}
                  normalize: none
                model: {clusters: 3, encoder: {id: pixelwise, dim: 12}, meanShift: {iterations: 0, learnBandwidth: false}}
                losses:
                  - {id: balance, weight: 0.25, sign: maximise, schedule: {final: 0, warmupEpochs: 1}}
                  - {id: consistency, enabled: false}
                sampler: {crop: [16, 24], overlapMin: 0.5}
                centroids: {trainable: false, emaDecay: 0.9, kick: 0.01, kickDecay: false, pruneFraction: 0.005}
                training: {steps: 20, seed: -3, gradientClip: 0, epochs: 4, optimizer: {lr: 2.5e-3, beta2: 0.95}}
                output: {dir: 'out dir/run #1'}
                predict: {tile: 64, halo: 3, statistics: training, probabilities: true}
                evaluation: {baseline: kmeans, mapping: majority}
                kmeans: {maxIterations: 7, samplePixels: 1000}
                merge: {levels: [2, 3]}
                """, "losses[0].weight=0.5");

        DgcConfig reloaded = reload(c);

        assertSameSettings(reloaded, c);
        assertThat(reloaded.data().inputs().get(0).options().getString("variable")).isEqualTo("a: b # c \" \\ \t");
        assertThat(reloaded.data().inputs()).extracting(in -> in.options().getString("variable"))
                .containsExactly("a: b # c \" \\ \t", "null", "yes", "*x");
        assertThat(reloaded.output().dir()).isEqualTo(Path.of("out dir/run #1"));
    }

    @Test
    void writingPutsTheFileInTheOutputFolderAndLeavesNoTemporaryFileBehind() throws IOException {
        DgcConfig c = ws.load("data:\n  inputs: [cube.fake]\n");
        Path out = dir.resolve("runs/first");

        Path written = ResolvedConfig.write(c, out);
        Path again = ResolvedConfig.write(c, out);

        assertThat(written).isEqualTo(out.resolve(ResolvedConfig.FILE_NAME)).isEqualTo(again);
        assertThat(Files.readString(written)).isEqualTo(ResolvedConfig.toYaml(c));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(written);
        }
    }
}
