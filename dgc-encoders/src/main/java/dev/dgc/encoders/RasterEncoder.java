package dev.dgc.encoders;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.ReceptiveField;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;

/**
 * The reference encoder ({@code raster}, §3.1 and §3.2 of dgc-algorithm.md): the patch is reshaped
 * to {@code [B, C, H·W]} and 1-D convolutions with the bands as channels slide along the flattened
 * raster, wrapping from the end of one row to the start of the next exactly as the reference does;
 * then 3×3 convolutions and per-pixel L2 normalisation. Stateless and thread-safe.
 */
public final class RasterEncoder implements EncoderProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public RasterEncoder() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "raster";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "reference spectral-spatial CNN: 1-D convolutions along the flattened pixel raster (wrapping at row ends), "
                + "then 3×3 convolutions (§3.1)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return EncoderSettings.specs(true, "the flattened pixel raster");
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
        return new EncoderLayers(graph, EncoderSettings.read(params)).rasterEncoder(graph.input(), graph.bands());
    }

    /** {@inheritDoc} */
    @Override
    public int embeddingDim(Parameters params) {
        return EncoderSettings.read(params).dim();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rows: one per spatial layer; columns: (k−1)/2 per spectral layer plus one per spatial
     * layer, with row wrap when k &gt; 1 (§3.3 without the mean-shift).
     */
    @Override
    public ReceptiveField receptiveField(Parameters params) {
        return EncoderLayers.rasterField(EncoderSettings.read(params));
    }
}
