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
        SDVariable squared = sd.sum(sd.math().square(shifted), true, 1);
        SDVariable unit = shifted.div(sd.math().sqrt(sd.scalarMax(squared, SQUARED_NORM_FLOOR)));
        SDVariable cosines = sd.mmul(unit, centroids, false, true, false);
        return sd.nn().softmax(name, cosines.div(temperature), 1);
    }
}
