package dev.dgc.api.nn;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * One term of the training loss (§5 of the method specification). The engine multiplies the
 * returned scalar by the term's configured weight (and its schedule) and sums the terms; a term
 * never applies its own weight.
 */
public interface LossTermProvider extends Plugin {

    /**
     * Adds the term to the graph.
     *
     * @param context the step's tensors
     * @param params  validated term parameters (the framework's {@code weight} and {@code schedule}
     *                are not among them)
     * @return a scalar
     */
    SDVariable build(LossContext context, Parameters params);
}
