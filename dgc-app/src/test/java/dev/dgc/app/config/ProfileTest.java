package dev.dgc.app.config;

import dev.dgc.api.ParameterSpec;
import dev.dgc.core.plugins.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    @TempDir
    Path dir;

    private Workspace ws;

    /** Plugins declaring the parameters the paper profile sets, as the built-in ones do. */
    private static PluginRegistry registry() {
        return PluginRegistry.of(
                new FakePlugins.Encoder("raster"),
                new FakePlugins.Loss("compactness"),
                new FakePlugins.Loss("balance", ParameterSpec.choice("sign", "minimise", "entropy direction", "minimise", "maximise")),
                new FakePlugins.Loss("consistency", ParameterSpec.choice("region", "index-aligned", "pixels compared",
                        "index-aligned", "overlap")),
                new FakePlugins.Sampler(ParameterSpec.bool("affine", true, "warp the views"),
                        ParameterSpec.integer("maxBandShift", 2, "band roll")),
                new FakePlugins.Balancer(),
                FakePlugins.fakeReader());
    }

    @BeforeEach
    void setUp() {
        ws = new Workspace(dir, registry());
        ws.file("cube.fake");
    }

    private static final String TERMS = """
            data: {inputs: [cube.fake]}
            losses: [compactness, balance, consistency]
            """;

    @Test
    void withoutAProfileTheReferenceDefaultsApplyAndNothingIsRecorded() {
        DgcConfig c = ws.load(TERMS);

        assertThat(c.profile()).isEqualTo(Profile.REFERENCE);
        assertThat(c.profileValues()).isEmpty();
        assertThat(c.centroids().trainable()).isTrue();
        assertThat(c.losses().get(1).params().getString("sign")).isEqualTo("minimise");
        assertThat(c.losses().get(2).params().getString("region")).isEqualTo("index-aligned");
        assertThat(c.sampler().params().getBoolean("affine")).isTrue();
    }

    @Test
    void theStableProfileSeedsTheCentroidsMaximisesTheBalanceAndKeepsTheBestCheckpoint() {
        DgcConfig c = ws.load("profile: stable\n" + TERMS);

        assertThat(c.profile()).isEqualTo(Profile.STABLE);
        assertThat(c.centroids().init()).isEqualTo("kmeans");
        assertThat(c.losses().get(1).params().getString("sign")).isEqualTo("maximise");
        assertThat(c.training().stability().keep()).isEqualTo("best");
        assertThat(c.centroids().trainable()).as("left at the reference").isTrue();
        assertThat(c.profileValues()).containsEntry("centroids.init", "kmeans").containsEntry("training.stability.keep", "best")
                .containsEntry("losses[1].sign", "maximise");
    }

    @Test
    void thePaperProfileSetsOverlapNoWarpFixedCentroidsAndMaximisedBalanceButKeepsTheBandShift() {
        DgcConfig c = ws.load("profile: paper\n" + TERMS);

        assertThat(c.profile()).isEqualTo(Profile.PAPER);
        assertThat(c.centroids().trainable()).isFalse();
        assertThat(c.centroids().legacyChannelScramble()).isFalse();
        assertThat(c.losses().get(1).params().getString("sign")).isEqualTo("maximise");
        assertThat(c.losses().get(2).params().getString("region")).isEqualTo("overlap");
        assertThat(c.sampler().params().getBoolean("affine")).isFalse();
        assertThat(c.sampler().params().getInt("maxBandShift")).isEqualTo(2);
        assertThat(c.profileValues()).containsExactly(
                Map.entry("losses[1].sign", "maximise"),
                Map.entry("losses[2].region", "overlap"),
                Map.entry("sampler.affine", false),
                Map.entry("centroids.trainable", false),
                Map.entry("centroids.legacyChannelScramble", false));
    }

    @Test
    void valuesWrittenInTheConfigOrWithSetWinOverTheProfile() {
        DgcConfig c = ws.load("""
                profile: paper
                data: {inputs: [cube.fake]}
                losses: [compactness, {id: balance, sign: minimise}, consistency]
                centroids: {trainable: true}
                """, "sampler.affine=true");

        assertThat(c.centroids().trainable()).isTrue();
        assertThat(c.losses().get(1).params().getString("sign")).isEqualTo("minimise");
        assertThat(c.sampler().params().getBoolean("affine")).isTrue();
        assertThat(c.losses().get(2).params().getString("region")).isEqualTo("overlap");
        assertThat(c.profileValues()).containsOnlyKeys("losses[2].region", "centroids.legacyChannelScramble");
    }

    @Test
    void theProfileCanBeChosenWithSet() {
        DgcConfig c = ws.load(TERMS, "profile=paper");

        assertThat(c.profile()).isEqualTo(Profile.PAPER);
        assertThat(c.centroids().trainable()).isFalse();
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() {
        assertThat(ws.problems("profile: fancy\n" + TERMS)).singleElement().asString()
                .contains("profile").contains("reference").contains("paper");
    }

    @Test
    void theResolvedConfigNamesTheProfileAndTheValuesItSet() {
        String yaml = ResolvedConfig.toYaml(ws.load("profile: paper\n" + TERMS));

        assertThat(yaml).contains("profile: paper\n# values the profile set because the config wrote none:\n"
                + "#   losses[1].sign = maximise\n#   losses[2].region = overlap\n#   sampler.affine = false\n"
                + "#   centroids.trainable = false\n#   centroids.legacyChannelScramble = false\n");
    }

    @Test
    void aScheduleFillsUnwrittenWeightsWithTheTermsWeightAndItsEpochsWithTrainingEpochs() {
        DgcConfig c = ws.load("""
                data: {inputs: [cube.fake]}
                losses: [{id: balance, weight: 2, schedule: {final: 0}}, compactness]
                training: {epochs: 6}
                """);

        assertThat(c.losses().get(0).schedule()).contains(new ScheduleConfig(2, 2, 0, 0, 6));
        assertThat(c.losses().get(1).schedule()).isEmpty();
    }

    @Test
    void aWarmUpLongerThanTheScheduleIsRejectedWithTheLimit() {
        assertThat(ws.problems("""
                data: {inputs: [cube.fake]}
                losses: [{id: balance, schedule: {warmupEpochs: 12}}]
                """)).singleElement().asString()
                .contains("losses[0].schedule.warmupEpochs").contains("at most 10");
    }
}
