package dev.dgc.app;

import dev.dgc.app.bench.BenchCommand;
import dev.dgc.core.DgcException;
import dev.dgc.core.plugins.PluginProblem;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The root command: global options, the shared plugin registry, and the list of subcommands. */
@Command(name = "dgc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deep Global Clustering for hyperspectral images: unsupervised segmentation of cubes of any size.",
        subcommands = {RunCommand.class, PredictCommand.class, EvaluateCommand.class, MergeCommand.class, InspectCommand.class,
                ValidateCommand.class, DescribeCommand.class, BenchCommand.class,
                PluginsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 usage or config error, 1 failure while working.",
                "Plugin jars are loaded from --plugins DIR, else $DGC_PLUGINS, else ~/.dgc/plugins."})
public final class DgcCommand {

    @Spec
    CommandSpec spec;

    private final List<Path> pluginDirs = new ArrayList<>();
    private boolean debug;
    private PluginRegistry registry;

    /**
     * @param dir a directory of plugin jars; repeatable
     */
    @Option(names = "--plugins", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Directory of plugin jars (repeatable). Default: $DGC_PLUGINS, else ~/.dgc/plugins.")
    void addPluginDir(Path dir) {
        pluginDirs.add(dir);
    }

    /**
     * @param on whether failures show stack traces
     */
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of failures.")
    void setDebug(boolean on) {
        debug = on;
    }

    /**
     * @return whether {@code --debug} was given
     */
    boolean debug() {
        return debug;
    }

    /**
     * The plugin registry, discovered once per invocation. Jars that could not be loaded are
     * reported on standard error, once.
     *
     * @return the registry
     */
    public PluginRegistry registry() {
        if (registry == null) {
            for (Path d : pluginDirs) {
                if (!Files.isDirectory(d)) {
                    throw new DgcException(DgcException.Kind.USAGE, "--plugins " + d + ": no such directory");
                }
            }
            List<Path> dirs = PluginDirectories.resolve(pluginDirs, System.getenv(), Path.of(System.getProperty("user.home")));
            registry = PluginRegistry.discover(DgcCommand.class.getClassLoader(), dirs);
            PrintWriter err = spec.commandLine().getErr();
            for (PluginProblem p : registry.problems()) {
                err.println("dgc: warning: plugin skipped: " + p);
            }
            err.flush();
        }
        return registry;
    }
}
