package dev.dgc.core.train;

import dev.dgc.api.sampling.PairSampler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Trains one DGC model (§7 of dgc-algorithm.md): per step B patch pairs, one gradient step of the
 * whole graph, a second no-gradient forward feeding the centroid memory, checkpoints and resume, and
 * finally the saved model under {@code <runDir>/model}. One instance runs one training; not
 * thread-safe.
 */
public final class Trainer {

    private final TrainingSettings settings;
    private final List<TrainingCube> cubes;
    private final PairSampler sampler;
    private final Path runDir;

    /**
     * @param settings the resolved run
     * @param cubes    the training cubes, in config order; every one must have {@code settings.model().bands()} bands
     * @param sampler  plans the patch pairs; its patch size is the graph's
     * @param runDir   where checkpoints and the model go; created if absent
     * @throws IllegalArgumentException when there are no cubes or a cube's band count differs from the model's
     */
    public Trainer(TrainingSettings settings, List<TrainingCube> cubes, PairSampler sampler, Path runDir) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cubes = List.copyOf(cubes);
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        if (this.cubes.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one cube, found none");
        }
        for (TrainingCube c : this.cubes) {
            int bands = c.cube().metadata().bands();
            if (bands != settings.model().bands()) {
                throw new IllegalArgumentException("cube '" + c.name() + "' has " + bands + " bands but the model expects "
                        + settings.model().bands() + "; every training cube must have the same bands");
            }
        }
    }

    /**
     * Runs the training to {@code settings.steps()}.
     *
     * @param listener receives progress on this thread
     * @param resume   continue from {@code <runDir>/checkpoints/latest} instead of starting afresh
     * @return the saved model and timings
     * @throws IOException when a cube cannot be read, a checkpoint or the model cannot be written, or
     *                     {@code resume} is set and there is no checkpoint to resume from
     */
    public TrainingResult train(TrainingListener listener, boolean resume) throws IOException {
        throw new UnsupportedOperationException("the training loop is not wired yet (" + settings.steps() + " steps, "
                + cubes.size() + " cubes, " + sampler.patchRows() + "×" + sampler.patchCols() + ", " + runDir + ", "
                + listener + ", " + resume + ")");
    }
}
