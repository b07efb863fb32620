package dev.dgc.core.train;

import dev.dgc.core.model.SavedModel;

import java.io.IOException;

/**
 * Looks at the model at each checkpoint, as it would be saved there, and may end training early
 * (the stability signal and stopping rule of open question 2). Called on the training thread.
 */
@FunctionalInterface
public interface CheckpointProbe {

    /** A probe that never looks and never stops. */
    CheckpointProbe NONE = (step, model) -> false;

    /**
     * @param step  the step just finished
     * @param model the model as it would be saved now (manifest and weights)
     * @return whether training should stop here; the model saved is then this one
     * @throws IOException when what the probe reads or writes fails
     */
    boolean stopAfter(long step, SavedModel model) throws IOException;

    /**
     * What the probe concluded at a checkpoint.
     *
     * @param stop  whether training should stop here
     * @param score how good the model is by the probe's internal signal, higher is better; NaN when
     *              the probe does not score (then {@link ModelSelection#BEST} keeps the last state)
     */
    record Verdict(boolean stop, double score) {
    }

    /**
     * Looks at a checkpoint and scores it. The default scores nothing and stops as {@link #stopAfter}.
     *
     * @param step  the step just finished
     * @param model the model as it would be saved now
     * @return whether to stop and the checkpoint's score
     * @throws IOException when what the probe reads or writes fails
     */
    default Verdict judge(long step, SavedModel model) throws IOException {
        return new Verdict(stopAfter(step, model), Double.NaN);
    }
}
