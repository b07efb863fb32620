package dev.dgc.api.nn;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A spectral–spatial encoder: maps a batch of patches to one unit-length embedding per pixel
 * (§3 of the method specification). Must be fully convolutional so that it applies to patches and
 * whole tiles alike.
 */
public interface EncoderProvider extends Plugin {

    /**
     * Adds the encoder to the graph.
     *
     * @param graph  the graph, input and initialisation stream
     * @param params validated encoder parameters
     * @return embeddings {@code [B, D, H, W]}, L2-normalised over D per pixel
     */
    SDVariable build(EncoderGraph graph, Parameters params);

    /**
     * @param params validated encoder parameters
     * @return the embedding dimension D
     */
    int embeddingDim(Parameters params);

    /**
     * @param params validated encoder parameters
     * @return how far an output pixel sees
     */
    ReceptiveField receptiveField(Parameters params);
}
