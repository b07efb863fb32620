/**
 * Samplers that plan the overlapping patch pairs a training step sees (§2.5, §2.6 of the method
 * specification).
 *
 * <p>Both built-in samplers share one pair geometry: the first window's origin is chosen, an overlap
 * fraction {@code f ~ U[minOverlap, maxOverlap)} bounds how far the second window may move
 * ({@code floor((1−f)·size)} pixels per axis), the second origin is clamped into the cube, and each
 * view independently draws an affine warp and a circular band shift. They differ only in where the
 * first window of a pair sits:
 * <ul>
 *   <li>{@link dev.dgc.samplers.OverlappingPairSampler} ({@code overlapping-pair}) draws it uniformly
 *       at random, as the reference implementation does;</li>
 *   <li>{@link dev.dgc.samplers.QuasiRandomPairSampler} ({@code quasi-random}) takes it from a
 *       low-discrepancy sequence indexed by the pair number, the paper's open question 3.</li>
 * </ul>
 *
 * <p>Windows always lie inside their cube: a cube smaller than the patch is refused rather than
 * reflect-padded as the reference does. Every plan is a pure function of the pair index, the cube
 * extents and the random stream handed in, so a resumed run replays the same pairs; samplers are
 * immutable and thread-safe.
 */
package dev.dgc.samplers;
