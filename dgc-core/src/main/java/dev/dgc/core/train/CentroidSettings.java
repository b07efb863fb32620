package dev.dgc.core.train;

/**
 * The centroid memory (§6).
 *
 * <p>Pruning (§6.3, off when {@code pruneFraction} is 0) keeps K fixed and masks centroids out. The
 * training is cut into {@link TrainingSettings#epochs()} epochs of steps/epochs steps, the same cut
 * as the kick schedule ({@link WeightSchedule#epochOf}). At the end of every epoch from epoch 3 on
 * (after the reference's constant-kick phase), a live centroid whose mass fraction (its mass over
 * both views divided by the total mass of the step, from {@link CentroidUpdate#mass()}) stayed below
 * {@code pruneFraction} on every step of that epoch is pruned; at least 2 centroids always stay live
 * (the heaviest by the epoch's summed mass, ties to the lower index). A pruned centroid has
 * assignment p = 0 exactly from the next step on, is never updated by the EMA, the optimiser or a
 * kick, is not counted as dead, and is listed in the saved model's {@code prunedCentroids}.
 *
 * @param trainable             whether the optimiser also updates the centroids by gradient (reference
 *                              true; paper false: centroids are constants in every loss)
 * @param emaDecay              α of {@code c ← α·c + (1−α)·m} (reference 0.99)
 * @param legacyChannelScramble reproduce the reference's EMA layout bug (§6.2); off by default
 * @param deadMass              a centroid whose mass over both views is at most this is dead (1e-3)
 * @param kick                  κ0, the std of the Gaussian kick of a dead centroid (0.05)
 * @param kickDecay             whether κ follows the schedule of §5.1 (TV8) over the training
 * @param pruneFraction         a live centroid whose mass fraction stays below this on every step of an epoch
 *                              (from epoch 3 on) is pruned; 0 = never (§6.3, rule above)
 * @param init                  how the centroids start: the reference's random unit vectors, or
 *                              spherical k-means on the first step's embeddings ({@link CentroidSeeding})
 */
public record CentroidSettings(boolean trainable, double emaDecay, boolean legacyChannelScramble, double deadMass,
                               double kick, boolean kickDecay, double pruneFraction, Init init) {
    /** The reference values. */
    public static final CentroidSettings REFERENCE = new CentroidSettings(true, 0.99, false, 1e-3, 0.05, true, 0);

    /** How the centroid memory starts. */
    public enum Init {
        /** Unit Gaussian rows (the reference). */
        RANDOM,
        /** Spherical k-means, k-means++ start, on the shifted embeddings of the first step's batch. */
        KMEANS;

        /** @return the config spelling: {@code random} or {@code kmeans} */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The settings with the reference's random start.
     *
     * @param trainable             as in the canonical constructor
     * @param emaDecay              as in the canonical constructor
     * @param legacyChannelScramble as in the canonical constructor
     * @param deadMass              as in the canonical constructor
     * @param kick                  as in the canonical constructor
     * @param kickDecay             as in the canonical constructor
     * @param pruneFraction         as in the canonical constructor
     */
    public CentroidSettings(boolean trainable, double emaDecay, boolean legacyChannelScramble, double deadMass,
                            double kick, boolean kickDecay, double pruneFraction) {
        this(trainable, emaDecay, legacyChannelScramble, deadMass, kick, kickDecay, pruneFraction, Init.RANDOM);
    }

    public CentroidSettings {
        java.util.Objects.requireNonNull(init, "init");
        if (!(emaDecay >= 0 && emaDecay <= 1)) {
            throw new IllegalArgumentException("EMA decay must lie in [0, 1], found " + emaDecay);
        }
        if (!(deadMass >= 0) || !(kick >= 0) || !(pruneFraction >= 0 && pruneFraction < 1)) {
            throw new IllegalArgumentException("invalid centroid settings " + deadMass + ", " + kick + ", " + pruneFraction);
        }
    }
}
