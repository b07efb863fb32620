package dev.dgc.app;

import dev.dgc.core.testing.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dgc validate} end to end: real shipped scenes, the three-mistake case, plugin jars, overrides. */
class ValidateCommandTest {

    /** The shipped data, seen from the module directory Maven runs tests in. */
    private static final Path DATA = Path.of("..", "examples", "data").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The shipped Salinas-A config with its data paths made absolute, so it validates from any directory. */
    private Path salinasConfig() throws IOException {
        return example("salinas-a.yaml");
    }

    private Path example(String name) throws IOException {
        String yaml = Files.readString(Path.of("..", "examples", name))
                .replace("examples/data/", DATA.toString().replace('\\', '/') + "/");
        return Files.writeString(dir.resolve(name), yaml);
    }

    private CommandTester.Result validate(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--plugins";
        all[args.length + 2] = dir.toString();
        return CommandTester.run(all);
    }

    @Test
    void theShippedSalinasConfigIsValidAndItsCubeOpens() throws IOException {
        CommandTester.Result r = validate(salinasConfig().toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("salinas-a.yaml: valid")
                .contains("SalinasA_corrected.mat  83×86×204 int16, reader matlab")
                .contains("SalinasA_gt.mat  83×86, reader matlab")
                .contains("6 clusters, encoder raster (dim 32, kernel 9")
                .contains("compactness 1.0, confidence 1.0, orthogonality 0.001, balance 2.0")
                .contains("profile   stable (set model.encoder.lastActivation none, training.stability.keep best,"
                        + " losses[3].sign maximise, centroids.init kmeans)");
        CommandTester.Result reference = validate(example("salinas-a-reference.yaml").toString());
        assertThat(reference.code()).as(reference.err()).isEqualTo(Main.OK);
        assertThat(reference.out()).contains("compactness 1.0, uniform-assignment 2.0, orthogonality 0.001, balance 2.0, consistency 1.0")
                .contains("profile   reference\n");
    }

    @Test
    void thePaperProfileIsShownWithTheValuesItSet() throws IOException {
        CommandTester.Result r = validate(example("salinas-a-reference.yaml").toString(), "--set", "profile=paper");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("profile   paper (set losses[3].sign maximise, losses[4].region overlap, sampler.affine false,"
                + " centroids.trainable false, centroids.legacyChannelScramble false)");
    }

    @Test
    void threeMistakesGiveThreeLocatedErrorsAndExitCodeTwo() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.yaml"), String.join("\n",
                "data:",
                "  inputs:",
                "    - path: " + DATA.resolve("salinas-a/SalinasA_corrected.mat"),
                "      reader: matlab",
                "model:",
                "  clusters: 6",
                "  temprature: 0.05",
                "training:",
                "  steps: many",
                "sampler: {id: overlaping-pair}",
                ""));
        CommandTester.Result r = validate(config.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                config + ":7:3: model.temprature: unknown key (did you mean 'temperature'?); allowed: id, clusters, temperature, encoder, meanShift",
                config + ":9:10: training.steps: expected an integer, found 'many'",
                config + ":10:15: sampler.id: unknown sampler 'overlaping-pair' (did you mean 'overlapping-pair'?); available: "
                        + "overlapping-pair, quasi-random (a jar in the plugins directory can add more; see 'dgc plugins')");
    }

    @Test
    void aConfigUsingTheExamplePluginValidatesOnceItsJarIsInstalled() throws IOException {
        new PluginJarBuilder().sourceTree(Path.of("..", "examples", "plugin-example", "src", "main", "java").toAbsolutePath().normalize())
                .build(dir.resolve("dgc-plugin-example.jar"));
        Path cube = npyCube(dir.resolve("cube.npy"), 16, 20, 5);
        Path config = Files.writeString(dir.resolve("npy.yaml"), String.join("\n",
                "data:",
                "  inputs:",
                "    - path: " + cube,
                "      options: {layout: 'rows,cols,bands'}",
                "sampler: {id: overlapping-pair, patch: 8}",
                ""));
        CommandTester.Result r = validate(config.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("cube.npy  16×20×5 float32, reader npy");
    }

    @Test
    void overridesChangeValuesAndAreNamedWhenWrong() throws IOException {
        Path config = salinasConfig();
        CommandTester.Result ok = validate(config.toString(), "--set", "model.clusters=12", "--set", "losses[2].weight=0.5");
        assertThat(ok.code()).as(ok.err()).isEqualTo(Main.OK);
        assertThat(ok.out()).contains("12 clusters").contains("orthogonality 0.5");
        CommandTester.Result bad = validate(config.toString(), "--set", "losses[7].weight=1");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).startsWith("--set losses[7].weight=1: ").contains("4 elements");
    }

    @Test
    void printShowsTheResolvedConfigWithDefaultsFilledIn() throws IOException {
        CommandTester.Result r = validate(salinasConfig().toString(), "--print");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("clusters: 6").contains("gradientClip: 1.0").contains("checkpointEvery:").contains("beta2: 0.999");
    }

    @Test
    void aPatchLargerThanTheCubeIsRefusedBeforeAnyRun() throws IOException {
        CommandTester.Result r = validate(salinasConfig().toString(), "--set", "sampler.patch=100");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("cube 0 is 83×86 pixels, smaller than the 100×100 patch; lower sampler.patch to at most 83");
    }

    @Test
    void aTruthMapOfAnotherSizeIsRefusedNamingBothFiles() throws IOException {
        CommandTester.Result r = validate(salinasConfig().toString(),
                "--set", "data.truth[0]={path: " + DATA.resolve("samson/Samson.mat") + ", reader: matlab, options: {variable: nRow}}");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Samson.mat: truth map is 1×1 but its cube").contains("SalinasA_corrected.mat is 83×86");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        CommandTester.Result r = validate(dir.resolve("nope.yaml").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("nope.yaml").doesNotContain("\tat ");
    }

    /** A (rows, cols, bands) float32 .npy as np.save writes it, values 0, 1, 2, … */
    private static Path npyCube(Path file, int rows, int cols, int bands) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + ", " + bands + "), }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + rows * cols * bands * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < rows * cols * bands; i++) {
            b.putFloat(i);
        }
        Files.write(file, b.array());
        return file;
    }
}
