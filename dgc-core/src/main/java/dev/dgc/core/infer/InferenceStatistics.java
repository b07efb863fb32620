package dev.dgc.core.infer;

/** Which band statistics normalise a cube at prediction time (§2.3). */
public enum InferenceStatistics {
    /**
     * The cube's own statistics, computed in one streaming pass before prediction: what the reference
     * does, and what training did to each training cube, so a training cube is predicted exactly as
     * it was seen.
     */
    CUBE,
    /**
     * The statistics pooled over the training cubes, stored in the model: for a cube too small or too
     * uniform for its own statistics to mean anything (a few pixels, one field).
     */
    TRAINING
}
