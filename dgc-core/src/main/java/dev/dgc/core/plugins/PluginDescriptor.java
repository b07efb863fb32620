package dev.dgc.core.plugins;

import dev.dgc.api.Plugin;
import dev.dgc.api.PluginKind;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A discovered plugin with where it came from.
 *
 * @param kind    its kind
 * @param plugin  the shared instance
 * @param version the {@code Implementation-Version} of its jar, or "dev" when run from classes
 * @param origin  the jar or class directory it was loaded from
 * @param builtIn whether it is on the application class path (as opposed to a plugins directory)
 */
public record PluginDescriptor(PluginKind kind, Plugin plugin, String version, Path origin, boolean builtIn) {

    /** Requires every field. */
    public PluginDescriptor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * @return the plugin's id
     */
    public String id() {
        return plugin.id();
    }

    /**
     * @return "encoder/raster"
     */
    public String qualifiedId() {
        return kind.label() + "/" + plugin.id();
    }
}
