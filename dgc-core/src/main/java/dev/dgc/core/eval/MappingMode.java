package dev.dgc.core.eval;

import java.util.Locale;

/** How clusters are given truth classes before the class-wise metrics are computed. */
public enum MappingMode {
    /** {@link #HUNGARIAN} when there are no more clusters than classes, else {@link #MAJORITY}. */
    AUTO,
    /**
     * One-to-one assignment maximising the matched pixels (Kuhn–Munkres). With more clusters than
     * classes the surplus clusters stay unmapped and their pixels count as errors.
     */
    HUNGARIAN,
    /** Many-to-one: each cluster takes the class it overlaps most (ties: the smaller class value). */
    MAJORITY,
    /** The user's file {@code {class: [clusters]}}, see {@link ManualMapping}. */
    MANUAL;

    /**
     * @return the lower-case name used on the command line and in JSON
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
