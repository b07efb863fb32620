package dev.dgc.api.nn;

import java.util.Map;

/**
 * The balancing state of one training run, created by a {@link LossBalancerProvider}. The trainer
 * asks for the factors before each step, then tells the balancer what the step measured. Its whole
 * state is a map of numbers, so that checkpoints can hold it and a resumed run continues exactly.
 * Used from the training thread only.
 */
public interface LossBalancer {

    /**
     * The factor each term's configured weight is multiplied by at this step.
     *
     * @param step the step about to run, from 1
     * @return a finite factor ≥ 0 for every term id the balancer was created with
     */
    Map<String, Double> factors(long step);

    /**
     * Whether {@link #observe} needs the gradient norms of the terms; computing them costs one extra
     * backward pass of the loss stage per term on the steps that ask.
     *
     * @param step the step about to run
     * @return true to receive gradient norms after this step
     */
    default boolean needsGradientNorms(long step) {
        return false;
    }

    /**
     * What a step measured.
     *
     * @param step          the step just run
     * @param losses        each term's unweighted value
     * @param gradientNorms each term's unweighted gradient norm with respect to the embeddings
     *                      (encoder output and mean-shift output, jointly); empty unless
     *                      {@link #needsGradientNorms} asked for this step
     */
    void observe(long step, Map<String, Double> losses, Map<String, Double> gradientNorms);

    /**
     * @return the state to checkpoint, as named numbers (empty for a stateless balancer)
     */
    Map<String, Double> state();

    /**
     * Restores a checkpointed state.
     *
     * @param state what {@link #state} returned
     * @throws IllegalArgumentException when the state does not belong to this balancer, naming the key
     */
    void restore(Map<String, Double> state);

    /**
     * The balancer of fixed weights: every factor is 1, nothing is learnt, and the state is empty.
     *
     * @param terms the enabled term ids, in config order
     * @return a stateless balancer whose {@link #restore} refuses any non-empty state, naming its keys
     */
    static LossBalancer fixed(java.util.List<String> terms) {
        Map<String, Double> ones = new java.util.LinkedHashMap<>();
        terms.forEach(t -> ones.put(t, 1.0));
        Map<String, Double> factors = java.util.Collections.unmodifiableMap(ones);
        return new LossBalancer() {
            @Override
            public Map<String, Double> factors(long step) {
                return factors;
            }

            @Override
            public void observe(long step, Map<String, Double> losses, Map<String, Double> gradientNorms) {
                // fixed weights learn nothing
            }

            @Override
            public Map<String, Double> state() {
                return Map.of();
            }

            @Override
            public void restore(Map<String, Double> state) {
                if (!state.isEmpty()) {
                    throw new IllegalArgumentException("fixed weights have no balancing state, found " + state.keySet());
                }
            }
        };
    }
}
