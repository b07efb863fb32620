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
 * @param live      the centroids not pruned (K when pruning is off)
 */
public record TrainingResult(Path modelDir, long steps, double seconds, long firstStep, int clusters, int live) {
    /** Requires the model directory. */
    public TrainingResult {
        Objects.requireNonNull(modelDir, "modelDir");
    }
}
