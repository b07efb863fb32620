package dev.dgc.samplers;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.List;

/** Provides {@link OverlappingPairSampler} as {@code overlapping-pair}. Stateless. */
public final class OverlappingPairSamplerProvider implements SamplerProvider {

    /** The id configs use. */
    public static final String ID = "overlapping-pair";

    /** For {@link java.util.ServiceLoader}. */
    public OverlappingPairSamplerProvider() {
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
        return "Overlapping patch pairs at uniformly random positions, with random warps and band shifts (reference, §2.5).";
    }

    /**
     * @return patch size, overlap range, warp ranges, band shift and cube weighting
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
        return new OverlappingPairSampler(SamplerSettings.from(params));
    }
}
