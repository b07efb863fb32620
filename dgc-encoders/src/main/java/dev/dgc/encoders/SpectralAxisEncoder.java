package dev.dgc.encoders;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.ReceptiveField;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;

/**
 * The {@code spectral-axis} encoder, the paper's wording of §3.2 of dgc-algorithm.md: each pixel's
 * spectrum is a one-channel sequence of length C; 1-D convolutions (1→D, then D→D) run along the
 * wavelengths, the result is averaged over the band axis to one D-vector per pixel (that reduction
 * is the specification's proposal, the paper does not give one), then the same 3×3 convolutions and
 * L2 normalisation as {@link RasterEncoder}. About C times the compute and activation memory of
 * {@code raster}. Stateless and thread-safe.
 */
public final class SpectralAxisEncoder implements EncoderProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public SpectralAxisEncoder() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "spectral-axis";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "1-D convolutions along each pixel's spectrum, averaged over the bands, then 3×3 convolutions (§3.2, paper wording)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return EncoderSettings.specs(true, "the wavelengths of each pixel");
    }

    /**
     * Reports an even kernel while the config is validated, not when the graph is built.
     *
     * @throws IllegalArgumentException for an even {@code kernel}
     */
    @Override
    public List<String> check(Parameters params) {
        return EncoderSettings.problems(params);
    }

    @Override
    public SDVariable build(EncoderGraph graph, Parameters params) {
        return new EncoderLayers(graph, EncoderSettings.read(params)).spectralAxisEncoder(graph.input(), graph.bands());
    }

    /** {@inheritDoc} */
    @Override
    public int embeddingDim(Parameters params) {
        return EncoderSettings.read(params).dim();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The spectral layers stay inside one pixel, so only the spatial layers reach out: one pixel
     * in every direction per layer, no wrap.
     */
    @Override
    public ReceptiveField receptiveField(Parameters params) {
        return EncoderLayers.spatialField(EncoderSettings.read(params));
    }
}
