package dev.dgc.app.config;

import dev.dgc.api.Plugin;
import dev.dgc.api.PluginKind;
import dev.dgc.core.DgcException;
import dev.dgc.core.plugins.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = new Workspace(dir, FakePlugins.registry());
        ws.file("cube.fake");
        ws.file("labels.fake");
    }

    @Test
    void aFullConfigBindsToTheRecordsItDescribes() {
        DgcConfig c = ws.load("""
                data:
                  inputs:
                    - path: cube.fake
                      reader: fake
                      options: {variable: salinasA_corrected, scale: 2.5}
                  truth:
                    - path: labels.fake
                      unlabeled: 255
                  normalize: minmax
                model:
                  clusters: 6
                  encoder: {id: raster, dim: 16}
                  meanShift: {window: 7, iterations: 3, bandwidth: 0.5, learnBandwidth: false}
                  temperature: 0.1
                losses:
                  - {id: compactness, weight: 0.5}
                  - {id: balance, weight: 2.0, sign: maximise}
                  - {id: orthogonality, enabled: false}
                sampler: {id: overlapping-pair, overlapMin: 0.3, crop: [32, 48]}
                training:
                  steps: 1000
                  batch: 8
                  seed: 7
                  gradientClip: 0
                  checkpointEvery: 250
                  optimizer: {lr: 3.0e-4, weightDecay: 0}
                output: {dir: out/run1}
                """);

        assertThat(c.source()).isEqualTo(Path.of("config.yaml"));
        InputSpec in = c.data().inputs().get(0);
        assertThat(in.path()).isEqualTo("cube.fake");
        assertThat(in.files()).containsExactly(dir.resolve("cube.fake"));
        assertThat(in.reader()).isEqualTo("fake");
        assertThat(in.chosenReader()).isEqualTo("fake");
        assertThat(in.options().asMap()).isEqualTo(Map.of("variable", "salinasA_corrected", "scale", 2.5));
        InputSpec truth = c.data().truth().get(0);
        assertThat(truth.reader()).isEqualTo("auto");
        assertThat(truth.chosenReader()).isEqualTo("fake");
        assertThat(truth.unlabeled()).isEqualTo(255);
        assertThat(c.data().normalize()).isEqualTo("minmax");

        assertThat(c.model().clusters()).isEqualTo(6);
        assertThat(c.model().encoder().kind()).isEqualTo(PluginKind.ENCODER);
        assertThat(c.model().encoder().id()).isEqualTo("raster");
        assertThat(c.model().encoder().params().asMap()).isEqualTo(Map.of("dim", 16, "kernel", 9, "bias", false));
        assertThat(c.model().meanShift()).isEqualTo(new MeanShiftConfig(7, 3, 0.5, false));
        assertThat(c.model().temperature()).isEqualTo(0.1);

        assertThat(c.losses()).extracting(LossConfig::id, LossConfig::weight, LossConfig::enabled).containsExactly(
                tuple("compactness", 0.5, true),
                tuple("balance", 2.0, true),
                tuple("orthogonality", 1.0, false));
        assertThat(c.losses().get(1).params().getString("sign")).isEqualTo("maximise");
        assertThat(c.enabledLosses()).extracting(LossConfig::id).containsExactly("compactness", "balance");

        assertThat(c.sampler().id()).isEqualTo("overlapping-pair");
        assertThat(c.sampler().params().getDouble("overlapMin")).isEqualTo(0.3);
        assertThat(c.sampler().params().getIntList("crop")).containsExactly(32, 48);

        assertThat(c.training()).isEqualTo(new TrainingConfig(1000, 8, 7,
                new OptimizerConfig("adamw", 3.0e-4, 0.0, 0.9, 0.999, 1.0e-8), 0.0, 250, 10, new StabilityConfig(true, 0.0, 2)));
        assertThat(c.output().dir()).isEqualTo(Path.of("out/run1"));
    }

    @Test
    void aConfigWithOnlyItsInputsGetsTheReferenceDefaults() {
        DgcConfig c = ws.load("""
                data:
                  inputs: [cube.fake]
                """);

        assertThat(c.data().inputs()).singleElement().satisfies(in -> {
            assertThat(in.reader()).isEqualTo("auto");
            assertThat(in.chosenReader()).isEqualTo("fake");
            assertThat(in.options().asMap()).isEqualTo(Map.of("scale", 1.0));
        });
        assertThat(c.data().truth()).isEmpty();
        assertThat(c.data().normalize()).isEqualTo("zscore");
        assertThat(c.model().clusters()).isEqualTo(4);
        assertThat(c.model().temperature()).isEqualTo(0.05);
        assertThat(c.model().encoder().id()).isEqualTo("raster");
        assertThat(c.model().encoder().params().asMap()).isEqualTo(Map.of("dim", 32, "kernel", 9, "bias", false));
        assertThat(c.model().meanShift()).isEqualTo(new MeanShiftConfig(5, 5, 1.0, true));
        assertThat(c.losses()).extracting(LossConfig::id, LossConfig::weight).containsExactly(
                tuple("compactness", 1.0),
                tuple("uniform-assignment", 2.0),
                tuple("orthogonality", 0.001),
                tuple("balance", 2.0),
                tuple("consistency", 1.0));
        assertThat(c.losses()).allMatch(LossConfig::enabled);
        assertThat(c.losses().get(3).params().getString("sign")).isEqualTo("minimise");
        assertThat(c.sampler().id()).isEqualTo("overlapping-pair");
        assertThat(c.training()).isEqualTo(new TrainingConfig(500, 4, 42,
                new OptimizerConfig("adamw", 1.0e-4, 0.01, 0.9, 0.999, 1.0e-8), 1.0, 100, 10, new StabilityConfig(true, 0.0, 2)));
        assertThat(c.output().dir()).isEqualTo(Path.of("runs", "config"));
    }

    @Test
    void anUnknownKeyAWrongTypeAndAnUnknownPluginIdGiveExactlyThreeProblemsWithTheirLines() {
        ConfigException e = ws.fails("""
                data:
                  inputs: [cube.fake]
                model:
                  clusters: many
                  temprature: 0.05
                sampler:
                  id: overlaping-pair
                """);

        assertThat(e.kind()).isEqualTo(DgcException.Kind.USAGE);
        assertThat(e.problems()).extracting(ConfigProblem::line, ConfigProblem::keyPath).containsExactly(
                tuple(4, "model.clusters"),
                tuple(5, "model.temprature"),
                tuple(7, "sampler.id"));
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                "config.yaml:4:13: model.clusters: expected an integer, found 'many'",
                "config.yaml:5:3: model.temprature: unknown key (did you mean 'temperature'?);"
                        + " allowed: id, clusters, temperature, encoder, meanShift",
                "config.yaml:7:7: sampler.id: unknown sampler 'overlaping-pair' (did you mean 'overlapping-pair'?);"
                        + " available: overlapping-pair (a jar in the plugins directory can add more; see 'dgc plugins')"));
    }

    @Test
    void aNearMissKeyIsAnsweredWithTheDeclaredParameterItResembles() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                model:
                  encoder: {id: raster, dimm: 16}
                """)).containsExactly("config.yaml:4:25: model.encoder.dimm: unknown key (did you mean 'dim'?);"
                + " allowed: id, dim, kernel, bias");
    }

    @Test
    void aNearMissPluginIdIsAnsweredWithTheInstalledIdItResembles() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                model:
                  encoder: {id: rastr}
                """)).containsExactly("config.yaml:4:17: model.encoder.id: unknown encoder 'rastr' (did you mean 'raster'?);"
                + " available: pixelwise, raster (a jar in the plugins directory can add more; see 'dgc plugins')");
    }

    @Test
    void aNearMissChoiceIsAnsweredWithTheChoiceItResembles() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                  normalize: zscor
                """)).containsExactly("config.yaml:3:14: data.normalize: must be one of [zscore, minmax, none],"
                + " found 'zscor' (did you mean 'zscore'?)");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        // training comes first in the file but is checked after data and model: the report follows the file
        List<ConfigProblem> problems = ws.fails("""
                training:
                  steps: 0
                  optimizer: {lr: -1}
                data:
                  inputs: [cube.fake]
                  colour: red
                model:
                  clusters: 1
                  meanShift: {window: 4}
                losses:
                  - {id: compactness, weight: heavy}
                output: {dir: ''}
                """).problems();

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::keyPath).containsExactly(
                tuple(2, "training.steps"),
                tuple(3, "training.optimizer.lr"),
                tuple(6, "data.colour"),
                tuple(8, "model.clusters"),
                tuple(9, "model.meanShift.window"),
                tuple(11, "losses[0].weight"),
                tuple(12, "output.dir"));
        assertThat(problems).extracting(ConfigProblem::message).containsExactly(
                "must be at least 1, found 0",
                "must be greater than 0, found -1.0",
                "unknown key; allowed: normalize, inputs, truth",
                "must be at least 2, found 1",
                "must be odd, so that the window has a centre pixel; found 4",
                "expected a finite number, found 'heavy'",
                "must name a folder, found an empty text");
    }

    @Test
    void aMappingWhereAValueBelongsAndAValueWhereAMappingBelongsSayWhatWasFound() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                model:
                  clusters: {k: 4}
                training: fast
                """)).containsExactly(
                "config.yaml:4:13: model.clusters: expected an integer, found a mapping",
                "config.yaml:5:11: training: expected a mapping with the keys steps, batch, seed, gradientClip,"
                        + " checkpointEvery, epochs, optimizer, stability, found 'fast'");
    }

    @Test
    void aMissingRequiredKeyIsReportedWhereItBelongs() {
        assertThat(ws.problems("""
                model:
                  clusters: 4
                """)).containsExactly("config.yaml:1:1: data: required; a mapping whose 'inputs' lists the cubes to cluster");
        assertThat(ws.problems("""
                model:
                  clusters: 4
                data:
                  normalize: none
                """)).containsExactly("config.yaml:4:3: data.inputs: required; a list of the cubes to cluster,"
                + " each a file, folder or glob path, or {path, reader, options}");
        assertThat(ws.problems("""
                data:
                  inputs:
                    - {reader: fake}
                losses:
                  - {weight: 2}
                """)).containsExactly(
                "config.yaml:3:7: data.inputs[0].path: required; string: a file, a folder (its files a reader can open)"
                        + " or a glob (*, ?, **), relative to the working directory; hidden files are skipped",
                "config.yaml:5:5: losses[0].id: required; string: the loss term plugin's id");
    }

    @Test
    void pluginParametersAreValidatedFromTheirDeclarations() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                model:
                  encoder: {id: raster, kernel: 0, dim: 8.5, bias: maybe}
                losses:
                  - {id: balance, sign: maximize}
                sampler: {crop: [64, x]}
                """)).containsExactly(
                "config.yaml:4:33: model.encoder.kernel: must be at least 1, found 0",
                "config.yaml:4:41: model.encoder.dim: expected an integer, found '8.5'",
                "config.yaml:4:52: model.encoder.bias: expected true or false, found 'maybe'",
                "config.yaml:6:25: losses[0].sign: must be one of [minimise, maximise], found 'maximize'"
                        + " (did you mean 'maximise'?)",
                "config.yaml:7:17: sampler.crop: expected an integer, found 'x'");
    }

    @Test
    void aPluginChoiceAndAnInputMayBeWrittenAsASingleValue() {
        DgcConfig c = ws.load("""
                data:
                  inputs:
                    - cube.fake
                model:
                  encoder: pixelwise
                losses: [compactness, consistency]
                sampler: overlapping-pair
                """);

        assertThat(c.data().inputs().get(0).path()).isEqualTo("cube.fake");
        assertThat(c.model().encoder().id()).isEqualTo("pixelwise");
        assertThat(c.losses()).extracting(LossConfig::id, LossConfig::weight).containsExactly(
                tuple("compactness", 1.0),
                tuple("consistency", 1.0));
        assertThat(c.sampler().id()).isEqualTo("overlapping-pair");
    }

    @Test
    void aLossListedTwiceIsAmbiguousAndReported() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                losses:
                  - {id: balance, weight: 1}
                  - {id: compactness}
                  - {id: balance, weight: 3}
                """)).containsExactly("config.yaml:6:10: losses[2].id: 'balance' is already listed as losses[0];"
                + " list each term once, so that losses[i] names one term");
    }

    @Test
    void anEmptyLossListOrOneWithEveryTermDisabledIsRejected() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                losses: []
                """)).containsExactly("config.yaml:3:9: losses: at least one loss term must be enabled, found an empty list");
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                losses:
                  - {id: balance, enabled: false}
                  - {id: compactness, enabled: no}
                """)).containsExactly("config.yaml:4:3: losses: at least one loss term must be enabled, found all 2 disabled");
    }

    @Test
    void aMissingDefaultPluginIsReportedAsTheDefaultThatWasMeant() {
        List<Plugin> plugins = new ArrayList<>(FakePlugins.referenceLosses().subList(0, 3));
        plugins.add(new FakePlugins.Encoder("pixelwise"));
        plugins.add(new FakePlugins.Sampler());
        plugins.add(new FakePlugins.Balancer());
        plugins.add(FakePlugins.fakeReader());
        Workspace lacking = new Workspace(dir, PluginRegistry.of(plugins.toArray(new Plugin[0])));

        assertThat(lacking.problems("""
                data:
                  inputs: [cube.fake]
                """)).containsExactly(
                "config.yaml:1:1: model.encoder.id: no id is given, so the default encoder 'raster' is meant,"
                        + " but it is not installed; available: pixelwise (set model.encoder.id to choose one;"
                        + " a jar in the plugins directory can add more)",
                "config.yaml:1:1: losses: no 'losses' key, so the reference terms are meant (compactness 1.0,"
                        + " uniform-assignment 2.0, orthogonality 0.001, balance 2.0, consistency 1.0), but 'balance',"
                        + " 'consistency' are not installed; available: compactness, orthogonality, uniform-assignment;"
                        + " list the terms to use under 'losses'");
    }

    @Test
    void aYamlSyntaxErrorIsOneProblemWithTheParsersPosition() {
        ConfigException e = ws.fails("""
                data:
                  inputs: [cube.fake
                model:
                  clusters: 4
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(6);
            assertThat(p.message()).startsWith("not valid YAML: ");
        });
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aDuplicateKeyIsReportedAtItsSecondOccurrence() {
        assertThat(ws.problems("""
                data:
                  inputs: [cube.fake]
                model:
                  clusters: 4
                  clusters: 5
                """)).containsExactly("config.yaml:5:3: model.clusters: duplicate key; first given at line 4; give each key once");
    }

    @Test
    void anEmptyFileAndAMissingFileAreEachOneProblemNamingTheFile() {
        assertThat(ws.problems("# nothing here yet\n")).containsExactly("config.yaml: the config is empty; it needs at least data.inputs");

        ConfigException missing = catchThrowableOfType(
                () -> ConfigLoader.load(Path.of("nope.yaml"), List.of(), FakePlugins.registry(), dir), ConfigException.class);
        assertThat(missing.getMessage()).isEqualTo("nope.yaml: no such config file (looked for " + dir.resolve("nope.yaml") + ")");
    }

    @Test
    void aConfigThatIsNotAMappingSaysWhatItIs() {
        assertThat(ws.problems("- data\n- model\n")).containsExactly(
                "config.yaml:1:1: expected a mapping with the sections profile, data, model, losses, sampler, lossBalancing, centroids, training, output,"
                        + " predict, evaluation, kmeans, merge, found a list");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreResolved() {
        DgcConfig c = ws.load("""
                data:
                  inputs: &cubes [cube.fake]
                  truth: *cubes
                model:
                  encoder: &enc {id: raster, dim: 8}
                losses:
                  - &heavy {id: compactness, weight: 3.0}
                  - {<<: *heavy, id: balance}
                """);

        assertThat(c.data().truth()).extracting(InputSpec::path).containsExactly("cube.fake");
        assertThat(c.model().encoder().params().getInt("dim")).isEqualTo(8);
        assertThat(c.losses()).extracting(LossConfig::id, LossConfig::weight).containsExactly(
                tuple("compactness", 3.0),
                tuple("balance", 3.0));
    }
}
