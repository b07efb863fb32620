package dev.dgc.core.plugins;

import dev.dgc.api.PluginKind;
import dev.dgc.api.Suggestions;
import dev.dgc.core.DgcException;

import java.util.List;

/** An id that no discovered plugin of the requested kind has; the message lists the ones that exist. */
public final class UnknownPluginException extends DgcException {

    private static final long serialVersionUID = 1L;

    private final PluginKind pluginKind;
    private final String id;
    /** An array, not a List, so that the exception stays serialisable as its supertype promises. */
    private final String[] available;

    /**
     * @param kind      the kind asked for
     * @param id        the unknown id
     * @param available the ids of that kind that exist
     */
    public UnknownPluginException(PluginKind kind, String id, List<String> available) {
        super(Kind.USAGE, message(kind, id, available));
        this.pluginKind = kind;
        this.id = id;
        this.available = available.toArray(String[]::new);
    }

    /**
     * The sentence used for every unknown id, also inside config validation errors.
     *
     * @param kind      the kind
     * @param id        the unknown id
     * @param available the known ids of that kind
     * @return "unknown encoder 'rastr' (did you mean 'raster'?); available: pixelwise, raster"
     */
    public static String message(PluginKind kind, String id, List<String> available) {
        return "unknown " + kind.label() + " '" + id + "'" + Suggestions.hint(id, available) + "; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + " (a jar in the plugins directory can add more; see 'dgc plugins')";
    }

    /**
     * @return the kind asked for
     */
    public PluginKind pluginKind() {
        return pluginKind;
    }

    /**
     * @return the unknown id
     */
    public String id() {
        return id;
    }

    /**
     * @return the ids of that kind that exist
     */
    public List<String> available() {
        return List.of(available);
    }
}
