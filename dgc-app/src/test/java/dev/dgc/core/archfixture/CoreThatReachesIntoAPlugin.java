package dev.dgc.core.archfixture;

import dev.dgc.encoders.archfixture.EncoderInternals;

/** A deliberate layering violation (core importing a plugin module) that the layering rules must catch. */
public final class CoreThatReachesIntoAPlugin {

    /** @return the plugin's value, read directly instead of through the registry */
    public int kernel() {
        return EncoderInternals.kernel();
    }
}
