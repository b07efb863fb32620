package dev.dgc.core.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The soft assignment of §4.2 of dgc-algorithm.md: {@code ẑ = z / max(‖z‖, 1e-12)},
 * {@code s = ẑ·cᵀ} (cosines, as the centroids are unit rows at forward time) and
 * {@code p = softmax_k(s / τ)}. Building is not thread-safe (SameDiff graph building is not).
 */
public final class SoftAssignment {

    /**
     * {@code v / sqrt(max(‖v‖², 1e-24))} equals {@code v / max(‖v‖, 1e-12)} but keeps a finite
     * gradient for an all-zero row, where the gradient of a plain norm is 0/0.
     */
    private static final double SQUARED_NORM_FLOOR = 1e-24;

    /**
     * The logit offset of a masked (pruned) centroid. Logits are cosines over τ, so for any sane τ
     * they are far smaller than this; the softmax subtracts the row maximum, which is a live
     * centroid's, so {@code exp} of a masked logit underflows to exactly 0 in float32 and float64,
     * and its gradient {@code p·(g − Σ p g)} is exactly 0 too, with no infinity anywhere.
     */
    public static final double MASKED = -1e9;

    private SoftAssignment() {
    }

    /**
     * Adds the assignment to the graph.
     *
     * @param sd          the graph
     * @param name        the name of the result, or null
     * @param shifted     z, {@code [M, D]}
     * @param centroids   c, {@code [K, D]}
     * @param temperature τ, positive
     * @return p, {@code [M, K]}, rows summing to 1
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable shifted, SDVariable centroids, double temperature) {
        return build(sd, name, shifted, centroids, temperature, null);
    }

    /**
     * Adds the assignment with a per-centroid offset added to the logits {@code s / τ} before the
     * softmax: 0 keeps a centroid, {@link #MASKED} gives it p = 0 exactly (see there).
     *
     * @param sd          the graph
     * @param name        the name of the result, or null
     * @param shifted     z, {@code [M, D]}
     * @param centroids   c, {@code [K, D]}
     * @param temperature τ, positive
     * @param mask        the offsets {@code [K]}, or null for none
     * @return p, {@code [M, K]}, rows summing to 1
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable shifted, SDVariable centroids, double temperature,
                                   SDVariable mask) {
        SDVariable squared = sd.sum(sd.math().square(shifted), true, 1);
        SDVariable unit = shifted.div(sd.math().sqrt(sd.scalarMax(squared, SQUARED_NORM_FLOOR)));
        SDVariable cosines = sd.mmul(unit, centroids, false, true, false);
        SDVariable logits = cosines.div(temperature);
        return sd.nn().softmax(name, mask == null ? logits : logits.add(mask), 1);
    }
}
