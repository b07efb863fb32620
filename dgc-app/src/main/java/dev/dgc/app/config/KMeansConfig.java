package dev.dgc.app.config;

/**
 * The {@code kmeans} section: Tribuo k-means, as the model ({@code model.id: kmeans}) or as the
 * baseline ({@code evaluation.baseline: kmeans}). K is {@code model.clusters}, the seed {@code training.seed}.
 *
 * @param maxIterations Lloyd iterations at most
 * @param samplePixels  the most pixels it is fitted on; more are sampled uniformly with the seed
 */
public record KMeansConfig(int maxIterations, int samplePixels) {
}
