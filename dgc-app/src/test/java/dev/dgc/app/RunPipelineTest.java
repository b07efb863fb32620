package dev.dgc.app;

import dev.dgc.app.report.HtmlReport;
import dev.dgc.app.report.Provenance;
import dev.dgc.app.run.StabilityLog;
import dev.dgc.core.io.JsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dgc run} after training, on a small synthetic scene whose truth is its four quadrants: maps,
 * scores against the truth beside the k-means baseline, merged levels, stability log, report and
 * provenance. One run for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPipelineTest {

    private static final int STEPS = 3;

    @TempDir
    static Path shared;

    private Path cube;
    private Path truth;
    private Path out;
    private CommandTester.Result result;

    @BeforeAll
    void runOnce() throws IOException {
        cube = TinyScene.write(shared.resolve("scene.mat"), 24, 24, 6);
        truth = TinyScene.writeTruth(shared.resolve("truth.mat"), 24, 24);
        out = shared.resolve("run");
        Path config = Files.writeString(shared.resolve("tiny.yaml"), TinyScene.config(cube, truth, out, STEPS));
        result = CommandTester.run("run", config.toString(), "--set", "model.clusters=4", "--set", "evaluation.baseline=kmeans",
                "--set", "merge.levels=[2]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return (Map<String, Object>) JsonReader.parse(Files.readString(file), file.toString());
    }

    @Test
    void everyMapIsScoredAgainstTheTruthAndKMeansFindsTheQuadrants() throws IOException {
        assertThat(result.code()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out()).contains("metrics (labelled pixels").contains("  scene.mat  DGC").contains("  scene.mat  k-means");

        Map<String, Object> metrics = json(out.resolve(RunOutputs.METRICS));
        Map<?, ?> input = (Map<?, ?>) ((List<?>) metrics.get("inputs")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> models = (Map<String, Object>) input.get("models");
        assertThat(models.keySet()).containsExactly("dgc", "kmeans");
        @SuppressWarnings("unchecked")
        Map<String, Object> kmeans = (Map<String, Object>) models.get("kmeans");
        assertThat(kmeans.keySet()).contains("oa", "kappa", "nmi", "ami", "ari", "miou", "activeClusters", "mapping", "perClass");
        // four well-separated spectra, one per quadrant, K = 4: k-means recovers them; the first row is unlabelled
        assertThat((Double) kmeans.get("oa")).isGreaterThan(0.95);
        assertThat(((List<?>) kmeans.get("perClass"))).hasSize(4);
        for (String model : List.of("dgc", "kmeans")) {
            Path dir = out.resolve(RunOutputs.EVALUATION).resolve("scene").resolve(model);
            assertThat(dir.resolve("metrics.json")).isRegularFile();
            assertThat(dir.resolve("confusion.csv")).isRegularFile();
            assertThat(dir.resolve("confusion.png")).isRegularFile();
        }
        assertThat(out.resolve(RunCommand.MAPS).resolve("scene-truth.png")).isRegularFile();
    }

    @Test
    void theReportShowsBothModelsAndOpensWithoutAServer() throws IOException {
        String html = Files.readString(out.resolve(HtmlReport.FILE_NAME));
        assertThat(html).contains("<th>DGC</th>").contains("<th>k-means</th>").contains("ground truth")
                .contains("data:image/png;base64,").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("model:").contains("clusters: 4");
        assertThat(html).as("every image found").doesNotContain("class=\"missing\"");
    }

    @Test
    void aRunIntoARelativeFolderStillEmbedsItsImages() throws IOException {
        // CommandTester runs in the module folder, so a relative output folder lands under target/
        Path relative = Path.of("target", "relative-run-" + System.nanoTime());
        Path config = Files.writeString(shared.resolve("relative.yaml"), TinyScene.config(cube, truth, shared.resolve("unused"), 1)
                .replace(TinyScene.slashes(shared.resolve("unused")), relative.toString().replace('\\', '/')));
        CommandTester.Result r = CommandTester.run("run", config.toString(), "--set", "training.stability.enabled=false");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).doesNotContain("is not shown");
        assertThat(Files.readString(relative.resolve(HtmlReport.FILE_NAME))).doesNotContain("class=\"missing\"")
                .contains("data:image/png;base64,");
        dev.dgc.core.model.ModelWriter.deleteTree(relative);
    }

    @Test
    void provenanceNamesTheInputsByHashAndTheSeed() throws IOException, NoSuchAlgorithmException {
        Map<String, Object> p = json(out.resolve(Provenance.FILE_NAME));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cube)));
        assertThat(Files.readString(out.resolve(Provenance.FILE_NAME))).contains(sha).contains("training.seed");
        assertThat(p).containsKey("plugins");
    }

    @Test
    void mergedLevelsAndTheDendrogramAreWritten() {
        Path merge = out.resolve(RunOutputs.MERGE);
        assertThat(merge.resolve("dendrogram.json")).isRegularFile();
        assertThat(merge.resolve("dendrogram.png")).isRegularFile();
        assertThat(merge.resolve("scene-level-2.tif")).isRegularFile();
    }

    @Test
    void everyCheckpointIsComparedWithThePreviousOne() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve(StabilityLog.FILE_NAME));
        assertThat(rows.get(0)).isEqualTo("step,nmi,vi,entropy,activeClusters,spectralFit,best,seconds");
        assertThat(rows).hasSize(STEPS + 1);
        assertThat(rows.get(1)).startsWith("1,,,,");
        String[] third = rows.get(3).split(",");
        assertThat(Double.parseDouble(third[1])).isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(third[2])).isGreaterThanOrEqualTo(0.0);
        assertThat(Double.parseDouble(third[5])).as("spectral fit").isBetween(0.0, 1.0);
        assertThat(third[6]).isIn("true", "false");
    }

    @Test
    void aStabilityThresholdStopsTrainingAndTheModelSaysWhere() throws IOException {
        Path stopped = shared.resolve("stopped");
        Path config = Files.writeString(shared.resolve("stop.yaml"), TinyScene.config(cube, null, stopped, 6));
        CommandTester.Result r = CommandTester.run("run", config.toString(), "--set", "training.stability.stopAbove=0.0001",
                "--set", "training.stability.patience=1");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).contains("; stopping (training.stability)");
        assertThat(r.out()).contains("trained steps 1–2 of 6 (stopped early by training.stability)");
        assertThat(json(stopped.resolve("model").resolve("manifest.json"))).containsEntry("steps", 2.0);
    }
}
