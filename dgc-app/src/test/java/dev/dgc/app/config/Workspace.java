package dev.dgc.app.config;

import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A temporary working directory holding a config file and the files it names, loaded with a given
 * registry, so that tests read as "this YAML gives this config" or "these problems".
 */
final class Workspace {

    /** The name the config is written under and reported as. */
    static final String CONFIG = "config.yaml";

    private final Path dir;
    private final PluginRegistry registry;

    Workspace(Path dir, PluginRegistry registry) {
        this.dir = dir;
        this.registry = registry;
    }

    /** @return the working directory */
    Path dir() {
        return dir;
    }

    /**
     * Creates an empty file (and its folders) below the working directory.
     *
     * @param relative the file's path relative to the working directory
     * @return its absolute path
     */
    Path file(String relative) {
        Path p = dir.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Writes {@value #CONFIG} and loads it.
     *
     * @param yaml      the config text
     * @param overrides {@code --set} overrides
     * @return the config
     */
    DgcConfig load(String yaml, String... overrides) {
        write(CONFIG, yaml);
        return ConfigLoader.load(Path.of(CONFIG), List.of(overrides), registry, dir);
    }

    /**
     * Writes {@value #CONFIG}, loads it and returns the failure.
     *
     * @param yaml      the config text
     * @param overrides {@code --set} overrides
     * @return the exception; the test fails if loading succeeds
     */
    ConfigException fails(String yaml, String... overrides) {
        write(CONFIG, yaml);
        ConfigException e = catchThrowableOfType(
                () -> ConfigLoader.load(Path.of(CONFIG), List.of(overrides), registry, dir), ConfigException.class);
        if (e == null) {
            throw new AssertionError("expected the config to be rejected:\n" + yaml);
        }
        return e;
    }

    /**
     * The rendered problems of a rejected config.
     *
     * @param yaml      the config text
     * @param overrides {@code --set} overrides
     * @return one string per problem, as printed
     */
    List<String> problems(String yaml, String... overrides) {
        return fails(yaml, overrides).problems().stream().map(ConfigProblem::toString).toList();
    }

    /**
     * Writes a text file below the working directory.
     *
     * @param relative the path
     * @param text     the content
     * @return the absolute path
     */
    Path write(String relative, String text) {
        Path p = dir.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
