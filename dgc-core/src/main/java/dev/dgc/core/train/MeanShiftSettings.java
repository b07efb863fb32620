package dev.dgc.core.train;

/**
 * The unrolled local-window mean-shift (§4.1).
 *
 * @param window         side of the square spatial window, odd (reference 5)
 * @param iterations     unrolled steps; 0 turns the mean-shift off (z = e)
 * @param bandwidth      initial bandwidth σ, stored as θ with σ = softplus(θ)
 * @param learnBandwidth whether θ is trained
 */
public record MeanShiftSettings(int window, int iterations, double bandwidth, boolean learnBandwidth) {
    /** The reference values: 5×5 window, 5 iterations, σ = 1, learned. */
    public static final MeanShiftSettings REFERENCE = new MeanShiftSettings(5, 5, 1.0, true);

    public MeanShiftSettings {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("mean-shift window must be odd and positive, found " + window);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("mean-shift iterations must be ≥ 0, found " + iterations);
        }
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("mean-shift bandwidth must be positive, found " + bandwidth);
        }
    }
}
