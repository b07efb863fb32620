package dev.dgc.core.train;

/**
 * The centroid memory (§6).
 *
 * @param trainable             whether the optimiser also updates the centroids by gradient (reference
 *                              true; paper false: centroids are constants in every loss)
 * @param emaDecay              α of {@code c ← α·c + (1−α)·m} (reference 0.99)
 * @param legacyChannelScramble reproduce the reference's EMA layout bug (§6.2); off by default
 * @param deadMass              a centroid whose mass over both views is at most this is dead (1e-3)
 * @param kick                  κ0, the std of the Gaussian kick of a dead centroid (0.05)
 * @param kickDecay             whether κ follows the schedule of §5.1 (TV8) over the training
 * @param pruneFraction         centroids whose mass fraction stays below this are pruned; 0 = never (§6.3)
 */
public record CentroidSettings(boolean trainable, double emaDecay, boolean legacyChannelScramble, double deadMass,
                               double kick, boolean kickDecay, double pruneFraction) {
    /** The reference values. */
    public static final CentroidSettings REFERENCE = new CentroidSettings(true, 0.99, false, 1e-3, 0.05, true, 0);

    public CentroidSettings {
        if (!(emaDecay >= 0 && emaDecay <= 1)) {
            throw new IllegalArgumentException("EMA decay must lie in [0, 1], found " + emaDecay);
        }
        if (!(deadMass >= 0) || !(kick >= 0) || !(pruneFraction >= 0 && pruneFraction < 1)) {
            throw new IllegalArgumentException("invalid centroid settings " + deadMass + ", " + kick + ", " + pruneFraction);
        }
    }
}
