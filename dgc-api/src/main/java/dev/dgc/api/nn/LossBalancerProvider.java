package dev.dgc.api.nn;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;

import java.util.List;

/**
 * Dynamic loss balancing (open question 1 of the method): instead of keeping every term's weight
 * fixed, a balancer multiplies each term's configured weight (and its schedule) by a factor it
 * chooses from what the previous steps measured. The fixed weights of the reference are the
 * balancer whose factors are all 1.
 */
public interface LossBalancerProvider extends Plugin {

    /**
     * @param terms  the ids of the enabled loss terms, in config order
     * @param params validated balancer parameters
     * @return a balancer for one training run
     */
    LossBalancer create(List<String> terms, Parameters params);
}
