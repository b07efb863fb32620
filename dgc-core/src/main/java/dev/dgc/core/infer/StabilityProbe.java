package dev.dgc.core.infer;

import dev.dgc.core.data.Normalizer;
import dev.dgc.core.eval.SpectralFit;
import dev.dgc.core.eval.Stability;
import dev.dgc.core.model.SavedModel;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.CheckpointProbe;
import dev.dgc.core.train.TrainingCube;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stability signal the paper asks for (open question 2, §9.2): at every checkpoint each training
 * cube is mapped with the model as it stands, and the map is compared with the previous checkpoint's
 * map of the same cube by NMI and VI (§9.1), averaged over the cubes weighted by their pixels. No
 * truth is involved. Optionally training stops once the NMI has been at least a threshold for a
 * number of consecutive checkpoints: the assignment no longer moves.
 *
 * <p>Every checkpoint is also scored by the {@linkplain SpectralFit spectral fit} R² of its maps on
 * the normalised training spectra (pooled over the cubes), which is 0 for a collapsed map and grows
 * as the clusters become spectrally pure and distinct; {@link dev.dgc.core.train.ModelSelection#BEST}
 * keeps the checkpoint with the highest score. Optionally training also stops once the score has
 * not improved for a number of checkpoints. Each cube's statistics are computed once. Not
 * thread-safe; the trainer calls it on its thread.
 */
public final class StabilityProbe implements CheckpointProbe {

    /** What one checkpoint's comparison found. */
    public record Report(long step, double nmi, double variationOfInformation, double entropy, int activeClusters,
                         double spectralFit, boolean best, double seconds, boolean stopping) {
    }

    /** Receives each checkpoint's report. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param report the comparison with the previous checkpoint; NaN NMI and VI at the first checkpoint
         */
        void stability(Report report);
    }

    private final List<TrainingCube> cubes;
    private final Path modelDir;
    private final PluginRegistry registry;
    private final PredictionSettings settings;
    private final double stopAbove;
    private final int patience;
    private final Listener listener;
    private final List<Normalizer> normalizers = new ArrayList<>();
    private final int stall;
    private List<int[]> previous;
    private int above;
    private double bestFit = Double.NEGATIVE_INFINITY;
    private int sinceBest;

    /**
     * @param cubes     the training cubes
     * @param modelDir  where the model will be written, for messages
     * @param registry  where the model's encoder is found
     * @param settings  how the cubes are mapped (tile, halo, statistics); probabilities are not kept
     * @param stopAbove stop once the NMI is at least this {@code patience} times in a row; 0 never stops
     * @param patience  consecutive checkpoints at or above {@code stopAbove}, at least 1
     * @param listener  receives every report
     */
    public StabilityProbe(List<TrainingCube> cubes, Path modelDir, PluginRegistry registry, PredictionSettings settings,
                          double stopAbove, int patience, Listener listener) {
        this(cubes, modelDir, registry, settings, stopAbove, patience, 0, listener);
    }

    /**
     * @param cubes     the training cubes
     * @param modelDir  where the model will be written, for messages
     * @param registry  where the model's encoder is found
     * @param settings  how the cubes are mapped (tile, halo, statistics); probabilities are not kept
     * @param stopAbove stop once the NMI is at least this {@code patience} times in a row; 0 never stops
     * @param patience  consecutive checkpoints at or above {@code stopAbove}, at least 1
     * @param stall     stop once this many checkpoints in a row have not improved the best spectral
     *                  fit; 0 never stops for that
     * @param listener  receives every report
     */
    public StabilityProbe(List<TrainingCube> cubes, Path modelDir, PluginRegistry registry, PredictionSettings settings,
                          double stopAbove, int patience, int stall, Listener listener) {
        if (stall < 0) {
            throw new IllegalArgumentException("the stall count must be at least 0, found " + stall);
        }
        this.stall = stall;
        this.cubes = List.copyOf(cubes);
        this.modelDir = Objects.requireNonNull(modelDir, "modelDir");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = settings.withProbabilities(false);
        if (!(stopAbove >= 0 && stopAbove <= 1) || patience < 1) {
            throw new IllegalArgumentException("stopAbove must be in [0, 1] and patience at least 1, found " + stopAbove + ", " + patience);
        }
        this.stopAbove = stopAbove;
        this.patience = patience;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public boolean stopAfter(long step, SavedModel model) throws IOException {
        return judge(step, model).stop();
    }

    @Override
    public Verdict judge(long step, SavedModel model) throws IOException {
        long started = System.nanoTime();
        TrainedModel trained = TrainedModel.of(model, modelDir, registry);
        Predictor predictor = new Predictor(trained, settings);
        List<int[]> maps = new ArrayList<>();
        double nmi = 0;
        double vi = 0;
        double entropy = 0;
        long pixels = 0;
        boolean[] used = new boolean[trained.clusters()];
        SpectralFit.Accumulator fit = new SpectralFit.Accumulator(trained.clusters(), trained.bands());
        for (int i = 0; i < cubes.size(); i++) {
            TrainingCube c = cubes.get(i);
            if (normalizers.size() <= i) {
                normalizers.add(predictor.normalizer(c.cube(), c.name()));
            }
            int[] labels = predictor.predict(c.cube(), c.name(), normalizers.get(i), Predictor.Progress.NONE).labels();
            maps.add(labels);
            fit.add(c.cube(), normalizers.get(i), labels);
            for (int l : labels) {
                if (l >= 0) {
                    used[l] = true;
                }
            }
            if (previous != null) {
                Stability s = Stability.between(previous.get(i), labels);
                nmi += s.nmi() * s.pixels();
                vi += s.variationOfInformation() * s.pixels();
                entropy += s.entropy() * s.pixels();
                pixels += s.pixels();
            }
        }
        int active = 0;
        for (boolean u : used) {
            active += u ? 1 : 0;
        }
        boolean first = previous == null;
        previous = maps;
        double meanNmi = first || pixels == 0 ? Double.NaN : nmi / pixels;
        above = !first && stopAbove > 0 && meanNmi >= stopAbove ? above + 1 : 0;
        double r2 = fit.r2();
        boolean best = r2 > bestFit;
        if (best) {
            bestFit = r2;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        boolean stop = stopAbove > 0 && above >= patience || stall > 0 && sinceBest >= stall;
        listener.stability(new Report(step, meanNmi, first || pixels == 0 ? Double.NaN : vi / pixels,
                first || pixels == 0 ? Double.NaN : entropy / pixels, active, r2, best, (System.nanoTime() - started) / 1e9, stop));
        return new Verdict(stop, r2);
    }
}
