/**
 * The terms of the DGC training loss (§5 of dgc-algorithm.md), one plugin per term: compactness,
 * uniform assignment, orthogonality, balance and consistency.
 *
 * <p>Each term builds its UNWEIGHTED scalar from the step's tensors in a
 * {@link dev.dgc.api.nn.LossContext}; the engine applies the configured weights and schedules and
 * sums the terms. Defaults reproduce the reference code; parameters select the paper's reading where
 * the two differ (§5, §12). Gradients follow §5.0: no term stops a gradient that the reference lets
 * through, and the clamps {@code max(p, 1e-6)} have zero derivative below the floor, as in PyTorch.
 */
package dev.dgc.losses;
