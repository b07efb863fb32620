package dev.dgc.core.plugins;

import java.nio.file.Path;

/**
 * A plugin jar (or one provider in it) that could not be loaded and was skipped.
 *
 * @param jar     the jar's path
 * @param message what went wrong, for the user
 */
public record PluginProblem(Path jar, String message) {

    @Override
    public String toString() {
        return jar + ": " + message;
    }
}
