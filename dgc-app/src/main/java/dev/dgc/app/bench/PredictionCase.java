package dev.dgc.app.bench;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.core.infer.PredictionSettings;
import dev.dgc.core.infer.Predictor;
import dev.dgc.core.infer.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Tiled prediction of a whole cube with {@link Predictor} and the default settings of
 * {@code dgc predict} (256-pixel tiles, the model's receptive field as halo, the cube's own
 * statistics, which take one streaming pass first), by an untrained reference-profile model with
 * K = 4. The cube is either a {@link PatternCube} in memory or the same pattern written once as an
 * int16 ENVI file in a temporary directory and read window by window through the ENVI reader; the
 * file is deleted afterwards. A repetition predicts the whole cube.
 */
final class PredictionCase implements BenchCase {

    private static final int CLUSTERS = 4;

    private final ReferenceProfile profile;
    private final String label;
    private final int side;
    private final int bands;
    private final boolean onDisk;
    private Path dir;
    private HyperspectralCube cube;
    private Predictor predictor;

    /**
     * @param profile the reference profile
     * @param label   the side the case's name states (the standard size)
     * @param side    the cube's lines and samples at this scale
     * @param bands   C
     * @param onDisk  whether the cube is an ENVI file rather than in memory
     */
    PredictionCase(ReferenceProfile profile, int label, int side, int bands, boolean onDisk) {
        this.profile = profile;
        this.label = label + "x" + label + "x" + bands;
        this.side = side;
        this.bands = bands;
        this.onDisk = onDisk;
    }

    @Override
    public String name() {
        return "predict-" + label;
    }

    @Override
    public String description() {
        return "predict a " + side + "×" + side + "×" + bands + " cube, K=" + CLUSTERS + ", "
                + (onDisk ? "int16 ENVI file read by window" : "in memory");
    }

    /** @return pixels of the cube */
    long pixels() {
        return (long) side * side;
    }

    /** A cube of 2²⁴ pixels or more takes minutes per prediction on a small machine. */
    @Override
    public boolean single() {
        return pixels() >= 1L << 24;
    }

    @Override
    public void prepare() throws IOException {
        dir = TempDirs.create("dgc-bench-predict");
        TrainedModel model = profile.untrainedModel(bands, CLUSTERS, dir.resolve("run"));
        if (onDisk) {
            Path header = EnviPatternFile.write(dir, "pattern", side, side, bands);
            ReaderProvider envi = profile.registry().get(ReaderProvider.class, "envi");
            cube = envi.open(header, Parameters.defaults(envi.parameters()));
        } else {
            cube = new PatternCube(side, side, bands);
        }
        predictor = new Predictor(model, PredictionSettings.DEFAULT);
    }

    @Override
    public Timings measure(int warmup, int repetitions) throws IOException {
        return new Timings(BenchCase.time(warmup, repetitions, () -> predictor.predict(cube, name())), OptionalLong.of(pixels()));
    }

    @Override
    public void release() throws IOException {
        predictor = null;
        try {
            if (cube != null) {
                cube.close();
            }
        } finally {
            cube = null;
            if (dir != null) {
                TempDirs.delete(dir);
            }
        }
    }
}
