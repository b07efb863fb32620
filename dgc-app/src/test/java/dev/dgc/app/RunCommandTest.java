package dev.dgc.app;

import dev.dgc.app.config.ResolvedConfig;
import dev.dgc.app.run.LossCurvePlot;
import dev.dgc.app.run.LossLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dgc run} end to end on a small synthetic scene: what a run leaves in its folder, and how an
 * existing run is refused, overwritten or resumed. One run is trained once for the class and copied
 * where a test changes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCommandTest {

    private static final int STEPS = 4;

    @TempDir
    static Path shared;

    private Path cube;
    private Path firstRun;
    private CommandTester.Result first;

    @BeforeAll
    void trainOnce() throws IOException {
        cube = TinyScene.write(shared.resolve("scene.mat"), 24, 24, 6);
        firstRun = shared.resolve("first");
        first = run(config(shared, firstRun));
    }

    private Path config(Path dir, Path out) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("tiny.yaml"), TinyScene.config(cube, out, STEPS));
    }

    private CommandTester.Result run(Path config, String... flags) {
        String[] args = new String[flags.length + 4];
        args[0] = "run";
        args[1] = config.toString();
        System.arraycopy(flags, 0, args, 2, flags.length);
        args[flags.length + 2] = "--plugins";
        args[flags.length + 3] = shared.toString();
        return CommandTester.run(args);
    }

    /** Every file below a folder, by relative path, with its bytes. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(Arrays.equals(actual.get(name), bytes)).as(name).isTrue());
    }

    @Test
    void aRunLeavesTheModelTheLossLogThePlotTheResolvedConfigAndASummary() throws IOException {
        assertThat(first.code()).as(first.err()).isEqualTo(Main.OK);
        assertThat(first.out()).contains("trained steps 1–" + STEPS + " of " + STEPS)
                .contains("model:  " + firstRun.resolve("model")).doesNotContain("Added differentiated op");
        assertThat(first.err()).contains("step " + STEPS + "/" + STEPS + " [####################]").contains("comp ")
                .doesNotContain("Exception");

        assertThat(files(firstRun.resolve("model"))).isNotEmpty();
        assertThat(ImageIO.read(firstRun.resolve(LossCurvePlot.FILE_NAME).toFile()).getWidth()).isEqualTo(960);
        assertThat(Files.readString(firstRun.resolve(ResolvedConfig.FILE_NAME))).contains("profile: reference")
                .contains("steps: " + STEPS);
        List<String> csv = Files.readAllLines(firstRun.resolve(LossLog.FILE_NAME));
        assertThat(csv.get(0)).isEqualTo("step,total,compactness,uniform-assignment,orthogonality,balance,consistency,"
                + "weight_compactness,weight_uniform-assignment,weight_orthogonality,weight_balance,weight_consistency,"
                + "activeClusters,deadClusters,bandwidth,gradientNorm,seconds");
        assertThat(csv).hasSize(STEPS + 1);
        for (int i = 1; i <= STEPS; i++) {
            String[] cells = csv.get(i).split(",");
            assertThat(cells).hasSize(17);
            assertThat(cells[0]).isEqualTo(Integer.toString(i));
            assertThat(Arrays.stream(cells).mapToDouble(Double::parseDouble)).allMatch(Double::isFinite);
            assertThat(Double.parseDouble(cells[7])).isEqualTo(1.0);
            assertThat(Integer.parseInt(cells[12])).isBetween(1, 3);
        }
        try (Stream<Path> s = Files.list(firstRun)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("checkpoints", "model", RunCommand.MAPS, "stability.csv", "report.html", "provenance.json",
                    LossLog.FILE_NAME, LossCurvePlot.FILE_NAME, ResolvedConfig.FILE_NAME);
        }
    }

    @Test
    void aFolderHoldingARunIsRefusedWithoutResumeOrOverwriteAndLeftAsItWas() throws IOException {
        Map<String, byte[]> before = files(firstRun);

        CommandTester.Result r = run(config(shared, firstRun));

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(firstRun + " already holds a run").contains("--resume").contains("--overwrite")
                .doesNotContain("Exception");
        assertSameFiles(files(firstRun), before);
    }

    @Test
    void overwriteTrainsAfreshAndTheSameSeedGivesTheSameModel() throws IOException {
        Path out = shared.resolve("overwritten");
        copy(firstRun, out);
        Files.writeString(out.resolve(LossLog.FILE_NAME), "stale\n");

        CommandTester.Result r = run(config(shared.resolve("ow"), out), "--overwrite");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(Files.readAllLines(out.resolve(LossLog.FILE_NAME))).hasSize(STEPS + 1);
        assertSameFiles(files(out.resolve("model")), files(firstRun.resolve("model")));
    }

    @Test
    void resumingAFinishedRunTrainsNothingAndKeepsItsModelAndLog() throws IOException {
        Path out = shared.resolve("finished");
        copy(firstRun, out);

        CommandTester.Result r = run(config(shared.resolve("fin"), out), "--resume");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("nothing left to train");
        assertThat(Files.readAllLines(out.resolve(LossLog.FILE_NAME)))
                .containsExactlyElementsOf(Files.readAllLines(firstRun.resolve(LossLog.FILE_NAME)));
        assertSameFiles(files(out.resolve("model")), files(firstRun.resolve("model")));
    }

    @Test
    void resumingWithAnotherConfigIsRefusedNamingWhatChangedAndTouchesNothing() throws IOException {
        Path out = shared.resolve("changed");
        copy(firstRun, out);
        Map<String, byte[]> before = files(out);

        CommandTester.Result r = run(config(shared.resolve("ch"), out), "--resume", "--set", "model.clusters=4",
                "--set", "training.optimizer.lr=0.01");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("the config differs from the one this run started with")
                .contains("model.clusters: 3 → 4").contains("training.optimizer.lr: 1.0E-4 → 0.01")
                .contains("only training.steps may change").doesNotContain("Exception");
        assertSameFiles(files(out), before);
    }

    @Test
    void aFinishedRunResumedWithMoreStepsTrainsOnlyTheNewOnes() throws IOException {
        Path out = shared.resolve("extended");
        copy(firstRun, out);

        CommandTester.Result r = run(config(shared.resolve("ext"), out), "--resume", "--set",
                "training.steps=" + (STEPS + 2));

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("trained steps " + (STEPS + 1) + "–" + (STEPS + 2));
        assertThat(Files.readAllLines(out.resolve(LossLog.FILE_NAME))).hasSize(STEPS + 3)
                .startsWith(Files.readAllLines(firstRun.resolve(LossLog.FILE_NAME)).toArray(String[]::new));
    }

    @Test
    void nothingButTheCommandsOwnOutputReachesTheProcessStandardOutput() throws IOException {
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        CommandTester.Result r;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r = run(config(shared.resolve("quiet"), shared.resolve("quiet-out")));
        } finally {
            System.setOut(stdout);
        }

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).as("ND4J's per-op lines are muted at the source")
                .isEmpty();
    }

    @Test
    void resumingWhereNoRunWasStartedIsAUsageError() throws IOException {
        Path out = shared.resolve("empty");

        CommandTester.Result r = run(config(shared.resolve("em"), out), "--resume");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("holds no checkpoints to resume from");
        assertThat(out.resolve(ResolvedConfig.FILE_NAME)).doesNotExist();
    }

    @Test
    void resumeAndOverwriteTogetherAreAUsageError() throws IOException {
        CommandTester.Result r = run(config(shared.resolve("both"), shared.resolve("both-out")), "--resume", "--overwrite");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("give one of them");
    }

    @Test
    void aBadConfigIsReportedWithItsLocationAndNothingIsWritten() throws IOException {
        Path out = shared.resolve("bad-out");
        Path config = Files.writeString(shared.resolve("bad.yaml"), TinyScene.config(cube, out, STEPS)
                .replace("clusters: 3", "clusters: lots"));

        CommandTester.Result r = run(config);

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("bad.yaml:").contains("model.clusters: expected an integer, found 'lots'")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void pruningPrintsWhichCentroidsWentAndTheSummarySaysHowManyAreLive() throws IOException {
        Path out = shared.resolve("prune-out");
        // one step per epoch; of 3 centroids one always has at most a third of the mass, so after
        // epoch 3 (step 3) one is pruned, and the 2 left are the minimum that stays live
        CommandTester.Result r = run(config(shared.resolve("prune"), out), "--set", "centroids.pruneFraction=0.45",
                "--set", "training.epochs=" + STEPS);

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).containsPattern("(?m)^step 3: pruned centroids [0-2] \\(mass below 0\\.45 for a whole epoch\\)$")
                .contains("step " + STEPS + "/" + STEPS + " [####################]").doesNotContain("step 4: pruned");
        assertThat(r.out()).contains("centroids: 2 of 3 live, 1 pruned");
        assertThat(first.out()).contains("centroids: all 3 live");
        assertThat(Files.readString(out.resolve("model").resolve("manifest.json"))).containsPattern("\"prunedCentroids\": \\[[0-2]\\]");
        assertThat(Files.readString(firstRun.resolve("model").resolve("manifest.json"))).contains("\"prunedCentroids\": []");
    }

    @Test
    void resumingWithOtherLossTermsIsRefusedAndTheRunIsLeftAsItWas() throws IOException {
        Path out = shared.resolve("other-terms");
        copy(firstRun, out);
        Map<String, byte[]> before = files(out);

        CommandTester.Result r = run(config(shared.resolve("ot"), out), "--resume", "--set", "losses=[compactness]");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("the config differs").contains("losses[1].id: uniform-assignment → (absent)")
                .contains("--overwrite");
        assertSameFiles(files(out), before);
    }

    @Test
    void kMeansAsTheModelTrainsNoNetworkAndMapsEveryInput() throws IOException {
        Path out = shared.resolve("kmeans");
        CommandTester.Result r = run(config(shared.resolve("kmeans-config"), out), "--set", "model.id=kmeans");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).contains("k-means: K=3 fitted on 576 of 576 valid pixels");
        assertThat(r.out()).contains("(k-means): ").contains("scene-kmeans.tif");
        assertThat(out.resolve(RunCommand.MAPS).resolve("scene-kmeans.tif")).isRegularFile();
        assertThat(out.resolve("model")).doesNotExist();
        assertThat(out.resolve(LossLog.FILE_NAME)).doesNotExist();
    }

    @Test
    void theKMeansBaselineIsMappedBesideDgcFromTheSameRun() throws IOException {
        Path out = shared.resolve("baseline");
        CommandTester.Result r = run(config(shared.resolve("baseline-config"), out), "--set", "evaluation.baseline=kmeans");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).contains("k-means baseline: K=3");
        assertThat(out.resolve(RunCommand.MAPS).resolve("scene-dgc.tif")).isRegularFile();
        assertThat(out.resolve(RunCommand.MAPS).resolve("scene-kmeans.tif")).isRegularFile();
        assertThat(out.resolve(RunCommand.MAPS).resolve("scene-kmeans.png")).isRegularFile();
    }
}
