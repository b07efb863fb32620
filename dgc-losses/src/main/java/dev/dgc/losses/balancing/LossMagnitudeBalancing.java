package dev.dgc.losses.balancing;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.nn.LossBalancerProvider;

import java.util.List;
import java.util.Map;

/**
 * Loss-magnitude balancing: each term is divided by a running average of its own absolute value, so
 * that every term contributes about its configured weight to the total whatever its natural scale
 * (compactness near 1, consistency near 1e-3, orthogonality growing with the Gram matrix). Factor of
 * term t: {@code 1 / EMA(|L_t|)}, clamped to [1/maxFactor, maxFactor]; the average is updated after
 * every step with decay {@code decay}. Stateless provider; each balancer belongs to one run.
 */
public final class LossMagnitudeBalancing implements LossBalancerProvider {

    static final String DECAY = "decay";
    static final String FLOOR = "floor";
    static final String MAX_FACTOR = "maxFactor";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public LossMagnitudeBalancing() {
        // Stateless: every balancer reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "loss-magnitude";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "each term divided by a running average of its magnitude, so every term weighs about its configured weight";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number(DECAY, 0.9, "decay of the running average of each term's |loss| per step").withRange(0, 1),
                ParameterSpec.number(FLOOR, 1e-6, "a term whose running |loss| is at most this keeps factor 1").withMin(0),
                ParameterSpec.number(MAX_FACTOR, 100.0, "factors are clamped to [1/maxFactor, maxFactor]").withMin(1));
    }

    /** {@inheritDoc} */
    @Override
    public LossBalancer create(List<String> terms, Parameters params) {
        return new RunningScaleBalancer(terms, params.getDouble(DECAY), params.getDouble(FLOOR), params.getDouble(MAX_FACTOR)) {
            @Override
            Map<String, Double> scales(long step, Map<String, Double> losses, Map<String, Double> gradientNorms) {
                return losses;
            }

            @Override
            double target(List<Double> withSignal) {
                return 1;
            }
        };
    }
}
