package dev.dgc.api.sampling;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;

/** Creates configured {@link PairSampler}s. */
public interface SamplerProvider extends Plugin {

    /**
     * @param params validated sampler parameters
     * @return a sampler
     */
    PairSampler create(Parameters params);
}
