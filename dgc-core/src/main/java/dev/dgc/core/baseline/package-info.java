/**
 * Baselines fitted in the same run, on the same per-cube normalised pixels as DGC (the project's
 * {@code dgc-algorithm.md} §2.3), so every report can show DGC beside them:
 * {@link dev.dgc.core.baseline.KMeansBaseline} fits Oracle Tribuo's k-means (k-means++ start,
 * Euclidean distance) on the valid pixels of the training cubes, or on a seeded uniform sample of
 * them, and maps whole cubes by row blocks.
 */
package dev.dgc.core.baseline;
