package dev.dgc.core.train;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PatchPair;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reference-profile settings built from the built-in plugins, found as the application finds them,
 * and a tiny trained model for the tests of what uses models (inference, Tribuo, merging).
 */
public final class TrainerFixtures {

    private static final Map<String, EncoderProvider> ENCODERS = load(EncoderProvider.class);
    private static final Map<String, LossTermProvider> TERMS = load(LossTermProvider.class);

    private TrainerFixtures() {
    }

    private static <T extends Plugin> Map<String, T> load(Class<T> kind) {
        return ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(Plugin::id, Function.identity()));
    }

    /** The five terms with the reference weights (§13). */
    public static List<LossTerm> referenceLosses() {
        return List.of(term("compactness", 1.0), term("uniform-assignment", 2.0), term("orthogonality", 0.001),
                term("balance", 2.0), term("consistency", 1.0));
    }

    private static LossTerm term(String id, double weight) {
        LossTermProvider p = TERMS.get(id);
        return new LossTerm(id, p, Parameters.defaults(p.parameters()), WeightSchedule.constant(weight));
    }

    public static ModelSpec model(int bands, int clusters, Map<String, ?> encoderParams) {
        EncoderProvider raster = ENCODERS.get("raster");
        return new ModelSpec(bands, "raster", raster, Parameters.of(raster.parameters(), encoderParams), clusters, 0.05,
                MeanShiftSettings.REFERENCE);
    }

    public static TrainingSettings settings(ModelSpec model, int steps, int batch, int checkpointEvery) {
        return new TrainingSettings(model, referenceLosses(), CentroidSettings.REFERENCE, OptimizerSettings.REFERENCE,
                Normalization.ZSCORE, steps, 10, batch, 42, 1.0, checkpointEvery);
    }

    /** The reference profile with other centroid settings and epochs. */
    public static TrainingSettings settings(ModelSpec model, int steps, int batch, int checkpointEvery, int epochs,
                                     CentroidSettings centroids) {
        return new TrainingSettings(model, referenceLosses(), centroids, OptimizerSettings.REFERENCE,
                Normalization.ZSCORE, steps, epochs, batch, 42, 1.0, checkpointEvery);
    }

    /**
     * A sampler of overlapping square windows with the reference's warp and band-shift ranges. Not the
     * built-in one: with dgc-samplers on the test class path the plugin registry's tests would see
     * its providers as built-ins.
     */
    public static PairSampler sampler(int patch) {
        return new PairSampler() {
            @Override
            public int patchRows() {
                return patch;
            }

            @Override
            public int patchCols() {
                return patch;
            }

            @Override
            public PatchPair plan(long index, List<CubeExtent> cubes, SplittableRandom random) {
                CubeExtent c = cubes.get(0);
                int row = random.nextInt(c.lines() - patch + 1);
                int col = random.nextInt(c.samples() - patch + 1);
                int row2 = Math.min(c.lines() - patch, Math.max(0, row + random.nextInt(-patch / 2, patch / 2 + 1)));
                int col2 = Math.min(c.samples() - patch, Math.max(0, col + random.nextInt(-patch / 2, patch / 2 + 1)));
                return new PatchPair(0, new Window(row, col, patch, patch), new Window(row2, col2, patch, patch),
                        augmentation(random), augmentation(random));
            }

            private Augmentation augmentation(SplittableRandom random) {
                return new Augmentation(random.nextDouble(-10, 10), random.nextDouble(-0.1, 0.1) * patch,
                        random.nextDouble(-0.1, 0.1) * patch, random.nextDouble(0.9, 1.1), random.nextInt(-2, 3));
            }
        };
    }

    /**
     * Trains a tiny reference-profile model (raster encoder, D = 8, K = 3) for a few steps on a
     * {@link SyntheticCube} of 12×12×5 and returns its model directory.
     *
     * @param runDir where the run goes
     * @param steps  optimisation steps
     * @return {@code runDir/model}
     * @throws java.io.IOException when the run cannot be written
     */
    public static java.nio.file.Path trainTinyModel(java.nio.file.Path runDir, int steps) throws java.io.IOException {
        TrainingSettings settings = settings(model(5, 3, Map.of("dim", 8, "kernel", 3)), steps, 2, 0);
        return new Trainer(settings, List.of(new TrainingCube("synthetic", new SyntheticCube(12, 12, 5))), sampler(8), runDir,
                "model: {clusters: 3}\n").train(new TrainingListener() { }, false).modelDir();
    }
}
