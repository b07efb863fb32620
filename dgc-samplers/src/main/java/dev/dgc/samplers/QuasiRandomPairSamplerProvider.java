package dev.dgc.samplers;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.List;

/** Provides {@link QuasiRandomPairSampler} as {@code quasi-random}. Stateless. */
public final class QuasiRandomPairSamplerProvider implements SamplerProvider {

    /** The id configs use. */
    public static final String ID = "quasi-random";

    /** For {@link java.util.ServiceLoader}. */
    public QuasiRandomPairSamplerProvider() {
    }

    /**
     * @return {@value #ID}
     */
    @Override
    public String id() {
        return ID;
    }

    /**
     * @return one line for {@code dgc plugins}
     */
    @Override
    public String description() {
        return "Overlapping patch pairs whose first windows follow a low-discrepancy sequence over cubes and image plane,"
                + " with random overlaps, warps and band shifts.";
    }

    /**
     * @return the same parameters as {@code overlapping-pair}
     */
    @Override
    public List<ParameterSpec> parameters() {
        return SamplerSettings.DECLARATIONS;
    }

    /** Reports min/max pairs in the wrong order while the config is validated. */
    @Override
    public List<String> check(Parameters params) {
        return SamplerSettings.problems(params);
    }

    /**
     * @param params parameters validated against {@link #parameters()}
     * @return the sampler
     * @throws IllegalArgumentException when minOverlap exceeds maxOverlap or minScale exceeds
     *                                  maxScale, naming both values
     */
    @Override
    public PairSampler create(Parameters params) {
        return new QuasiRandomPairSampler(SamplerSettings.from(params));
    }
}
