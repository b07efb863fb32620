package dev.dgc.app.config;

import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loads a {@code dgc} config: parses the YAML keeping every value's line and column, applies the
 * {@code --set} overrides in order, binds the result to {@link DgcConfig} and validates it against
 * {@link ConfigSchema} and the plugins' declared parameters.
 *
 * <p>Every problem is collected before anything fails, so one {@link ConfigException} lists them
 * all. Two kinds of problem stop the loading early because nothing after them can be judged: a file
 * that cannot be read or parsed, and a file holding no config at all.
 *
 * <p>Input paths and globs are resolved against the working directory (the folder the command runs
 * in), not the folder of the config file, so that paths in a config mean what they mean on the
 * command line. Stateless and thread-safe.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads a config, resolving input paths against the current working directory.
     *
     * @param file      the config file as the user named it
     * @param overrides {@code key.path=value} overrides, as typed after {@code --set}, applied in order
     * @param registry  the plugins ids are looked up in and parameters validated against
     * @return the validated config
     * @throws ConfigException listing every problem found
     */
    public static DgcConfig load(Path file, List<String> overrides, PluginRegistry registry) {
        return load(file, overrides, registry, Path.of("").toAbsolutePath());
    }

    /**
     * Loads a config, resolving input paths against the given folder.
     *
     * @param file             the config file as the user named it
     * @param overrides        {@code key.path=value} overrides, applied in order
     * @param registry         the plugins ids are looked up in and parameters validated against
     * @param workingDirectory the folder relative input paths and globs are resolved against
     * @return the validated config
     * @throws ConfigException listing every problem found
     */
    public static DgcConfig load(Path file, List<String> overrides, PluginRegistry registry, Path workingDirectory) {
        String source = file.toString();
        Location whole = Location.of(source);
        String text;
        try {
            text = Files.readString(workingDirectory.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fail(whole.problem("", "no such config file (looked for " + workingDirectory.resolve(file).toAbsolutePath() + ")"));
        } catch (CharacterCodingException e) {
            throw fail(whole.problem("", "is not UTF-8 text; save the config as UTF-8"));
        } catch (IOException e) {
            throw fail(whole.problem("", Files.isDirectory(workingDirectory.resolve(file))
                    ? "is a folder, not a config file" : "cannot be read: " + e.getMessage()));
        }

        List<ConfigProblem> problems = new ArrayList<>();
        ConfigNode root;
        try {
            root = YamlTrees.parseFile(text, source, problems);
        } catch (YamlTrees.SyntaxError e) {
            throw fail(new ConfigProblem(source, e.line(), e.column(), "", "not valid YAML: " + e.getMessage()));
        }
        if (root == null || root instanceof ConfigNode.Scalar s && s.isNull()) {
            throw fail(whole.problem("", "the config is empty; it needs at least data.inputs"));
        }
        if (!(root instanceof ConfigNode.Mapping rootMapping)) {
            throw fail(root.location().problem("", "expected a mapping with the sections "
                    + String.join(", ", ConfigSchema.topLevelKeys()) + ", found " + root.describe()));
        }
        Overrides.apply(rootMapping, overrides, problems);
        DgcConfig config = new ConfigBinder(registry, workingDirectory, problems).bind(rootMapping, file, overrides);
        if (config == null) {
            // problems without a line read best in the order the overrides were typed
            List<String> typed = overrides.stream().map(Overrides::source).toList();
            problems.sort(Comparator.comparingInt(p -> typed.indexOf(p.source())));
            throw new ConfigException(problems);
        }
        return config;
    }

    private static ConfigException fail(ConfigProblem problem) {
        return new ConfigException(List.of(problem));
    }
}
