package dev.dgc.encoders;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.ReceptiveField;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;

/**
 * The {@code pixelwise} encoder (§3.2 of dgc-algorithm.md): the {@link RasterEncoder} with its
 * spectral kernel forced to 1, so the spectral stage is a per-pixel MLP over the bands and nothing
 * wraps across row ends; then the same 3×3 convolutions and L2 normalisation. Stateless and
 * thread-safe.
 */
public final class PixelwiseEncoder implements EncoderProvider {

    /** The spectral kernel width that makes the raster convolution a per-pixel layer. */
    private static final int KERNEL = 1;

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public PixelwiseEncoder() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "pixelwise";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "per-pixel MLP over the bands (the raster encoder with kernel 1, no row wrap), then 3×3 convolutions (§3.2)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return EncoderSettings.specs(false, "");
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable build(EncoderGraph graph, Parameters params) {
        return new EncoderLayers(graph, settings(params)).rasterEncoder(graph.input(), graph.bands());
    }

    /** {@inheritDoc} */
    @Override
    public int embeddingDim(Parameters params) {
        return settings(params).dim();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One pixel in every direction per spatial layer, no wrap.
     */
    @Override
    public ReceptiveField receptiveField(Parameters params) {
        return EncoderLayers.rasterField(settings(params));
    }

    private static EncoderSettings settings(Parameters params) {
        return EncoderSettings.readWithKernel(params, KERNEL);
    }
}
