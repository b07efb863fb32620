package dev.dgc.app.config;

import dev.dgc.api.Parameters;
import dev.dgc.api.PluginKind;

import java.util.Objects;

/**
 * A plugin chosen by id in the config, with its parameters validated against its declarations.
 *
 * @param kind   the plugin kind
 * @param id     the plugin id, known to the registry the config was loaded with
 * @param params the plugin's parameters, defaults filled in
 */
public record PluginChoice(PluginKind kind, String id, Parameters params) {

    /** Requires every part. */
    public PluginChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(params, "params");
    }
}
