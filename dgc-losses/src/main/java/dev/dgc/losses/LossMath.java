package dev.dgc.losses;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.function.IntFunction;

/** The few SameDiff expressions several terms of §5 of dgc-algorithm.md share. */
final class LossMath {

    /** The floor of the probability clamp {@code max(p, 1e-6)} of the uniform-assignment term (§5). */
    static final double PROBABILITY_FLOOR = 1e-6;

    /** The constant added to probabilities before logarithms in balance and consistency (§5). */
    static final double SMOOTHING = 1e-6;

    /**
     * {@code v / sqrt(max(‖v‖², 1e-24))} equals {@code v / max(‖v‖, 1e-12)} (§4.1) but keeps a finite
     * gradient for an all-zero row, where the gradient of a plain norm is 0/0.
     */
    private static final double SQUARED_NORM_FLOOR = 1e-24;

    private LossMath() {
    }

    /**
     * Rows scaled to unit length, {@code v / max(‖v‖, 1e-12)} (§4.1).
     *
     * @param sd   the graph
     * @param rows {@code [M, D]}
     * @return {@code [M, D]}
     */
    static SDVariable unitRows(SameDiff sd, SDVariable rows) {
        SDVariable squared = sd.sum(sd.math().square(rows), true, 1);
        return rows.div(sd.math().sqrt(sd.scalarMax(squared, SQUARED_NORM_FLOOR)));
    }

    /**
     * The average of a per-view quantity over the two views, as the reference weights uniform
     * assignment and balance (§5, "on the average of the two views").
     *
     * @param perView builds the quantity for view 0 or 1
     * @return the scalar mean
     */
    static SDVariable meanOverViews(IntFunction<SDVariable> perView) {
        return perView.apply(0).add(perView.apply(1)).mul(0.5);
    }
}
