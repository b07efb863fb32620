package dev.dgc.core.train;

import java.util.Locale;

/**
 * Which state of a run becomes its model (open question 2: a run keeps its best state, not its
 * last). {@link #BEST} needs a {@link CheckpointProbe} that scores checkpoints; a run without scores
 * keeps its last state.
 */
public enum ModelSelection {
    /** The state after the last step (the reference). */
    LAST,
    /** The checkpoint with the highest probe score; ties keep the earlier one. */
    BEST;

    /** @return the config spelling, {@code last} or {@code best} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
