package dev.dgc.app.config;

import java.util.Objects;

/**
 * The {@code evaluation} section: how maps are scored where {@code data.truth} is given.
 *
 * @param mapping  {@code auto}, {@code hungarian}, {@code majority}, or the path of a {@code {class: [clusters]}} file
 * @param baseline {@code none} or {@code kmeans}: a baseline run on the same normalised pixels and reported beside DGC
 */
public record EvaluationConfig(String mapping, String baseline) {

    /** Requires both. */
    public EvaluationConfig {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** @return whether k-means runs beside the model */
    public boolean kmeansBaseline() {
        return baseline.equals("kmeans");
    }
}
