package dev.dgc.core.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a finished run produced.
 *
 * @param modelDir  the saved model, {@code <runDir>/model}
 * @param steps     the total steps of the run (the last step trained)
 * @param seconds   wall time of this invocation, seconds (excluding earlier sessions of a resumed run)
 * @param firstStep the 1-based step this invocation started at (greater than 1 after a resume)
 * @param clusters  K, the centroids of the model
 * @param live      the centroids not pruned (K when pruning is off), in the saved model
 * @param modelStep the step whose state is the saved model: {@code steps}, or the best checkpoint's
 *                  step with {@link ModelSelection#BEST}
 * @param score     the probe's score of the saved model's checkpoint; NaN when none was scored
 */
public record TrainingResult(Path modelDir, long steps, double seconds, long firstStep, int clusters, int live, long modelStep,
                             double score) {

    /**
     * A result whose model is the last state, unscored.
     *
     * @param modelDir  as in the canonical constructor
     * @param steps     as in the canonical constructor
     * @param seconds   as in the canonical constructor
     * @param firstStep as in the canonical constructor
     * @param clusters  as in the canonical constructor
     * @param live      as in the canonical constructor
     */
    public TrainingResult(Path modelDir, long steps, double seconds, long firstStep, int clusters, int live) {
        this(modelDir, steps, seconds, firstStep, clusters, live, steps, Double.NaN);
    }

    /** Requires the model directory. */
    public TrainingResult {
        Objects.requireNonNull(modelDir, "modelDir");
    }
}
