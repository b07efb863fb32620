/**
 * Applying a trained DGC model to whole cubes (§8.3 of dgc-algorithm.md): {@link dev.dgc.core.infer.TrainedModel}
 * loads a model directory, {@link dev.dgc.core.infer.DgcNetwork} runs encoder, mean-shift and
 * assignment on one tile, and {@link dev.dgc.core.infer.Predictor} walks a cube in tiles with a halo
 * of at least the receptive field, keeping each tile's core, so memory is bounded by the tile and
 * the result equals whole-image inference.
 */
package dev.dgc.core.infer;
