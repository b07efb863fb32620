package dev.dgc.core.train;

/**
 * AdamW with decoupled weight decay (Loshchilov and Hutter), as PyTorch's {@code torch.optim.AdamW}.
 *
 * @param lr          learning rate
 * @param weightDecay decoupled weight decay; the parameter is multiplied by {@code 1 − lr·wd} each step
 * @param beta1       first-moment decay
 * @param beta2       second-moment decay
 * @param epsilon     denominator guard
 */
public record OptimizerSettings(double lr, double weightDecay, double beta1, double beta2, double epsilon) {
    /** The reference values: lr 1e-4, wd 0.01, betas (0.9, 0.999), eps 1e-8. */
    public static final OptimizerSettings REFERENCE = new OptimizerSettings(1e-4, 0.01, 0.9, 0.999, 1e-8);

    public OptimizerSettings {
        if (!(lr > 0) || !(weightDecay >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("invalid optimiser settings " + lr + ", " + weightDecay + ", " + beta1
                    + ", " + beta2 + ", " + epsilon);
        }
    }
}
