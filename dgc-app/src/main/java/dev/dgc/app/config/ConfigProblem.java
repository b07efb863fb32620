package dev.dgc.app.config;

import java.util.Objects;

/**
 * One mistake in a configuration: where it is, which key, and what is wrong in words that say what
 * would be right.
 *
 * @param source  the config file as the user named it, or for a value that came from the command
 *                line the override itself ({@code --set losses[2].weight=abc})
 * @param line    the 1-based line, or 0 when the place has no line (an override, a missing file)
 * @param column  the 1-based column, or 0 together with {@code line}
 * @param keyPath where in the config, such as {@code model.encoder.kernel} or {@code losses[2].weight};
 *                empty for the config as a whole
 * @param message what was found and what is allowed
 */
public record ConfigProblem(String source, int line, int column, String keyPath, String message) {

    /** Requires the texts and non-negative positions. */
    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, found " + line + ":" + column);
        }
    }

    /**
     * Whether the problem points at a line of the config file.
     *
     * @return true when {@link #line()} is known
     */
    public boolean hasPosition() {
        return line > 0;
    }

    /**
     * The problem the way compilers print theirs, so editors can jump to it.
     *
     * @return {@code config.yaml:12:5: training.steps: expected an integer, found 'many'}
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source);
        if (hasPosition()) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (!keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        return b.append(message).toString();
    }
}
