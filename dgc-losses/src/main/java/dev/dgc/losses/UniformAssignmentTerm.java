package dev.dgc.losses;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * The uniform-assignment term of §5 of dgc-algorithm.md, averaged over the two views. The reference
 * ({@code form: sampled}) draws balanced random pseudo-labels y at every step and takes
 * {@code (1/M) Σ_i −ln max(p_{i,y_i}, 1e-6)}; its expectation ({@code form: expectation}) is
 * {@code (1/(M·K)) Σ_i Σ_k −ln max(p_ik, 1e-6)}, the cross-entropy of every pixel's assignment
 * against the uniform distribution: deterministic and of lower variance. Either way the term pushes
 * each pixel toward uniform (anti-collapse), it is no balanced assignment; below the clamp the
 * derivative is zero. Stateless and thread-safe.
 */
public final class UniformAssignmentTerm implements LossTermProvider {

    static final String FORM = "form";
    static final String SAMPLED = "sampled";
    static final String EXPECTATION = "expectation";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public UniformAssignmentTerm() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "uniform-assignment";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "negative log-likelihood of random balanced pseudo-labels, or its expectation; pushes assignments toward uniform (§5)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.choice(FORM, SAMPLED,
                "fresh random balanced pseudo-labels every step (reference) or their expectation, the cross-entropy against"
                        + " the uniform distribution (deterministic)",
                SAMPLED, EXPECTATION));
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable build(LossContext context, Parameters params) {
        boolean sampled = SAMPLED.equals(params.getString(FORM));
        return LossMath.meanOverViews(view -> sampled ? sampled(context, view) : expectation(context, view));
    }

    private static SDVariable sampled(LossContext context, int view) {
        SameDiff sd = context.sameDiff();
        SDVariable p = context.probabilities(view);
        // L_unif(v) is a per-view term (§5): each view gets its own fresh permutation
        SDVariable labels = context.stepInput("labels" + view, p.dataType(),
                new long[] {context.pixelsPerView(), context.clusters()},
                new BalancedPseudoLabels(context.pixelsPerView(), context.clusters(), p.dataType()));
        SDVariable chosen = sd.sum(p.mul(labels), 1);
        return sd.mean(sd.math().log(sd.scalarMax(chosen, LossMath.PROBABILITY_FLOOR))).neg();
    }

    private static SDVariable expectation(LossContext context, int view) {
        SameDiff sd = context.sameDiff();
        SDVariable p = context.probabilities(view);
        return sd.mean(sd.math().log(sd.scalarMax(p, LossMath.PROBABILITY_FLOOR))).neg();
    }
}
