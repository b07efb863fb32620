package dev.dgc.app.config;

import java.util.Objects;

/**
 * The {@code model} section (dgc-algorithm.md §3, §4).
 *
 * @param clusters    K, the number of global clusters
 * @param encoder     the encoder plugin and its parameters
 * @param meanShift   the unrolled mean-shift settings
 * @param temperature τ of the softmax over cosine similarities to the centroids
 */
public record ModelConfig(int clusters, PluginChoice encoder, MeanShiftConfig meanShift, double temperature) {

    /** Requires every part. */
    public ModelConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(meanShift, "meanShift");
    }
}
