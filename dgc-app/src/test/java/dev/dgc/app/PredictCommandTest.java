package dev.dgc.app;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.core.plugins.PluginRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dgc predict} on a model trained once for the class by {@code dgc run} on a small synthetic scene. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictCommandTest {

    @TempDir
    static Path shared;

    private Path cube;
    private Path run;

    @BeforeAll
    void trainOnce() throws IOException {
        cube = TinyScene.write(shared.resolve("scene.mat"), 20, 22, 6);
        run = shared.resolve("run");
        Path config = Files.writeString(shared.resolve("tiny.yaml"), TinyScene.config(cube, run, 2));
        CommandTester.Result r = CommandTester.run("run", config.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    }

    private CommandTester.Result predict(String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "predict";
        args[1] = "--model";
        args[2] = run.resolve("model").toString();
        args[3] = "--input";
        args[4] = cube.toString();
        args[5] = "--option=variable=" + TinyScene.VARIABLE;
        System.arraycopy(more, 0, args, 6, more.length);
        return CommandTester.run(args);
    }

    private static int[] labels(Path tif) throws IOException {
        ReaderProvider geotiff = PluginRegistry.discover(PredictCommandTest.class.getClassLoader(), java.util.List.of())
                .get(ReaderProvider.class, "geotiff");
        try (HyperspectralCube c = geotiff.open(tif, Parameters.defaults(geotiff.parameters()))) {
            float[] v = c.read(Window.all(c.metadata().lines(), c.metadata().samples()), new int[] {0});
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (int) v[i];
            }
            return out;
        }
    }

    @Test
    void aFolderOutputGetsOneGeoTiffPerInputEqualToTheMapTheRunWrote() throws IOException {
        Path out = shared.resolve("folder");
        CommandTester.Result r = predict("--output", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("20×22").contains("scene.tif");
        assertThat(r.err()).contains("note: scene.tif (geotiff): not georeferenced");
        assertThat(labels(out.resolve("scene.tif"))).containsExactly(labels(run.resolve(RunCommand.MAPS).resolve("scene-dgc.tif")));
    }

    @Test
    void smallTilesGiveTheSameMapAsOneTileWhereNoRowWrapReaches() throws IOException {
        Path whole = shared.resolve("whole");
        Path tiled = shared.resolve("tiled");
        assertThat(predict("--output", whole.toString(), "--tile", "1000").code()).isEqualTo(Main.OK);
        assertThat(predict("--output", tiled.toString(), "--tile", "7").code()).isEqualTo(Main.OK);
        int[] a = labels(whole.resolve("scene.tif"));
        int[] b = labels(tiled.resolve("scene.tif"));
        // raster encoder with kernel 3 (reach 5 columns) and 2 mean-shift iterations of a 3×3 window (2 more)
        int reach = 7;
        for (int r = 0; r < 20; r++) {
            for (int c = reach; c < 22 - reach; c++) {
                assertThat(b[r * 22 + c]).as("(%d,%d)", r, c).isEqualTo(a[r * 22 + c]);
            }
        }
    }

    @Test
    void aFileOutputChoosesTheWriterByItsExtension() throws IOException {
        Path png = shared.resolve("single").resolve("map.png");
        CommandTester.Result r = predict("--output", png.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThanOrEqualTo(22);
    }

    @Test
    void probabilitiesAndOtherWritersAreWrittenOnRequest() {
        Path out = shared.resolve("all");
        CommandTester.Result r = predict("--output", out.toString(), "--writer", "envi-classification", "--writer", "geotiff",
                "--probabilities");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(out.resolve("scene.img")).isRegularFile();
        assertThat(out.resolve("scene.hdr")).isRegularFile();
        assertThat(out.resolve("scene.tif")).isRegularFile();
        assertThat(out.resolve("scene-probabilities.tif")).isRegularFile();
    }

    @Test
    void existingOutputsAreRefusedUnlessOverwriteIsGiven() {
        Path out = shared.resolve("twice");
        assertThat(predict("--output", out.toString()).code()).isEqualTo(Main.OK);
        CommandTester.Result again = predict("--output", out.toString());
        assertThat(again.code()).isEqualTo(Main.USAGE);
        assertThat(again.err()).contains("these outputs exist").contains("scene.tif").contains("--overwrite");
        assertThat(predict("--output", out.toString(), "--overwrite").code()).isEqualTo(Main.OK);
    }

    @Test
    void aCubeWithOtherBandsIsRefusedWithBothBandCounts() throws IOException {
        Path other = TinyScene.write(shared.resolve("other.mat"), 10, 10, 4);
        CommandTester.Result r = CommandTester.run("predict", "--model", run.resolve("model").toString(), "--input", other.toString(),
                "--option=variable=" + TinyScene.VARIABLE, "--output", shared.resolve("other-out").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("has 4 bands").contains("trained on 6").doesNotContain("Exception");
        assertThat(shared.resolve("other-out").resolve("other.tif")).doesNotExist();
    }

    @Test
    void aFolderWithoutAModelIsAUsageErrorNamingTheManifest() {
        CommandTester.Result r = CommandTester.run("predict", "--model", shared.toString(), "--input", cube.toString(),
                "--output", shared.resolve("x").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("manifest.json").contains("no model manifest here");
    }

    @Test
    void anUnknownWriterListsTheInstalledOnes() {
        CommandTester.Result r = predict("--output", shared.resolve("w").toString(), "--writer", "tiff");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown writer 'tiff'").contains("geotiff").contains("png");
    }

    @Test
    void theMapKeepsTheInputsGeoreference() throws IOException {
        // the scene's first pixels as a georeferenced ENVI cube (UTM zone 11 N, 15 m pixels)
        Path hdr = shared.resolve("geo.hdr");
        int rows = 12;
        int cols = 14;
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(rows * cols * 6 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int b = 0; b < 6; b++) {
            for (int i = 0; i < rows * cols; i++) {
                data.putFloat((float) (100 + 10 * b + (i % cols < cols / 2 ? 0 : 40) + 3 * Math.sin(i)));
            }
        }
        Files.write(shared.resolve("geo.img"), data.array());
        Files.writeString(hdr, "ENVI\nsamples = " + cols + "\nlines = " + rows + "\nbands = 6\nheader offset = 0\n"
                + "file type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n"
                + "map info = {UTM, 1, 1, 353128.75, 3813729.5, 15, 15, 11, North, WGS-84}\n");
        Path outDir = shared.resolve("geo-out");
        CommandTester.Result r = CommandTester.run("predict", "--model", run.resolve("model").toString(), "--input", hdr.toString(),
                "--output", outDir.toString(), "--writer", "geotiff", "--writer", "envi-classification");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).doesNotContain("not georeferenced");

        PluginRegistry registry = PluginRegistry.discover(PredictCommandTest.class.getClassLoader(), java.util.List.of());
        ReaderProvider envi = registry.get(ReaderProvider.class, "envi");
        ReaderProvider geotiff = registry.get(ReaderProvider.class, "geotiff");
        var input = envi.open(hdr, Parameters.defaults(envi.parameters())).metadata().georeference().orElseThrow();
        var tif = geotiff.open(outDir.resolve("geo.tif"), Parameters.defaults(geotiff.parameters())).metadata().georeference()
                .orElseThrow();
        var classification = envi.open(outDir.resolve("geo.hdr"), Parameters.defaults(envi.parameters())).metadata().georeference()
                .orElseThrow();
        assertThat(input.epsg()).hasValue(32611);
        assertThat(tif.epsg()).isEqualTo(input.epsg());
        assertThat(tif.transform()).isEqualTo(input.transform());
        assertThat(classification.epsg()).isEqualTo(input.epsg());
        assertThat(classification.transform()).isEqualTo(input.transform());
    }
}
