package dev.dgc.app.config;

import java.util.Objects;

/**
 * The {@code model} section (dgc-algorithm.md §3, §4).
 *
 * @param id          {@code dgc} (the network) or {@code kmeans} (Tribuo k-means on the normalised pixels)
 * @param clusters    K, the number of global clusters
 * @param encoder     the encoder plugin and its parameters
 * @param meanShift   the unrolled mean-shift settings
 * @param temperature τ of the softmax over cosine similarities to the centroids
 */
public record ModelConfig(String id, int clusters, PluginChoice encoder, MeanShiftConfig meanShift, double temperature) {

    /** Requires every part. */
    public ModelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(meanShift, "meanShift");
    }

    /** @return whether the model is Tribuo k-means rather than the DGC network */
    public boolean isKMeans() {
        return id.equals("kmeans");
    }
}
