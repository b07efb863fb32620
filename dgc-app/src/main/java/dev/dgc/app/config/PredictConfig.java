package dev.dgc.app.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code predict} section: how every input is mapped after training (§8.3).
 *
 * @param tile          side of a tile's core, pixels
 * @param halo          margin around each core, pixels; -1 = the model's receptive field
 * @param statistics    {@code cube} (each cube's own band statistics, as the reference) or {@code training}
 * @param probabilities whether the cluster probabilities are written too
 * @param writers       writer ids of the label maps, in order
 */
public record PredictConfig(int tile, int halo, String statistics, boolean probabilities, List<String> writers) {

    /** Copies the list. */
    public PredictConfig {
        Objects.requireNonNull(statistics, "statistics");
        writers = List.copyOf(writers);
    }
}
