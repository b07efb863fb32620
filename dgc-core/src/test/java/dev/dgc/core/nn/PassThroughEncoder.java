package dev.dgc.core.nn;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.ReceptiveField;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;

/** A test encoder whose embeddings are its input, so given unit embeddings can be fed to the graph. */
final class PassThroughEncoder implements EncoderProvider {

    static final String DIM = "dim";

    @Override
    public String id() {
        return "pass-through";
    }

    @Override
    public String description() {
        return "embeddings = input";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer(DIM, 3, "the band count, which is D"));
    }

    @Override
    public SDVariable build(EncoderGraph graph, Parameters params) {
        return graph.sameDiff().identity(graph.prefix() + "embeddings", graph.input());
    }

    @Override
    public int embeddingDim(Parameters params) {
        return params.getInt(DIM);
    }

    @Override
    public ReceptiveField receptiveField(Parameters params) {
        return new ReceptiveField(0, 0, false);
    }
}
