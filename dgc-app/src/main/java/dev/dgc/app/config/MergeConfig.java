package dev.dgc.app.config;

import java.util.List;

/**
 * The {@code merge} section: navigable granularity, maps with the trained clusters merged by
 * cosine distance of their centroids.
 *
 * @param levels the numbers of merged groups to map, e.g. {@code [2, 4]}; empty for none
 */
public record MergeConfig(List<Integer> levels) {

    /** Copies the list. */
    public MergeConfig {
        levels = List.copyOf(levels);
    }
}
