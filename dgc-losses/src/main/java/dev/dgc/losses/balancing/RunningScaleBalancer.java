package dev.dgc.losses.balancing;

import dev.dgc.api.nn.LossBalancer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A balancer that keeps, per term, an exponential moving average of a positive scale (a loss
 * magnitude or a gradient norm) and gives each term the factor {@code target / scale}, clamped to
 * [1/maxFactor, maxFactor]. The first value a term reports starts its average. A term whose scale
 * is at most {@code floor} (it has no signal, e.g. a term the embeddings do not reach) keeps factor
 * 1 and is left out of the target. Until every term with signal has reported, all factors are 1.
 * Used from the training thread only.
 */
abstract class RunningScaleBalancer implements LossBalancer {

    private static final String AVERAGE = "average/";

    private final List<String> terms;
    private final double decay;
    private final double floor;
    private final double maxFactor;
    private final Map<String, Double> average = new LinkedHashMap<>();

    RunningScaleBalancer(List<String> terms, double decay, double floor, double maxFactor) {
        this.terms = List.copyOf(terms);
        this.decay = decay;
        this.floor = floor;
        this.maxFactor = maxFactor;
    }

    /** @return the scale of each term this step reports, or an empty map when it reports none */
    abstract Map<String, Double> scales(long step, Map<String, Double> losses, Map<String, Double> gradientNorms);

    /**
     * The common target the factors bring every term's scale to.
     *
     * @param withSignal the running scales of the terms that have signal (never empty)
     * @return the target
     */
    abstract double target(List<Double> withSignal);

    @Override
    public Map<String, Double> factors(long step) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Double> withSignal = terms.stream().map(average::get).filter(a -> a != null && a > floor).toList();
        boolean ready = terms.stream().allMatch(average::containsKey) && !withSignal.isEmpty();
        double target = ready ? target(withSignal) : 1;
        for (String t : terms) {
            double a = average.getOrDefault(t, 0.0);
            double f = ready && a > floor ? target / a : 1;
            out.put(t, Math.max(1 / maxFactor, Math.min(maxFactor, f)));
        }
        return out;
    }

    @Override
    public void observe(long step, Map<String, Double> losses, Map<String, Double> gradientNorms) {
        scales(step, losses, gradientNorms).forEach((term, value) -> {
            if (!terms.contains(term) || !Double.isFinite(value)) {
                return;
            }
            double v = Math.abs(value);
            average.merge(term, v, (old, now) -> decay * old + (1 - decay) * now);
        });
    }

    @Override
    public Map<String, Double> state() {
        Map<String, Double> out = new LinkedHashMap<>();
        average.forEach((t, v) -> out.put(AVERAGE + t, v));
        return out;
    }

    @Override
    public void restore(Map<String, Double> state) {
        average.clear();
        state.forEach((key, value) -> {
            if (!key.startsWith(AVERAGE) || !terms.contains(key.substring(AVERAGE.length())) || value == null) {
                throw new IllegalArgumentException("balancing state key '" + key + "' is not '" + AVERAGE
                        + "<term>' for one of the terms " + terms);
            }
            average.put(key.substring(AVERAGE.length()), value);
        });
    }
}
