package dev.dgc.core.train;

import java.util.Map;

/**
 * What one optimiser step measured (after the step: the losses of the second, no-gradient forward, as
 * the reference logs them).
 *
 * @param step           1-based step number
 * @param steps          total steps of the run
 * @param losses         each term's unweighted value, by term id, in config order
 * @param weights        each term's weight at this step, by term id
 * @param total          Σ weight·loss
 * @param gradientNorm   the global gradient norm before clipping
 * @param activeClusters clusters that win the argmax of at least one pixel of the step
 * @param deadClusters   clusters kicked by the centroid memory this step
 * @param bandwidth      σ after the step
 * @param seconds        wall time of the step
 */
public record StepReport(long step, long steps, Map<String, Double> losses, Map<String, Double> weights, double total,
                         double gradientNorm, int activeClusters, int deadClusters, double bandwidth, double seconds) {
    public StepReport {
        losses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    }
}
