package dev.dgc.app.config;

/**
 * The {@code training.stability} section: agreement between the maps of consecutive checkpoints,
 * the internal signal the paper asks for (open question 2), and an optional stop on it.
 *
 * @param enabled   whether every checkpoint maps the training cubes and logs NMI and VI against the previous one
 * @param stopAbove stop once the NMI between consecutive checkpoints is at least this {@code patience}
 *                  times in a row; 0 never stops
 * @param patience  consecutive checkpoints above {@code stopAbove} before stopping
 */
public record StabilityConfig(boolean enabled, double stopAbove, int patience) {
}
