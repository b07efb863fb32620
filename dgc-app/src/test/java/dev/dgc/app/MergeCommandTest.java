package dev.dgc.app;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.core.io.JsonReader;
import dev.dgc.core.merge.MergePlan;
import dev.dgc.core.plugins.PluginRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dgc merge} on a four-cluster model trained once for the class by {@code dgc run} on a small synthetic scene. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeCommandTest {

    private static final int ROWS = 20;
    private static final int COLS = 22;

    @TempDir
    static Path shared;

    private Path cube;
    private Path run;
    private Path model;

    @BeforeAll
    void trainOnce() throws IOException {
        cube = TinyScene.write(shared.resolve("scene.mat"), ROWS, COLS, 6);
        run = shared.resolve("run");
        model = run.resolve("model");
        Path config = Files.writeString(shared.resolve("tiny.yaml"), TinyScene.config(cube, run, 2));
        CommandTester.Result r = CommandTester.run("run", config.toString(), "--set", "model.clusters=4");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    }

    private CommandTester.Result merge(String... more) {
        List<String> args = new ArrayList<>(List.of("merge", "--model", model.toString()));
        args.addAll(Arrays.asList(more));
        return CommandTester.run(args.toArray(String[]::new));
    }

    private String[] withInput(String... more) {
        List<String> args = new ArrayList<>(List.of("--input", cube.toString(), "--option=variable=" + TinyScene.VARIABLE));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static float[] bands(Path tif) throws IOException {
        ReaderProvider geotiff = PluginRegistry.discover(MergeCommandTest.class.getClassLoader(), List.of())
                .get(ReaderProvider.class, "geotiff");
        try (HyperspectralCube c = geotiff.open(tif, Parameters.defaults(geotiff.parameters()))) {
            return c.read(Window.all(c.metadata().lines(), c.metadata().samples()), c.metadata().allBands());
        }
    }

    private static int[] labels(Path tif) throws IOException {
        float[] v = bands(tif);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int[] levelMapping(Path dendrogramJson, int level) throws IOException {
        Map<String, Object> tree = (Map<String, Object>) JsonReader.parse(Files.readString(dendrogramJson), dendrogramJson.toString());
        List<Double> mapping = (List<Double>) ((Map<String, Object>) tree.get("levels")).get(Integer.toString(level));
        return mapping.stream().mapToInt(Double::intValue).toArray();
    }

    @Test
    void levelsGiveTheDendrogramAndOneGeoTiffAndPngPerLevelMergedFromTheProbabilities() throws IOException {
        Path out = shared.resolve("levels");
        CommandTester.Result r = merge(withInput("--levels", "4,2", "--output", out.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        for (String f : List.of("dendrogram.json", "dendrogram.png", "scene-level-2.tif", "scene-level-2.png", "scene-level-4.tif",
                "scene-level-4.png")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(ImageIO.read(out.resolve("dendrogram.png").toFile()).getWidth()).isGreaterThan(0);
        assertThat(r.out()).contains("level-2:").contains("group 0: cluster");

        // the reference: dgc predict's map and probabilities of the same model and cube
        Path predicted = shared.resolve("predicted");
        CommandTester.Result p = CommandTester.run("predict", "--model", model.toString(), "--input", cube.toString(),
                "--option=variable=" + TinyScene.VARIABLE, "--output", predicted.toString(), "--probabilities");
        assertThat(p.code()).as(p.err()).isEqualTo(Main.OK);
        int[] clusters = labels(predicted.resolve("scene.tif"));
        float[] probabilities = bands(predicted.resolve("scene-probabilities.tif"));

        // four groups of four live clusters are the clusters themselves, numbered by their index
        assertThat(levelMapping(out.resolve("dendrogram.json"), 4)).containsExactly(0, 1, 2, 3);
        assertThat(labels(out.resolve("scene-level-4.tif"))).containsExactly(clusters);
        int[] two = levelMapping(out.resolve("dendrogram.json"), 2);
        assertThat(Arrays.stream(two).distinct().sorted().toArray()).containsExactly(0, 1);
        assertThat(labels(out.resolve("scene-level-2.tif")))
                .containsExactly(MergePlan.of(two, null).mergeProbabilities(probabilities, clusters));
    }

    @Test
    void levelZeroOrMoreThanTheLiveClustersIsAUsageErrorWithTheAllowedRange() {
        Path out = shared.resolve("bad");
        CommandTester.Result zero = merge(withInput("--levels", "0", "--output", out.toString()));
        assertThat(zero.code()).isEqualTo(Main.USAGE);
        assertThat(zero.err()).contains("--levels").contains("between 1 and 4").contains("found 0").doesNotContain("Exception");

        CommandTester.Result five = merge("--levels", "2,5", "--output", out.toString());
        assertThat(five.code()).isEqualTo(Main.USAGE);
        assertThat(five.err()).contains("between 1 and 4").contains("found 5");
        assertThat(out).doesNotExist();
    }

    @Test
    void aManualFileWritesOneMergedMapWithItsGroupNames() throws IOException {
        Path out = shared.resolve("manual");
        Path file = Files.writeString(shared.resolve("groups.yaml"), "left: [0, 1]\nright: [2, 3]\n");
        CommandTester.Result r = merge(withInput("--file", file.toString(), "--output", out.toString(), "--writer", "geotiff"));
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("0 = left").contains("1 = right");
        assertThat(out.resolve("scene-merged.tif")).isRegularFile();
        assertThat(out.resolve("scene-merged.png")).doesNotExist();
        assertThat(Arrays.stream(labels(out.resolve("scene-merged.tif"))).distinct()).allMatch(v -> v == 0 || v == 1);
    }

    @Test
    void aManualFileMissingAClusterIsAUsageErrorNamingTheFileAndTheCluster() throws IOException {
        Path file = Files.writeString(shared.resolve("short.json"), "{\"0\": [0, 1], \"1\": [2]}");
        CommandTester.Result r = merge("--file", file.toString(), "--output", shared.resolve("short").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(file.toString()).contains("clusters missing: 3");
    }

    @Test
    void withoutInputsOnlyTheDendrogramIsWrittenBesideTheModel() {
        CommandTester.Result r = merge("--levels", "3");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(run.resolve("merge").resolve("dendrogram.json")).isRegularFile();
        assertThat(run.resolve("merge").resolve("dendrogram.png")).isRegularFile();
        CommandTester.Result again = merge("--levels", "3");
        assertThat(again.code()).isEqualTo(Main.USAGE);
        assertThat(again.err()).contains("these outputs exist").contains("--overwrite");
    }

    @Test
    void levelsAndAFileTogetherOrInputsWithNeitherAreUsageErrors() {
        CommandTester.Result both = merge("--levels", "2", "--file", "x.json");
        assertThat(both.code()).isEqualTo(Main.USAGE);
        assertThat(both.err()).contains("--levels or --file, not both");
        CommandTester.Result neither = merge(withInput());
        assertThat(neither.code()).isEqualTo(Main.USAGE);
        assertThat(neither.err()).contains("--input needs --levels");
    }
}
