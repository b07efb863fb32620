package dev.dgc.core.infer;

import dev.dgc.core.data.ArrayCube;
import dev.dgc.core.nn.LocalMeanShift;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.SyntheticCube;
import dev.dgc.core.train.Trainer;
import dev.dgc.core.train.TrainerFixtures;
import dev.dgc.core.train.TrainingCube;
import dev.dgc.core.train.TrainingListener;
import dev.dgc.core.train.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prediction time of the reference profile (raster encoder, D = 32, kernel 9, mean-shift window
 * 5 × 5 iterations, K = 4) on an in-memory cube, warm (after one warm-up call), with the encoder and
 * the mean-shift timed on their own. A measurement, not a unit test: run it with
 * {@code -Ddgc.benchmark=true}; {@code dgc.benchmark.size} (256), {@code dgc.benchmark.bands} (301),
 * {@code dgc.benchmark.tile} (256) and {@code dgc.benchmark.runs} (5) change the case, and
 * {@code dgc.benchmark.run} names a directory to keep the model's run in (for {@code dgc predict}).
 * The weights come from one training step: only their shapes matter for the time.
 */
@EnabledIfSystemProperty(named = "dgc.benchmark", matches = "true")
class PredictorBenchmarkTest {

    @TempDir
    Path temp;

    @Test
    void referenceSizedPredictionTimeIsReported() throws IOException {
        int size = Integer.getInteger("dgc.benchmark.size", 256);
        int bands = Integer.getInteger("dgc.benchmark.bands", 301);
        int tile = Integer.getInteger("dgc.benchmark.tile", 256);
        int runs = Integer.getInteger("dgc.benchmark.runs", 5);
        Path runDir = Path.of(System.getProperty("dgc.benchmark.run", temp.resolve("run").toString()));
        TrainingSettings settings = TrainerFixtures.settings(TrainerFixtures.model(bands, 4, Map.of("dim", 32, "kernel", 9)), 1, 1, 0);
        Path modelDir = new Trainer(settings, List.of(new TrainingCube("synthetic", new SyntheticCube(24, 24, bands))),
                TrainerFixtures.sampler(16), runDir, "model: {clusters: 4}\n").train(new TrainingListener() { }, false).modelDir();
        TrainedModel model = TrainedModel.load(modelDir, PluginRegistry.discover(getClass().getClassLoader(), List.of()));

        float[] values = new float[bands * size * size];
        new SyntheticCube(size, size, bands).read(new dev.dgc.api.cube.Window(0, 0, size, size),
                java.util.stream.IntStream.range(0, bands).toArray(), values, null);
        ArrayCube cube = new ArrayCube(bands, size, size, values);
        Predictor predictor = new Predictor(model, new PredictionSettings(tile, -1, false, InferenceStatistics.CUBE));
        int[] first = predictor.predict(cube, "synthetic").labels();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            int[] labels = predictor.predict(cube, "synthetic").labels();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            assertThat(labels).isEqualTo(first);
        }
        Arrays.sort(seconds);
        System.out.printf("predict %d×%d×%d tile %d: median %.3f s, min %.3f s, max %.3f s%n", size, size, bands, tile,
                seconds[runs / 2], seconds[0], seconds[runs - 1]);

        int side = Math.min(size, tile);
        DgcNetwork network = new DgcNetwork(model);
        float[] tileValues = Arrays.copyOf(values, bands * side * side);
        network.shifted(tileValues, side, side);
        double[] networkSeconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            network.shifted(tileValues, side, side);
            networkSeconds[i] = (System.nanoTime() - start) / 1e9;
        }
        LocalMeanShift shift = new LocalMeanShift(1, 32, side, side, 5, 5);
        double[] embeddings = new double[32 * side * side];
        Arrays.fill(embeddings, 1 / Math.sqrt(32));
        shift.forward(embeddings, 1.0);
        double[] meanShift = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            shift.forward(embeddings, 1.0);
            meanShift[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(networkSeconds);
        Arrays.sort(meanShift);
        System.out.printf("one %d×%d tile: encoder + mean-shift %.3f s, of which mean-shift alone %.3f s%n", side, side,
                networkSeconds[runs / 2], meanShift[runs / 2]);
    }
}
