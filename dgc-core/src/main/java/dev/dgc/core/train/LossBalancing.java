package dev.dgc.core.train;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.nn.LossBalancerProvider;

import java.util.List;
import java.util.Objects;

/**
 * The run's dynamic loss balancing: a balancer plugin and its parameters, or {@link #NONE} for the
 * reference's fixed weights without any plugin.
 *
 * @param id       the plugin id, as configured ({@code fixed} for {@link #NONE})
 * @param provider the plugin, or null for {@link #NONE}
 * @param params   its validated parameters
 */
public record LossBalancing(String id, LossBalancerProvider provider, Parameters params) {

    /** Fixed weights, no plugin involved. */
    public static final LossBalancing NONE = new LossBalancing("fixed", null, Parameters.defaults(List.of()));

    public LossBalancing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(params, "params");
    }

    /**
     * @param terms the enabled term ids, in config order
     * @return a fresh balancer for one run
     */
    public LossBalancer create(List<String> terms) {
        return provider != null ? provider.create(terms, params) : LossBalancer.fixed(terms);
    }
}
