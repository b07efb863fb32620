package dev.dgc.losses.balancing;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.nn.LossBalancerProvider;

import java.util.List;

/**
 * The reference: every term keeps its configured weight (and schedule); all factors are 1.
 * Stateless and thread-safe.
 */
public final class FixedBalancing implements LossBalancerProvider {

    /** The id; also the default when a config names no balancer. */
    public static final String ID = "fixed";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public FixedBalancing() {
        // Stateless.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "the configured weights as they are (reference): every factor is 1";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    /** {@inheritDoc} */
    @Override
    public LossBalancer create(List<String> terms, Parameters params) {
        return LossBalancer.fixed(terms);
    }
}
