package dev.dgc.losses;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * The compactness term of §5 of dgc-algorithm.md, summed over both views as the reference does:
 * {@code L_comp(0) + L_comp(1)} with {@code L_comp(v) = (1/M) Σ_i Σ_k p_ik · max(0, 1 − x_i·c_k)},
 * where x is the encoder output e (reference) or the normalised shifted embedding ẑ.
 * Gradients reach x, p and the centroids. Stateless and thread-safe.
 */
public final class CompactnessTerm implements LossTermProvider {

    static final String ON = "on";
    static final String ENCODER = "encoder";
    static final String SHIFTED = "shifted";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public CompactnessTerm() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "compactness";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "assignment-weighted hinge distance of each pixel's embedding to the centroids, both views summed (§5)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.choice(ON, ENCODER,
                "embedding compared with the centroids: the encoder output e (reference) or the normalised mean-shift output ẑ",
                ENCODER, SHIFTED));
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable build(LossContext context, Parameters params) {
        boolean shifted = SHIFTED.equals(params.getString(ON));
        return perView(context, 0, shifted).add(perView(context, 1, shifted));
    }

    private static SDVariable perView(LossContext context, int view, boolean shifted) {
        SameDiff sd = context.sameDiff();
        SDVariable x = shifted ? LossMath.unitRows(sd, context.shifted(view)) : context.embeddings(view);
        SDVariable cosine = sd.mmul(x, context.centroids(), false, true, false);
        SDVariable hinge = sd.nn().relu(cosine.rsub(1.0), 0.0);
        return sd.mean(sd.sum(context.probabilities(view).mul(hinge), 1));
    }
}
