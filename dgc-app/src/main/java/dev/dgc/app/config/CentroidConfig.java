package dev.dgc.app.config;

/**
 * The {@code centroids} section: the global centroid memory (dgc-algorithm.md §6).
 *
 * @param trainable             whether the optimiser also updates the centroids by gradient (reference)
 *                              or only the EMA moves them (paper)
 * @param emaDecay              α of the EMA {@code c ← α·c + (1−α)·m}, in [0, 1]
 * @param legacyChannelScramble reproduce the reference code's EMA layout bug (§6.2)
 * @param deadMass              a centroid whose assignment mass over both views is at most this is dead
 * @param kick                  κ0, the standard deviation of the Gaussian kick given to a dead centroid
 * @param kickDecay             whether κ decays over the {@code training.epochs} as in the reference (§5.1)
 * @param pruneFraction         centroids whose mass fraction stays below this are pruned; 0 never prunes
 * @param init                  how the centroids start: {@code random} (reference) or {@code kmeans}
 */
public record CentroidConfig(boolean trainable, double emaDecay, boolean legacyChannelScramble, double deadMass,
                             double kick, boolean kickDecay, double pruneFraction, String init) {
}
