/**
 * Pixels on their way into the network: per-band statistics streamed over a cube, band
 * normalisation, the random affine warp and band roll of an augmented view, and the extraction of
 * one normalised, augmented patch of a training batch (the project's {@code dgc-algorithm.md} §2.3,
 * §2.5).
 *
 * <p>Everything here works on plain band-sequential {@code float[]} buffers (band {@code b}, row
 * {@code r}, column {@code c} at {@code (b·rows + r)·cols + c}), the layout of
 * {@link dev.dgc.api.cube.HyperspectralCube#read} and of one patch of an {@code [N, C, h, w]} batch.
 */
package dev.dgc.core.data;
