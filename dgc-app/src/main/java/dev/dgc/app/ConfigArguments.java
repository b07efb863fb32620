package dev.dgc.app;

import dev.dgc.app.config.ConfigLoader;
import dev.dgc.app.config.DgcConfig;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The config file and its {@code --set} overrides, declared once for every command that reads a
 * config (a picocli mixin). Not thread-safe: picocli fills it while parsing.
 */
final class ConfigArguments {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the YAML config")
    Path config;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
            description = "Override a config value, e.g. --set model.clusters=8 or --set losses[2].weight=0.5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    /**
     * Loads, binds and validates the config with its overrides.
     *
     * @param registry the plugins the config's ids name
     * @return the bound config
     * @throws dev.dgc.app.config.ConfigException (usage) listing every problem
     */
    DgcConfig load(PluginRegistry registry) {
        return ConfigLoader.load(config, overrides, registry);
    }
}
