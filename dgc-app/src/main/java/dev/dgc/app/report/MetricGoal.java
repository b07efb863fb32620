package dev.dgc.app.report;

import java.util.Locale;
import java.util.Set;

/**
 * Which direction of a metric is better, so that {@link HtmlReport} can mark the best model in each
 * row of the metrics table. Known by name (case-insensitive): agreement and information scores are
 * better high, errors and distances better low, and counts such as {@code activeClusters} or
 * entropies have no better direction and are never marked.
 */
public enum MetricGoal {
    /** Larger is better (oa, kappa, nmi, ami, ari, miou, Dice, …). */
    HIGHER,
    /** Smaller is better (area error, variation of information). */
    LOWER,
    /** Neither: a description, not a score. */
    NONE;

    private static final Set<String> HIGHER_NAMES = Set.of("oa", "aa", "accuracy", "kappa", "nmi", "nmigeometric", "ami", "ari",
            "miou", "meandice", "legacymeandice", "dice", "f1", "precision", "recall", "purity");
    private static final Set<String> LOWER_NAMES = Set.of("arearmse", "variationofinformation", "vi");

    /**
     * The goal of a metric name.
     *
     * @param metric a metric name as in {@link RunReport.ModelResult#metrics()}
     * @return its goal, {@link #NONE} for a name not known to be a score
     */
    public static MetricGoal of(String metric) {
        String key = metric.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (HIGHER_NAMES.contains(key)) {
            return HIGHER;
        }
        return LOWER_NAMES.contains(key) ? LOWER : NONE;
    }
}
