package dev.dgc.core.plugins;

import dev.dgc.core.DgcException;

/**
 * Two providers of the same kind claim the same id. Which one a config means would be a guess, so
 * discovery stops and names both origins.
 */
public final class DuplicatePluginException extends DgcException {

    private static final long serialVersionUID = 1L;

    /**
     * @param first  the plugin found first
     * @param second the plugin with the same id found later
     */
    public DuplicatePluginException(PluginDescriptor first, PluginDescriptor second) {
        super(Kind.USAGE, "two " + first.kind().label() + " plugins have the id '" + first.id() + "': "
                + first.plugin().getClass().getName() + " in " + first.origin() + " and "
                + second.plugin().getClass().getName() + " in " + second.origin()
                + "; remove one of the jars");
    }
}
