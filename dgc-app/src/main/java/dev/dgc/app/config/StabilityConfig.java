package dev.dgc.app.config;

/**
 * The {@code training.stability} section: agreement between the maps of consecutive checkpoints,
 * the internal signal the paper asks for (open question 2), and an optional stop on it.
 *
 * @param enabled   whether every checkpoint maps the training cubes and logs NMI and VI against the previous one
 * @param stopAbove stop once the NMI between consecutive checkpoints is at least this {@code patience}
 *                  times in a row; 0 never stops
 * @param patience  consecutive checkpoints above {@code stopAbove} before stopping
 * @param keep      which state becomes the model: {@code last}, or {@code best} = the checkpoint whose
 *                  maps have the highest spectral fit R²
 * @param stall     stop once this many checkpoints in a row have not improved the best spectral fit; 0 never
 */
public record StabilityConfig(boolean enabled, double stopAbove, int patience, String keep, int stall) {

    /**
     * The section with the last state kept and no stall stop.
     *
     * @param enabled   as in the canonical constructor
     * @param stopAbove as in the canonical constructor
     * @param patience  as in the canonical constructor
     */
    public StabilityConfig(boolean enabled, double stopAbove, int patience) {
        this(enabled, stopAbove, patience, "last", 0);
    }
}
