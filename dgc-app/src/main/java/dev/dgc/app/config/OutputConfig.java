package dev.dgc.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code output} section.
 *
 * @param dir the folder results are written to, as written (relative paths are relative to the
 *            working directory the command runs in)
 */
public record OutputConfig(Path dir) {

    /** Requires the folder. */
    public OutputConfig {
        Objects.requireNonNull(dir, "dir");
    }
}
