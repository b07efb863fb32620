package dev.dgc.losses;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * The mean per-pixel assignment entropy {@code (1/M) Σ_i −Σ_k p̃_ik ln p̃_ik} with {@code p̃ = p + 1e-6},
 * averaged over the two views; minimising it makes every pixel choose a centroid. Not a term of the
 * reference. With {@code balance} at {@code sign: maximise} the two form the mutual information between
 * pixels and clusters, {@code I = H(p̄) − mean H(p_i)}: maximal only when pixels are assigned confidently
 * AND to different clusters. The reference's terms have the opposite fixed point: its uniform-assignment
 * term pulls every p_i toward uniform, and p_i is uniform for every pixel when all centroids coincide and
 * all embeddings point the same way, which also minimises compactness and the maximised balance — the
 * collapse measured on Salinas-A. Stateless and thread-safe.
 */
public final class ConfidenceTerm implements LossTermProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public ConfidenceTerm() {
        // Stateless: no parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "confidence";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "mean per-pixel assignment entropy, minimised: every pixel chooses a centroid (with balance maximised: mutual information)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable build(LossContext context, Parameters params) {
        return LossMath.meanOverViews(view -> pixelEntropy(context, view));
    }

    private static SDVariable pixelEntropy(LossContext context, int view) {
        SameDiff sd = context.sameDiff();
        SDVariable p = context.probabilities(view).add(LossMath.SMOOTHING);
        return sd.mean(sd.sum(p.mul(sd.math().log(p)), 1)).neg();
    }
}
