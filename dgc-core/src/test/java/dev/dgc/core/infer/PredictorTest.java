package dev.dgc.core.infer;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.nn.ReceptiveField;
import dev.dgc.core.data.ArrayCube;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.SyntheticCube;
import dev.dgc.core.train.TrainerFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictorTest {

    @TempDir
    static Path temp;

    private static TrainedModel model;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        Path dir = TrainerFixtures.trainTinyModel(temp.resolve("run"), 3);
        model = TrainedModel.load(dir, PluginRegistry.discover(PredictorTest.class.getClassLoader(), List.of()));
    }

    private static Prediction predict(HyperspectralCube cube, int tile, int halo) throws IOException {
        return new Predictor(model, new PredictionSettings(tile, halo, true, InferenceStatistics.CUBE)).predict(cube, "synthetic");
    }

    @Test
    void theHaloCoversEncoderAndMeanShift() {
        // raster encoder, kernel 3, 3 spectral and 2 spatial layers: 2 rows, 3·1 + 2 = 5 columns; 5 iterations of a 5×5 window add 10
        ReceptiveField field = model.receptiveField();
        assertThat(field.rows()).isEqualTo(2 + 10);
        assertThat(field.cols()).isEqualTo(5 + 10);
        assertThat(field.rowWrap()).isTrue();
    }

    @Test
    void tiledPredictionEqualsWholeImagePredictionExceptTheRasterEncodersRowWrapPixels() throws IOException {
        SyntheticCube cube = new SyntheticCube(43, 51, 5);
        Prediction whole = predict(cube, 1000, -1);
        Prediction tiled = predict(cube, 9, -1);

        // the raster encoder's 1-D convolutions wrap from one row's end to the next row's start, so near
        // the image's left and right edges a pixel's embedding mixes in different pixels in a tile than
        // in the whole image; the spatial layers and the mean-shift carry that as far as the whole
        // receptive field reaches (15 columns here), and only those columns may differ
        int wrapReach = model.receptiveField().cols();
        int compared = 0;
        List<String> wrapPixelsThatDiffer = new ArrayList<>();
        float[] a = whole.probabilities().orElseThrow();
        float[] b = tiled.probabilities().orElseThrow();
        int plane = 43 * 51;
        for (int r = 0; r < 43; r++) {
            for (int c = 0; c < 51; c++) {
                boolean rowWrapPixel = c < wrapReach || c >= 51 - wrapReach;
                for (int k = 0; k < 3; k++) {
                    float x = a[k * plane + r * 51 + c];
                    float y = b[k * plane + r * 51 + c];
                    if (rowWrapPixel) {
                        if (Math.abs(x - y) > 1e-5) {
                            wrapPixelsThatDiffer.add(r + "," + c);
                        }
                    } else {
                        assertThat(y).as("p[%d] at (%d,%d)", k, r, c).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-5f));
                        compared++;
                    }
                }
                if (!rowWrapPixel) {
                    assertThat(tiled.labels()[r * 51 + c]).isEqualTo(whole.labels()[r * 51 + c]);
                }
            }
        }
        assertThat(compared).isEqualTo(43 * (51 - 2 * wrapReach) * 3);
        assertThat(wrapPixelsThatDiffer).as("the excluded pixels are excluded for a reason").isNotEmpty();
    }

    @Test
    void everyTileIsReadInOneShapeThatCoversItsCoreAndHalo() throws IOException {
        float[] values = new float[5 * 43 * 51];
        SyntheticCube synthetic = new SyntheticCube(43, 51, 5);
        synthetic.read(new Window(0, 0, 43, 51), new int[] {0, 1, 2, 3, 4}, values, null);
        ArrayCube cube = new ArrayCube(5, 43, 51, values);
        Predictor predictor = new Predictor(model, new PredictionSettings(9, -1, false, InferenceStatistics.CUBE));
        predictor.predict(cube, "synthetic");

        int rows = 9 + 2 * predictor.haloRows();
        int cols = 9 + 2 * predictor.haloCols();
        List<Window> tiles = cube.reads.stream().filter(w -> w.pixels() < 43 * 51).toList();
        assertThat(tiles).hasSize(5 * 6).allSatisfy(w -> {
            assertThat(w.rows()).isEqualTo(rows);
            assertThat(w.cols()).isEqualTo(cols);
        });
        // the last core row and column (rows 36–42, columns 45–50) are read in windows that end at the image's edge
        assertThat(tiles).anySatisfy(w -> assertThat(w).isEqualTo(new Window(43 - rows, 51 - cols, rows, cols)));
    }

    @Test
    void aTileLargerThanTheImageReadsTheWholeImageOnce() throws IOException {
        float[] values = new float[5 * 20 * 25];
        new SyntheticCube(20, 25, 5).read(new Window(0, 0, 20, 25), new int[] {0, 1, 2, 3, 4}, values, null);
        ArrayCube cube = new ArrayCube(5, 20, 25, values);
        new Predictor(model, new PredictionSettings(64, -1, false, InferenceStatistics.TRAINING)).predict(cube, "synthetic");
        assertThat(cube.reads).containsExactly(new Window(0, 0, 20, 25));
    }

    @Test
    void aNetworkGivesTheSameProbabilitiesAfterItsGraphsForOtherShapesWereBuiltAndDropped() {
        float[] tile = new float[5 * 6 * 7];
        for (int i = 0; i < tile.length; i++) {
            tile[i] = (float) Math.sin(0.37 * i);
        }
        float[] fresh = new DgcNetwork(model).probabilities(tile, 6, 7);
        DgcNetwork reused = new DgcNetwork(model);
        reused.probabilities(tile, 6, 7);
        // three other shapes push the 6×7 graph (and its input array) out of the two-shape cache
        reused.probabilities(new float[5 * 4 * 4], 4, 4);
        reused.probabilities(new float[5 * 3 * 9], 3, 9);
        reused.probabilities(new float[5 * 8 * 2], 8, 2);
        assertThat(reused.probabilities(tile, 6, 7)).containsExactly(fresh);
        float[] other = tile.clone();
        other[0] += 1;
        assertThat(reused.probabilities(other, 6, 7)).as("a refilled input array holds the new tile").isNotEqualTo(fresh);
    }

    @Test
    void aHaloSmallerThanTheReceptiveFieldChangesTheResultSoTheEquivalenceTestCanFail() throws IOException {
        SyntheticCube cube = new SyntheticCube(30, 40, 5);
        float[] whole = predict(cube, 1000, -1).probabilities().orElseThrow();
        float[] noHalo = predict(cube, 9, 0).probabilities().orElseThrow();
        double worst = 0;
        for (int i = 0; i < whole.length; i++) {
            worst = Math.max(worst, Math.abs(whole[i] - noHalo[i]));
        }
        assertThat(worst).isGreaterThan(1e-3);
    }

    @Test
    void probabilitiesSumToOneAndLabelsAreTheirArgmax() throws IOException {
        Prediction p = predict(new SyntheticCube(20, 25, 5), 8, -1);
        float[] probabilities = p.probabilities().orElseThrow();
        int plane = 20 * 25;
        for (int i = 0; i < plane; i++) {
            double sum = 0;
            int best = 0;
            for (int k = 0; k < 3; k++) {
                sum += probabilities[k * plane + i];
                if (probabilities[k * plane + i] > probabilities[best * plane + i]) {
                    best = k;
                }
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(p.labels()[i]).isEqualTo(best);
        }
        assertThat(p.activeClusters()).isBetween(1, 3);
    }

    @Test
    void noDataPixelsAreLabelledNoData() throws IOException {
        SyntheticCube inner = new SyntheticCube(16, 16, 5);
        HyperspectralCube withHole = new HyperspectralCube() {
            @Override
            public CubeMetadata metadata() {
                return inner.metadata();
            }

            @Override
            public void read(Window window, int[] bands, float[] dst, boolean[] noData) throws IOException {
                inner.read(window, bands, dst, noData);
                for (int r = 0; r < window.rows(); r++) {
                    for (int c = 0; c < window.cols(); c++) {
                        if (window.row() + r == 5 && window.col() + c == 7) {
                            noData[r * window.cols() + c] = true;
                            for (int b = 0; b < bands.length; b++) {
                                dst[(b * window.rows() + r) * window.cols() + c] = Float.NaN;
                            }
                        }
                    }
                }
            }

            @Override
            public void close() {
            }
        };
        Prediction p = predict(withHole, 8, -1);
        assertThat(p.labels()[5 * 16 + 7]).isEqualTo(Prediction.NO_DATA);
        assertThat(p.labelRaster(java.util.Optional.empty()).labels()[5 * 16 + 7]).isEqualTo(255);
        assertThat(p.labelRaster(java.util.Optional.empty()).noDataLabel()).hasValue(255);
        assertThat(p.labels()[5 * 16 + 8]).isNotNegative();
    }

    @Test
    void aCubeWithOtherBandsIsRefusedWithBothCounts() {
        HyperspectralCube sevenBands = new SyntheticCube(10, 10, 7);
        assertThatThrownBy(() -> predict(sevenBands, 8, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synthetic has 7 bands")
                .hasMessageContaining("trained on 5");
    }

    @Test
    void theTrainingStatisticsNormaliseATrainingCubeAsItsOwnDo() throws IOException {
        SyntheticCube trainingCube = new SyntheticCube(12, 12, 5);
        Prediction own = predict(trainingCube, 8, -1);
        Prediction training = new Predictor(model, new PredictionSettings(8, -1, false, InferenceStatistics.TRAINING))
                .predict(trainingCube, "synthetic");
        assertThat(training.labels()).containsExactly(own.labels());
    }

    @Test
    void theModelKeepsTheRunsConfigAndDescribesItself() {
        assertThat(model.config()).isEqualTo("model: {clusters: 3}\n");
        assertThat(model.bands()).isEqualTo(5);
        assertThat(model.clusters()).isEqualTo(3);
        assertThat(model.liveClusters()).isEqualTo(3);
        assertThat(model.trainingCubes()).containsExactly("synthetic");
        assertThat(model.seed()).isEqualTo(42);
        assertThat(model.steps()).isEqualTo(3);
        assertThat(model.centroids()).hasDimensions(3, 8);
        assertThat(model.wavelengths()).isEmpty();
    }

    @Test
    void damagedManifestsAreRefusedNamingFileAndKey(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("model");
        java.nio.file.Files.createDirectories(copy);
        try (var files = java.nio.file.Files.list(model.directory())) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path manifest = copy.resolve("manifest.json");
        String text = java.nio.file.Files.readString(manifest);
        java.nio.file.Files.writeString(manifest, text.replace("\"embeddingDim\": 8", "\"embeddingDim\": 9"));
        PluginRegistry registry = PluginRegistry.discover(PredictorTest.class.getClassLoader(), List.of());
        assertThatThrownBy(() -> TrainedModel.load(copy, registry)).isInstanceOf(IOException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining("embeddingDim is 9");
        java.nio.file.Files.writeString(manifest, text.replace("\"id\": \"raster\"", "\"id\": \"rastr\""));
        assertThatThrownBy(() -> TrainedModel.load(copy, registry)).isInstanceOf(IOException.class)
                .hasMessageContaining("encoder 'rastr', which is not installed").hasMessageContaining("raster");
    }
}
