/**
 * The DGC trainer: one SameDiff graph (encoder, unrolled mean-shift, soft assignment, loss terms),
 * AdamW with decoupled weight decay and global gradient-norm clipping, a second no-gradient forward
 * that feeds the EMA centroid memory, checkpoints and resume (arXiv 2512.24172; the project's
 * {@code dgc-algorithm.md} §4–§7).
 *
 * <p>The settings records here are resolved values: profiles and defaults are applied by the caller
 * (the CLI's config binder), so the trainer never guesses.
 */
package dev.dgc.core.train;
