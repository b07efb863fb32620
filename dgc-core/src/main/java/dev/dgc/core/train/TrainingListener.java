package dev.dgc.core.train;

import java.nio.file.Path;

/** Receives the progress of a run, on the training thread; every method does nothing by default. */
public interface TrainingListener {

    /**
     * Training starts (or resumes).
     *
     * @param firstStep the 1-based step about to run (greater than 1 after a resume)
     * @param steps     the total steps
     */
    default void started(long firstStep, long steps) {
    }

    /** @param report one finished step */
    default void step(StepReport report) {
    }

    /**
     * A checkpoint was written.
     *
     * @param step the step it holds
     * @param dir  its directory
     */
    default void checkpoint(long step, Path dir) {
    }

    /**
     * Centroids were pruned at the end of an epoch (§6.3): from the next step on their assignment is
     * exactly 0. Called after {@link #step} of that step and before its checkpoint.
     *
     * @param step      the step that ended the epoch
     * @param centroids the centroids pruned now, ascending (earlier pruned ones are not repeated)
     */
    default void pruned(long step, int[] centroids) {
    }

    /**
     * Training ends early: a {@link CheckpointProbe} asked to stop after this step's checkpoint.
     *
     * @param step the last step trained
     */
    default void stopped(long step) {
    }
}
