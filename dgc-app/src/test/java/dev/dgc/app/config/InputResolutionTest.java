package dev.dgc.app.config;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputResolutionTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = new Workspace(dir, FakePlugins.registry(new FakePlugins.Reader("tiff", ".tif", ProbeResult.Level.INTENDED, 0)));
    }

    private static String inputs(String... items) {
        StringBuilder b = new StringBuilder("data:\n  inputs:\n");
        for (String item : items) {
            b.append("    - ").append(item).append('\n');
        }
        return b.toString();
    }

    @Test
    void aMissingFileIsReportedAtItsPathWithWhereItWasLookedFor() {
        assertThat(ws.problems(inputs("missing.fake"))).containsExactly(
                "config.yaml:3:7: data.inputs[0].path: no such file or folder: 'missing.fake' (looked for "
                        + dir.resolve("missing.fake") + ")");
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectoryNotTheConfigFolder() {
        ws.file("cube.fake");
        ws.write("configs/run.yaml", inputs("cube.fake"));

        DgcConfig c = ConfigLoader.load(Path.of("configs/run.yaml"), List.of(), FakePlugins.registry(), dir);

        assertThat(c.data().inputs().get(0).files()).containsExactly(dir.resolve("cube.fake"));
        assertThat(c.output().dir()).isEqualTo(Path.of("runs", "run"));
    }

    @Test
    void aGlobMatchesTheFilesAReaderCanOpenSortedAndSkipsHiddenOnes() {
        ws.file("scenes/b.fake");
        ws.file("scenes/a.fake");
        ws.file("scenes/notes.txt");
        ws.file("scenes/.hidden.fake");
        ws.file("scenes/deep/c.fake");
        ws.file("scenes/.cache/d.fake");

        DgcConfig c = ws.load(inputs("scenes/*.fake", "'scenes/**/*.fake'", dir.resolve("scenes") + "/*"));

        assertThat(c.data().inputs().get(0).files())
                .containsExactly(dir.resolve("scenes/a.fake"), dir.resolve("scenes/b.fake"));
        assertThat(c.data().inputs().get(1).files())
                .containsExactly(dir.resolve("scenes/a.fake"), dir.resolve("scenes/b.fake"), dir.resolve("scenes/deep/c.fake"));
        assertThat(c.data().inputs().get(2).files())
                .as("an absolute glob; notes.txt is left out because no reader can open it")
                .containsExactly(dir.resolve("scenes/a.fake"), dir.resolve("scenes/b.fake"));
    }

    @Test
    void aGlobMatchingNothingIsReported() {
        assertThat(ws.problems(inputs("'scenes/*.fake'"))).containsExactly(
                "config.yaml:3:7: data.inputs[0].path: the glob 'scenes/*.fake' matches no file (the working directory is "
                        + dir + ")");
    }

    @Test
    void aFolderExpandsToItsOpenableFilesInNameOrder() {
        ws.file("scene/b.fake");
        ws.file("scene/a.fake");
        ws.file("scene/readme.txt");
        ws.file("scene/.a.fake");
        ws.file("scene/sub/c.fake");

        InputSpec in = ws.load(inputs("scene")).data().inputs().get(0);

        assertThat(in.files()).containsExactly(dir.resolve("scene/a.fake"), dir.resolve("scene/b.fake"));
        assertThat(in.chosenReader()).isEqualTo("fake");
    }

    @Test
    void aFolderWithoutOpenableFilesIsReportedWithTheReadersReasons() {
        ws.file("docs/readme.txt");

        assertThat(ws.problems(inputs("docs"))).containsExactly(
                "config.yaml:3:7: data.inputs[0].path: the folder 'docs' has 1 file, but none that an installed reader"
                        + " can open; for readme.txt: fake: not a .fake file; tiff: not a .tif file");
    }

    /** A format keeping a cube in two files, {@code x.hdr} and {@code x.dat}, named by the header. */
    private static final class HeaderAndDataReader implements ReaderProvider {
        @Override
        public String id() {
            return "paired";
        }

        @Override
        public String description() {
            return "header + data files";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public ProbeResult probe(Path path) {
            String name = path.getFileName().toString();
            return name.endsWith(".hdr") || name.endsWith(".dat") ? ProbeResult.intended("a header or data file")
                    : ProbeResult.unable("neither .hdr nor .dat");
        }

        @Override
        public Path cubeFile(Path path) {
            String name = path.getFileName().toString();
            return name.endsWith(".dat") ? path.resolveSibling(name.substring(0, name.length() - 4) + ".hdr") : path;
        }

        @Override
        public HyperspectralCube open(Path path, Parameters options) {
            throw new UnsupportedOperationException("opens nothing");
        }
    }

    @Test
    void aFolderHoldingAHeaderAndItsDataFileYieldsTheCubeOnceByTheFileItsReaderNamesIt() {
        Workspace paired = new Workspace(dir, FakePlugins.registry(new HeaderAndDataReader()));
        paired.file("scenes/a.dat");
        paired.file("scenes/a.hdr");
        paired.file("scenes/b.dat");
        paired.file("scenes/b.hdr");

        assertThat(paired.load(inputs("scenes", "'scenes/*'")).data().inputs()).allSatisfy(input -> assertThat(input.files())
                .containsExactly(dir.resolve("scenes/a.hdr"), dir.resolve("scenes/b.hdr")));
    }

    @Test
    void aFolderMixingFormatsMustBeSplitOrForced() {
        ws.file("mixed/a.fake");
        ws.file("mixed/b.tif");

        assertThat(ws.problems(inputs("mixed"))).containsExactly(
                "config.yaml:3:7: data.inputs[0].path: the folder 'mixed' has 2 files that need different readers"
                        + " (a.fake → fake, b.tif → tiff); give each format its own entry, or force one with 'reader'");
        assertThat(ws.load(inputs("{path: mixed, reader: tiff}")).data().inputs().get(0).files())
                .containsExactly(dir.resolve("mixed/b.tif"));
    }

    @Test
    void anExplicitReaderValidatesItsOptionsFromItsDeclarations() {
        ws.file("cube.fake");

        assertThat(ws.problems(inputs("{path: cube.fake, reader: fake, options: {scale: -1, varible: x}}"))).containsExactly(
                "config.yaml:3:56: data.inputs[0].options.scale: must be greater than 0, found -1.0",
                "config.yaml:3:60: data.inputs[0].options.varible: unknown key (did you mean 'variable'?);"
                        + " allowed: variable, scale");
    }

    @Test
    void anUnknownReaderIdIsReportedWithTheInstalledOnes() {
        ws.file("cube.fake");

        assertThat(ws.problems(inputs("{path: cube.fake, reader: fak}"))).containsExactly(
                "config.yaml:3:33: data.inputs[0].reader: unknown reader 'fak' (did you mean 'fake'?); available: fake, tiff"
                        + " (a jar in the plugins directory can add more; see 'dgc plugins')");
    }

    @Test
    void aForcedReaderOpensANamedFileWithoutProbing() {
        ws.file("cube.bin");

        InputSpec in = ws.load(inputs("{path: cube.bin, reader: fake}")).data().inputs().get(0);

        assertThat(in.files()).containsExactly(dir.resolve("cube.bin"));
        assertThat(in.chosenReader()).isEqualTo("fake");
    }

    @Test
    void aFileNoReaderCanOpenIsReportedWithEachReadersReason() {
        ws.file("cube.bin");

        assertThat(ws.problems(inputs("cube.bin"))).containsExactly(
                "config.yaml:3:7: data.inputs[0].path: no installed reader can open " + dir.resolve("cube.bin")
                        + ": fake: not a .fake file; tiff: not a .tif file");
    }

    @Test
    void probingPrefersIntendedThenHigherPriorityThenTheSmallerId() {
        ws.file("cube.fake");
        ws.file("cube.gen");
        Workspace contest = new Workspace(dir, FakePlugins.registry(
                new FakePlugins.Reader("generic", ".fake", ProbeResult.Level.SUITABLE, 100),
                new FakePlugins.Reader("gen-b", ".gen", ProbeResult.Level.SUITABLE, 1),
                new FakePlugins.Reader("gen-a", ".gen", ProbeResult.Level.SUITABLE, 1),
                new FakePlugins.Reader("gen-low", ".gen", ProbeResult.Level.SUITABLE, 0)));

        DgcConfig c = contest.load(inputs("cube.fake", "cube.gen"));

        assertThat(c.data().inputs()).extracting(InputSpec::chosenReader).containsExactly("fake", "gen-a");
    }

    @Test
    void truthIsResolvedLikeInputsAndMayNotOutnumberThem() {
        ws.file("cube.fake");
        ws.file("gt.fake");

        assertThat(ws.load(inputs("cube.fake") + "  truth: [{path: gt.fake, unlabeled: 0}]\n").data().truth())
                .extracting(InputSpec::files).containsExactly(List.of(dir.resolve("gt.fake")));
        assertThat(ws.problems(inputs("cube.fake") + "  truth: [gt.fake, gt.fake]\n")).containsExactly(
                "config.yaml:4:10: data.truth: lists 2 label maps for 1 inputs; truth[i] belongs to inputs[i],"
                        + " so there can be at most as many");
        assertThat(ws.problems(inputs("cube.fake") + "  truth: [{path: nothing.fake, unlabeled: -1}]\n")).containsExactly(
                "config.yaml:4:18: data.truth[0].path: no such file or folder: 'nothing.fake' (looked for "
                        + dir.resolve("nothing.fake") + ")",
                "config.yaml:4:43: data.truth[0].unlabeled: must be at least 0, found -1");
    }

    @Test
    void unlabeledBelongsToTruthOnly() {
        ws.file("cube.fake");

        assertThat(ws.problems(inputs("{path: cube.fake, unlabeled: 0}"))).containsExactly(
                "config.yaml:3:25: data.inputs[0].unlabeled: unknown key; allowed: path, reader, options");
    }

    @Test
    void truthMayNameItsClassesByValueAndABadNameOrValueIsReportedWhereItIs() {
        ws.file("cube.fake");
        ws.file("gt.fake");

        InputSpec t = ws.load(inputs("cube.fake") + "  truth: [{path: gt.fake, classes: {10: corn, 1: 'broccoli, green'}}]\n")
                .data().truth().get(0);
        assertThat(t.classes()).containsExactly(java.util.Map.entry(1, "broccoli, green"), java.util.Map.entry(10, "corn"));
        assertThat(ws.problems(inputs("cube.fake") + "  truth: [{path: gt.fake, classes: {corn: 1}}]\n")).containsExactly(
                "config.yaml:4:37: data.truth[0].classes.corn: a class is named by its label value, a whole number ≥ 0; found 'corn'");
        assertThat(ws.problems(inputs("{path: cube.fake, classes: {1: a}}"))).singleElement().asString()
                .contains("data.inputs[0].classes: unknown key");
    }
}
