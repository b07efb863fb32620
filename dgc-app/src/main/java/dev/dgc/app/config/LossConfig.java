package dev.dgc.app.config;

import dev.dgc.api.Parameters;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code losses}: a loss term, its weight λ and its own parameters.
 *
 * @param id      the loss term's plugin id
 * @param weight  λ, the factor of this term in the total loss; at least 0
 * @param enabled whether the term takes part (a disabled term stays in the list so that
 *                {@code --set losses[i].enabled=true} can switch it on)
 * @param params  the term's parameters, defaults filled in
 * @param schedule how the weight changes over training; empty keeps it constant
 */
public record LossConfig(String id, double weight, boolean enabled, Parameters params, Optional<ScheduleConfig> schedule) {

    /** Requires every part. */
    public LossConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(schedule, "schedule");
    }
}
