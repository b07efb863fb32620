package dev.dgc.app.merge;

import dev.dgc.core.merge.MergePlan;

import java.util.Objects;

/**
 * One merged map to write for each input: a plan and the suffix its files get after the input's
 * stem ({@code scene-level-4.tif}).
 *
 * @param suffix the file-name suffix, e.g. {@code level-4} or {@code merged}
 * @param plan   the grouping of the clusters
 */
public record MergeLevel(String suffix, MergePlan plan) {

    /** Checks that both are given. */
    public MergeLevel {
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(plan, "plan");
    }
}
