package dev.dgc.app.config;

import java.util.Objects;

/**
 * The {@code training.optimizer} section.
 *
 * @param id          the optimiser; {@code adamw} is the only one
 * @param lr          learning rate
 * @param weightDecay decoupled weight decay
 * @param beta1       first-moment decay
 * @param beta2       second-moment decay
 * @param epsilon     denominator guard
 */
public record OptimizerConfig(String id, double lr, double weightDecay, double beta1, double beta2, double epsilon) {

    /** Requires the id. */
    public OptimizerConfig {
        Objects.requireNonNull(id, "id");
    }
}
