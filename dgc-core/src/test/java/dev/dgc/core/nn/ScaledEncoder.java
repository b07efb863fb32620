package dev.dgc.core.nn;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.ReceptiveField;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * A test encoder {@code e = s ⊙ x} with one trainable factor per channel and pixel, {@code s [1, D, h, w]}
 * starting at ones: its gradient is {@code Σ_n x_n ⊙ dL/de_n}, so it exposes the network's total dL/de.
 */
final class ScaledEncoder implements EncoderProvider {

    static final String SCALE = "scale";

    private final int rows;
    private final int cols;

    ScaledEncoder(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    public String id() {
        return "scaled";
    }

    @Override
    public String description() {
        return "embeddings = s ⊙ input";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer(PassThroughEncoder.DIM, 3, "the band count, which is D"));
    }

    @Override
    public SDVariable build(EncoderGraph graph, Parameters params) {
        int dim = params.getInt(PassThroughEncoder.DIM);
        SDVariable scale = graph.sameDiff().var(graph.prefix() + SCALE, Nd4j.ones(DataType.DOUBLE, 1, dim, rows, cols)
                .castTo(graph.input().dataType()));
        return graph.input().mul(scale);
    }

    @Override
    public int embeddingDim(Parameters params) {
        return params.getInt(PassThroughEncoder.DIM);
    }

    @Override
    public ReceptiveField receptiveField(Parameters params) {
        return new ReceptiveField(0, 0, false);
    }
}
