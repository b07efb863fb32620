package dev.dgc.app.config;

import dev.dgc.core.train.Normalization;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code data} section: which cubes to cluster, optional ground truth, and how bands are scaled.
 *
 * @param inputs    the cubes, at least one
 * @param truth     ground-truth label maps, {@code truth.get(i)} belonging to {@code inputs.get(i)};
 *                  may be shorter than {@code inputs} (later inputs then have no truth) or empty
 * @param normalize {@code zscore}, {@code minmax} or {@code none}
 */
public record DataConfig(List<InputSpec> inputs, List<InputSpec> truth, String normalize) {

    /** Requires every part and copies the lists. */
    public DataConfig {
        inputs = List.copyOf(inputs);
        truth = List.copyOf(truth);
        Objects.requireNonNull(normalize, "normalize");
    }

    /**
     * The scaling as the engine names it.
     *
     * @return the {@link Normalization} named by {@link #normalize()}
     */
    public Normalization normalization() {
        return Normalization.valueOf(normalize.toUpperCase(Locale.ROOT));
    }
}
