package dev.dgc.losses.balancing;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.nn.LossBalancerProvider;

import java.util.List;
import java.util.Map;

/**
 * Gradient-norm balancing: every {@code every} steps each term's unweighted gradient norm with
 * respect to the embeddings (encoder output and mean-shift output) is measured, and its running
 * average g_t scales the term by {@code mean(g) / g_t}, so that every term pulls on the embeddings
 * as hard as the others times its configured weight, and the total keeps the average scale. A term
 * that does not reach the embeddings (orthogonality reads only the centroids) keeps factor 1.
 * Factors are clamped to [1/maxFactor, maxFactor]. Measuring costs one backward pass of the loss
 * stage per term on the measured steps (not of the encoder). Stateless provider.
 */
public final class GradientNormBalancing implements LossBalancerProvider {

    static final String EVERY = "every";
    static final String DECAY = "decay";
    static final String FLOOR = "floor";
    static final String MAX_FACTOR = "maxFactor";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public GradientNormBalancing() {
        // Stateless: every balancer reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "gradient-norm";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "each term scaled by mean/own running gradient norm on the embeddings, so the terms pull equally hard";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer(EVERY, 10, "steps between gradient-norm measurements (the first step is always measured)")
                        .withMin(1),
                ParameterSpec.number(DECAY, 0.5, "decay of the running average of each term's gradient norm per measurement")
                        .withRange(0, 1),
                ParameterSpec.number(FLOOR, 1e-10, "a term whose running gradient norm is at most this keeps factor 1").withMin(0),
                ParameterSpec.number(MAX_FACTOR, 100.0, "factors are clamped to [1/maxFactor, maxFactor]").withMin(1));
    }

    /** {@inheritDoc} */
    @Override
    public LossBalancer create(List<String> terms, Parameters params) {
        int every = params.getInt(EVERY);
        return new RunningScaleBalancer(terms, params.getDouble(DECAY), params.getDouble(FLOOR), params.getDouble(MAX_FACTOR)) {
            @Override
            public boolean needsGradientNorms(long step) {
                return (step - 1) % every == 0;
            }

            @Override
            Map<String, Double> scales(long step, Map<String, Double> losses, Map<String, Double> gradientNorms) {
                return gradientNorms;
            }

            @Override
            double target(List<Double> withSignal) {
                return withSignal.stream().mapToDouble(Double::doubleValue).average().orElse(1);
            }
        };
    }
}
