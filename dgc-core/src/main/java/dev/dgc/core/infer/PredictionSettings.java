package dev.dgc.core.infer;

import java.util.Objects;

/**
 * How a cube is predicted.
 *
 * @param tile          the side of a tile's core in pixels (memory is about {@code (tile + 2·halo)²}
 *                      times the band count floats, plus the embeddings)
 * @param halo          the margin read around each core, in pixels; negative means the model's
 *                      receptive field, which makes tiled output equal whole-image output
 * @param probabilities whether to keep every pixel's cluster probabilities (K floats per pixel)
 * @param statistics    which statistics normalise the cube
 */
public record PredictionSettings(int tile, int halo, boolean probabilities, InferenceStatistics statistics) {

    /** The default: 256-pixel tiles, the receptive field as halo, labels only, the cube's own statistics. */
    public static final PredictionSettings DEFAULT = new PredictionSettings(256, -1, false, InferenceStatistics.CUBE);

    /** Checks the tile size. */
    public PredictionSettings {
        if (tile < 1) {
            throw new IllegalArgumentException("the tile size must be at least 1 pixel, found " + tile);
        }
        Objects.requireNonNull(statistics, "statistics");
    }

    /**
     * @param keep whether to keep probabilities
     * @return these settings with {@link #probabilities()} replaced
     */
    public PredictionSettings withProbabilities(boolean keep) {
        return new PredictionSettings(tile, halo, keep, statistics);
    }
}
