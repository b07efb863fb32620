/**
 * Encoder and loss-term plugins: each builds its part of the training graph with ND4J SameDiff.
 *
 * <p>Tensor layouts follow the method specification ({@code dgc-algorithm.md}): a batch of patches
 * is {@code [B, C, H, W]} (NCHW, row-major); per-pixel quantities of one view are flattened to
 * {@code [M, ·]} rows with {@code M = B·H·W} in (b, y, x) raster order.
 */
package dev.dgc.api.nn;
