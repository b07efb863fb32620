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
}
