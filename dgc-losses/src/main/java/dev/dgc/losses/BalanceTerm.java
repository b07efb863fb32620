package dev.dgc.losses;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * The "balance" term of §5 of dgc-algorithm.md: the entropy {@code H = −Σ_k p̄_k ln p̄_k} of the
 * batch marginal {@code p̄_k = (1/M) Σ_i p_ik + 1e-6}, averaged over the two views. The reference
 * adds {@code +H}, so minimising the loss favours FEWER clusters per crop despite the name
 * ({@code sign: minimise}); the paper and the name describe a balancing term, {@code −H}
 * ({@code sign: maximise}). Stateless and thread-safe.
 */
public final class BalanceTerm implements LossTermProvider {

    static final String SIGN = "sign";
    static final String MINIMISE = "minimise";
    static final String MAXIMISE = "maximise";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public BalanceTerm() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "balance";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "entropy of the batch-marginal cluster distribution, averaged over the views (§5)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.choice(SIGN, MINIMISE,
                "minimise the marginal entropy (reference code: the term is +H, fewer clusters per crop) or maximise it"
                        + " (paper and name: the term is −H, balanced clusters)",
                MINIMISE, MAXIMISE));
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable build(LossContext context, Parameters params) {
        SDVariable entropy = LossMath.meanOverViews(view -> marginalEntropy(context, view));
        return MAXIMISE.equals(params.getString(SIGN)) ? entropy.neg() : entropy;
    }

    private static SDVariable marginalEntropy(LossContext context, int view) {
        SameDiff sd = context.sameDiff();
        SDVariable marginal = sd.mean(context.probabilities(view), 0).add(LossMath.SMOOTHING);
        return sd.sum(marginal.mul(sd.math().log(marginal))).neg();
    }
}
