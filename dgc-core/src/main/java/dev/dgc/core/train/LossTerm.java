package dev.dgc.core.train;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossTermProvider;
import java.util.Objects;

/**
 * One enabled loss term of the total loss.
 *
 * @param id       the plugin id, used for names in the graph, in {@code losses.csv} and the progress line
 * @param provider the plugin
 * @param params   its validated parameters
 * @param weight   λ over training (constant unless scheduled)
 */
public record LossTerm(String id, LossTermProvider provider, Parameters params, WeightSchedule weight) {
    public LossTerm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(weight, "weight");
    }
}
