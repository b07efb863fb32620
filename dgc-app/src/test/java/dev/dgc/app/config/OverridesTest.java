package dev.dgc.app.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OverridesTest {

    private static final String MINIMAL = """
            data:
              inputs:
                - cube.fake
            """;

    private static final String THREE_LOSSES = MINIMAL + """
            losses:
              - {id: compactness}
              - {id: balance}
              - {id: consistency, weight: 2.0}
            """;

    @TempDir
    Path dir;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = new Workspace(dir, FakePlugins.registry());
        ws.file("cube.fake");
    }

    @Test
    void aScalarOverrideReplacesTheValueInTheFile() {
        DgcConfig c = ws.load(MINIMAL + "model: {clusters: 4}\n", "model.clusters=8");

        assertThat(c.model().clusters()).isEqualTo(8);
        assertThat(c.overrides()).containsExactly("model.clusters=8");
    }

    @Test
    void aListElementIsAddressedByItsIndex() {
        DgcConfig c = ws.load(THREE_LOSSES, "losses[2].weight=0.5");

        assertThat(c.losses()).extracting(LossConfig::weight).containsExactly(1.0, 1.0, 0.5);
    }

    @Test
    void anIndexIntoAbsentLossesAddressesTheReferenceTerms() {
        DgcConfig c = ws.load(MINIMAL, "losses[2].weight=0.5", "losses[3].sign=maximise");

        assertThat(c.losses()).extracting(LossConfig::id).containsExactly(
                "compactness", "uniform-assignment", "orthogonality", "balance", "consistency");
        assertThat(c.losses()).extracting(LossConfig::weight).containsExactly(1.0, 2.0, 0.5, 2.0, 1.0);
        assertThat(c.losses().get(3).params().getString("sign")).isEqualTo("maximise");
    }

    @Test
    void missingKeysAlongThePathAreCreated() {
        DgcConfig c = ws.load(MINIMAL, "training.optimizer.lr=0.001", "model.encoder.dim=64");

        assertThat(c.training().optimizer().lr()).isEqualTo(0.001);
        assertThat(c.model().encoder().id()).isEqualTo("raster");
        assertThat(c.model().encoder().params().getInt("dim")).isEqualTo(64);
    }

    @Test
    void theValueIsAYamlFragmentAndAShorthandScalarOnThePathIsExpanded() {
        DgcConfig c = ws.load(MINIMAL + "model: {encoder: pixelwise}\n",
                "data.inputs[0].options={variable: x}", "model.encoder.dim=16", "sampler.crop=[8, 16]");

        assertThat(c.data().inputs().get(0).path()).isEqualTo("cube.fake");
        assertThat(c.data().inputs().get(0).options().asMap()).isEqualTo(Map.of("variable", "x", "scale", 1.0));
        assertThat(c.model().encoder().id()).isEqualTo("pixelwise");
        assertThat(c.model().encoder().params().getInt("dim")).isEqualTo(16);
        assertThat(c.sampler().params().getIntList("crop")).containsExactly(8, 16);
    }

    @Test
    void laterOverridesWin() {
        DgcConfig c = ws.load(MINIMAL, "model.clusters=8", "model.clusters=12");

        assertThat(c.model().clusters()).isEqualTo(12);
    }

    @Test
    void anIndexPastTheEndNamesTheOverrideAndTheListLength() {
        assertThat(ws.problems(THREE_LOSSES, "losses[3].weight=1")).containsExactly(
                "--set losses[3].weight=1: losses[3]: index 3 is past the end of losses, which has 3 elements (indices 0 to 2)");
    }

    @Test
    void malformedOverridesAreEachReportedByName() {
        assertThat(ws.problems(MINIMAL, "model.clusters", "=5", "losses[x].weight=1", "model..clusters=3")).containsExactly(
                "--set model.clusters: an override is key.path=value, such as model.clusters=8 or losses[2].weight=0.5;"
                        + " found no '='",
                "--set =5: the key path before '=' is empty; an override is key.path=value, such as model.clusters=8",
                "--set losses[x].weight=1: 'losses[x]' in 'losses[x].weight' is not a key or key[index]; keys are letters,"
                        + " digits, '-' and '_', and indices are whole numbers from 0, such as losses[2].weight",
                "--set model..clusters=3: '' in 'model..clusters' is not a key or key[index]; keys are letters,"
                        + " digits, '-' and '_', and indices are whole numbers from 0, such as losses[2].weight");
    }

    @Test
    void aPathThroughAValueOrIntoAMissingListIsReported() {
        assertThat(ws.problems(MINIMAL + "model: {clusters: 4}\n", "model.clusters.max=3", "data.truth[0]=gt.fake"))
                .containsExactly(
                        "--set model.clusters.max=3: model.clusters: is '4', not a mapping, so it has no key 'max'",
                        "--set data.truth[0]=gt.fake: data.truth: is not set, not a list, so it has no element [0];"
                                + " set the whole list instead, such as data.truth=[…]");
    }

    @Test
    void aWrongValueFromAnOverrideNamesTheOverrideAsItsSource() {
        ConfigException e = ws.fails(MINIMAL + "model:\n  clusters: 4\n", "model.clusters=abc", "model.clusterz=3");

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "--set model.clusters=abc: model.clusters: expected an integer, found 'abc'",
                "--set model.clusterz=3: model.clusterz: unknown key (did you mean 'clusters'?);"
                        + " allowed: id, clusters, temperature, encoder, meanShift");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isZero());
    }

    @Test
    void problemsFromTheFileComeBeforeProblemsFromOverrides() {
        assertThat(ws.problems(MINIMAL + "model:\n  clusters: 1\n", "training.steps=0")).containsExactly(
                "config.yaml:5:13: model.clusters: must be at least 2, found 1",
                "--set training.steps=0: training.steps: must be at least 1, found 0");
    }

    @Test
    void anOverrideValueThatIsNotYamlIsReported() {
        assertThat(ws.problems(MINIMAL, "model.encoder={id: raster")).singleElement().asString()
                .startsWith("--set model.encoder={id: raster: model.encoder: the value is not valid YAML: ");
    }
}
